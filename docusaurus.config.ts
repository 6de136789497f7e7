import {mkdirSync} from 'node:fs';
import path from 'node:path';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {Options as BlogOptions} from '@docusaurus/plugin-content-blog';
import type {PrismTheme} from 'prism-react-renderer';

import {refuseFrontMatterEngines} from './src/authoring/frontMatterFaults';
import remarkCitations from './src/plugins/citations/remarkCitations';
import remarkSafeMarkup from './src/plugins/safeMarkup/remarkSafeMarkup';
import {quoteUnquotedAttributes} from './src/plugins/safeMarkup/unquotedAttributes';
import faultLinesPlugin from './src/plugins/faultLines';
import {GENERATED_STATIC_DIR} from './src/plugins/generatedStatic';
import incidentsPlugin, {incidentPostValidator} from './src/plugins/incidents';
import incidentsBlogPlugin from './src/plugins/incidents/blog';
import {feedItemsWithUpdates} from './src/plugins/incidents/feed';
import islandsPlugin, {isHtmlFirstBuild} from './src/plugins/islands';
import {HTML_FIRST_TEMPLATE} from './src/plugins/islands/pageTemplate';
import latencyReplayPlugin from './src/plugins/latencyReplay';
import securityHeadersPlugin from './src/plugins/securityHeaders';
import {deploymentFromEnv} from './src/site/deployment';
import {BLOG_PATH} from './src/site/redirects';
import {FEEDS_PAGE} from './src/incidents/feedPaths';

// Code is coloured by CSS classes (src/css/custom.css), not by a Prism theme: a theme writes style attributes,
// which the Content-Security-Policy refuses, and fixes the light colours into the HTML before the page knows
// the reader's colour mode.
const classOnlyCodeTheme: PrismTheme = {plain: {}, styles: []};

const deployment = deploymentFromEnv(process.env);
// Where the posts live; every link to the blog and its feeds below, the citations and `npm run check` read it here.
// Docusaurus checks its static directories exist before any plugin runs.
mkdirSync(path.join(__dirname, GENERATED_STATIC_DIR), {recursive: true});
// Pages ship as HTML and CSS with small script islands, not the whole client runtime (src/plugins/islands).
const htmlFirst = isHtmlFirstBuild(process.env);

const blogOptions: BlogOptions = {
  routeBasePath: BLOG_PATH.slice(1),
  blogTitle: 'LiteLLM incident reports',
  blogDescription: 'Every post-mortem of the LiteLLM proxy, newest first.',
  // Bounded, so a post's page does not grow with the record; /incidents lists every report.
  blogSidebarTitle: 'Recent reports',
  blogSidebarCount: 10,
  postsPerPage: 10,
  showReadingTime: true,
  authorsMapPath: 'authors.yml',
  tags: 'tags.yml',
  // Every tag is checked against tags.yml by the post's own validator, which names its line (and shows it on
  // the page under npm start); the blog's own refusal came first and named neither.
  onInlineTags: 'ignore',
  onInlineAuthors: 'throw',
  onUntruncatedBlogPosts: 'throw',
  processBlogPosts: incidentPostValidator(__dirname),
  beforeDefaultRemarkPlugins: [[remarkSafeMarkup, {siteDir: __dirname}]],
  remarkPlugins: [[remarkCitations, {siteDir: __dirname, blogPath: BLOG_PATH}]],
  feedOptions: {
    type: 'all',
    title: 'LiteLLM incident reports',
    description: 'Post-mortems of the LiteLLM proxy.',
    copyright: 'Written from the public issues and pull requests of BerriAI/litellm.',
    // The most recent reports in full; every report stays in /incidents.json.
    limit: 20,
    createFeedItems: feedItemsWithUpdates,
  },
};

const config: Config = {
  title: 'LiteLLM incident reports',
  tagline: 'Post-mortems of the LiteLLM proxy, each linked to its public issues and pull requests.',
  favicon: 'img/favicon.svg',
  url: deployment.url,
  // Previews: meta robots noindex on every page (the deployment adds X-Robots-Tag off the production host).
  noIndex: deployment.preview,
  customFields: {preview: deployment.preview, htmlFirst},
  ssrTemplate: htmlFirst ? HTML_FIRST_TEMPLATE : undefined,
  baseUrl: '/',
  // The incidents plugin writes /incidents.json into the second, so the development server serves it too.
  staticDirectories: ['static', GENERATED_STATIC_DIR],
  // Vercel serves "x.html" at "/x" (cleanUrls); no trailing slash keeps one URL per page.
  trailingSlash: false,

  // Its inline script reports "site did not load properly" when the client runtime is absent, as it is by design here.
  baseUrlIssueBanner: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
    // HTML as HTML allows it (<img src=x>), made readable to MDX, so the allowlist names what is wrong with it.
    preprocessor: ({fileContent}) => quoteUnquotedAttributes(fileContent),
    parseFrontMatter: async ({filePath, fileContent, defaultParseFrontMatter}) => {
      refuseFrontMatterEngines(filePath, fileContent, __dirname);
      return defaultParseFrontMatter({filePath, fileContent});
    },
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  // Rspack and SWC instead of webpack and Babel: `npm run bench` measures both.
  // DOCUSAURUS_FASTER=false switches back to webpack.
  future: {
    faster: process.env.DOCUSAURUS_FASTER !== 'false' && {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: true,
      lightningCssMinimizer: true,
      rspackBundler: true,
      // Speeds the development server's restarts. A production build writes it cold on every new checkout (Vercel's,
      // CI's, the tests' site copies), which at a thousand posts costs 0.5 GB of peak memory; bench/scale.ts measures.
      rspackPersistentCache: process.env.NODE_ENV !== 'production',
      ssgWorkerThreads: true,
      // Shares each post's compile between the two bundles; the HTML-first client compiles stand-ins for posts
      // (src/plugins/islands/contentStandIns.ts), so the server would wait for a compile that never comes.
      mdxCrossCompilerCache: !htmlFirst,
    },
    // Required by the faster build's SSG worker threads; our postBuild does not read the legacy head.
    v4: {removeLegacyPostBuildHeadAttribute: true},
  },

  presets: [
    [
      'classic',
      {
        docs: false,
        // The home page and /incidents are routes of the incidents plugin.
        pages: false,
        // The blog is a plugin of its own below: src/plugins/incidents/blog.ts wraps it.
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    [incidentsBlogPlugin, blogOptions],
    [incidentsPlugin, {pageSize: 50}],
    latencyReplayPlugin,
    securityHeadersPlugin,
    (context) => islandsPlugin(context, {htmlFirst}),
    faultLinesPlugin,
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'LiteLLM incidents',
      logo: {alt: '', src: 'img/favicon.svg'},
      items: [
        {to: '/incidents', label: 'All incidents', position: 'left'},
        {to: BLOG_PATH, label: 'Reports', position: 'left'},
        {href: 'https://github.com/BerriAI/litellm/issues', label: 'Proxy issues', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Reports',
          items: [
            {label: 'All incidents', to: '/incidents'},
            {label: 'RSS', href: `pathname://${BLOG_PATH}/rss.xml`},
            {label: 'Atom', href: `pathname://${BLOG_PATH}/atom.xml`},
            {label: 'JSON feed', href: `pathname://${BLOG_PATH}/feed.json`},
            // Each incident's and each component's own feed.
            {label: 'Every feed', to: FEEDS_PAGE},
          ],
        },
        {
          title: 'Sources',
          items: [{label: 'LiteLLM on GitHub', href: 'https://github.com/BerriAI/litellm'}],
        },
      ],
      copyright: 'Each report states its sources. This site loads nothing from other origins.',
    },
    prism: {
      theme: classOnlyCodeTheme,
      darkTheme: classOnlyCodeTheme,
      additionalLanguages: ['bash', 'yaml', 'python'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
