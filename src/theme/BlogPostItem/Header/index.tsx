import type React from 'react';
import Header from '@theme-original/BlogPostItem/Header';
import type HeaderType from '@theme/BlogPostItem/Header';
import type {WrapperProps} from '@docusaurus/types';
import {useBlogPost} from '@docusaurus/plugin-content-blog/client';
import {usePluginData} from '@docusaurus/useGlobalData';
import TOCItems from '@theme/TOCItems';

import IncidentHeader from '@site/src/components/IncidentHeader';
import type {IncidentPostMeta} from '@site/src/incidents/frontMatterSchema';
import PostFaults from '@site/src/components/PostFaults';
import {POST_FAULTS, VERSION_OVERLAPS} from '@site/src/incidents/frontMatterFields';
import type {RangeOverlap} from '@site/src/incidents/affectedIncidents';
import {osvAdvisory} from '@site/src/incidents/osv';
import {incidentFeedPath} from '@site/src/incidents/feedPaths';
import {hasPostMortem} from '@site/src/incidents/vocabulary';
import Head from '@docusaurus/Head';
import type {IncidentsGlobalData} from '@site/src/plugins/incidents';

type Props = WrapperProps<typeof HeaderType>;

/**
 * Adds the incident header under every post's title, in the post and in the
 * lists, and on the post's page the table of contents for phones, where the
 * side column that holds it on wide screens is hidden.
 */
export default function HeaderWrapper(props: Props): React.JSX.Element {
  const {metadata, isBlogPostPage, toc} = useBlogPost();
  const {components} = usePluginData('incidents-index') as IncidentsGlobalData;
  const faults = (metadata.frontMatter as Record<string, unknown>)[POST_FAULTS] as string[] | undefined;
  if (faults) {
    return (
      <>
        <Header {...props} />
        <PostFaults faults={faults} />
      </>
    );
  }
  // incidentPostValidator (src/plugins/incidents) has already checked and normalised these at build time.
  const {slug, incident, updates, sources, what_to_do: whatToDo} = metadata.frontMatter as unknown as IncidentPostMeta;
  const overlaps = (metadata.frontMatter as Record<string, unknown>)[VERSION_OVERLAPS] as RangeOverlap[][];
  return (
    <>
      <Header {...props} />
      {isBlogPostPage && (
        <Head>
          <link
            rel="alternate"
            type="application/atom+xml"
            href={incidentFeedPath(slug)}
            title={`${metadata.title}: this incident's updates`}
          />
        </Head>
      )}
      {/* Citations link into the post's Sources list, which only the post's own page has. */}
      <IncidentHeader
        incident={incident}
        updates={updates}
        overlaps={overlaps}
        components={components}
        sources={isBlogPostPage ? sources : undefined}
        whatToDo={isBlogPostPage ? whatToDo : undefined}
        advisory={osvAdvisory(slug, incident.versions)}
        hasPostMortem={hasPostMortem(toc.map((heading) => heading.id))}
      />
      {isBlogPostPage && toc.length > 0 && (
        <details className="toc-mobile" data-toc-mobile="">
          <summary>On this page</summary>
          <TOCItems toc={toc} minHeadingLevel={2} maxHeadingLevel={3} />
        </details>
      )}
    </>
  );
}
