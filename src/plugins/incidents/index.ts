import {readdirSync} from 'node:fs';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {LoadContext, Plugin, PluginModule} from '@docusaurus/types';
import type {BlogContent, BlogPost} from '@docusaurus/plugin-content-blog';

import {COMPONENTS_FILE, readComponents, type Components} from '../../incidents/components';
import {checkPostFrontMatter} from '../../authoring/checkPosts';
import {
  FRONT_MATTER_SCHEMA_PATH,
  postFrontMatterJsonSchema,
  type IncidentPostMeta,
} from '../../incidents/frontMatterSchema';
import {POST_FAULTS, VERSION_OVERLAPS} from '../../incidents/frontMatterFields';
import {FaultError, faultLine} from '../../faults/fault';
import {buildIncidentIndex, incidentFilters, type FilterKind, type IncidentRow} from '../../incidents/incidentIndex';
import {incidentsJson, INCIDENTS_JSON_PATH} from '../../incidents/incidentsJson';
import {
  INCIDENTS_SCHEMA_PATH,
  incidentsJsonSchema,
  incidentsJsonSchemaDocument,
} from '../../incidents/incidentsJsonSchema';
import {paginate, type Pagination} from '../../incidents/incidentPages';
import {rangeOverlaps, type VersionedIncident} from '../../incidents/versionCheck';
import {contentHash} from '../../site/contentHash';
import {writeSearchIndex} from '../../search/searchIndex';
import {SEARCH_PAGE, SEARCH_SCRIPT} from '../../search/searchPaths';
import {socialCardPath, socialCardSvg} from '../../social/socialCard';
import {clearGeneratedDir, writeGeneratedFile} from '../generatedStatic';
import {checkBuiltLinks} from './brokenLinks';
import {validateIncidentsPluginOptions, type IncidentsPluginOptions} from './options';

/** A link to one filtered view of the index. */
export type FilterLink = {kind: FilterKind; label: string; path: string; count: number};

export type IncidentsRouteProps = {
  /** This page's rows, newest first. */
  rows: IncidentRow[];
  components: Components;
  /** Every filtered view, for the filter links. */
  filters: FilterLink[];
  /** The view this page shows; absent on /incidents itself. */
  current?: {kind: FilterKind; label: string};
};

/** One page of /incidents or of a filtered view. */
export type IncidentIndexRouteProps = IncidentsRouteProps & {
  pagination: Pagination;
  /** Where "Am I affected?" fetches every incident's versions (a hashed file under /assets). */
  versionsUrl: string;
};
/** /search: the script that searches the index, and the filtered views it links for readers without JavaScript. */
export type SearchRouteProps = {filters: FilterLink[]; searchScript: string};

/** What every page can read (usePluginData('incidents-index')): the component labels the post headers show. */
export type IncidentsGlobalData = {components: Components};

/** "@site/blog/x/index.md" → "blog/x/index.md": the path an author can open. */
function sourceFile(post: BlogPost): string {
  return post.metadata.source.replace(/^@site\//, '');
}

/**
 * The blog plugin's `processBlogPosts` hook: fails the build on bad front
 * matter, or on a post another post or a redirect would make unreachable,
 * listing every fault of every post at once, one line each (the same lines
 * as `npm run check`); otherwise stores the normalised metadata (dates as
 * text) so every page renders exactly what was validated.
 */
export function incidentPostValidator(siteDir: string) {
  return async function validateIncidentPosts({blogPosts}: {blogPosts: BlogPost[]}): Promise<BlogPost[]> {
    const {valid, faults} = checkPostFrontMatter(
      siteDir,
      blogPosts.map((post) => ({file: sourceFile(post), frontMatter: post.metadata.frontMatter})),
    );
    // Under `npm start` the server stays up and each faulty post shows its faults in the browser (src/theme).
    if (faults.length > 0 && process.env.NODE_ENV !== 'development') throw new FaultError(faults);
    if (faults.length > 0)
      console.warn(
        `Posts left out of /incidents until fixed (their pages show why):\n${faults.map(faultLine).join('\n')}`,
      );
    const meta = new Map(valid.map((post) => [post.file, post.meta]));
    // Every header warns where its "or later" range takes in another post's affected versions.
    const overlaps = rangeOverlaps(
      blogPosts.flatMap((post): VersionedIncident[] => {
        const versions = meta.get(sourceFile(post))?.incident.versions;
        return versions ? [{title: post.metadata.title, permalink: post.metadata.permalink, versions}] : [];
      }),
    );
    return blogPosts.map((post) => {
      const file = sourceFile(post);
      const own = faults.filter((fault) => fault.file === file).map(faultLine);
      const frontMatter =
        own.length > 0
          ? {...post.metadata.frontMatter, [POST_FAULTS]: own}
          : {
              ...post.metadata.frontMatter,
              ...meta.get(file),
              [VERSION_OVERLAPS]: overlaps.get(post.metadata.permalink) ?? [],
            };
      return {...post, metadata: {...post.metadata, frontMatter}};
    });
  };
}

// Fonts shipped by an npm package, so cards render the same on any machine, offline.
const FONT_DIR = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/**
 * The renderer, run in a worker thread per batch of cards. Each Resvg keeps a few megabytes of native memory
 * (its own font database) that V8 neither sees nor collects soon: rendered in the build's own thread, a thousand
 * cards held 3.4 GB (measured); a worker's native memory goes when the worker ends.
 */
const RENDER_CARDS = `
const {workerData} = require('node:worker_threads');
const {mkdirSync, writeFileSync} = require('node:fs');
const path = require('node:path');
const {Resvg} = require(workerData.resvg);
for (const {svg, file} of workerData.cards) {
  const png = new Resvg(svg, {font: {fontFiles: workerData.fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans'}})
    .render()
    .asPng();
  mkdirSync(path.dirname(file), {recursive: true});
  writeFileSync(file, png);
}`;
const CARDS_PER_WORKER = 100;

/** Renders each post's link-preview card to a PNG in the build, from its title and severity. */
async function writeSocialCards(rows: readonly IncidentRow[], outDir: string): Promise<void> {
  const fontFiles = readdirSync(FONT_DIR)
    .filter((file) => /^DejaVuSans(-Bold)?\.ttf$/.test(file))
    .map((file) => path.join(FONT_DIR, file));
  const cards = rows.map((row) => ({
    svg: socialCardSvg({
      title: row.title,
      severity: row.incident.severity,
      date: row.incident.date,
      trackingId: row.incident.tracking_id,
    }),
    file: path.join(outDir, socialCardPath(row.permalink)),
  }));
  for (let i = 0; i < cards.length; i += CARDS_PER_WORKER) {
    const workerData = {
      cards: cards.slice(i, i + CARDS_PER_WORKER),
      fontFiles,
      resvg: require.resolve('@resvg/resvg-js'),
    };
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(RENDER_CARDS, {eval: true, workerData});
      worker.once('error', reject);
      worker.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`rendering social cards: the worker exited with code ${code}`)),
      );
    });
  }
}

/**
 * Builds the incidents index from the blog's own posts, so adding a post adds
 * its row. The rows reach the page as route props: only the home page and
 * /incidents load them, not every page as global data would. After the build
 * it checks every internal link, naming the post file a broken one is in
 * (Docusaurus' own check, which runs next, names only the URL), and writes
 * each post's social card image and the search index. The machine-readable /incidents.json is
 * written as soon as the posts are loaded, so `npm start` serves it too.
 */
export default function incidentsPlugin(context: LoadContext, options: unknown): Plugin {
  // Docusaurus ran validateOptions (below) on what the config wrote, so these are the validated options.
  const {pageSize} = options as IncidentsPluginOptions;
  let rows: IncidentRow[] = [];
  let components: Components = {};
  const files = new Map<string, string>();
  return {
    name: 'incidents-index',
    getPathsToWatch: () => [path.join(context.siteDir, COMPONENTS_FILE)],
    async postBuild({outDir}) {
      const {broken, duplicateIds} = checkBuiltLinks(outDir);
      // List pages repeat each excerpt's section ids by design; a post page must give each id once.
      const postDuplicates = duplicateIds.filter(({page}) => files.has(page));
      if (broken.length > 0 || postDuplicates.length > 0) {
        const lines = [
          ...broken.map(({page, href}) => `- ${files.get(page) ?? 'generated page'} (page ${page}): links to ${href}`),
          ...postDuplicates.map(
            ({page, id}) =>
              `- ${files.get(page)} (page ${page}): the id "${id}" is given twice; links to it land on the first`,
          ),
        ];
        throw new Error(`Broken links, by the file they are written in:\n${lines.join('\n')}`);
      }
      await writeSocialCards(rows, outDir);
      await writeSearchIndex(outDir, files.keys());
    },
    async allContentLoaded({allContent, actions}) {
      const blog = allContent['docusaurus-plugin-content-blog']?.default as BlogContent | undefined;
      if (!blog) throw new Error('incidents-index: the blog plugin is not loaded; the index is built from its posts');
      rows = buildIncidentIndex(
        blog.blogPosts
          .filter((post) => !(POST_FAULTS in post.metadata.frontMatter))
          .map((post) => {
            const file = sourceFile(post);
            files.set(post.metadata.permalink, file);
            // incidentPostValidator has already checked and normalised these.
            const {slug, description, date, incident, updates, sources} = post.metadata
              .frontMatter as unknown as IncidentPostMeta;
            return {
              permalink: post.metadata.permalink,
              title: post.metadata.title,
              file,
              meta: {slug, description, date, incident, updates, sources},
            };
          }),
      );
      components = readComponents(context.siteDir);
      // Into a static directory, so the development server serves them as the build does. The index is checked
      // against its published schema before it is written: the two cannot drift.
      const json = incidentsJsonSchema.parse(incidentsJson(rows, context.siteConfig.url, components));
      const write = (file: string, data: unknown) =>
        writeGeneratedFile(context.siteDir, file, `${JSON.stringify(data, null, 2)}\n`);
      write(INCIDENTS_JSON_PATH, json);
      write(INCIDENTS_SCHEMA_PATH, incidentsJsonSchemaDocument(context.siteConfig.url));
      write(FRONT_MATTER_SCHEMA_PATH, postFrontMatterJsonSchema(context.siteConfig.url, Object.keys(components)));
      const globalData: IncidentsGlobalData = {components};
      actions.setGlobalData(globalData);
      const views = incidentFilters(rows, components);
      const filters: FilterLink[] = views.map(({kind, label, path: viewPath, rows: matching}) => ({
        kind,
        label,
        path: viewPath,
        count: matching.length,
      }));
      // The version check fetches every incident's versions from a file of their own, not from the page: its
      // HTML then stays the same size however many incidents there are.
      const versions = JSON.stringify(
        rows.map(
          ({title, permalink, incident}): VersionedIncident => ({title, permalink, versions: incident.versions}),
        ),
      );
      const versionsUrl = `/assets/incidents/versions.${contentHash(versions)}.json`;
      clearGeneratedDir(context.siteDir, 'assets/incidents');
      writeGeneratedFile(context.siteDir, versionsUrl, versions);

      const search: SearchRouteProps = {filters, searchScript: SEARCH_SCRIPT};
      actions.addRoute({path: SEARCH_PAGE, exact: true, component: '@site/src/components/SearchPage', props: search});
      const home: IncidentsRouteProps = {rows, components, filters};
      actions.addRoute({path: '/', exact: true, component: '@site/src/components/HomePage', props: home});
      const viewPages = [
        ...paginate('/incidents', rows, pageSize).map((page) => ({...page, current: undefined})),
        ...views.flatMap((view) =>
          paginate(view.path, view.rows, pageSize).map((page) => ({
            ...page,
            current: {kind: view.kind, label: view.label},
          })),
        ),
      ];
      for (const {path: pagePathname, rows: pageRows, pagination, current} of viewPages) {
        const pageProps: IncidentIndexRouteProps = {
          rows: pageRows,
          components,
          filters,
          current,
          pagination,
          versionsUrl,
        };
        actions.addRoute({
          path: pagePathname,
          exact: true,
          component: '@site/src/components/IncidentIndexPage',
          props: pageProps,
        });
      }
    },
  };
}
// Docusaurus types this hook generically (any options in, any out); ours takes what the config wrote.
incidentsPlugin.validateOptions = validateIncidentsPluginOptions as NonNullable<PluginModule['validateOptions']>;
