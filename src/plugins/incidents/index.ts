import path from 'node:path';
import type {LoadContext, Plugin, PluginModule} from '@docusaurus/types';
import type {BlogContent} from '@docusaurus/plugin-content-blog';

import {readSiteLists} from '../../authoring/checkPosts';
import {FaultError} from '../../faults/fault';
import {COMPONENTS_FILE, readComponents, type Components} from '../../incidents/components';
import {
  FRONT_MATTER_SCHEMA_PATH,
  postFrontMatterJsonSchema,
  type IncidentPostMeta,
} from '../../incidents/frontMatterSchema';
import {POST_FAULTS} from '../../incidents/frontMatterFields';
import {buildIncidentIndex, isOngoing, type IncidentRow} from '../../incidents/incidentIndex';
import {incidentsJson, INCIDENTS_JSON_PATH} from '../../incidents/incidentsJson';
import {
  INCIDENTS_SCHEMA_PATH,
  incidentsJsonSchema,
  incidentsJsonSchemaDocument,
} from '../../incidents/incidentsJsonSchema';
import type {VersionedIncident} from '../../incidents/affectedIncidents';
import {contentHash} from '../../site/contentHash';
import {BADGES_PATH, statusBadges} from '../../incidents/badges';
import {FEEDS_PAGE} from '../../incidents/feedPaths';
import {incidentFeeds} from '../../incidents/feeds';
import {OSV_INDEX_PATH, OSV_PATH, osvPath, osvRecords} from '../../incidents/osv';
import {STATUSPAGE_API, STATUSPAGE_FILES, statuspageApi} from '../../incidents/statuspage';
import {STATUSPAGE_SCHEMA_PATH, statuspageSchemaDocument, statuspageSchemas} from '../../incidents/statuspageSchema';
import {writeSearchIndex} from '../../search/searchIndex';
import {type ComponentImpact, currentState, statedImpact} from '../../incidents/timeline';
import {hasPostMortem, type Status} from '../../incidents/vocabulary';
import {writeSocialCards} from '../../social/socialCards';
import {clearGeneratedDir, writeGeneratedFile} from '../generatedStatic';
import {failOnBrokenLinks} from './brokenLinks';
import {showingSiteFaults} from '../faultLines/siteFaults';
import {validateIncidentsPluginOptions, type IncidentsPluginOptions} from './options';
import {sourceFile} from './postValidator';
import {incidentRoutes} from './routes';

export {incidentPostValidator} from './postValidator';
export type {
  FeedsRouteProps,
  FilterLink,
  IncidentIndexRouteProps,
  IncidentsRouteProps,
  SearchRouteProps,
} from './routes';

/**
 * What every page can read (usePluginData('incidents-index')): the component labels the post headers show, and the
 * unresolved incidents the banner lists, newest first, each with its state and the timeline entry that stated it.
 */
export type IncidentsGlobalData = {
  components: Components;
  ongoing: {
    title: string;
    permalink: string;
    status: Status;
    since: string | null;
    /** Each component's impact as the latest timeline entry naming it states; none where no entry does. */
    impacts: {label: string; impact: ComponentImpact}[];
  }[];
};

/**
 * The incidents index, built from the blog's own posts, so adding a post adds its row: its pages (routes.ts), the
 * machine-readable /incidents.json with its JSON Schemas, and each incident's versions for "Am I affected?",
 * written as soon as the posts are loaded so `npm start` serves them too. After the build: the link check
 * (brokenLinks.ts), each post's social card and the search index.
 */
export default function incidentsPlugin(context: LoadContext, options: unknown): Plugin {
  // Docusaurus ran validateOptions (below) on what the config wrote, so these are the validated options.
  const {pageSize} = options as IncidentsPluginOptions;
  // The lists, components.yml with them, which only this plugin reads (what the blog itself refuses, blog.ts names).
  const checkSiteLists = () => {
    const {faults} = readSiteLists(context.siteDir);
    if (faults.length > 0) throw new FaultError(faults);
  };
  let rows: IncidentRow[] = [];
  /** Each post's page → its file, to name the file a fault is in. */
  const files = new Map<string, string>();
  return {
    name: 'incidents-index',
    // tags.yml and authors.yml are the blog's to watch: reloading with it, this would name their faults a second time.
    getPathsToWatch: () => [path.join(context.siteDir, COMPONENTS_FILE)],
    async postBuild({outDir}) {
      failOnBrokenLinks(outDir, files);
      await writeSocialCards(rows, outDir);
      await writeSearchIndex(outDir, files.keys());
    },
    async allContentLoaded(args) {
      // Again on every reload under `npm start`, which runs this hook but not the constructor above. A fault here
      // stops the reload, and is shown in the browser the same way.
      showingSiteFaults(context.siteDir, 'lists', () => {
        checkSiteLists();
        loadIndex(args);
      });
    },
  };

  function loadIndex({allContent, actions}: Parameters<NonNullable<Plugin['allContentLoaded']>>[0]) {
    const blog = allContent['docusaurus-plugin-content-blog']?.default as BlogContent | undefined;
    if (!blog) throw new Error('incidents-index: the blog plugin is not loaded; the index is built from its posts');
    rows = buildIncidentIndex(
      blog.blogPosts
        .filter((post) => !(POST_FAULTS in post.metadata.frontMatter))
        .map((post) => {
          const file = sourceFile(post);
          files.set(post.metadata.permalink, file);
          // incidentPostValidator has already checked and normalised these.
          const {slug, description, what_to_do, date, incident, updates, sources} = post.metadata
            .frontMatter as unknown as IncidentPostMeta;
          // The headings' ids as the post writes them, "## Impact {#impact}".
          const headingIds = [...post.content.matchAll(/^#{2,3} .*\{#([a-z0-9-]+)\}\s*$/gm)].map((match) => match[1]);
          return {
            permalink: post.metadata.permalink,
            title: post.metadata.title,
            hasPostMortem: hasPostMortem(headingIds),
            file,
            meta: {slug, description, what_to_do, date, incident, updates, sources},
          };
        }),
    );
    const components = readComponents(context.siteDir);
    // Into a static directory, so the development server serves them as the build does. The index is checked
    // against its published schema before it is written: the two cannot drift.
    const json = incidentsJsonSchema.parse(incidentsJson(rows, context.siteConfig.url, components));
    const write = (file: string, data: unknown) =>
      writeGeneratedFile(context.siteDir, file, `${JSON.stringify(data, null, 2)}\n`);
    write(INCIDENTS_JSON_PATH, json);
    write(INCIDENTS_SCHEMA_PATH, incidentsJsonSchemaDocument(context.siteConfig.url));
    const statuspage = statuspageApi(rows, {
      siteUrl: context.siteConfig.url,
      name: context.siteConfig.title,
      components,
    });
    // Each file checked against the published schema of the Statuspage shapes, as /incidents.json is against its own.
    for (const file of STATUSPAGE_FILES)
      write(`${STATUSPAGE_API}/${file}`, statuspageSchemas[file].parse(statuspage[file]));
    write(STATUSPAGE_SCHEMA_PATH, statuspageSchemaDocument(context.siteConfig.url));
    const badges = statusBadges(statuspage['status.json'].status, statuspage['components.json'].components);
    clearGeneratedDir(context.siteDir, BADGES_PATH.slice(1));
    for (const [file, svg] of Object.entries(badges))
      writeGeneratedFile(context.siteDir, `${BADGES_PATH}/${file}`, svg);
    clearGeneratedDir(context.siteDir, FEEDS_PAGE.slice(1));
    for (const [file, xml] of Object.entries(incidentFeeds(rows, context.siteConfig.url, components)))
      writeGeneratedFile(context.siteDir, file, xml);
    const osv = osvRecords(rows, context.siteConfig.url);
    clearGeneratedDir(context.siteDir, OSV_PATH.slice(1));
    for (const record of osv.records) write(osvPath(record.id), record);
    write(OSV_INDEX_PATH, osv.index);
    write(FRONT_MATTER_SCHEMA_PATH, postFrontMatterJsonSchema(context.siteConfig.url, Object.keys(components)));
    const globalData: IncidentsGlobalData = {
      components,
      ongoing: rows.filter(isOngoing).map(({title, permalink, incident}) => ({
        title,
        permalink,
        status: incident.status,
        since: incident.timeline ? currentState(incident.timeline)!.since.at : null,
        impacts: incident.components.flatMap((key) => {
          const impact = statedImpact(incident.timeline, key);
          return impact ? [{label: components[key].label, impact}] : [];
        }),
      })),
    };
    actions.setGlobalData(globalData);
    // The version check fetches every incident's versions from a file of their own, not from the page: its
    // HTML then stays the same size however many incidents there are.
    const versions = JSON.stringify(
      rows.map(({title, permalink, incident}): VersionedIncident => ({title, permalink, versions: incident.versions})),
    );
    const versionsUrl = `/assets/incidents/versions.${contentHash(versions)}.json`;
    clearGeneratedDir(context.siteDir, 'assets/incidents');
    writeGeneratedFile(context.siteDir, versionsUrl, versions);
    for (const route of incidentRoutes({rows, components, pageSize, versionsUrl})) actions.addRoute(route);
  }
}
// Docusaurus types this hook generically (any options in, any out); ours takes what the config wrote.
incidentsPlugin.validateOptions = validateIncidentsPluginOptions as NonNullable<PluginModule['validateOptions']>;
