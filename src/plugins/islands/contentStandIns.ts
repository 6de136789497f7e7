import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext} from '@docusaurus/types';
import type {NormalModuleReplacementPlugin} from 'webpack';

import {POST_COMPONENTS} from '../safeMarkup/remarkSafeMarkup';

/**
 * In an HTML-first build the client bundle is never deployed: it is compiled
 * for the stylesheet it extracts and for the files posts link or show (only
 * the client compile writes those). Route props and posts that name no file
 * carry neither, so the client compiles small stand-ins for them: a thousand
 * posts then cost the client compile nothing. The post stand-in imports every
 * component a post may use, so their styles stay in the stylesheet.
 */

/** A post's module, whole or truncated for a list page: "@site/blog/x/index.mdx?truncated=true". */
const POST_MODULE = /^@site\/(.+\.mdx?)(\?.*)?$/;
/** A route's props, written by a plugin: "@generated/<plugin>/…json", or through a plugin's alias ("~blog/…json"). */
const PROPS_MODULE = /^(@generated\/[\w.-]+|~[\w-]+)\/.+\.json$/;

/**
 * True when a post's text names one of the files (by file name) that it could
 * show or link: Docusaurus turns a link or image to an existing file into a
 * copy that only the client compile writes. Matching names, not parsing links,
 * cannot miss a form of Markdown link; escapes and character references are
 * undone first. A name that merely appears costs the post's client compile,
 * which costs memory, not output.
 */
export function namesAFile(markdown: string, fileNames: Iterable<string>): boolean {
  const text = markdown
    .replace(/\\/g, '')
    .replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) =>
      String.fromCodePoint(code[0].toLowerCase() === 'x' ? Number.parseInt(code.slice(1), 16) : Number(code)),
    )
    .replace(/%[0-9a-f]{2}/gi, (encoded) => String.fromCharCode(Number.parseInt(encoded.slice(1), 16)));
  for (const name of fileNames) if (text.includes(name)) return true;
  return false;
}

/** The name of every file a post could link: all under blog/ but the posts themselves, and all static files. */
function linkableFileNames({siteDir, siteConfig}: LoadContext): Set<string> {
  const names = new Set<string>();
  for (const dir of ['blog', ...siteConfig.staticDirectories]) {
    const root = path.resolve(siteDir, dir);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, {recursive: true, withFileTypes: true}))
      if (entry.isFile() && !/^index\.mdx?$/.test(entry.name)) names.add(entry.name);
  }
  return names;
}

/** The client compile's replacements for posts and route props, made with the current bundler's plugin. */
export function contentStandIns(
  context: LoadContext,
  Replacement: typeof NormalModuleReplacementPlugin,
): NormalModuleReplacementPlugin[] {
  const {generatedFilesDir, siteDir} = context;
  const dir = path.join(generatedFilesDir, 'html-first');
  mkdirSync(dir, {recursive: true});
  const post = path.join(dir, 'postStandIn.js');
  const imports = POST_COMPONENTS.map(
    (name) => `import ${JSON.stringify(path.join(siteDir, 'src/components', name))};`,
  );
  writeFileSync(post, `${imports.join('\n')}\nexport default function MDXContent() { return null; }\n`);
  const props = path.join(dir, 'propsStandIn.json');
  writeFileSync(props, '{}\n');

  const fileNames = linkableFileNames(context);
  const keepsFiles = new Map<string, boolean>();
  const needsClientCompile = (file: string) => {
    if (!keepsFiles.has(file))
      keepsFiles.set(file, namesAFile(readFileSync(path.join(siteDir, file), 'utf8'), fileNames));
    return keepsFiles.get(file)!;
  };
  return [
    new Replacement(/\.mdx?(\?.*)?$/, (data: {request: string}) => {
      const file = POST_MODULE.exec(data.request)?.[1];
      if (file && !needsClientCompile(file)) data.request = post;
    }),
    new Replacement(PROPS_MODULE, props),
  ];
}
