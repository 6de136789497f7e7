import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';

import remarkCitations from './src/plugins/citations/remarkCitations';
import incidentsPlugin, {validateIncidentPosts} from './src/plugins/incidents';
import latencyReplayPlugin from './src/plugins/latencyReplay';
import securityHeadersPlugin from './src/plugins/securityHeaders';
import {deploymentFromEnv} from './src/site/deployment';

// Code colours that meet WCAG AA (4.5:1) on their backgrounds: vsLight is all AA but for one red, darkened here.
const lightCodeTheme = {
  ...prismThemes.vsLight,
  styles: prismThemes.vsLight.styles.map((entry) =>
    entry.types.includes('attr-name') ? {...entry, style: {...entry.style, color: '#c00000'}} : entry,
  ),
};

const deployment = deploymentFromEnv(process.env);

const config: Config = {
  title: 'LiteLLM incident reports',
  tagline: 'Post-mortems of the LiteLLM proxy, each linked to its public issues and pull requests.',
  favicon: 'img/favicon.svg',
  url: deployment.url,
  // Previews: meta robots noindex on every page (vercel.json adds X-Robots-Tag off the production host).
  noIndex: deployment.preview,
  customFields: {preview: deployment.preview},
  baseUrl: '/',
  // Vercel serves "x.html" at "/x" (cleanUrls); no trailing slash keeps one URL per page.
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  // Rspack and SWC instead of webpack and Babel: `npm run bench` measures both.
  // DOCUSAURUS_FASTER=false switches back to webpack.
  future: {
    faster: process.env.DOCUSAURUS_FASTER !== 'false',
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
        blog: {
          routeBasePath: 'blog',
          blogTitle: 'LiteLLM incident reports',
          blogDescription: 'Every post-mortem of the LiteLLM proxy, newest first.',
          blogSidebarTitle: 'All incidents',
          blogSidebarCount: 'ALL',
          postsPerPage: 10,
          showReadingTime: true,
          authorsMapPath: 'authors.yml',
          tags: 'tags.yml',
          onInlineTags: 'throw',
          onInlineAuthors: 'throw',
          onUntruncatedBlogPosts: 'throw',
          processBlogPosts: validateIncidentPosts,
          remarkPlugins: [[remarkCitations, {siteDir: __dirname, blogPath: '/blog'}]],
          feedOptions: {
            type: 'all',
            title: 'LiteLLM incident reports',
            description: 'Post-mortems of the LiteLLM proxy.',
            copyright: 'Written from the public issues and pull requests of BerriAI/litellm.',
            limit: false,
          },
        },
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [incidentsPlugin, latencyReplayPlugin, securityHeadersPlugin],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'LiteLLM incidents',
      logo: {alt: '', src: 'img/favicon.svg'},
      items: [
        {to: '/incidents', label: 'All incidents', position: 'left'},
        {to: '/blog', label: 'Reports', position: 'left'},
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
            {label: 'RSS', href: 'pathname:///blog/rss.xml'},
            {label: 'Atom', href: 'pathname:///blog/atom.xml'},
            {label: 'JSON feed', href: 'pathname:///blog/feed.json'},
          ],
        },
        {
          title: 'Sources',
          items: [
            {label: 'LiteLLM on GitHub', href: 'https://github.com/BerriAI/litellm'},
          ],
        },
      ],
      copyright: 'Each report states its sources. This site loads nothing from other origins.',
    },
    prism: {
      theme: lightCodeTheme,
      darkTheme: prismThemes.gruvboxMaterialDark,
      additionalLanguages: ['bash', 'yaml', 'python'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
