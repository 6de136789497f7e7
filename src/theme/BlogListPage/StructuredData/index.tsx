import type React from 'react';
import Head from '@docusaurus/Head';
import {useBlogListPageStructuredData} from '@docusaurus/plugin-content-blog/client';
import type {Props} from '@theme/BlogListPage/StructuredData';

import {scriptSafeJson} from '@site/src/html/scriptSafeJson';

// Replaces the theme's version, which writes every listed post's title and description into the JSON-LD block unescaped.
export default function BlogListPageStructuredData(props: Props): React.JSX.Element {
  return (
    <Head>
      <script type="application/ld+json">{scriptSafeJson(useBlogListPageStructuredData(props))}</script>
    </Head>
  );
}
