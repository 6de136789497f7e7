// Written by siteFaults.ts when `npm start` loads the site, so absent from a fresh clone when the types are checked.
declare module '@site/.generated/site-faults.json' {
  const faults: {lines: string[]};
  export default faults;
}
