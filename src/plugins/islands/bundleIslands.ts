import {readFileSync} from 'node:fs';
import path from 'node:path';
import {build, type Plugin as EsbuildPlugin} from 'esbuild';
import {transform} from 'lightningcss';

/** A built island script: where it goes in the build, and its code. */
export type IslandBundle = {name: string; file: string; code: string};

/**
 * The class name a CSS module class gets, in the site's build and in island
 * bundles alike: "LatencyReplay_chart" for `.chart` in
 * src/components/LatencyReplay/styles.module.css. An island re-renders the
 * server's markup, so both builds must agree on every class name; a name
 * derived from the component folder (unique under src/) makes them agree.
 */
export function cssModuleClassName(file: string, local: string): string {
  return `${path.basename(path.dirname(file))}_${local}`;
}

/** The local class names a CSS module exports, read by a real CSS parser. */
export function cssModuleLocals(file: string): string[] {
  const {exports} = transform({filename: file, code: readFileSync(file), cssModules: true});
  return Object.keys(exports ?? {}).sort();
}

/** CSS modules become their class-name maps; plain CSS is already in the page's stylesheet. */
function cssImports(): EsbuildPlugin {
  return {
    name: 'island-css',
    setup(builder) {
      builder.onLoad({filter: /\.css$/}, ({path: file}) => {
        if (!file.endsWith('.module.css')) return {loader: 'js', contents: ''};
        const classNames = Object.fromEntries(
          cssModuleLocals(file).map((local) => [local, cssModuleClassName(file, local)]),
        );
        return {loader: 'js', contents: `export default ${JSON.stringify(classNames)};`};
      });
    },
  };
}

/**
 * Bundles each island's entry (name → file under siteDir) into one minified
 * ES module named by its content hash, with Preact standing in for React: the
 * components are the site's own, rendered by React at build time and by
 * Preact in the browser.
 */
export async function bundleIslands(siteDir: string, entries: Record<string, string>): Promise<IslandBundle[]> {
  const result = await build({
    absWorkingDir: siteDir,
    entryPoints: entries,
    outdir: 'assets/islands',
    entryNames: '[name].[hash]',
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    write: false,
    metafile: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: {react: 'preact/compat', 'react-dom': 'preact/compat', '@site': siteDir},
    define: {'process.env.NODE_ENV': '"production"'},
    plugins: [cssImports()],
    logLevel: 'silent',
  });
  return Object.entries(result.metafile.outputs).map(([file, meta]) => {
    const name = Object.keys(entries).find((key) => meta.entryPoint === entries[key]);
    if (!name) throw new Error(`islands: cannot tell which island ${file} belongs to`);
    const code = result.outputFiles.find((out) => out.path === path.join(siteDir, file))!.text;
    return {name, file, code};
  });
}
