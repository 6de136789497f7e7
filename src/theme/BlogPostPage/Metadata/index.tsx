import type React from 'react';
import Metadata from '@theme-original/BlogPostPage/Metadata';
import type MetadataType from '@theme/BlogPostPage/Metadata';
import type {WrapperProps} from '@docusaurus/types';
import Head from '@docusaurus/Head';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useBlogPost} from '@docusaurus/plugin-content-blog/client';

import type {IncidentUpdate} from '@site/src/incidents/frontMatterSchema';
import {socialCardPath} from '@site/src/social/socialCard';

type Props = WrapperProps<typeof MetadataType>;

/** Link-preview tags Docusaurus does not write itself: the generated card image, Twitter's text and the revision time. */
export default function MetadataWrapper(props: Props): React.JSX.Element {
  const {metadata} = useBlogPost();
  const image = useBaseUrl(socialCardPath(metadata.permalink), {absolute: true});
  // Under `npm start` a post with faults keeps its front matter as written.
  const updates = Array.isArray(metadata.frontMatter.updates) ? (metadata.frontMatter.updates as IncidentUpdate[]) : [];
  const modified = updates.length > 0 ? `${updates[updates.length - 1].date}T00:00:00.000Z` : metadata.date;
  return (
    <>
      <Metadata {...props} />
      <Head>
        <meta property="og:image" content={image} />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={`${metadata.title}: incident report card`} />
        <meta name="twitter:image" content={image} />
        <meta name="twitter:title" content={metadata.title} />
        <meta name="twitter:description" content={metadata.description} />
        <meta property="article:modified_time" content={modified} />
      </Head>
    </>
  );
}
