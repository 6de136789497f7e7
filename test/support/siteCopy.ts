import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

const ROOT = path.resolve(__dirname, '../..');
const SITE_FILES = [
  'package.json',
  'tsconfig.json',
  'docusaurus.config.ts',
  'sidebars.ts',
  'vercel.ts',
  'blog',
  'src',
  'static',
];

export type SiteCopy = {
  dir: string;
  edit(relative: string, change: (text: string) => string): void;
  /** Writes a new file, e.g. another post. */
  write(relative: string, text: string): void;
  read(relative: string): string;
  /** `docusaurus build`, the bundler alone. */
  build(env?: Record<string, string>): BuildResult;
  /** `npm run build`, as an author runs it: its faults printed under one heading, as the check prints them. */
  npmRunBuild(): BuildResult;
  remove(): void;
};

type BuildResult = {status: number | null; output: string};

/** A throw-away copy of the site, for builds that are meant to fail. */
export function copySite(): SiteCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-site-'));
  for (const name of SITE_FILES) cpSync(path.join(ROOT, name), path.join(dir, name), {recursive: true});
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const run = (command: string, args: string[], env: Record<string, string>): BuildResult => {
    const result = spawnSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env},
    });
    return {status: result.status, output: `${result.stdout}\n${result.stderr}`};
  };
  return {
    dir,
    edit(relative, change) {
      const file = path.join(dir, relative);
      const before = readFileSync(file, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${relative} changed nothing`);
      writeFileSync(file, after);
    },
    write(relative, text) {
      mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true});
      writeFileSync(path.join(dir, relative), text);
    },
    read(relative) {
      return readFileSync(path.join(dir, relative), 'utf8');
    },
    build: (env = {}) => run('npx', ['docusaurus', 'build', dir], env),
    npmRunBuild: () => run('npm', ['run', 'build'], {}),
    remove() {
      rmSync(dir, {recursive: true, force: true});
    },
  };
}
