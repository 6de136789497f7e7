import type {Components} from './components';
import type {IncidentRow} from './incidentIndex';
import {INCIDENTS_SCHEMA_PATH, type IncidentEntry, type IncidentsJson} from './incidentsJsonSchema';
import {rangeOverlaps} from './affectedIncidents';
import {osvAdvisory} from './osv';
import {currentState, formatStamp} from './timeline';
import {INCIDENT_NOTES, PACKAGES, type IncidentNote} from './vocabulary';
import type {IncidentMeta} from './frontMatterSchema';

/** Where the machine-readable index is served. */
export const INCIDENTS_JSON_PATH = '/incidents.json';
export const INCIDENTS_JSON_SCHEMA = 1;

/** The incident's facts in words under their published names, null where the post gives none. */
const publishedNotes = (incident: IncidentMeta) =>
  Object.fromEntries(
    (Object.keys(INCIDENT_NOTES) as IncidentNote[]).map((key) => [INCIDENT_NOTES[key].json, incident[key] ?? null]),
  ) as Pick<IncidentEntry, (typeof INCIDENT_NOTES)[IncidentNote]['json']>;

/** The index as JSON, from the same validated rows the pages render. */
export function incidentsJson(rows: readonly IncidentRow[], siteUrl: string, components: Components): IncidentsJson {
  const overlaps = rangeOverlaps(
    rows.map(({title, permalink, incident}) => ({title, permalink, versions: incident.versions})),
  );
  return {
    $schema: `${siteUrl}${INCIDENTS_SCHEMA_PATH}`,
    schemaVersion: INCIDENTS_JSON_SCHEMA,
    title: 'LiteLLM incident reports',
    homePage: `${siteUrl}/incidents`,
    incidents: rows.map(({permalink, title, slug, description, date, incident, updates, sources, hasPostMortem}) => {
      const sourceUrl = (id: string) => sources.find((source) => source.id === id)!.url;
      const advisory = osvAdvisory(slug, incident.versions);
      return {
        slug,
        url: `${siteUrl}${permalink}`,
        title,
        description,
        incidentDate: incident.date,
        published: date,
        updated: updates.at(-1)?.date ?? date,
        updates,
        severity: incident.severity,
        status: incident.status,
        statusSince: incident.timeline ? currentState(incident.timeline)!.since.at : null,
        postMortem: hasPostMortem ? 'published' : incident.status === 'resolved' ? 'pending' : 'to follow',
        timeline: (incident.timeline ?? []).map((entry) => {
          const {datetime} = formatStamp(entry.at);
          return {
            at: entry.at,
            utc: datetime.includes('T') ? datetime : null,
            day: datetime.slice(0, 10),
            status: entry.status ?? null,
            body: entry.body,
            components: entry.components ?? {},
            reopened: entry.reopened ?? false,
          };
        }),
        duration: incident.duration,
        components: incident.components.map((key) => ({key, label: components[key].label})),
        ...publishedNotes(incident),
        versions:
          incident.versions === 'not stated'
            ? 'not stated'
            : incident.versions.map((statement, index) => ({
                package: statement.package,
                packageName: PACKAGES[statement.package],
                affected: statement.affected ?? [],
                firstAffected: statement.first_affected ?? null,
                lastAffected: statement.last_affected ?? null,
                fixed: statement.fixed ?? null,
                requires: statement.requires ?? null,
                note: statement.note ?? null,
                source: {id: statement.source, url: sourceUrl(statement.source)},
                rangeIncludesAffected: overlaps.get(permalink)![index].map((overlap) => ({
                  url: `${siteUrl}${overlap.permalink}`,
                  title: overlap.title,
                  versions: overlap.versions,
                })),
              })),
        osv: advisory ? {id: advisory.id, url: `${siteUrl}${advisory.path}`} : null,
        sources: sources.map(({id, title: name, url, kind, date: published}) => ({
          id,
          title: name,
          url,
          kind,
          date: published ?? null,
        })),
      };
    }),
  };
}
