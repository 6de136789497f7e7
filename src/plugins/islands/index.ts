import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type webpack from 'webpack';

import {contentStandIns} from './contentStandIns';
import {bundleIslands, cssModuleClassName, type IslandBundle} from './bundleIslands';

/**
 * The site's islands: the only JavaScript an HTML-first page loads. `site`
 * runs on every page (colour mode, copy buttons, menu); each other one is
 * loaded only by pages that render its <Island>.
 */
export const ISLAND_ENTRIES = {
  site: 'src/islands/site.ts',
  'latency-replay': 'src/islands/latencyReplay.tsx',
  'version-check': 'src/islands/versionCheck.ts',
  search: 'src/islands/search.ts',
  'local-times': 'src/islands/localTimes.ts',
} as const;

export type IslandName = Exclude<keyof typeof ISLAND_ENTRIES, 'site'>;

/** What pages read (usePluginData('islands')): each island's script URL. */
export type IslandScripts = Record<string, string>;

/**
 * Production builds are HTML-first unless CLASSIC_RUNTIME=true asks for the
 * classic, fully hydrated Docusaurus site (the bench compares the two). The
 * development server always runs the full runtime, for live reload.
 */
export function isHtmlFirstBuild(env: Record<string, string | undefined>): boolean {
  return env.NODE_ENV === 'production' && env.CLASSIC_RUNTIME !== 'true';
}

/** Bundle work that only shapes what a browser loads. */
const BUILD_TIME_BUNDLE = {
  // Rehashing every written file by its final bytes holds them all; names still change with their modules.
  realContentHash: false,
  concatenateModules: false,
  usedExports: false,
  providedExports: false,
  sideEffects: false,
  innerGraph: false,
  mangleExports: false,
};

/** Matches Docusaurus' CSS-module rules: the files whose class names must be stable. */
const CSS_MODULE = /\.module\.css$/;

type CssLoaderUse = {loader?: string; options?: {modules?: {getLocalIdent?: unknown}}};

/**
 * Builds the island bundles, tells pages their URLs, loads the site-wide one
 * on every page, and writes them into the build. It also names the site's own
 * CSS-module classes after their component, so the island bundles, built
 * apart from Docusaurus, use the same class names as the server's HTML.
 */
export default function islandsPlugin(context: LoadContext, {htmlFirst}: {htmlFirst: boolean}): Plugin {
  // Docusaurus types plugin content as unknown at the config; this plugin's is always its bundles.
  const bundles = (content: unknown) => content as IslandBundle[];
  const ownSources = path.join(context.siteDir, 'src') + path.sep;
  const url = (bundle: IslandBundle) => `${context.baseUrl}${bundle.file}`;
  return {
    name: 'islands',
    async loadContent() {
      return htmlFirst ? bundleIslands(context.siteDir, ISLAND_ENTRIES) : [];
    },
    async contentLoaded({content, actions}) {
      const scripts: IslandScripts = Object.fromEntries(bundles(content).map((bundle) => [bundle.name, url(bundle)]));
      actions.setGlobalData(scripts);
    },
    injectHtmlTags({content}) {
      const site = bundles(content).find((bundle) => bundle.name === 'site');
      return site ? {headTags: [{tagName: 'script', attributes: {type: 'module', src: url(site)}}]} : {};
    },
    async postBuild({outDir, content}) {
      for (const bundle of bundles(content)) {
        mkdirSync(path.dirname(path.join(outDir, bundle.file)), {recursive: true});
        writeFileSync(path.join(outDir, bundle.file), bundle.code);
      }
      // The HTML-first page template names none of the client runtime's chunks, which the build still writes
      // (thousands, tens of MB, with a thousand posts): no page can load them, so none is deployed.
      if (htmlFirst) rmSync(path.join(outDir, 'assets/js'), {recursive: true, force: true});
    },
    configureWebpack(config, isServer, {currentBundler}) {
      if (htmlFirst && isServer) {
        // SSG runs the server bundle once, at build time: tree shaking and scope hoisting over a thousand posts
        // cost memory for no reader.
        config.optimization = {...config.optimization, ...BUILD_TIME_BUNDLE};
      } else if (htmlFirst) {
        const {NormalModuleReplacementPlugin} = currentBundler.instance as typeof webpack;
        config.plugins = [...(config.plugins ?? []), ...contentStandIns(context, NormalModuleReplacementPlugin)];
      }
      for (const rule of config.module?.rules ?? []) {
        if (!rule || typeof rule !== 'object' || !(rule.test instanceof RegExp) || !rule.test.test('x.module.css'))
          continue;
        for (const use of (Array.isArray(rule.use) ? rule.use : []) as CssLoaderUse[]) {
          if (!use.loader?.includes('css-loader') || !use.options?.modules) continue;
          // Returning undefined keeps css-loader's own name for the theme's modules.
          use.options.modules.getLocalIdent = (loader: {resourcePath: string}, _name: string, local: string) =>
            loader.resourcePath.startsWith(ownSources) && CSS_MODULE.test(loader.resourcePath)
              ? cssModuleClassName(loader.resourcePath, local)
              : undefined;
        }
      }
      return {};
    },
  };
}
