/**
 * Reading OSV records as a scanner does, for the tests: validation against the schema written from the specification
 * (osv.schema.json), and the specification's own evaluation of whether a version is affected ("Evaluation",
 * IsVulnerable), written here independently of the code that writes the records.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020';

import type {OsvRecord} from '../../src/incidents/osv';
import {compareVersions, parseVersion} from '../../src/incidents/versions';

const schema = JSON.parse(readFileSync(path.join(__dirname, 'osv.schema.json'), 'utf8'));
// strictRequired off: a "then" may require a property that "properties" above it declares.
export const validateOsv = new Ajv2020({allErrors: true, strict: true, strictRequired: false}).compile(schema);

type Event = {introduced?: string; fixed?: string; last_affected?: string; limit?: string};

const order = (a: string, b: string) => {
  // "0" sorts before every version, as the specification defines it.
  if (a === '0' || b === '0') return (a === '0' ? -1 : 0) - (b === '0' ? -1 : 0);
  return compareVersions(parseVersion(a)!, parseVersion(b)!);
};
const eventVersion = (event: Event) => (event.introduced ?? event.fixed ?? event.last_affected ?? event.limit)!;

function inRange(version: string, events: readonly Event[]): boolean {
  const limits = events.filter((event) => event.limit !== undefined);
  if (limits.length > 0 && !limits.some((event) => order(version, event.limit!) < 0)) return false;
  let vulnerable = false;
  for (const event of [...events].sort((a, b) => order(eventVersion(a), eventVersion(b)))) {
    if (event.introduced !== undefined && order(version, event.introduced) >= 0) vulnerable = true;
    else if (event.fixed !== undefined && order(version, event.fixed) >= 0) vulnerable = false;
    else if (event.last_affected !== undefined && order(version, event.last_affected) > 0) vulnerable = false;
  }
  return vulnerable;
}

/** Whether the record says this PyPI version of litellm is affected. */
export function osvAffects(record: OsvRecord, version: string): boolean {
  return record.affected.some(
    (affected) =>
      affected.package.ecosystem === 'PyPI' &&
      affected.package.name === 'litellm' &&
      ((affected.versions ?? []).includes(version) ||
        (affected.ranges ?? []).some((range) => inRange(version, range.events))),
  );
}
