import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext} from '@docusaurus/types';
import type {NormalModuleReplacementPlugin} from 'webpack';

import {POST_COMPONENTS} from '../safeMarkup/remarkSafeMarkup';

/**
 * In an HTML-first build the client bundle is never deployed: it is compiled
 * for the stylesheet it extracts and for the files posts link or show (only
 * the client compile writes those). Route props and posts that link no file
 * carry neither, so the client compiles small stand-ins for them: a thousand
 * posts then cost the client compile nothing. The post stand-in imports every
 * component a post may use, so their styles stay in the stylesheet.
 */

/** A post's module, whole or truncated for a list page: "@site/blog/x/index.mdx?truncated=true". */
const POST_MODULE = /^@site\/(.+\.mdx?)(\?.*)?$/;
/** A route's props, written by a plugin: "@generated/<plugin>/…json", or through a plugin's alias ("~blog/…json"). */
const PROPS_MODULE = /^(@generated\/[\w.-]+|~[\w-]+)\/.+\.json$/;

/** A Markdown link, image or link definition target that is not a web address, mail or #anchor. */
const LOCAL_TARGET =
  /(?:\]\(|^[ \t]*\[[^\]\n]+\]:)[ \t]*(?:<(?!https?:|mailto:|#)([^>\n]*)>|(?!<|https?:|mailto:|#)([^\s)]+))/gim;

/**
 * True when a post's Markdown links or shows a file (a target with a file
 * extension, "./diagram.png" or "/incidents.json"): Docusaurus turns those into
 * files only the client compile writes. Errs towards true, which costs memory, not output.
 */
export function linksFiles(markdown: string): boolean {
  return [...markdown.matchAll(LOCAL_TARGET)].some(([, bracketed, bare]) =>
    /\.[a-z0-9]+$/i.test((bracketed ?? bare).replace(/[?#].*$/, '')),
  );
}

/** The client compile's replacements for posts and route props, made with the current bundler's plugin. */
export function contentStandIns(
  {generatedFilesDir, siteDir}: LoadContext,
  Replacement: typeof NormalModuleReplacementPlugin,
): NormalModuleReplacementPlugin[] {
  const dir = path.join(generatedFilesDir, 'html-first');
  mkdirSync(dir, {recursive: true});
  const post = path.join(dir, 'postStandIn.js');
  const imports = POST_COMPONENTS.map(
    (name) => `import ${JSON.stringify(path.join(siteDir, 'src/components', name))};`,
  );
  writeFileSync(post, `${imports.join('\n')}\nexport default function MDXContent() { return null; }\n`);
  const props = path.join(dir, 'propsStandIn.json');
  writeFileSync(props, '{}\n');

  const keepsFiles = new Map<string, boolean>();
  const needsClientCompile = (file: string) => {
    if (!keepsFiles.has(file)) keepsFiles.set(file, linksFiles(readFileSync(path.join(siteDir, file), 'utf8')));
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
