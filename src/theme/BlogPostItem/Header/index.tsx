import React from 'react';
import Header from '@theme-original/BlogPostItem/Header';
import type HeaderType from '@theme/BlogPostItem/Header';
import type {WrapperProps} from '@docusaurus/types';
import {useBlogPost} from '@docusaurus/plugin-content-blog/client';

import IncidentHeader from '@site/src/components/IncidentHeader';
import type {IncidentMeta, IncidentUpdate} from '@site/src/incidents/incidentMeta';

type Props = WrapperProps<typeof HeaderType>;

/** Adds the incident header under every post's title, in the post and in the lists. */
export default function HeaderWrapper(props: Props): React.JSX.Element {
  const {metadata} = useBlogPost();
  // validateIncidentPosts has already checked and normalised this at build time.
  const incident = metadata.frontMatter.incident as IncidentMeta;
  const updates = metadata.frontMatter.updates as IncidentUpdate[];
  return (
    <>
      <Header {...props} />
      <IncidentHeader incident={incident} updates={updates} />
    </>
  );
}
