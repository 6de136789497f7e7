/**
 * The index in the shapes of Atlassian Statuspage's public API (v2), which status aggregators, chat integrations and
 * Atlassian's own embeddable widget read: the same rows as /incidents.json, so the two cannot disagree. Where a
 * field has no equivalent in what the sources state, the README says what is written instead.
 */
import type {Components} from './components';
import type {IncidentRow} from './incidentIndex';
import {
  type ComponentStatus,
  type Impact,
  type StatuspageApi,
  type StatuspageFile,
  type StatuspageIncident,
  statuspageSchemas,
} from './statuspageSchema';
import {CITATION, type Severity, type Status} from './vocabulary';
import {stampInstant, statedImpact, worseImpact, type TimelineEntry} from './timeline';
import {dayStart} from './calendarDates';

export const STATUSPAGE_API = '/api/v2';
/** The endpoints written, under STATUSPAGE_API: Statuspage's public read-only ones. */
export const STATUSPAGE_FILES = Object.keys(statuspageSchemas) as StatuspageFile[];

/** Statuspage's impact for a severity the sources state; with none stated, none is written (null). */
const IMPACT: Record<Severity, Exclude<Impact, 'none'> | null> = {
  critical: 'critical',
  high: 'major',
  medium: 'minor',
  low: 'minor',
  'not-stated': null,
};
const IMPACT_ORDER: readonly Impact[] = ['none', 'minor', 'major', 'critical'];
/** A component's status under an unresolved incident of this impact. */
export const COMPONENT_STATUS: Record<Impact, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
};
/** Statuspage's own words for each overall indicator. */
const INDICATOR_DESCRIPTION: Record<Impact, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

const worst = (impacts: readonly (Impact | null)[]): Impact =>
  impacts.reduce<Impact>((a, b) => (b !== null && IMPACT_ORDER.indexOf(b) > IMPACT_ORDER.indexOf(a) ? b : a), 'none');

const isResolved = (status: Status) => status === 'resolved';

export function statuspageApi(
  rows: readonly IncidentRow[],
  {siteUrl, name, components}: {siteUrl: string; name: string; components: Components},
): StatuspageApi {
  // When the page last changed: the newest publication or revision (a build changes nothing by itself).
  const days = rows.flatMap((row) => [row.date, ...row.updates.map((revision) => revision.date)]).sort();
  const updatedAt = days.length > 0 ? dayStart(days.at(-1)!) : null;
  const page = {
    id: 'litellm-incidents',
    name,
    url: siteUrl,
    time_zone: 'Etc/UTC' as const,
    updated_at: updatedAt,
  };
  const unresolvedRows = rows.filter((row) => !isResolved(row.incident.status));

  // A component's status: what the latest timeline entry that names it says, while its incident is open; else the
  // impact its incident's severity stands for.
  const componentStatus = (key: string): ComponentStatus => {
    const open = unresolvedRows.filter((row) => row.incident.components.includes(key));
    const stated = open.flatMap((row) => statedImpact(row.incident.timeline, key) ?? []);
    const fromSeverity =
      COMPONENT_STATUS[
        worst(
          open.filter((row) => !statedImpact(row.incident.timeline, key)).map((row) => IMPACT[row.incident.severity]),
        )
      ];
    return [fromSeverity, ...stated].reduce(worseImpact);
  };
  const componentList = Object.entries(components).map(([key, {label, description}], position) => ({
    id: key,
    name: label,
    status: componentStatus(key),
    description,
    position: position + 1,
    showcase: true,
    group_id: null,
    group: false,
    only_show_if_degraded: false,
    page_id: page.id,
    created_at: null,
    updated_at: null,
    start_date: null,
  }));

  const incident = (row: IncidentRow): StatuspageIncident => {
    const id = row.incident.tracking_id ?? row.slug;
    const shortlink = `${siteUrl}${row.permalink}`;
    const resolved = isResolved(row.incident.status);
    // The post is the post-mortem of a resolved incident once it holds one; of an open one, the latest report.
    const postmortem = resolved && row.hasPostMortem;
    const status = postmortem ? 'postmortem' : row.incident.status;
    const published = dayStart(row.date);
    // Without a timeline, one status update: the post, as published. Its revisions (`updates:`) change the text,
    // not the incident's state. With one, an update per entry, newest first, each in the state it left.
    const updates: StatuspageIncident['incident_updates'] = row.incident.timeline
      ? timelineUpdates(id, row.incident.timeline)
      : [
          {
            id: `${id}-report`,
            incident_id: id,
            status,
            body: row.incident.status_note
              ? `${row.description} Status: ${row.incident.status_note}.`
              : row.description,
            created_at: published,
            updated_at: published,
            display_at: published,
            affected_components: null,
            deliver_notifications: false,
          },
        ];
    // From the whole timeline: its first entry may come before any state is stated, and so before any update.
    const stamps = (row.incident.timeline ?? []).map((entry) => stampInstant(entry.at));
    const firstAt = (wanted: string) => updates.findLast((update) => update.status === wanted)?.created_at ?? null;
    return {
      id,
      name: row.title,
      status,
      impact: IMPACT[row.incident.severity],
      severity: row.incident.severity,
      shortlink,
      postmortem_url: postmortem ? shortlink : null,
      page_id: page.id,
      created_at: row.incident.timeline ? stamps[0] : published,
      updated_at: row.incident.timeline ? stamps.at(-1)! : published,
      // What an incident's date marks differs (first report, a merge, a release: incident.date_note): not a start.
      started_at: null,
      monitoring_at: firstAt('monitoring'),
      resolved_at: resolved && row.incident.timeline ? updates[0].created_at : null,
      incident_updates: updates,
      components: componentList.filter((component) => row.incident.components.includes(component.id)),
    };
  };

  const incidents = [...rows].sort((a, b) => b.date.localeCompare(a.date)).map(incident);
  const unresolved = incidents.filter((entry) => entry.status !== 'postmortem' && entry.status !== 'resolved');
  const status = overall(unresolved, worst(unresolved.map((entry) => entry.impact)));
  return {
    'summary.json': {
      page,
      components: componentList,
      incidents: unresolved,
      scheduled_maintenances: [],
      status,
    },
    'status.json': {page, status},
    'components.json': {page, components: componentList},
    'incidents.json': {page, incidents},
    'incidents/unresolved.json': {page, incidents: unresolved},
  };
}

/**
 * The timeline as Statuspage's incident updates: newest first, each in the state it left, its citations dropped.
 * Statuspage gives every update a state, so entries before the first stated one are left out here.
 */
function timelineUpdates(id: string, entries: readonly TimelineEntry[]): StatuspageIncident['incident_updates'] {
  let state: Status | undefined;
  return entries
    .flatMap((entry, i) => {
      state = entry.status ?? state;
      if (state === undefined) return [];
      const at = stampInstant(entry.at);
      return [
        {
          id: `${id}-${i + 1}`,
          incident_id: id,
          status: state,
          body: entry.body.replace(CITATION, '').trim(),
          created_at: at,
          updated_at: at,
          display_at: at,
          affected_components: entry.components
            ? Object.entries(entry.components).map(([code, impact]) => ({code, new_status: impact}))
            : null,
          deliver_notifications: false,
        },
      ];
    })
    .reverse();
}

/**
 * The overall status: Statuspage's words where the sources state how bad, and what is not stated where they do not.
 * An open incident of unstated severity still makes the indicator "minor": the format has no "unknown", and "none"
 * would say nothing is open; the description says the severity is not stated.
 */
function overall(unresolved: readonly {severity: Severity}[], stated: Impact) {
  const count = unresolved.length;
  if (count === 0) return {indicator: 'none' as Impact, description: INDICATOR_DESCRIPTION.none};
  const indicator: Impact = stated === 'none' ? 'minor' : stated;
  const open = `${count} unresolved ${count === 1 ? 'incident' : 'incidents'}`;
  const unstated = unresolved.filter((entry) => entry.severity === 'not-stated').length;
  const description =
    unstated === 0
      ? `${INDICATOR_DESCRIPTION[indicator]}: ${open}`
      : unstated === count
        ? `${open}, severity not stated`
        : `${INDICATOR_DESCRIPTION[indicator]}: ${open}, ${unstated} of them of severity not stated`;
  return {indicator, description};
}
