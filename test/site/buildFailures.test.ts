import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {checkSite} from '../../src/authoring/checkPosts';
import {summarizeProbes} from '../../src/measurements/probeRecording';
import {expectCheckToCatch, fieldFault, LINE_START} from '../support/faultLines';
import {copySite, type SiteCopy} from '../support/siteCopy';

/**
 * Faults an author makes, as a table: each is tried on its own copy of the site through `npm run check`'s checks
 * (a fraction of a second each), then once per stage of the build that finds it, all of the stage's faults in one
 * build, which must fail naming each of them as the check did.
 */

const POST = 'blog/vllm_embeddings_incident/index.md';
const LEAD_POST = 'blog/prisma_reconnect_blocking_incident/index.mdx';
const GUARDRAIL_POST = 'blog/guardrail_logging_secret_exposure_incident/index.md';
const RECORDING = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';

type Edits = Record<string, (text: string) => string>;
type Matcher = RegExp | string;
type Stage = 'lists' | 'front matter' | 'text' | 'recording';
/** A fault, what the check and the build print for it, and the stage of the build that refuses it. */
type Fault = {edits: Edits; found: Matcher; stage: Stage};

/** Rewrites the recording with `change` applied to its parsed form. */
const recording = (change: (data: any) => void) => (text: string) => {
  const data = JSON.parse(text);
  change(data);
  return JSON.stringify(data);
};
/** As `recording`, keeping the summaries consistent, so only the fault under test remains. */
const resummarised = (change: (data: any) => void) =>
  recording((data) => {
    change(data);
    for (const scenario of data.scenarios)
      for (const run of Object.values(scenario.runs) as any[]) run.summary = summarizeProbes(run.samples);
  });
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const FAULTS: Record<string, Fault> = {
  'an unknown severity': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('severity: high', 'severity: urgent')},
    found: fieldFault(
      POST,
      'incident.severity',
      `must be one of critical, high, medium, low, not-stated; got "urgent"`,
    ),
  },
  'a misspelt tag, which the blog itself refused naming no line': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('tags: [incident-report, embeddings', 'tags: [incident-report, embedings')},
    found: fieldFault(POST, 'tags', `has "embedings", which is not in blog/tags.yml; did you mean "embeddings"?`),
  },
  // The blog refuses these before the post validator runs: the build still names every fault of its stage at once.
  'a single author name where a list belongs, which the blog itself refused with a stack trace': {
    stage: 'front matter',
    edits: {[GUARDRAIL_POST]: (t) => t.replace('authors: [incident-editors]', 'authors: jane-doe')},
    found: fieldFault(
      GUARDRAIL_POST,
      'authors',
      'must list keys from blog/authors.yml, such as [incident-editors]; got',
    ),
  },
  'an author listed twice, which the blog itself refused with a stack trace': {
    stage: 'front matter',
    edits: {
      [LEAD_POST]: (t) => t.replace('authors: [incident-editors]', 'authors: [incident-editors, incident-editors]'),
    },
    found: fieldFault(LEAD_POST, 'authors', 'lists "incident-editors" twice; list each once'),
  },
  'a misspelt author, which the blog itself refused naming no line': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('authors: [incident-editors]', 'authors: [incident-editor]')},
    found: fieldFault(POST, 'authors', `has "incident-editor", which is not in blog/authors.yml`),
  },
  'a missing status': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace(/^ {2}status: resolved\n/m, '')},
    found: fieldFault(
      POST,
      'incident.status',
      `is required: one of investigating, identified, monitoring, resolved; or give incident.timeline`,
    ),
  },
  'a post without a slug, which would silently move to its folder URL': {
    stage: 'front matter',
    edits: {[LEAD_POST]: (t) => t.replace(/^slug: .*\n/m, '')},
    found: fieldFault(LEAD_POST, 'slug', `is required`),
  },
  'a post without a description': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace(/^description: .*\n/m, '')},
    found: fieldFault(POST, 'description', `is required`),
  },
  'a post without its first-screen answer': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace(/^what_to_do: .*\n/m, '')},
    found: fieldFault(POST, 'what_to_do', `is required: who is affected and what to do`),
  },
  'a first-screen answer citing a source the post does not declare': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace(/^(what_to_do: ".*)\[\^product-page\]/m, '$1[^vendor-page]')},
    found: fieldFault(POST, 'what_to_do', `cites "vendor-page", which is not among the ids this post declares`),
  },
  'two posts with one slug, naming both files': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('slug: vllm-embeddings-incident', 'slug: prisma-reconnect-blocking-incident')},
    found: new RegExp(
      `${LINE_START}(${escaped(POST)}|${escaped(LEAD_POST)}):\\d+: slug: "prisma-reconnect-blocking-incident" is already used by (${escaped(POST)}|${escaped(LEAD_POST)})`,
    ),
  },
  'an impossible date left unquoted, which YAML would roll over into 2027': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('date: "2026-02-16"', 'date: 2026-13-40')},
    found: fieldFault(
      POST,
      'incident.date',
      `must be a quoted date, "YYYY-MM-DD" (or "YYYY-MM" when the source gives only the month); got the unquoted date 2027-02-09`,
    ),
  },
  'an impossible date, quoted': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('date: "2026-02-18"', 'date: "2026-02-30"')},
    found: fieldFault(POST, 'date', `must be a real calendar date written "YYYY-MM-DD"; got "2026-02-30"`),
  },
  'an incident dated after its report': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('date: "2026-02-16"', 'date: "2026-02-20"')},
    found: fieldFault(POST, 'incident.date', `(2026-02-20) is after the post's publication date (2026-02-18)`),
  },
  'an update dated before publication': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('- date: "2026-11-25"', '- date: "2026-02-01"')},
    found: fieldFault(POST, 'updates[0].date', `(2026-02-01) is before the post was published (2026-02-18)`),
  },
  'an update dated in the future': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('- date: "2026-11-25"', '- date: "2099-01-01"')},
    found: fieldFault(POST, 'updates[0].date', '(2099-01-01) is in the future'),
  },
  'updates out of order': {
    stage: 'front matter',
    edits: {
      [LEAD_POST]: (t) =>
        t
          .replace('- date: "2026-11-24"', '- date: "2026-11-25"')
          .replace(/(note: Added the replay[^\n]*\n {2}- date: )"2026-11-25"/, '$1"2026-11-24"'),
    },
    found: fieldFault(LEAD_POST, 'updates[1].date', `(2026-11-24) is earlier than the update before it`),
  },
  'a version range whose bounds are out of order': {
    stage: 'front matter',
    edits: {
      [GUARDRAIL_POST]: (t) =>
        t.replace('      fixed: "1.82.3"\n', '      first_affected: "1.83.0"\n      fixed: "1.82.3"\n'),
    },
    found: fieldFault(
      GUARDRAIL_POST,
      'incident.versions[0].fixed',
      `(1.82.3) must come after first_affected (1.83.0): the range is out of order`,
    ),
  },
  'a component that is not in blog/components.yml': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('components: [embeddings]', 'components: [embeddings, gpu]')},
    found: fieldFault(POST, 'incident.components', `has "gpu", which is not in blog/components.yml`),
  },
  'a component written twice in blog/components.yml': {
    stage: 'lists',
    edits: {'blog/components.yml': (t) => `${t}auth:\n  label: Auth\n  description: Again.\n`},
    found: new RegExp(
      `${LINE_START}blog/components\\.yml:\\d+:1: "auth" is written twice in one mapping, here and on line \\d+; keep one of the two entries`,
    ),
  },
  'a line of blog/tags.yml that YAML cannot read': {
    stage: 'lists',
    edits: {'blog/tags.yml': (t) => t.replace('label: Incident report', 'label: [Incident report')},
    found: new RegExp(`${LINE_START}blog/tags\\.yml:\\d+:\\d+: is not valid YAML \\([^)]+\\); fix this line`),
  },
  'a declared source the text never cites': {
    stage: 'text',
    edits: {[POST]: (t) => t.replace('by PR #21474[^pr-21474].', 'by PR #21474.')},
    found: fieldFault(POST, 'sources[1]', `("pr-21474") is declared but the text never cites it`),
  },
  'a source without a URL': {
    stage: 'front matter',
    edits: {[POST]: (t) => t.replace('    url: https://github.com/BerriAI/litellm/pull/21474\n', '')},
    found: fieldFault(
      POST,
      'sources[1].url',
      `of source "pr-21474" must be an https:// address a reader can follow; got nothing`,
    ),
  },
  'a citation of a source the post does not declare': {
    stage: 'text',
    edits: {[POST]: (t) => t.replace('about three\nhours all vLLM', 'about three[^pr-99999]\nhours all vLLM')},
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: \\[\\^pr-99999\\] cites "pr-99999", which is not among the ids this post declares under "sources"`,
    ),
  },
  'a link to a heading that does not exist': {
    stage: 'text',
    edits: {
      [POST]: (t) => t.replace('## Impact {#impact}', 'See [the cause](#no-such-section).\n\n## Impact {#impact}'),
    },
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: the link to #no-such-section points at no heading of this post`,
    ),
  },
  'a link to a post that does not exist': {
    stage: 'text',
    edits: {
      [POST]: (t) =>
        t.replace('## Impact {#impact}', 'See [the old report](/blog/no-such-incident).\n\n## Impact {#impact}'),
    },
    found: new RegExp(`${LINE_START}${escaped(POST)}:\\d+: the link to /blog/no-such-incident leads to no post`),
  },
  'a link to a heading another post does not have': {
    stage: 'text',
    edits: {
      [POST]: (t) =>
        t.replace(
          '## Impact {#impact}',
          'See [the fix](/blog/prisma-reconnect-blocking-incident#no-such-section).\n\n## Impact {#impact}',
        ),
    },
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: the link to /blog/prisma-reconnect-blocking-incident#no-such-section points at no heading of ${escaped(LEAD_POST)} \\(ids: summary, `,
    ),
  },
  'a link by file to a heading another post does not have, named by the URL the build resolves it to': {
    stage: 'text',
    edits: {
      [POST]: (t) =>
        t.replace(
          '## Impact {#impact}',
          'See [the cause](../prisma_reconnect_blocking_incident/index.mdx#no-such-part).\n\n## Impact {#impact}',
        ),
    },
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: the link to /blog/prisma-reconnect-blocking-incident#no-such-part points at no heading of ${escaped(LEAD_POST)}`,
    ),
  },
  'a link with a trailing slash to a heading another post does not have': {
    stage: 'text',
    edits: {
      [POST]: (t) =>
        t.replace(
          '## Impact {#impact}',
          'See [the kill](/blog/prisma-reconnect-blocking-incident/#no-such-kill).\n\n## Impact {#impact}',
        ),
    },
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: the link to /blog/prisma-reconnect-blocking-incident/#no-such-kill points at no heading of ${escaped(LEAD_POST)}`,
    ),
  },
  "a link to a post by its folder's name": {
    stage: 'text',
    edits: {
      [POST]: (t) =>
        t.replace(
          '## Impact {#impact}',
          'See [the fix](/blog/prisma_reconnect_blocking_incident#fix).\n\n## Impact {#impact}',
        ),
    },
    found: new RegExp(
      `${LINE_START}${escaped(POST)}:\\d+: the link to /blog/prisma_reconnect_blocking_incident#fix names the post's folder, not its URL; link /blog/prisma-reconnect-blocking-incident#fix`,
    ),
  },
  'a summary that does not match its probes': {
    stage: 'recording',
    edits: {[RECORDING]: (t) => t.replace(/"maxMs": [\d.]+/, '"maxMs": 52.7')},
    found: new RegExp(
      `${LINE_START}${escaped(RECORDING)}: scenarios\\[0\\]\\.runs\\.before\\.summary\\.maxMs is 52\\.7 but the samples give [\\d.]+`,
    ),
  },
  'a recording too large to publish': {
    stage: 'recording',
    // Whitespace keeps it valid JSON: only its size is at fault.
    edits: {[RECORDING]: (t) => `${t}${' '.repeat(1_000_000)}`},
    found: new RegExp(
      `${LINE_START}${escaped(RECORDING)}: is 1\\.\\d MB; a recording may be at most 1 MB, since readers download it`,
    ),
  },
  'a probe sent after the run ended': {
    stage: 'recording',
    edits: {
      [RECORDING]: resummarised(
        (d) => (d.scenarios[0].runs.after.samples.at(-1).sentAtMs = d.scenarios[0].runLengthMs + 500),
      ),
    },
    found: new RegExp(
      `${LINE_START}${escaped(RECORDING)}: scenarios\\[0\\]\\.runs\\.after\\.samples\\[\\d+\\]\\.sentAtMs \\([\\d.]+\\) is after the run ended`,
    ),
  },
  'a probe sent before the run started': {
    stage: 'recording',
    edits: {[RECORDING]: resummarised((d) => (d.scenarios[0].runs.before.samples[0].sentAtMs = -20))},
    found: `${RECORDING}: scenarios[0].runs.before.samples[0].sentAtMs must be a number ≥ 0; got -20`,
  },
  'an answered probe slower than the client timeout': {
    stage: 'recording',
    edits: {
      [RECORDING]: resummarised((d) =>
        Object.assign(d.scenarios[0].runs.after.samples[3], {latencyMs: 12000, outcome: 'ok'}),
      ),
    },
    found: `${RECORDING}: scenarios[0].runs.after.samples[3].latencyMs (12000) is slower than the client timeout`,
  },
  'an outage time that differs between the scenario and a run': {
    stage: 'recording',
    edits: {[RECORDING]: recording((d) => (d.scenarios[0].runs.after.outageAtMs = 5000))},
    found: `${RECORDING}: scenarios[0].runs.after.outageAtMs (5000) differs from the scenario's outageAtMs (2000)`,
  },
  'runs swapped, so the run before the fix shows no freeze': {
    stage: 'recording',
    edits: {
      [RECORDING]: recording((d) => {
        const {runs} = d.scenarios[0];
        [runs.before, runs.after] = [runs.after, runs.before];
      }),
    },
    found: `${RECORDING}: scenarios[0].runs.before.events are reconnect-started, sigterm-sent, sigkill-sent`,
  },
};

/**
 * Builds, each of faults that can stand in one copy (in different files, or edits that do not touch each other) and
 * are refused by one stage of the build: `npm run build` must name each of them once, as the check does.
 */
const STAGE_BUILDS: [Stage, string[]][] = [
  [
    'front matter',
    [
      'an unknown severity',
      'a missing status',
      'a misspelt author, which the blog itself refused naming no line',
      'an impossible date, quoted',
      'a component that is not in blog/components.yml',
      'updates out of order',
      'a version range whose bounds are out of order',
    ],
  ],
  // The files every post draws on (blog/*.yml), read before any post.
  ['lists', ['a component written twice in blog/components.yml', 'a line of blog/tags.yml that YAML cannot read']],
  [
    'text',
    [
      'a citation of a source the post does not declare',
      'a declared source the text never cites',
      'a link to a post that does not exist',
    ],
  ],
  // A recording's first fault stops its check: one fault per file.
  ['recording', ['a summary that does not match its probes']],
  ['recording', ['a recording too large to publish']],
];

const copies: SiteCopy[] = [];
afterAll(() => {
  for (const copy of copies) copy.remove();
});

function siteWith(edits: Edits[]): SiteCopy {
  const site = copySite();
  copies.push(site);
  for (const set of edits) for (const [file, edit] of Object.entries(set)) site.edit(file, edit);
  return site;
}

/** The fault as a line of its own; with `flags` 'm', at any line's start in what was printed. */
const faultPattern = (matcher: Matcher, flags = '') =>
  new RegExp(typeof matcher === 'string' ? `${LINE_START}${escaped(matcher)}` : matcher.source, flags);

describe('npm run check refuses each fault, naming the file and the field (or line)', () => {
  it.each(Object.entries(FAULTS))('%s', async (_, fault) => {
    const site = siteWith([fault.edits]);
    const {faults} = await checkSite(site.dir);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.join('\n')).toMatch(faultPattern(fault.found, 'm'));
    site.remove();
  });
});

describe.each(STAGE_BUILDS)('npm run build refuses faults of its %s stage: %j', (stage, names) => {
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = siteWith(names.map((name) => FAULTS[name].edits));
    const build = site.npmRunBuild();
    output = build.output;
    expect(build.status, output).toBe(1);
  });

  it('npm run check prints the faults the build printed, word for word, and no other', () =>
    expectCheckToCatch(site.dir, output));

  it.each(names)('%s, once', (name) => {
    expect(FAULTS[name].stage).toBe(stage);
    const pattern = faultPattern(FAULTS[name].found);
    expect(
      output.split('\n').filter((line) => pattern.test(line)),
      output,
    ).toHaveLength(1);
  });

  it('under one heading, without the stack lines Docusaurus wraps the faults in', () => {
    expect(output).toMatch(/^\d faults? to fix:$/m);
    expect(output).toMatch(/^\(npm run check lists the faults of every stage at once\)$/m);
    expect(output.split('\n').filter((line) => /^\s+at /.test(line))).toEqual([]);
  });
});
