import type React from 'react';
import {Fragment} from 'react';
import Link from '@docusaurus/Link';

import {formatCalendarDate} from '@site/src/incidents/calendarDates';
import {CITATION, NOT_STATED, SEVERITY_LABELS, STATUS_LABELS, type CitedField} from '@site/src/incidents/vocabulary';
import type {IncidentMeta, IncidentUpdate, Source} from '@site/src/incidents/frontMatterSchema';
import {sourceAnchor} from '@site/src/incidents/sources';
import type {Components} from '@site/src/incidents/components';
import {describeOverlap, type RangeOverlap} from '@site/src/incidents/affectedIncidents';
import {describeStatement} from '@site/src/incidents/versionStatements';
import {currentState, STATUS_UPDATES_ID} from '@site/src/incidents/timeline';
import IncidentTimeline, {CitedText, StateSince} from '@site/src/components/IncidentTimeline';
import styles from './styles.module.css';

type Props = {
  incident: IncidentMeta;
  updates: readonly IncidentUpdate[];
  /** Per version statement, the other incidents whose affected versions its "or later" range takes in. */
  overlaps: readonly (readonly RangeOverlap[])[];
  /** The labels of blog/components.yml. */
  components: Components;
  /** The post's declared sources; absent where the header stands outside the post (the blog list), so it cites nothing. */
  sources?: readonly Source[];
  /** Who is affected and what to do, with its [^id] citations: shown on the post's own page, above everything else. */
  whatToDo?: string;
  /** The incident's OSV record, where it has one. */
  advisory?: {id: string; path: string};
  /** Whether the post holds its post-mortem's sections; while an incident runs it may not yet. */
  hasPostMortem: boolean;
};

/** A range that takes in another incident's affected versions, named with a link to that incident. */
function RangeCaution({overlap}: {overlap: RangeOverlap}): React.JSX.Element {
  return (
    <strong className={styles.caution} data-range-overlap="">
      Caution: {describeOverlap(overlap)} <Link to={overlap.permalink}>{overlap.title}</Link>.
    </strong>
  );
}

/** Each overlap once, where two statements give the same range. */
const uniqueOverlaps = (overlaps: Props['overlaps']) =>
  overlaps
    .flat()
    .filter(
      (overlap, i, all) =>
        all.findIndex((other) => other.from === overlap.from && other.permalink === overlap.permalink) === i,
    );

/** The facts a reader from an incident notice looks for first, from the post's front matter, each with its source. */
export default function IncidentHeader({
  incident,
  updates,
  overlaps,
  components,
  sources,
  whatToDo,
  advisory,
  hasPostMortem,
}: Props): React.JSX.Element {
  const lastUpdate = updates[updates.length - 1];
  const citeSource = (id: string | undefined) => {
    const index = sources?.findIndex((source) => source.id === id) ?? -1;
    if (id === undefined || index === -1) return null;
    return (
      <sup className="citation">
        <Link to={`#${sourceAnchor(id)}`} aria-label={`Source ${index + 1}: ${sources![index].title}`}>
          [{index + 1}]
        </Link>
      </sup>
    );
  };
  const cite = (field: CitedField) => citeSource(incident.cite[field]);
  const state = incident.timeline && currentState(incident.timeline);
  /** The first source a text cites, as the header cites a fact. */
  const citedIn = (text: string) => citeSource(new RegExp(CITATION.source).exec(text)?.[1]);
  const rows: [string, React.ReactNode][] = [
    [
      'Incident date',
      <>
        <time dateTime={incident.date}>{formatCalendarDate(incident.date)}</time>
        {incident.date_note && ` (${incident.date_note})`}
        {cite('date')}
      </>,
    ],
    [
      'Duration',
      <>
        {incident.duration}
        {cite('duration')}
      </>,
    ],
    [
      'Severity',
      <>
        <span className={styles.severity} data-severity={incident.severity}>
          {SEVERITY_LABELS[incident.severity]}
        </span>
        {incident.severity_scope && `: ${incident.severity_scope}`}
        {cite('severity')}
      </>,
    ],
    [
      'Status',
      state ? (
        <>
          <StateSince timeline={incident.timeline!} />
          {citedIn(state.since.body)}
        </>
      ) : (
        <>
          {STATUS_LABELS[incident.status]}
          {incident.status_note && `: ${incident.status_note}`}
          {cite('status')}
        </>
      ),
    ],
    [
      'First fixed release',
      <>
        {incident.fixed_in ?? NOT_STATED}
        {cite('fixed_in')}
      </>,
    ],
    [
      'Versions',
      incident.versions === 'not stated' ? (
        'Not stated'
      ) : (
        // biome-ignore lint/correctness/useJsxKeyInIterable: a [term, value] row, rendered below under the term's key
        <ul className={styles.versions}>
          {incident.versions.map((statement, index) => (
            <li key={describeStatement(statement)}>
              {describeStatement(statement)}
              {citeSource(statement.source)}
              {statement.note && <span className={styles.note}> {statement.note}</span>}
              {overlaps[index]?.map((overlap) => (
                <Fragment key={overlap.permalink}>
                  {' '}
                  <RangeCaution overlap={overlap} />
                </Fragment>
              ))}
            </li>
          ))}
        </ul>
      ),
    ],
    ['Components', incident.components.map((key) => components[key]?.label ?? key).join(', ')],
  ];
  if (!hasPostMortem) {
    rows.push([
      'Post-mortem',
      incident.status === 'resolved'
        ? 'Pending: it will follow on this page'
        : 'Will follow on this page once the incident is resolved',
    ]);
  }
  // biome-ignore lint/correctness/useJsxKeyInIterable: a [term, value] row, rendered below under the term's key
  if (incident.tracking_id) rows.push(['Tracking id', <code>{incident.tracking_id}</code>]);
  if (advisory) {
    rows.push([
      'OSV record',
      // biome-ignore lint/correctness/useJsxKeyInIterable: a [term, value] row, rendered below under the term's key
      <Link href={`pathname://${advisory.path}`} data-osv-record="">
        <code>{advisory.id}</code>
      </Link>,
    ]);
  }
  if (lastUpdate) {
    // biome-ignore lint/correctness/useJsxKeyInIterable: a [term, value] row, rendered below under the term's key
    rows.push(['Last updated', <time dateTime={lastUpdate.date}>{formatCalendarDate(lastUpdate.date)}</time>]);
  }

  return (
    <>
      {whatToDo && (
        <section className={styles.whatToDo} data-what-to-do="">
          {/* No id: the hash-linked h2s are the post's own sections, which notices link to. */}
          <h2>Who is affected, what to do</h2>
          <p>
            <CitedText text={whatToDo} cite={citeSource} />
          </p>
          {/* Until the post-mortem is written, there is no such section yet: the updates are what there is. */}
          {hasPostMortem ? (
            <Link to="#what-to-do">What operators should do, in full</Link>
          ) : (
            <Link to={`#${STATUS_UPDATES_ID}`}>The status updates</Link>
          )}
          {/* The answer may be all a reader takes: a range it points to warns, with the link, here too. */}
          {uniqueOverlaps(overlaps).map((overlap) => (
            <p key={`${overlap.from} ${overlap.permalink}`}>
              <RangeCaution overlap={overlap} />
            </p>
          ))}
        </section>
      )}
      <dl className={styles.header} aria-label="Incident summary" data-incident-header="">
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* Folded: on a phone the list would push the summary screens down. */}
      {updates.length > 0 && (
        <details className={styles.updates} data-incident-updates="">
          <summary>Updates since publication ({updates.length})</summary>
          <ul>
            {updates.map((update) => (
              <li key={`${update.date}-${update.note}`}>
                <time dateTime={update.date}>{formatCalendarDate(update.date)}</time>: {update.note}
              </li>
            ))}
          </ul>
        </details>
      )}
      {sources && incident.timeline && (
        <IncidentTimeline entries={incident.timeline} cite={citeSource} components={components} />
      )}
    </>
  );
}
