/**
 * The one schema of a post's front matter (zod): the TypeScript types of
 * everything the build, the pages and /incidents.json read come from it, the
 * build and `npm run check` validate with it, and the JSON Schema editors use
 * (served at /schemas/post-front-matter.schema.json) is generated from it. Every
 * fault is worded here, for the author: the field, what was expected, what was
 * found and how to fix it. Build-side only: no browser bundle imports zod.
 */
import * as z from 'zod';

import {FaultError, type Fault} from '../faults/fault';
import {linkTargetFault} from '../html/linkTargets';
import {describe, isRecord, KEBAB_CASE, plainTextFault, unknownFieldFault} from './frontMatterFields';
import {dateFault} from './calendarDates';
import {didYouMean} from '../faults/didYouMean';
import {
  CITATION,
  CITED_FIELDS,
  INCIDENT_NOTES,
  type IncidentNote,
  NOTES_NOT_BESIDE_TIMELINE,
  type POST_FIELDS,
  SEVERITIES,
  STATUSES,
  SOURCE_KINDS,
  PACKAGES,
} from './vocabulary';
import {COMPONENT_IMPACTS, currentState, parseStamp, timelineFaults} from './timeline';
import {compareVersions, implausibleRelease, parseVersion, pypiVersion, VERSION_EXAMPLES} from './versions';

/**
 * What the checks need beyond the post: the build's day and, where the caller could read them, the components in
 * blog/components.yml and the keys of blog/tags.yml and blog/authors.yml (the blog plugin would refuse any other).
 * A list left out is not checked against: the fault that it cannot be read is reported instead.
 */
export type PostContext = {
  today: string;
  /** The build's time (ms), which no timeline entry may be after; now, where not given. */
  now?: number;
  components?: readonly string[];
  tags?: readonly string[];
  authors?: readonly string[];
};

type Check = {value: unknown; issues: unknown[]};
const fault = (ctx: Check, message: string, path?: PropertyKey[]) =>
  ctx.issues.push({code: 'custom', message, input: ctx.value, ...(path && {path})});

/** A mapping whose unknown keys fail with the nearest known one suggested, and whose other faults say `notMapping`. */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, notMapping: (input: unknown) => string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownFieldFault(String(issue.keys[0]), known)
        : issue.code === 'invalid_type'
          ? notMapping(issue.input)
          : undefined,
  });
}

/** Text whose every fault, of type or of content, `faultOf` words; trimmed. */
function checkedText(faultOf: (value: unknown) => string | undefined) {
  return z
    .string({error: (issue) => faultOf(issue.input) ?? `must be text; got ${describe(issue.input)}`})
    .check((ctx) => {
      const found = faultOf(ctx.value);
      if (found) fault(ctx, found);
    })
    .overwrite((text) => text.trim());
}

const plainText = (need?: string) => checkedText((value) => plainTextFault(value, need));
/** A quoted calendar date, YYYY-MM-DD (or YYYY-MM with monthOnly); with `today`, not after it. */
function quotedDate({monthOnly = false, today, future}: {monthOnly?: boolean; today?: string; future?: string} = {}) {
  return checkedText((value) => {
    const found = dateFault(value, {monthOnly});
    if (found || today === undefined || (value as string).trim() <= today) return found;
    return `(${(value as string).trim()}) is in the future (today is ${today})${future ?? ''}`;
  }).describe(
    monthOnly
      ? 'A quoted date, "YYYY-MM-DD", or "YYYY-MM" when the source gives only the month'
      : 'A quoted date, "YYYY-MM-DD"',
  );
}

const version = checkedText((value) => {
  const parsed = typeof value === 'string' ? parseVersion(value) : undefined;
  if (typeof value === 'number')
    return `must be a quoted version such as ${VERSION_EXAMPLES}; got ${value}, which YAML read as a number: quote it`;
  if (!parsed) return `must be a quoted version such as ${VERSION_EXAMPLES}; got ${describe(value)}`;
  const implausible = implausibleRelease(parsed);
  return (
    implausible && `(${parsed.text}) ${implausible}; write it as the release is named, such as ${VERSION_EXAMPLES}`
  );
}).describe(`A quoted version, as the product writes it: ${VERSION_EXAMPLES}`);

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;
const SOURCE_FIELDS = 'id, title, url, kind, date';

/** Why a source address cannot be linked as written, or undefined: only https, with an honest host. */
function sourceUrlFault(url: string): string | undefined {
  if (/\s/.test(url)) return 'holds whitespace';
  if (!/^https:\/\//i.test(url))
    return URL.canParse(url) ? `uses ${new URL(url).protocol.replace(':', '')}` : 'is not a complete address';
  return linkTargetFault(url);
}

function sourceSchema(today: string | undefined) {
  return mapping(
    {
      id: checkedText((id) =>
        typeof id === 'string' && SOURCE_ID.test(id)
          ? undefined
          : `must be lower-case letters, digits and dashes, such as pr-26225; got ${describe(id)}`,
      ).describe('Cited in the text as [^id]'),
      title: plainText('name the source for a reader'),
      // Checked with its id below, which the message names.
      url: z.string().optional().describe('https:// only'),
      kind: z.enum(SOURCE_KINDS, {
        error: (issue) => `must be one of ${SOURCE_KINDS.join(', ')}; got ${describe(issue.input)}`,
      }),
      date: quotedDate({today, future: '; give the date the source was published, opened or merged'}).optional(),
    },
    (input) => `must be a mapping with ${SOURCE_FIELDS}; got ${describe(input)}`,
  ).superRefine(
    (source, ctx) => {
      const found = typeof source.url === 'string' ? sourceUrlFault(source.url) : '';
      if (found !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: `of source ${describe(source.id)} must be an https:// address a reader can follow; got ${describe(source.url)}${found && `, which ${found}`}`,
        });
      }
    },
    {when: () => true},
  );
}

function sourcesSchema(today: string | undefined) {
  const notAList = (input: unknown) =>
    `must list the sources the post is written from (${SOURCE_FIELDS}); got ${describe(input)}`;
  return z.array(sourceSchema(today), {error: (issue) => notAList(issue.input)}).check((ctx) => {
    if (ctx.value.length === 0) fault(ctx, notAList(ctx.value));
    const seen = new Set<string>();
    ctx.value.forEach(({id}, i) => {
      if (seen.has(id)) fault(ctx, `"${id}" is declared twice`, [i, 'id']);
      seen.add(id);
    });
  });
}

const STATEMENT_HELP = 'package, affected, first_affected, last_affected, fixed, requires, source';

const versionStatement = mapping(
  {
    package: z.enum(Object.keys(PACKAGES) as [keyof typeof PACKAGES, ...(keyof typeof PACKAGES)[]], {
      error: (issue) => `must be one of ${Object.keys(PACKAGES).join(', ')}; got ${describe(issue.input)}`,
    }),
    affected: z
      .array(version, {error: (issue) => `must list exact versions; got ${describe(issue.input)}`})
      .check((ctx) => {
        if (ctx.value.length === 0) fault(ctx, `must list exact versions; got []`);
      })
      .optional()
      .describe('Exact affected versions'),
    first_affected: version.optional(),
    last_affected: version.optional(),
    fixed: version.optional().describe('The first version with the fix'),
    requires: version.optional().describe("A documented remedy's minimum version; not a fix"),
    // Checked against the post's declared sources below.
    source: z.string({
      error: (issue) => `must be the id of a source declared under "sources"; got ${describe(issue.input)}`,
    }),
    note: plainText().optional(),
  },
  (input) =>
    typeof input === 'number' || typeof input === 'string'
      ? `must be a statement (${STATEMENT_HELP}), not a bare version; got ${describe(input)}${typeof input === 'number' ? ', which YAML read as a number' : ''}: write it as - {package: pypi, affected: ["${typeof input === 'string' ? input : '1.90.0'}"], source: <id>}, the version quoted`
      : `must be a mapping; got ${describe(input)}`,
).check((ctx) => {
  const statement = ctx.value;
  const bounds = (['first_affected', 'last_affected', 'fixed'] as const).flatMap((name) =>
    statement[name] === undefined ? [] : [{name, version: parseVersion(statement[name]!)!}],
  );
  if (!statement.affected && bounds.length === 0 && !statement.requires) {
    fault(
      ctx,
      'states no version: give affected, first_affected, last_affected, fixed or requires, or write versions: not stated',
    );
  }
  // Bounds in order first ≤ last < fixed, and every exact version before the fix.
  for (const [a, b] of bounds.flatMap((x, k) => bounds.slice(k + 1).map((y) => [x, y] as const))) {
    const order = compareVersions(a.version, b.version);
    if (order > 0 || (order === 0 && b.name === 'fixed')) {
      fault(ctx, `(${b.version.text}) must come after ${a.name} (${a.version.text}): the range is out of order`, [
        b.name,
      ]);
    }
  }
  // A PyPI statement is read by scanners (the OSV records) as PyPI names releases: "v1.82.7" would match nothing.
  if (statement.package === 'pypi') {
    for (const name of ['first_affected', 'last_affected', 'fixed', 'requires'] as const) {
      const found = statement[name] === undefined ? undefined : pypiFault(statement[name]!);
      if (found) fault(ctx, found, [name]);
    }
    (statement.affected ?? []).forEach((text, j) => {
      const found = pypiFault(text);
      if (found) fault(ctx, found, ['affected', j]);
    });
  }
  const fixed = bounds.find((bound) => bound.name === 'fixed');
  (statement.affected ?? []).forEach((text, j) => {
    if (fixed && compareVersions(parseVersion(text)!, fixed.version) >= 0) {
      fault(ctx, `(${text}) is not before the fixed version (${fixed.version.text})`, ['affected', j]);
    }
  });
});

/** Why a PyPI statement's version is not written as PyPI names the release, or undefined. */
function pypiFault(text: string): string | undefined {
  const name = pypiVersion(parseVersion(text)!);
  if (name === text) return undefined;
  return name === undefined
    ? `(${text}) is not a PyPI release: PyPI publishes no nightly builds; give the release, or write package: docker or release`
    : `(${text}) is not how PyPI names the release: write "${name}", or package: docker or release for a tag`;
}

const versionsSchema = z
  .union([z.literal('not stated'), z.array(versionStatement).min(1)], {
    error: (issue) => `must be "not stated" or a list of statements (${STATEMENT_HELP}); got ${describe(issue.input)}`,
  })
  .describe('"not stated", or what the sources state about affected and fixed versions');

const TIMELINE_FIELDS = 'at, status, body, components, reopened';

/** One status update: when (as the source gives it), the state, what was known, and what it did to each component. */
const timelineEntry = mapping(
  {
    at: z
      .string({
        error: (issue) =>
          issue.input instanceof Date
            ? `must be quoted, "2026-03-24T14:00:00-04:00": unquoted, YAML reads it as a date and drops its offset`
            : `must be a quoted time with its offset, or a day; got ${describe(issue.input)}`,
      })
      .check((ctx) => {
        const stamp = parseStamp(ctx.value);
        if ('fault' in stamp) fault(ctx, stamp.fault);
      })
      .describe('"2026-03-24T14:00:00-04:00" or "…Z"; "2026-03-24" where the source gives only the day'),
    status: z
      .enum(STATUSES, {
        error: (issue) =>
          `must be one of ${STATUSES.join(', ')}, or left out for an update that keeps the state; got ${describe(issue.input)}`,
      })
      .optional(),
    // Every update a customer reads says where it comes from, as every sentence of the post does.
    body: checkedText(
      (value) =>
        plainTextFault(value, 'say what was known then, cited [^id]') ??
        (new RegExp(CITATION.source).test(value as string)
          ? undefined
          : 'cites no source; put [^id] right after what it supports, the status page or notice it was sent in'),
    ),
    components: z
      .record(
        z.string(),
        z.enum(COMPONENT_IMPACTS, {
          error: (issue) => `must be one of ${COMPONENT_IMPACTS.join(', ')}; got ${describe(issue.input)}`,
        }),
        {
          error: (issue) =>
            `must map components to an impact, such as {database: partial_outage}; got ${describe(issue.input)}`,
        },
      )
      .optional(),
    reopened: z.literal(true, {error: () => 'must be true, or left out'}).optional(),
  },
  (input) => `must be a mapping with ${TIMELINE_FIELDS}; got ${describe(input)}`,
);

const TRACKING_ID = /^[A-Z][A-Z0-9]*-\d+$/;
const saysNotStated = (text: string) => /^not stated\b/i.test(text);

function incidentSchema(context: PostContext) {
  const {components} = context;
  const known = components?.join(', ') ?? 'see blog/components.yml';
  const cited = Object.fromEntries(CITED_FIELDS.map((field) => [field, z.string().optional()])) as Record<
    (typeof CITED_FIELDS)[number],
    z.ZodOptional<z.ZodString>
  >;
  const notes = Object.fromEntries(
    Object.entries(INCIDENT_NOTES).map(([key, {description}]) => [key, plainText().optional().describe(description)]),
  ) as Record<IncidentNote, z.ZodOptional<z.ZodString>>;
  return mapping(
    {
      date: quotedDate({monthOnly: true}),
      duration: plainText().describe('Text; "Not stated" when the sources give none'),
      severity: z.enum(SEVERITIES, {
        error: (issue) => `must be one of ${SEVERITIES.join(', ')}; got ${describe(issue.input)}`,
      }),
      // Given here only without a timeline, whose latest state is the status: two fields could disagree.
      status: z
        .enum(STATUSES, {
          error: (issue) => `must be one of ${STATUSES.join(', ')}; got ${describe(issue.input)}`,
        })
        .optional(),
      timeline: z
        .array(timelineEntry, {
          error: (issue) => `must be a list of status updates (${TIMELINE_FIELDS}); got ${describe(issue.input)}`,
        })
        .min(1, {error: `must list at least one status update, or be left out`})
        .optional()
        .describe('Status updates as they were sent, oldest first; not `updates`, which revises the text'),
      postmortem: z
        .literal('pending', {
          error: (issue) =>
            `can only be "pending" (the post-mortem will follow), or left out; got ${describe(issue.input)}`,
        })
        .optional(),
      ...notes,
      tracking_id: checkedText(
        (id) =>
          plainTextFault(id) ??
          (TRACKING_ID.test(id as string) ? undefined : `must look like LIT-2614; got ${describe(id)}`),
      )
        .optional()
        .describe(INCIDENT_NOTES.tracking_id.description),
      components: z
        .array(z.string(), {
          error: (issue) => `must list what broke, from blog/components.yml (${known}); got ${describe(issue.input)}`,
        })
        .check((ctx) => {
          const list = ctx.value;
          const unknown = components && list.find((name) => !components.includes(name));
          const twice = list.find((name, i) => list.indexOf(name) !== i);
          if (list.length === 0) fault(ctx, `must list what broke, from blog/components.yml (${known}); got []`);
          else if (unknown !== undefined)
            fault(ctx, `has ${describe(unknown)}, which is not in blog/components.yml; known: ${known}`);
          else if (twice !== undefined) fault(ctx, `lists ${describe(twice)} twice; list each component once`);
        }),
      versions: versionsSchema,
      cite: mapping(
        cited,
        (input) => `must map header fields (${CITED_FIELDS.join(', ')}) to source ids; got ${describe(input)}`,
      )
        .optional()
        .transform((cite) => cite ?? {}),
    },
    (input) =>
      `is required on every incident post and must be a mapping with date, duration, severity, status, components, versions, cite; got ${describe(input)}`,
  )
    .check((ctx) => {
      const incident = ctx.value;
      if (saysNotStated(incident.duration) && /\d/.test(incident.duration)) {
        fault(
          ctx,
          `says "Not stated" but also states a figure (${describe(incident.duration)}); write only "Not stated", or give the figure and cite its source under cite.duration`,
          ['duration'],
        );
      }
      if (incident.timeline) {
        for (const field of ['status', ...NOTES_NOT_BESIDE_TIMELINE] as const)
          if (incident[field] !== undefined)
            fault(
              ctx,
              `cannot be given beside incident.timeline: the status is its latest entry's, and that entry says it; remove ${field}`,
              [field],
            );
        const now = context.now ?? Date.now();
        for (const {index, field, message} of timelineFaults(incident.timeline, now))
          fault(ctx, message, ['timeline', index, field]);
        incident.timeline.forEach((entry, i) => {
          for (const key of Object.keys(entry.components ?? {}))
            if (!incident.components.includes(key))
              fault(ctx, `names "${key}", which incident.components does not list; list it there too`, [
                'timeline',
                i,
                'components',
                key,
              ]);
        });
      }
      const fixedInFault = fixedInAgrees(incident.fixed_in, incident.versions);
      if (fixedInFault) fault(ctx, fixedInFault, ['fixed_in']);
      const needsSource: Record<(typeof CITED_FIELDS)[number], boolean> = {
        date: true,
        duration: !saysNotStated(incident.duration),
        severity: incident.severity !== 'not-stated',
        status: false,
        fixed_in: incident.fixed_in !== undefined,
      };
      for (const field of CITED_FIELDS) {
        if (needsSource[field] && incident.cite[field] === undefined) {
          fault(
            ctx,
            `must name the declared source the header's ${field.replace('_', ' ')} comes from: add "${field}: <source id>" under incident.cite`,
            ['cite', field],
          );
        }
      }
    })
    .transform((incident) => ({
      ...incident,
      // The one status every reader takes: the timeline's latest state, where there is a timeline.
      status: incident.timeline ? currentState(incident.timeline)!.status : incident.status!,
    }));
}

/**
 * The header's "Fixed in" and the version statements must tell one story: a
 * fixed_in that is a version is a statement's `fixed`, and a statement's
 * `fixed` is what the header shows. Otherwise a reader sees two answers.
 */
function fixedInAgrees(fixedIn: string | undefined, versions: 'not stated' | {fixed?: string}[]): string | undefined {
  const stated =
    versions === 'not stated' ? [] : versions.flatMap((statement) => (statement.fixed ? [statement.fixed] : []));
  const header = fixedIn === undefined ? undefined : parseVersion(fixedIn);
  const same = (text: string) => header !== undefined && compareVersions(header, parseVersion(text)!) === 0;
  if (header && !stated.some(same)) {
    return `(${fixedIn}) is not the fixed version any statement under incident.versions gives (${stated.join(', ') || 'none'}); add it as a statement's fixed, or make them agree`;
  }
  if (stated.length > 0 && !stated.some(same)) {
    return `${fixedIn === undefined ? 'is missing' : `is ${describe(fixedIn)}`}, but incident.versions states the fix in ${stated.join(', ')}; write fixed_in: "${stated[0]}" so the header and the version check agree`;
  }
  return undefined;
}

function updatesSchema(today: string) {
  return z
    .array(
      mapping(
        {date: quotedDate({today}), note: plainText('say what changed')},
        (input) => `must be a mapping with date, note; got ${describe(input)}`,
      ),
      {error: (issue) => `must be a list of {date, note}; got ${describe(issue.input)}`},
    )
    .check((ctx) => {
      ctx.value.forEach((update, i) => {
        const repeated = ctx.value.findIndex((other) => other.date === update.date && other.note === update.note);
        if (repeated < i) fault(ctx, `repeats updates[${repeated}] word for word; remove one of them`, [i]);
        else if (i > 0 && update.date < ctx.value[i - 1].date) {
          fault(ctx, `(${update.date}) is earlier than the update before it; list updates oldest first`, [i, 'date']);
        }
      });
    })
    .describe('When the post is revised after publication: oldest first');
}

const keyList = (list: string, example: string, known: readonly string[] | undefined) => {
  const notKeys = (input: unknown) => `must list keys from ${list}, such as [${example}]; got ${describe(input)}`;
  // Keys only: an inline author or tag would carry its own name, link and image past every check.
  return z
    .array(z.string({error: (issue) => notKeys(issue.input)}), {error: (issue) => notKeys(issue.input)})
    .check((ctx) => {
      const unknown = known && ctx.value.find((key) => !known.includes(key));
      const twice = ctx.value.find((key, i) => ctx.value.indexOf(key) !== i);
      if (ctx.value.length === 0 || !ctx.value.every((key) => KEBAB_CASE.test(key))) fault(ctx, notKeys(ctx.value));
      else if (unknown !== undefined)
        fault(
          ctx,
          `has "${unknown}", which is not in ${list}; ${didYouMean(unknown, known!)}known: ${known!.join(', ')}`,
        );
      else if (twice !== undefined) fault(ctx, `lists "${twice}" twice; list each once`);
    })
    .describe(`Keys from ${list}`);
};

/** The most `what_to_do` may hold, citations aside: with the title, it must fit a phone's first screen. */
export const WHAT_TO_DO_MAX_LENGTH = 300;

/** Who is affected and what to do, cited: the answer a reader from a notice needs first. */
const whatToDo = checkedText((text) => {
  if (typeof text !== 'string' || text.trim() === '')
    return `is required: who is affected and what to do, in one or two sentences, each claim cited ([^id]), from the post's "What operators should do"; it opens the post; got ${describe(text)}`;
  const length = text.replace(CITATION, '').trim().length;
  if (length > WHAT_TO_DO_MAX_LENGTH)
    return `is ${length} characters without its citations; keep it to ${WHAT_TO_DO_MAX_LENGTH} or fewer, one or two sentences, so it fits a phone's first screen; the section holds the rest`;
  if (!new RegExp(CITATION.source).test(text)) return `cites no source; put [^id] right after the claim it supports`;
  return plainTextFault(text);
}).describe(
  `Who is affected and what to do, one or two sentences (${WHAT_TO_DO_MAX_LENGTH} characters or fewer) with [^id] citations, from the post's "What operators should do"; it opens the post`,
);

/** The whole front matter of a post, for the build's day and components. */
function postSchema(context: PostContext) {
  const {today} = context;
  const shape = {
    slug: checkedText((slug) =>
      typeof slug === 'string' && KEBAB_CASE.test(slug)
        ? undefined
        : `is required: customers hold links to it, so it must be written out (lower-case words joined by dashes); got ${describe(slug)}`,
    ).describe('Never change it once published: incident notices link to it'),
    title: plainText('say what broke, in a few words'),
    what_to_do: whatToDo,
    description: checkedText((text) =>
      typeof text !== 'string' || text.trim().length < 50
        ? `is required: one or two sentences (50 characters or more) for link previews and search results; got ${describe(text)}`
        : plainTextFault(text),
    ),
    date: quotedDate({today, future: '; date the post the day it is published'}).describe('Publication date, quoted'),
    authors: keyList('blog/authors.yml', 'incident-editors', context.authors),
    tags: keyList('blog/tags.yml', 'incident-report', context.tags),
    hide_table_of_contents: z.boolean().optional(),
    sources: sourcesSchema(today),
    incident: incidentSchema(context),
    updates: updatesSchema(today)
      .optional()
      .transform((updates) => updates ?? []),
  } satisfies Record<(typeof POST_FIELDS)[number], z.ZodType>;
  return mapping(shape, (input) => `must be a mapping; got ${describe(input)}`).superRefine(
    (post, ctx) => {
      // Checks across the post's parts: each runs on whatever parts are valid, so one run shows every fault.
      const raw = post as Record<string, unknown>;
      const sourceIds = Array.isArray(raw.sources)
        ? raw.sources.flatMap((source) => (isRecord(source) && typeof source.id === 'string' ? [source.id] : []))
        : [];
      const published = typeof raw.date === 'string' && dateFault(raw.date) === undefined ? raw.date.trim() : undefined;
      for (const issue of [
        ...sourceReferenceFaults(raw.incident, sourceIds),
        ...citationFaults(raw.what_to_do, sourceIds, ['what_to_do']),
        ...(isRecord(raw.incident) && Array.isArray(raw.incident.timeline) ? raw.incident.timeline : []).flatMap(
          (entry, i) =>
            citationFaults(isRecord(entry) ? entry.body : undefined, sourceIds, ['incident', 'timeline', i, 'body']),
        ),
        ...publicationFaults(raw, published),
        // Here, on the raw input, so it is reported beside the incident's other faults, not after them.
        ...(isRecord(raw.incident) && raw.incident.status === undefined && raw.incident.timeline === undefined
          ? [
              {
                code: 'custom' as const,
                path: ['incident', 'status'],
                message: `is required: one of ${STATUSES.join(', ')}; or give incident.timeline, whose latest entry is the status`,
              },
            ]
          : []),
      ])
        ctx.addIssue(issue);
    },
    {when: () => true},
  );
}

type CrossFault = {code: 'custom'; path: PropertyKey[]; message: string};

/** `cite` and each version statement must name one of the post's declared sources. */
function sourceReferenceFaults(incident: unknown, sourceIds: readonly string[]): CrossFault[] {
  if (!isRecord(incident)) return [];
  const references: [unknown, PropertyKey[]][] = [
    ...(isRecord(incident.cite)
      ? Object.entries(incident.cite).map(([field, id]): [unknown, PropertyKey[]] => [id, ['incident', 'cite', field]])
      : []),
    ...(Array.isArray(incident.versions)
      ? incident.versions.map((statement, i): [unknown, PropertyKey[]] => [
          isRecord(statement) ? statement.source : undefined,
          ['incident', 'versions', i, 'source'],
        ])
      : []),
  ];
  return references
    .filter(([id]) => typeof id === 'string' && !sourceIds.includes(id))
    .map(([id, path]) => ({
      code: 'custom',
      path,
      message: `must be the id of a source declared under "sources" (${sourceIds.join(', ')}); got ${describe(id)}`,
    }));
}

/** Every `[^id]` in what_to_do or a timeline entry must name one of the post's declared sources, as in its text. */
function citationFaults(text: unknown, sourceIds: readonly string[], path: PropertyKey[]): CrossFault[] {
  if (typeof text !== 'string') return [];
  return [...text.matchAll(CITATION)]
    .filter(([, id]) => !sourceIds.includes(id))
    .map(([, id]) => ({
      code: 'custom',
      path,
      message: `cites "${id}", which is not among the ids this post declares under "sources" (${sourceIds.join(', ')}); declare it there, or cite one of those`,
    }));
}

/** Nothing dated before the report: not its incident, not an update. */
function publicationFaults(post: Record<string, unknown>, published: string | undefined): CrossFault[] {
  if (published === undefined) return [];
  const faults: CrossFault[] = [];
  const incident = isRecord(post.incident) ? post.incident : {};
  const incidentDate =
    typeof incident.date === 'string' && dateFault(incident.date, {monthOnly: true}) === undefined
      ? incident.date.trim()
      : undefined;
  if (incidentDate && incidentDate > published) {
    faults.push({
      code: 'custom',
      path: ['incident', 'date'],
      message: `(${incidentDate}) is after the post's publication date (${published}); a report cannot precede its incident`,
    });
  }
  (Array.isArray(post.updates) ? post.updates : []).forEach((update, i) => {
    const date = isRecord(update) && typeof update.date === 'string' ? update.date.trim() : undefined;
    if (date && dateFault(date) === undefined && date < published) {
      faults.push({
        code: 'custom',
        path: ['updates', i, 'date'],
        message: `(${date}) is before the post was published (${published})`,
      });
    }
  });
  return faults;
}

type PostOutput = z.output<ReturnType<typeof postSchema>>;
/** A declared source; its url is checked (with its id, which the message names) after the fields. */
export type Source = Omit<PostOutput['sources'][number], 'url'> & {url: string};
export type SourceKind = Source['kind'];
export type IncidentMeta = PostOutput['incident'];
export type IncidentUpdate = PostOutput['updates'][number];
export type VersionStatement = Exclude<IncidentMeta['versions'], 'not stated'>[number];
export type IncidentVersions = IncidentMeta['versions'];
/** Everything validated about one post, as the plugin stores it back into the front matter. */
export type IncidentPostMeta = {
  slug: string;
  description: string;
  what_to_do: string;
  date: string;
  incident: IncidentMeta;
  updates: IncidentUpdate[];
  sources: Source[];
};

/** "incident.versions[0].fixed" from a zod issue's path. */
const fieldOf = (path: readonly PropertyKey[]) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');

/**
 * A union's own fault says what it accepts; where one of its options got as
 * far as a field inside (a statement's version, say), that option's faults
 * say more, so they are reported instead.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const inner = issue.errors.find((errors) => errors.length > 0 && errors.every((error) => error.path.length > 0));
  return inner
    ? inner.flatMap((error) => expandUnion({...error, path: [...issue.path, ...error.path]} as z.core.$ZodIssue))
    : [issue];
}

/**
 * Validates `value` with `schema`, at `prefix` in the post's front matter;
 * throws every fault at once as one FaultError naming the file and each field.
 */
function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  file: string,
  prefix: PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const faults = result.error.issues.flatMap(expandUnion).map((issue) => {
    const path = [...prefix, ...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]] : [])];
    return {file, field: fieldOf(path), message: issue.message};
  });
  // Drop repeats: a fault seen from two checks of one field says the same thing.
  const same = (a: Fault, b: Fault) => a.field === b.field && a.message === b.message;
  throw new FaultError(faults.filter((fault, i) => faults.findIndex((other) => same(fault, other)) === i));
}

/** Where the site serves the JSON Schema of a post's front matter. */
export const FRONT_MATTER_SCHEMA_PATH = '/schemas/post-front-matter.schema.json';

/**
 * The JSON Schema of a post's front matter, for editors and scripts: every
 * value's shape and the words for it; the rules across fields (dates in
 * order, declared sources, the build's day) stay with the build.
 */
export function postFrontMatterJsonSchema(siteUrl: string, components: readonly string[]): Record<string, unknown> {
  const schema = z.toJSONSchema(postSchema({today: '9999-12-31', components}), {io: 'input', unrepresentable: 'any'});
  return {$id: `${siteUrl}${FRONT_MATTER_SCHEMA_PATH}`, title: 'LiteLLM incident post front matter', ...schema};
}

/** A post's front matter, every fault of it at once; what the pages and the index read. */
export function parseIncidentPost(
  frontMatter: Record<string, unknown>,
  file: string,
  context: PostContext,
): IncidentPostMeta {
  const {slug, description, what_to_do, date, incident, updates, sources} = parseWith(
    postSchema(context),
    frontMatter,
    file,
  );
  return {slug, description, what_to_do, date, incident, updates, sources: sources as Source[]};
}

/** The `sources:` list alone (the Markdown plugin reads it); `today`, where given, bounds their dates. */
export function parseSources(frontMatter: Record<string, unknown>, file: string, today?: string): Source[] {
  return parseWith(sourcesSchema(today), frontMatter.sources, file, ['sources']) as Source[];
}
