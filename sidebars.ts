import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// The site has no docs yet (`docs: false` in docusaurus.config.ts); posts live in blog/.
// Kept so a docs section (e.g. runbooks) can be switched on without re-creating the layout.
const sidebars: SidebarsConfig = {};

export default sidebars;
