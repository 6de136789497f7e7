import React from 'react';
import Header from '@theme-original/BlogPostItem/Header';
import type HeaderType from '@theme/BlogPostItem/Header';
import type {WrapperProps} from '@docusaurus/types';
import {useBlogPost} from '@docusaurus/plugin-content-blog/client';

import IncidentHeader from '@site/src/components/IncidentHeader';
import type {IncidentPostMeta} from '@site/src/incidents/incidentMeta';

type Props = WrapperProps<typeof HeaderType>;

/** Adds the incident header under every post's title, in the post and in the lists. */
export default function HeaderWrapper(props: Props): React.JSX.Element {
  const {metadata, isBlogPostPage} = useBlogPost();
  // validateIncidentPosts has already checked and normalised these at build time.
  const {incident, updates, sources} = metadata.frontMatter as unknown as IncidentPostMeta;
  return (
    <>
      <Header {...props} />
      {/* Citations link into the post's Sources list, which only the post's own page has. */}
      <IncidentHeader incident={incident} updates={updates} sources={isBlogPostPage ? sources : undefined} />
    </>
  );
}
