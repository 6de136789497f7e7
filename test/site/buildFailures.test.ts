import {afterEach, describe, expect, it} from 'vitest';

import {summarizeProbes} from '../../src/measurements/probeRecording';
import {fieldFault} from '../support/faultLines';
import {copySite, type SiteCopy} from '../support/siteCopy';

const POST = 'blog/vllm_embeddings_incident/index.md';
const LEAD_POST = 'blog/prisma_reconnect_blocking_incident/index.mdx';
const RECORDING = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';

let site: SiteCopy | undefined;
afterEach(() => site?.remove());

/** Builds a copy of the site with one fault and returns what the build printed; the build must fail. */
function buildWith(edits: Record<string, (text: string) => string>): string {
  site = copySite();
  for (const [file, edit] of Object.entries(edits)) site.edit(file, edit);
  const {status, output} = site.build();
  expect(status, output).not.toBe(0);
  return output;
}

/** Rewrites the recording with `change` applied to its parsed form. */
const recording = (change: (data: any) => void) => (text: string) => {
  const data = JSON.parse(text);
  change(data);
  return JSON.stringify(data);
};

describe('the build refuses bad front matter, naming the file and the field', () => {
  it('an unknown severity', () => {
    expect(buildWith({[POST]: (t) => t.replace('severity: high', 'severity: urgent')})).toMatch(
      fieldFault(POST, 'incident.severity', `must be one of critical, high, medium, low, not-stated; got "urgent"`),
    );
  });

  it('a missing status', () => {
    expect(buildWith({[POST]: (t) => t.replace(/^ {2}status: resolved\n/m, '')})).toMatch(
      fieldFault(POST, 'incident.status', `must be one of`),
    );
  });

  it('a post without a slug, which would silently move to its folder URL', () => {
    expect(buildWith({[LEAD_POST]: (t) => t.replace(/^slug: .*\n/m, '')})).toMatch(
      fieldFault(LEAD_POST, 'slug', `is required`),
    );
  });

  it('a post without a description', () => {
    expect(buildWith({[POST]: (t) => t.replace(/^description: .*\n/m, '')})).toMatch(
      fieldFault(POST, 'description', `is required`),
    );
  });

  it('two posts with one slug, naming both files', () => {
    const output = buildWith({
      [POST]: (t) => t.replace('slug: vllm-embeddings-incident', 'slug: prisma-reconnect-blocking-incident'),
    });
    expect(output).toMatch(
      /blog\/\w+\/index\.mdx?:\d+: slug: "prisma-reconnect-blocking-incident" is already used by blog\/\w+\/index\.mdx?/,
    );
    expect(output).toContain(POST);
    expect(output).toContain(LEAD_POST);
  });

  it('an impossible date left unquoted, which YAML would roll over into 2027', () => {
    expect(buildWith({[POST]: (t) => t.replace('date: "2026-02-16"', 'date: 2026-13-40')})).toMatch(
      fieldFault(
        POST,
        'incident.date',
        `must be a quoted date, "YYYY-MM-DD" (or "YYYY-MM" when the source gives only the month); got the unquoted date 2027-02-09`,
      ),
    );
  });

  it('an impossible date, quoted', () => {
    expect(buildWith({[POST]: (t) => t.replace('date: "2026-02-18"', 'date: "2026-02-30"')})).toMatch(
      fieldFault(POST, 'date', `must be a real calendar date written "YYYY-MM-DD"; got "2026-02-30"`),
    );
  });

  it('an incident dated after its report', () => {
    expect(buildWith({[POST]: (t) => t.replace('date: "2026-02-16"', 'date: "2026-02-20"')})).toMatch(
      fieldFault(POST, 'incident.date', `(2026-02-20) is after the post's publication date (2026-02-18)`),
    );
  });

  it('an update dated before publication', () => {
    expect(buildWith({[POST]: (t) => t.replace('- date: "2026-11-25"', '- date: "2026-02-01"')})).toMatch(
      fieldFault(POST, 'updates[0].date', `(2026-02-01) is before the post was published (2026-02-18)`),
    );
  });

  it('an update dated in the future', () => {
    expect(buildWith({[POST]: (t) => t.replace('- date: "2026-11-25"', '- date: "2099-01-01"')})).toMatch(
      fieldFault(POST, 'updates[0].date', '(2099-01-01) is in the future'),
    );
  });

  it('updates out of order', () => {
    expect(
      buildWith({
        [LEAD_POST]: (t) =>
          t
            .replace('- date: "2026-11-24"', '- date: "2026-11-25"')
            .replace(/(note: Added the replay[^\n]*\n {2}- date: )"2026-11-25"/, '$1"2026-11-24"'),
      }),
    ).toMatch(fieldFault(LEAD_POST, 'updates[1].date', `(2026-11-24) is earlier than the update before it`));
  });
});

describe('the build refuses incident metadata it cannot stand behind, naming the file and the field', () => {
  const GUARDRAIL_POST = 'blog/guardrail_logging_secret_exposure_incident/index.md';

  it('a version range whose bounds are out of order', () => {
    expect(
      buildWith({
        [GUARDRAIL_POST]: (t) =>
          t.replace('      fixed: "1.82.3"\n', '      first_affected: "1.83.0"\n      fixed: "1.82.3"\n'),
      }),
    ).toMatch(
      fieldFault(
        GUARDRAIL_POST,
        'incident.versions[0].fixed',
        `(1.82.3) must come after first_affected (1.83.0): the range is out of order`,
      ),
    );
  });

  it('a component that is not in blog/components.yml', () => {
    expect(buildWith({[POST]: (t) => t.replace('components: [embeddings]', 'components: [embeddings, gpu]')})).toMatch(
      fieldFault(POST, 'incident.components', `has "gpu", which is not in blog/components.yml`),
    );
  });
});

describe('the build refuses citations that do not hold, naming the file and the source', () => {
  it('a citation of a source the post does not declare', () => {
    expect(
      buildWith({[POST]: (t) => t.replace('about three\nhours all vLLM', 'about three[^pr-99999]\nhours all vLLM')}),
    ).toMatch(new RegExp(`${POST}:\\d+: \\[\\^pr-99999\\] cites a source that "sources" does not declare`));
  });

  it('a declared source the text never cites', () => {
    expect(buildWith({[POST]: (t) => t.replace('by PR #21474[^pr-21474].', 'by PR #21474.')})).toMatch(
      fieldFault(POST, 'sources[1]', `("pr-21474") is declared but the text never cites it`),
    );
  });

  it('a source without a URL', () => {
    expect(
      buildWith({[POST]: (t) => t.replace('    url: https://github.com/BerriAI/litellm/pull/21474\n', '')}),
    ).toMatch(
      fieldFault(
        POST,
        'sources[1].url',
        `of source "pr-21474" must be an https:// address a reader can follow; got nothing`,
      ),
    );
  });
});

describe('the build refuses a bad measurement file, naming the file and the field', () => {
  it('a summary that does not match its probes', () => {
    expect(buildWith({[RECORDING]: (t) => t.replace(/"maxMs": [\d.]+/, '"maxMs": 52.7')})).toMatch(
      new RegExp(
        `${RECORDING}: scenarios\\[0\\]\\.runs\\.before\\.summary\\.maxMs is 52\\.7 but the samples give [\\d.]+`,
      ),
    );
  });

  // Each fault below keeps the summaries consistent, so only the fault under test remains.
  const resummarised = (change: (data: any) => void) =>
    recording((data) => {
      change(data);
      for (const scenario of data.scenarios)
        for (const run of Object.values(scenario.runs) as any[]) run.summary = summarizeProbes(run.samples);
    });

  it('a probe sent after the run ended', () => {
    const output = buildWith({
      [RECORDING]: resummarised(
        (d) => (d.scenarios[0].runs.after.samples.at(-1).sentAtMs = d.scenarios[0].runLengthMs + 500),
      ),
    });
    expect(output).toMatch(
      new RegExp(
        `${RECORDING}: scenarios\\[0\\]\\.runs\\.after\\.samples\\[\\d+\\]\\.sentAtMs \\([\\d.]+\\) is after the run ended`,
      ),
    );
  });

  it('a probe sent before the run started', () => {
    const output = buildWith({
      [RECORDING]: resummarised((d) => (d.scenarios[0].runs.before.samples[0].sentAtMs = -20)),
    });
    expect(output).toContain(
      `${RECORDING}: scenarios[0].runs.before.samples[0].sentAtMs must be a number ≥ 0; got -20`,
    );
  });

  it('an answered probe slower than the client timeout', () => {
    const output = buildWith({
      [RECORDING]: resummarised((d) =>
        Object.assign(d.scenarios[0].runs.after.samples[3], {latencyMs: 12000, outcome: 'ok'}),
      ),
    });
    expect(output).toContain(
      `${RECORDING}: scenarios[0].runs.after.samples[3].latencyMs (12000) is slower than the client timeout`,
    );
  });

  it('an outage time that differs between the scenario and a run', () => {
    const output = buildWith({[RECORDING]: recording((d) => (d.scenarios[0].runs.after.outageAtMs = 5000))});
    expect(output).toContain(
      `${RECORDING}: scenarios[0].runs.after.outageAtMs (5000) differs from the scenario's outageAtMs (2000)`,
    );
  });

  it('runs swapped, so the run before the fix shows no freeze', () => {
    const output = buildWith({
      [RECORDING]: recording((d) => {
        const {runs} = d.scenarios[0];
        [runs.before, runs.after] = [runs.after, runs.before];
      }),
    });
    expect(output).toContain(
      `${RECORDING}: scenarios[0].runs.before.events are reconnect-started, sigterm-sent, sigkill-sent`,
    );
  });
});

describe('the build refuses broken links, naming the file they are written in', () => {
  it('a link to a page that does not exist', () => {
    const output = buildWith({
      [POST]: (t) =>
        t.replace('## Impact {#impact}', 'See [the old report](/blog/no-such-incident).\n\n## Impact {#impact}'),
    });
    expect(output).toContain(`${POST} (page /blog/vllm-embeddings-incident): links to /blog/no-such-incident`);
  });

  it('a link to a heading that does not exist', () => {
    const output = buildWith({
      [POST]: (t) => t.replace('## Impact {#impact}', 'See [the cause](#no-such-section).\n\n## Impact {#impact}'),
    });
    expect(output).toMatch(new RegExp(`${POST}:\\d+: the link to #no-such-section points at no heading of this post`));
  });
});
