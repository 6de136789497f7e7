/**
 * The one definition of /incidents.json: its TypeScript type and the JSON
 * Schema published beside it (/incidents.schema.json) both follow from it,
 * and the build checks what it writes against it. Build-side only: the
 * browser's version check reads the data, never the schema library.
 */
import * as z from 'zod';

import {INCIDENT_NOTES, PACKAGES, SEVERITIES, SOURCE_KINDS, STATUSES} from './vocabulary';
import {COMPONENT_IMPACTS} from './timeline';

export const INCIDENTS_SCHEMA_PATH = '/incidents.schema.json';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD');
const version = z.string().describe('As the product writes it, e.g. 1.82.7, v1.81.14.rc.2 or 1.83.7-stable');
const optionalText = (description: string) =>
  z.string().nullable().describe(`${description}; null when the sources give none`);

type Notes = typeof INCIDENT_NOTES;
/** Each of the incident's facts in words, under its published name. */
const notes = Object.fromEntries(
  Object.values(INCIDENT_NOTES).map(({json, description}) => [json, optionalText(description)]),
) as {[Key in keyof Notes as Notes[Key]['json']]: z.ZodNullable<z.ZodString>};

const versionStatement = z
  .object({
    package: z.enum(Object.keys(PACKAGES) as [keyof typeof PACKAGES, ...(keyof typeof PACKAGES)[]]),
    packageName: z.string(),
    affected: z.array(version).describe('Exact affected versions'),
    firstAffected: version.nullable(),
    lastAffected: version.nullable(),
    fixed: version.nullable().describe('The first fixed version'),
    requires: version.nullable().describe("The documented remedy's minimum version; not a fix"),
    note: z.string().nullable(),
    source: z.object({id: z.string(), url: z.url()}).describe('The declared source that states it'),
    rangeIncludesAffected: z
      .array(z.object({url: z.url(), title: z.string(), versions: z.array(version)}).strict())
      .describe(
        'Other incidents whose affected versions fall inside this statement\'s "or later" range (from the lower of fixed and requires): an upgrade to "that version or later" must skip them',
      ),
  })
  .strict();

const incident = z
  .object({
    slug: z.string(),
    url: z.url(),
    title: z.string(),
    description: z.string(),
    incidentDate: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .describe('YYYY-MM-DD, or YYYY-MM where the source gives only the month'),
    published: day,
    updated: day.describe('The last update, or the publication date'),
    updates: z.array(z.object({date: day, note: z.string()}).strict()),
    severity: z.enum(SEVERITIES),
    status: z.enum(STATUSES).describe("The latest timeline entry's state, where there is a timeline"),
    statusSince: z
      .string()
      .nullable()
      .describe('The timeline entry that stated the status, as written; null without a timeline'),
    postMortem: z
      .enum(['published', 'pending', 'to follow'])
      .describe('"to follow" while the incident is open, "pending" once resolved until it is written'),
    timeline: z
      .array(
        z
          .object({
            at: z.string().describe('As the source gives it: a time with its offset, or a day'),
            utc: z.string().nullable().describe('The same instant in UTC (ISO 8601); null for a day'),
            day: day.describe('The day in UTC'),
            status: z.enum(STATUSES).nullable().describe('null: an update that keeps the state'),
            body: z.string(),
            components: z.record(z.string(), z.enum(COMPONENT_IMPACTS)),
            reopened: z.boolean(),
          })
          .strict(),
      )
      .describe('Status updates, oldest first; empty for a post-mortem published without one'),
    duration: z.string(),
    components: z.array(z.object({key: z.string(), label: z.string()}).strict()),
    ...notes,
    versions: z.union([z.literal('not stated'), z.array(versionStatement)]),
    osv: z
      .object({id: z.string(), url: z.url()})
      .strict()
      .nullable()
      .describe('The OSV record, where a source states affected or fixed versions; null otherwise'),
    sources: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          url: z.url(),
          kind: z.enum(SOURCE_KINDS),
          date: day.nullable().describe('Published, opened or merged; null when not stated'),
        })
        .strict(),
    ),
  })
  .strict();

export const incidentsJsonSchema = z
  .object({
    $schema: z.url().describe('This schema'),
    schemaVersion: z.literal(1),
    title: z.string(),
    homePage: z.url(),
    incidents: z.array(incident).describe('Ongoing incidents first, then newest incident first, as on /incidents'),
  })
  .strict()
  .meta({
    title: 'LiteLLM incident reports',
    description: 'Every published incident report of the LiteLLM proxy, with what its sources state.',
  });

export type IncidentsJson = z.output<typeof incidentsJsonSchema>;
export type IncidentEntry = IncidentsJson['incidents'][number];

/** The JSON Schema document served at /incidents.schema.json. */
export function incidentsJsonSchemaDocument(siteUrl: string): Record<string, unknown> {
  return {$id: `${siteUrl}${INCIDENTS_SCHEMA_PATH}`, ...z.toJSONSchema(incidentsJsonSchema, {target: 'draft-2020-12'})};
}
