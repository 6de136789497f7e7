import {load} from 'js-yaml';
import {describe, expect, it} from 'vitest';

import {scaffoldPost} from '../../src/authoring/scaffold';
import {parseIncidentPost, postFrontMatterJsonSchema} from '../../src/incidents/frontMatterSchema';
import {incidentsJson} from '../../src/incidents/incidentsJson';
import {incidentsJsonSchema, incidentsJsonSchemaDocument} from '../../src/incidents/incidentsJsonSchema';
import {INCIDENT_NOTES, type IncidentNote, NOTES_NOT_BESIDE_TIMELINE} from '../../src/incidents/vocabulary';
import {EXAMPLE_POST} from '../support/examplePost';

const FILE = 'blog/example_incident/index.md';
const CONTEXT = {today: '2026-11-25', components: ['auth'], tags: ['incident-report'], authors: ['incident-editors']};
const NOTES = Object.keys(INCIDENT_NOTES) as IncidentNote[];
/** Each note as the scaffold's example gives it, read as YAML reads it. */
const EXAMPLES = Object.fromEntries(NOTES.map((key) => [key, String(load(INCIDENT_NOTES[key].example))]));
// A fixed_in that is a version must be a statement's fix, cited.
const incident = (notes: Record<string, unknown>) => ({
  date: '2026-02-16',
  duration: 'About 3 hours',
  severity: 'high',
  status: 'resolved',
  components: ['auth'],
  versions: [{package: 'pypi', fixed: EXAMPLES.fixed_in, source: 'pr-1'}],
  cite: {date: 'product-page', duration: 'product-page', severity: 'product-page', fixed_in: 'pr-1'},
  ...notes,
});
const rowOf = (notes: Record<string, unknown>) => ({
  permalink: '/blog/example-incident',
  title: 'Example incident',
  hasPostMortem: true,
  ...parseIncidentPost({...EXAMPLE_POST, incident: incident(notes)}, FILE, CONTEXT),
});
const components = {auth: {label: 'Authentication', description: 'Keys.'}};

describe("the incident's facts in words, each from its one entry in INCIDENT_NOTES", () => {
  it('are published in /incidents.json under their names, null where left out, as its schema says', () => {
    const index = incidentsJson(
      [rowOf(EXAMPLES), rowOf({fixed_in: EXAMPLES.fixed_in})],
      'https://example.org',
      components as never,
    );
    expect(incidentsJsonSchema.parse(index)).toEqual(index);
    const [given, left] = index.incidents;
    for (const key of NOTES) {
      expect(given[INCIDENT_NOTES[key].json as keyof typeof given]).toBe(EXAMPLES[key]);
      if (key !== 'fixed_in') expect(left[INCIDENT_NOTES[key].json as keyof typeof left]).toBeNull();
    }
    const published = incidentsJsonSchemaDocument('https://example.org') as {
      $defs?: unknown;
      properties: {incidents: {items: {properties: Record<string, {description?: string}>; required: string[]}}};
    };
    const {properties, required} = published.properties.incidents.items;
    for (const {json, description} of Object.values(INCIDENT_NOTES)) {
      expect(properties[json].description).toBe(`${description}; null when the sources give none`);
      expect(required).toContain(json);
    }
  });

  it('are described in the front matter schema and refused as markup, each naming its field', () => {
    const frontMatter = postFrontMatterJsonSchema('https://example.org', ['auth']) as {
      properties: {incident: {properties: Record<string, {description?: string}>}};
    };
    for (const key of NOTES) {
      expect(frontMatter.properties.incident.properties[key].description).toBe(INCIDENT_NOTES[key].description);
      expect(() => rowOf({[key]: 'see <b>this</b>'})).toThrow(`incident.${key} must be plain text`);
    }
  });

  it('are offered by the scaffold, commented out with their example; on a live post, only those a timeline allows', () => {
    const offered = (post: string) =>
      NOTES.filter((key) => post.includes(`  # ${key}: ${INCIDENT_NOTES[key].example} `));
    expect(offered(scaffoldPost('example-incident', '2026-11-25'))).toEqual(NOTES);
    expect(offered(scaffoldPost('example-incident', '2026-11-25', {now: '2026-11-25T10:00:00Z'}))).toEqual(
      NOTES.filter((key) => !NOTES_NOT_BESIDE_TIMELINE.includes(key)),
    );
    expect(NOTES_NOT_BESIDE_TIMELINE).toEqual(['status_note']);
    expect(() =>
      parseIncidentPost(
        {
          ...EXAMPLE_POST,
          incident: {
            ...incident({status_note: EXAMPLES.status_note}),
            status: undefined,
            timeline: [{at: '2026-02-16T10:00:00Z', status: 'resolved', body: 'Fixed[^pr-1].'}],
          },
        },
        FILE,
        CONTEXT,
      ),
    ).toThrow('incident.status_note cannot be given beside incident.timeline');
  });
});
