import {describe, expect, it} from 'vitest';

import {dateFault, formatCalendarDate, toCalendarDate} from '../../src/incidents/calendarDates';
import {parseIncidentPost} from '../../src/incidents/frontMatterSchema';
import {EXAMPLE_POST} from '../support/examplePost';

const FILE = 'blog/example_incident/index.md';
const TODAY = '2026-11-25';
const valid = {
  date: '2026-02-16',
  duration: 'About 3 hours',
  severity: 'high',
  status: 'resolved',
  components: ['embeddings'],
  versions: 'not stated',
  cite: {date: 'product-page', duration: 'product-page', severity: 'product-page'},
};
const POST = EXAMPLE_POST;

const POST_CONTEXT = {
  today: TODAY,
  components: ['embeddings', 'auth'],
  tags: ['incident-report', 'security'],
  authors: ['incident-editors'],
};

/** The incident block, parsed as part of a post, as the build parses it. */
const parse = (incident: unknown) => parseIncidentPost({...POST, incident}, FILE, POST_CONTEXT).incident;
/** The updates of a post published on 1 May, parsed as the build parses them. */
const updatesOf = (updates: unknown) =>
  parseIncidentPost({...POST, date: '2026-05-01', incident: valid, updates}, FILE, POST_CONTEXT).updates;
const statement = (fields: Record<string, unknown>) => ({
  ...valid,
  versions: [{package: 'pypi', source: 'pr-1', ...fields}],
});

/** The message of what `run` throws; fails the test if it does not throw. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('the incident block, in a post', () => {
  it('accepts a complete incident and keeps optional fields', () => {
    const full = {
      ...valid,
      fixed_in: 'v1.81.14.rc.2',
      tracking_id: 'LIT-2614',
      date_note: 'first reported',
      status_note: 'as last stated',
      versions: [
        {
          package: 'release',
          affected: ['1.79.2'],
          first_affected: '1.80.0',
          fixed: 'v1.81.14.rc.2',
          source: 'pr-1',
          note: 'Docker not affected.',
        },
      ],
      cite: {...valid.cite, fixed_in: 'pr-1'},
    };
    expect(parse(full)).toEqual(full);
  });

  it("takes a remedy's minimum version alone, or beside a range, outside the range's order", () => {
    expect(parse(statement({requires: '1.82.3'})).versions).toEqual([
      {package: 'pypi', requires: '1.82.3', source: 'pr-1'},
    ]);
    expect(
      parse({
        ...statement({fixed: '1.82.3', requires: '1.80.0'}),
        fixed_in: '1.82.3',
        cite: {...valid.cite, fixed_in: 'pr-1'},
      }).versions,
    ).toEqual([{package: 'pypi', fixed: '1.82.3', requires: '1.80.0', source: 'pr-1'}]);
  });

  it('takes a month where the source gives no day', () => {
    expect(parse({...valid, date: '2026-01'}).date).toBe('2026-01');
  });

  it('parses its own output to the same value', () => {
    const once = parse({...valid, severity_scope: 'for vLLM users'});
    expect(parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('needs no source for facts the sources do not state', () => {
    expect(() => parse({...valid, severity: 'not-stated', duration: 'Not stated', cite: {date: 'pr-1'}})).not.toThrow();
  });

  it.each([
    ['a missing incident block', undefined, 'incident is required on every incident post'],
    ['an incident that is not a mapping', 'high', 'incident is required on every incident post'],
    [
      'an unknown severity',
      {...valid, severity: 'urgent'},
      'incident.severity must be one of critical, high, medium, low, not-stated; got "urgent"',
    ],
    [
      'a missing status',
      {...valid, status: undefined},
      'incident.status is required: one of investigating, identified, monitoring, resolved; or give incident.timeline, whose latest entry is the status',
    ],
    [
      'a bad date',
      {...valid, date: '16/02/2026'},
      'incident.date must be a real calendar date written "YYYY-MM-DD" (or "YYYY-MM" when the source gives only the month); got "16/02/2026"',
    ],
    ['an impossible date', {...valid, date: '2026-02-30'}, 'incident.date must be a real calendar date'],
    [
      'an unquoted date, which YAML may have rolled over',
      {...valid, date: new Date(Date.UTC(2027, 1, 9))},
      'incident.date must be a quoted date',
    ],
    ['a missing duration', {...valid, duration: undefined}, 'incident.duration must be non-empty text; got nothing'],
    ['a numeric fixed_in', {...valid, fixed_in: 1.81}, 'incident.fixed_in must be non-empty text; got 1.81'],
    [
      'a malformed tracking id',
      {...valid, tracking_id: 'lit 2614'},
      'incident.tracking_id must look like LIT-2614; got "lit 2614"',
    ],
    ['a misspelt field', {...valid, sevrity: 'high'}, 'incident.sevrity is not a known field'],
    [
      'a bare version that YAML read as a number',
      {...valid, versions: [1.9]},
      'incident.versions[0] must be a statement (package, affected, first_affected, last_affected, fixed, requires, source), not a bare version; got 1.9, which YAML read as a number: write it as - {package: pypi, affected: ["1.90.0"], source: <id>}, the version quoted',
    ],
    [
      'a bare version string',
      {...valid, versions: ['1.82.7']},
      'incident.versions[0] must be a statement (package, affected, first_affected, last_affected, fixed, requires, source), not a bare version; got "1.82.7": write it as - {package: pypi, affected: ["1.82.7"], source: <id>}, the version quoted',
    ],
    [
      'a severity without its source',
      {...valid, cite: {date: 'pr-1', duration: 'pr-1'}},
      'incident.cite.severity must name the declared source',
    ],
    [
      'a fixed release without its source',
      {...valid, fixed_in: 'The release that contains PR #1'},
      'incident.cite.fixed_in must name the declared source',
    ],
    [
      'a citation of an undeclared source',
      {...valid, cite: {...valid.cite, date: 'pr-2'}},
      'incident.cite.date must be the id of a source declared under "sources" (product-page, pr-1); got "pr-2"',
    ],
    [
      'a citation of something not in the header',
      {...valid, cite: {...valid.cite, title: 'pr-1'}},
      'incident.cite.title is not a known field; known fields: date, duration, severity, status, fixed_in',
    ],
    [
      'no components',
      {...valid, components: []},
      'incident.components must list what broke, from blog/components.yml (embeddings, auth)',
    ],
    [
      'an unknown component',
      {...valid, components: ['embeddings', 'kafka']},
      'incident.components has "kafka", which is not in blog/components.yml',
    ],
    [
      'versions left out',
      {...valid, versions: undefined},
      'incident.versions must be "not stated" or a list of statements',
    ],
    [
      'an unknown package',
      statement({package: 'npm', fixed: '1.0.0'}),
      'incident.versions[0].package must be one of pypi, docker, release; got "npm"',
    ],
    [
      'a statement without its source',
      statement({source: 'blog', affected: ['1.0.0']}),
      'incident.versions[0].source must be the id of a source declared',
    ],
    ['a statement that states no version', statement({note: 'x'}), 'incident.versions[0] states no version'],
    [
      'an unquoted version YAML read as a number',
      statement({fixed: 1.83}),
      'incident.versions[0].fixed must be a quoted version such as 1.82.7, v1.81.14.rc.2 or 1.83.7-stable; got 1.83',
    ],
    [
      'a version that is not one',
      statement({affected: ['latest']}),
      'incident.versions[0].affected[0] must be a quoted version',
    ],
    [
      "a remedy's minimum that is not a version",
      statement({requires: 'latest'}),
      'incident.versions[0].requires must be a quoted version',
    ],
    [
      'an unquoted minimum YAML read as a number',
      statement({requires: 1.83}),
      'incident.versions[0].requires must be a quoted version such as 1.82.7, v1.81.14.rc.2 or 1.83.7-stable; got 1.83',
    ],
    [
      'a range out of order',
      statement({first_affected: '1.82.5', fixed: '1.82.3'}),
      'incident.versions[0].fixed (1.82.3) must come after first_affected (1.82.5): the range is out of order',
    ],
    [
      'a last affected version after the fix',
      statement({last_affected: '1.83.0', fixed: '1.83.0'}),
      'incident.versions[0].fixed (1.83.0) must come after last_affected (1.83.0)',
    ],
    [
      'an affected version at the fix',
      statement({affected: ['1.82.3'], fixed: '1.82.3'}),
      'incident.versions[0].affected[0] (1.82.3) is not before the fixed version (1.82.3)',
    ],
    [
      'a PyPI version written as a release tag',
      statement({package: 'pypi', affected: ['v1.82.7']}),
      'incident.versions[0].affected[0] (v1.82.7) is not how PyPI names the release: write "1.82.7"',
    ],
    [
      'a PyPI pre-release written as a tag',
      statement({package: 'pypi', fixed: '1.83.0-rc.1'}),
      'incident.versions[0].fixed (1.83.0-rc.1) is not how PyPI names the release: write "1.83.0rc1"',
    ],
    [
      'a PyPI nightly build',
      statement({package: 'pypi', first_affected: 'v1.83.0-nightly'}),
      'incident.versions[0].first_affected (v1.83.0-nightly) is not a PyPI release: PyPI publishes no nightly builds',
    ],
  ])('rejects %s with one line naming the file and the field', (_name, incident, message) => {
    const text = errorOf(() => parse(incident));
    expect(text.startsWith(`${FILE}: `)).toBe(true);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});

describe('dates', () => {
  it('reads quoted ISO dates, and months only where allowed', () => {
    expect(toCalendarDate('2026-04-21')).toBe('2026-04-21');
    expect(toCalendarDate('2026-04')).toBeUndefined();
    expect(toCalendarDate('2026-04', {monthOnly: true})).toBe('2026-04');
    expect(toCalendarDate('2026-13', {monthOnly: true})).toBeUndefined();
  });

  it.each(['2026-13-40', '2026-02-29', '2026-04-21T13:00:00Z', '21 April 2026'])('refuses %s', (text) => {
    expect(toCalendarDate(text)).toBeUndefined();
  });

  it('refuses the Date an unquoted impossible date became, and says why', () => {
    // YAML reads an unquoted 2026-13-40 as this real day in 2027.
    expect(dateFault(new Date(Date.UTC(2026, 12, 40)))).toBe(
      'must be a quoted date, "YYYY-MM-DD"; got the unquoted date 2027-02-09, which the YAML reader may have rolled over from an impossible date',
    );
  });

  it('writes days and months in words, independent of the machine time zone', () => {
    expect(formatCalendarDate('2026-04-21')).toBe('21 April 2026');
    expect(formatCalendarDate('2026-04')).toBe('April 2026');
  });
});

describe('updates, in a post', () => {
  it('is empty for a post never revised, and keeps dated notes oldest first', () => {
    expect(updatesOf(undefined)).toEqual([]);
    expect(
      updatesOf([
        {date: '2026-05-01', note: ' Added a figure. '},
        {date: '2026-05-02', note: 'Fixed a link.'},
      ]),
    ).toEqual([
      {date: '2026-05-01', note: 'Added a figure.'},
      {date: '2026-05-02', note: 'Fixed a link.'},
    ]);
  });

  it.each([
    ['a mapping instead of a list', {date: '2026-05-01'}, 'updates must be a list of {date, note}'],
    [
      'a bad date',
      [{date: 'May 1', note: 'x'}],
      'updates[0].date must be a real calendar date written "YYYY-MM-DD"; got "May 1"',
    ],
    ['an empty note', [{date: '2026-05-01', note: ''}], 'updates[0].note must say what changed'],
    [
      'an update before publication',
      [{date: '2026-04-30', note: 'x'}],
      'updates[0].date (2026-04-30) is before the post was published (2026-05-01)',
    ],
    [
      'an update in the future',
      [{date: '2026-11-26', note: 'x'}],
      'updates[0].date (2026-11-26) is in the future (today is 2026-11-25)',
    ],
    [
      'updates out of order',
      [
        {date: '2026-05-02', note: 'b'},
        {date: '2026-05-01', note: 'a'},
      ],
      'updates[1].date (2026-05-01) is earlier than the update before it',
    ],
    [
      'the same update twice',
      [
        {date: '2026-05-01', note: 'Added a figure.'},
        {date: '2026-05-01', note: 'Added a figure.'},
      ],
      'updates[1] repeats updates[0] word for word; remove one of them',
    ],
  ])('rejects %s, naming the file and the field', (_name, value, message) => {
    expect(() => updatesOf(value)).toThrow(`${FILE}: ${message}`);
  });
});

describe('parseIncidentPost', () => {
  it('returns every validated field', () => {
    const meta = parseIncidentPost({...POST, incident: valid}, FILE, POST_CONTEXT);
    expect(meta).toMatchObject({slug: 'example-incident', date: '2026-02-18', updates: []});
    expect(meta.sources.map((s) => s.id)).toEqual(['product-page', 'pr-1']);
    expect(meta.incident.severity).toBe('high');
  });

  it.each([
    ['a post without a slug', {slug: undefined}, 'slug is required: customers hold links to it'],
    ['a slug that is not a URL segment', {slug: 'Example Incident'}, 'slug is required'],
    ['a post without a description', {description: undefined}, 'description is required'],
    ['a post without what_to_do', {what_to_do: undefined}, 'what_to_do is required: who is affected and what to do'],
    [
      'a what_to_do with no citation',
      {what_to_do: 'Upgrade to the release with the fix.'},
      'what_to_do cites no source; put [^id] right after the claim it supports',
    ],
    [
      'a what_to_do citing an undeclared source',
      {what_to_do: 'Upgrade to the release with the fix[^pr-9].'},
      'what_to_do cites "pr-9", which is not among the ids this post declares under "sources" (product-page, pr-1)',
    ],
    [
      'a what_to_do too long for the first screen of a phone',
      {what_to_do: `${'Upgrade. '.repeat(34)}[^pr-1]`},
      'what_to_do is 305 characters without its citations; keep it to 300 or fewer',
    ],
    [
      'markup in what_to_do',
      {what_to_do: 'Upgrade<img src=x onerror=alert(1)>[^pr-1]'},
      'what_to_do must be plain text but holds markup at "<img',
    ],
    ['an unquoted publication date', {date: new Date(Date.UTC(2026, 1, 18))}, 'date must be a quoted date'],
    [
      'an incident after its publication',
      {incident: {...valid, date: '2026-02-19'}},
      "incident.date (2026-02-19) is after the post's publication date (2026-02-18)",
    ],
    [
      'an incident month after its publication',
      {incident: {...valid, date: '2026-03'}},
      'incident.date (2026-03) is after',
    ],
    ['no sources', {sources: []}, 'sources must list the sources the post is written from'],
    ['an empty title', {title: '  '}, 'title must say what broke, in a few words; got "  "'],
    [
      'a title that breaks out of a script block',
      {title: 'x</script><meta http-equiv=refresh content=0;url=https://evil.example/>'},
      'title must be plain text but holds markup at "</script>',
    ],
    [
      'markup in the description',
      {description: `${POST.description} <img src=x onerror=alert(1)>`},
      'description must be plain text but holds markup at "<img',
    ],
    [
      'a misspelt top-level key',
      {update: [{date: '2026-11-01', note: 'x'}]},
      'update is not a known field; did you mean "updates"?',
    ],
    [
      'a publication date in the future',
      {date: '2099-01-01', incident: {...valid}},
      'date (2099-01-01) is in the future (today is 2026-11-25)',
    ],
    [
      'a source dated in the future',
      {sources: [POST.sources[0], {...POST.sources[1], date: '2027-01-01'}]},
      'sources[1].date (2027-01-01) is in the future',
    ],
    [
      'markup in an update note',
      {updates: [{date: '2026-03-01', note: 'Fixed <script>alert(1)</script>'}]},
      'updates[0].note must be plain text but holds markup',
    ],
    [
      'a title of invisible characters',
      {title: '\u200b\u200b'},
      'title must say what broke, in a few words; got "\u200b\u200b"',
    ],
    [
      'a bidirectional override in a title',
      {title: 'Fixed in \u202e3.28.1'},
      'title holds the invisible character U+202E at 10; remove it',
    ],
    [
      "a title that would end the feeds' CDATA",
      {title: 'Broken ]]> feeds'},
      'title holds "]]>", which would end the feeds\' text early',
    ],
    [
      'an inline author, which would carry its own name and link',
      {authors: [{key: 'incident-editors', name: 'Official', url: 'https://evil.example/'}]},
      'authors[0] must list keys from blog/authors.yml',
    ],
    ['tags that are not keys', {tags: 'incident-report'}, 'tags must list keys from blog/tags.yml'],
    [
      'a misspelt tag, which the blog plugin would refuse only in the build',
      {tags: ['incident-report', 'securty']},
      'tags has "securty", which is not in blog/tags.yml; did you mean "security"? known: incident-report, security',
    ],
    [
      'an author who is not in blog/authors.yml',
      {authors: ['someone-else']},
      'authors has "someone-else", which is not in blog/authors.yml; known: incident-editors',
    ],
  ])('rejects %s, naming the file and the field', (_name, change, message) => {
    expect(() => parseIncidentPost({...POST, incident: valid, ...change}, FILE, POST_CONTEXT)).toThrow(
      `${FILE}: ${message}`,
    );
  });

  it('accepts a "<" that is not markup', () => {
    expect(
      parseIncidentPost({...POST, incident: valid, title: 'Latency < 5 s, then > 30 s'}, FILE, POST_CONTEXT).slug,
    ).toBe('example-incident');
  });

  it('reports every fault of a post at once, one line each', () => {
    const message = errorOf(() =>
      parseIncidentPost(
        {
          ...POST,
          title: '',
          date: '2099-01-01',
          incident: {...valid, severity: 'urgent', components: ['auth', 'auth']},
        },
        FILE,
        POST_CONTEXT,
      ),
    );
    expect(message.split('\n')).toEqual([
      expect.stringContaining('title must say what broke'),
      expect.stringContaining('date (2099-01-01) is in the future'),
      expect.stringContaining('incident.severity must be one of'),
      expect.stringContaining('incident.components lists "auth" twice'),
    ]);
  });
});

describe('incident metadata that means what it says', () => {
  it.each([
    [
      'a "Not stated" duration that states a figure',
      {...valid, duration: 'Not stated, but about 3 hours'},
      'incident.duration says "Not stated" but also states a figure',
    ],
    [
      'a component listed twice',
      {...valid, components: ['embeddings', 'embeddings']},
      'incident.components lists "embeddings" twice',
    ],
    [
      'a fixed_in no statement gives',
      {...statement({fixed: '1.82.3'}), fixed_in: '1.82.4', cite: {...valid.cite, fixed_in: 'pr-1'}},
      'incident.fixed_in (1.82.4) is not the fixed version any statement',
    ],
    [
      'a fixed_in version with no versions stated',
      {...valid, fixed_in: '1.82.3', cite: {...valid.cite, fixed_in: 'pr-1'}},
      'incident.fixed_in (1.82.3) is not the fixed version any statement under incident.versions gives (none)',
    ],
    [
      'a stated fix the header leaves out',
      statement({fixed: '1.82.3'}),
      'incident.fixed_in is missing, but incident.versions states the fix in 1.82.3',
    ],
    [
      'a version with two numbers',
      statement({fixed: '1.83'}),
      'incident.versions[0].fixed (1.83) has 2 release numbers; a release has three',
    ],
    [
      'a version no release could have',
      statement({affected: ['1.82.99999']}),
      'incident.versions[0].affected[0] (1.82.99999) has a number above 999',
    ],
    [
      'a version with a leading zero',
      statement({first_affected: '1.082.1'}),
      'incident.versions[0].first_affected (1.082.1) has a number with a leading zero',
    ],
    [
      'markup in a statement note',
      statement({fixed: '1.82.3', note: '<b>x</b>'}),
      'incident.versions[0].note must be plain text',
    ],
    [
      'markup in the severity scope',
      {...valid, severity_scope: 'for <i>some</i> users'},
      'incident.severity_scope must be plain text',
    ],
  ])('rejects %s, naming the file and the field', (_name, incident, message) => {
    expect(() => parse(incident)).toThrow(`${FILE}: ${message}`);
  });

  it('accepts a header fix that matches a statement, however the tag is written', () => {
    expect(
      parse({
        ...statement({package: 'release', fixed: '1.81.14.rc.2'}),
        fixed_in: 'v1.81.14-rc2',
        cite: {...valid.cite, fixed_in: 'pr-1'},
      }).fixed_in,
    ).toBe('v1.81.14-rc2');
  });
});
