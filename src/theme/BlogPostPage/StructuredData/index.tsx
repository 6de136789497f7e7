import type React from 'react';
import Head from '@docusaurus/Head';
import {useBlogPostStructuredData} from '@docusaurus/plugin-content-blog/client';

import {scriptSafeJson} from '@site/src/html/scriptSafeJson';

// Replaces the theme's version, which writes the post's title and description into the JSON-LD block unescaped.
export default function BlogPostStructuredData(): React.JSX.Element {
  return (
    <Head>
      <script type="application/ld+json">{scriptSafeJson(useBlogPostStructuredData())}</script>
    </Head>
  );
}
