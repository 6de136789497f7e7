import type React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import type {FeedsRouteProps} from '@site/src/plugins/incidents';

/** Every feed to follow: the whole record, one incident, or one component; each lists a post and its status updates. */
export default function FeedsPage({incidents, components}: FeedsRouteProps): React.JSX.Element {
  const feed = (path: string) => <Link href={`pathname://${path}`}>{path.split('/').at(-1)}</Link>;
  return (
    <Layout title="Feeds" description="Follow every LiteLLM incident report, one incident, or one component.">
      <main className="container margin-vert--lg">
        <Heading as="h1">Feeds</Heading>
        <p>
          Each feed has an entry for every report and one for every status update of an incident while it runs; an entry
          keeps its id when later updates arrive.
        </p>
        <Heading as="h2" id="all">
          Every report
        </Heading>
        <ul>
          <li>
            {feed('/blog/atom.xml')} (Atom), {feed('/blog/rss.xml')} (RSS), {feed('/blog/feed.json')} (JSON Feed)
          </li>
        </ul>
        <Heading as="h2" id="incidents">
          One incident
        </Heading>
        <ul>
          {incidents.map(({title, permalink, feed: path}) => (
            <li key={path}>
              <Link to={permalink}>{title}</Link>: {feed(path)}
            </li>
          ))}
        </ul>
        <Heading as="h2" id="components">
          One component
        </Heading>
        <ul>
          {components.map(({label, feed: path}) => (
            <li key={path}>
              {label}: {feed(path)}
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
