/**
 * The one definition of the Statuspage-shaped files under /api/v2: the shapes of Atlassian Statuspage's public API
 * (v2) that the site writes, the TypeScript types of statuspage.ts, and the JSON Schema published beside them
 * (/schemas/statuspage-v2.schema.json) all follow from it, and the build checks each file against it before
 * writing. Null where Statuspage would give a value the sources do not (README: "The Statuspage-shaped API").
 */
import * as z from 'zod';

import {SEVERITIES, STATUSES} from './vocabulary';

export const STATUSPAGE_SCHEMA_PATH = '/schemas/statuspage-v2.schema.json';

const timestamp = z.iso.datetime().describe('ISO 8601 in UTC');
const impact = z.enum(['none', 'minor', 'major', 'critical']);
export const componentStatus = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage']);
/** An update's state; `postmortem` once the post-mortem is published, `resolved` while it is pending. */
const updateStatus = z.enum([...STATUSES, 'postmortem']);
const incidentStatus = updateStatus;

const page = z.object({
  id: z.string(),
  name: z.string(),
  url: z.url(),
  time_zone: z.literal('Etc/UTC'),
  updated_at: timestamp.nullable(),
});

const status = z.object({indicator: impact, description: z.string()});

const component = z.object({
  id: z.string(),
  name: z.string(),
  status: componentStatus,
  description: z.string().nullable(),
  position: z.int().min(1),
  showcase: z.boolean(),
  group_id: z.null(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  page_id: z.string(),
  created_at: z.null().describe('not stated'),
  updated_at: z.null().describe('not stated'),
  start_date: z.null().describe('not stated'),
});

const incidentUpdate = z.object({
  id: z.string(),
  incident_id: z.string(),
  status: updateStatus,
  body: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  display_at: timestamp,
  affected_components: z
    .array(z.object({code: z.string(), new_status: componentStatus}))
    .nullable()
    .describe('What the timeline entry states of each component; null where it states none'),
  deliver_notifications: z.boolean(),
});

const incident = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatus,
  impact: impact.nullable().describe('null where no source states the severity'),
  severity: z.enum(SEVERITIES).describe('Not a Statuspage field: the severity as the post states it'),
  shortlink: z.url(),
  postmortem_url: z.url().nullable().describe('Not a Statuspage field: the post-mortem, once resolved'),
  page_id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  started_at: z.null().describe('not stated'),
  monitoring_at: timestamp.nullable().describe('The first timeline entry that says monitoring; null without one'),
  resolved_at: timestamp.nullable().describe('The timeline entry that resolved it; null without one'),
  incident_updates: z.array(incidentUpdate).min(1),
  components: z.array(component),
});

const incidentsDocument = z.object({page, incidents: z.array(incident)});

/** Each file under /api/v2, by its path there. */
export const statuspageSchemas = {
  'summary.json': z.object({
    page,
    components: z.array(component),
    incidents: z.array(incident),
    scheduled_maintenances: z.array(z.never()),
    status,
  }),
  'status.json': z.object({page, status}),
  'components.json': z.object({page, components: z.array(component)}),
  'incidents.json': incidentsDocument,
  'incidents/unresolved.json': incidentsDocument,
};

export type StatuspageFile = keyof typeof statuspageSchemas;
export type StatuspageApi = {[File in StatuspageFile]: z.infer<(typeof statuspageSchemas)[File]>};
export type StatuspageIncident = z.infer<typeof incident>;
export type StatuspageComponent = z.infer<typeof component>;
export type Impact = z.infer<typeof impact>;
export type ComponentStatus = z.infer<typeof componentStatus>;

export function statuspageSchemaDocument(siteUrl: string): Record<string, unknown> {
  return {
    $id: `${siteUrl}${STATUSPAGE_SCHEMA_PATH}`,
    title: 'The Statuspage-shaped files under /api/v2',
    ...z.toJSONSchema(z.union(Object.values(statuspageSchemas)), {target: 'draft-2020-12'}),
  };
}
