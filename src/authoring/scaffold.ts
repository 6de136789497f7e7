/**
 * The starting point of a new incident post: every front-matter field, the
 * stable sections in order, the truncate marker and the Sources heading.
 * What the author must fill is left empty, so the build names each such field;
 * the text to write is marked TO FILL, which the build also refuses.
 */
import {INCIDENT_NOTES, type IncidentNote, NOTES_NOT_BESIDE_TIMELINE, STABLE_SECTIONS} from '../incidents/vocabulary';

/** Text the scaffold leaves for the author; a post that still holds it fails the build. */
export const TO_FILL = 'TO FILL';

/** A stamp of now as the timeline takes it: UTC, to the second (an update's feed id is its post and its stamp). */
export const stampNow = (now = new Date()) => `${now.toISOString().slice(0, 19)}Z`;

/** The incident's optional facts in words, commented out, each with an example and what it holds. */
const notes = (live: boolean) =>
  (Object.entries(INCIDENT_NOTES) as [IncidentNote, (typeof INCIDENT_NOTES)[IncidentNote]][])
    .filter(([key]) => !live || !NOTES_NOT_BESIDE_TIMELINE.includes(key))
    .map(([key, {example, description}]) => {
      const field = `${key}: ${example}`.padEnd(24);
      return `  # ${field} # ${description.charAt(0).toLowerCase()}${description.slice(1)}`;
    })
    .join('\n');

/**
 * With `live`, an incident still running: one investigating entry stamped `live.now` in place of a status, and only
 * the summary, as the page shows until it is resolved; the post-mortem's sections are added then.
 */
export function scaffoldPost(slug: string, today: string, live?: {now: string}): string {
  const [summary, ...sections] = STABLE_SECTIONS;
  const heading = ({id, title}: {id: string; title: string}) => `## ${title} {#${id}}`;
  return `---
slug: "${slug}"               # never change it once published: incident notices link to it
title: ""                    # what broke, in a few words
description: ""              # one or two sentences (50 characters or more) for link previews
what_to_do: ""               # who is affected and what to do, 300 characters or fewer, cited [^product-page]; shown first on a phone
date: "${today}"             # publication date, quoted
authors: [incident-editors]  # keys from blog/authors.yml
tags: [incident-report]      # keys from blog/tags.yml
sources:                     # every source the post is written from; cite each in the text as [^id]
  - id: product-page
    title: ""                # e.g. "LiteLLM's own incident report, blog/<folder>/index.md in BerriAI/litellm-docs"
    url: ""                  # https:// only
    kind: product post-mortem  # product post-mortem | pull request | issue | commit | release notes | documentation
    # date: "YYYY-MM-DD"     # when it was published, opened or merged, if stated
incident:
  date: ""                   # "YYYY-MM-DD", or "YYYY-MM" when the source gives only the month
  duration: ""               # e.g. About 3 hours; "Not stated" when no source gives one
  severity: ""               # critical | high | medium | low | not-stated
${
  live
    ? `  timeline:                  # status updates as sent, oldest first; npm run incident:update -- ${slug} adds one
    - at: "${live.now}"   # a time with its offset (Z is UTC), or a day where the source gives only the day
      status: investigating  # investigating | identified | monitoring | resolved; leave out to keep the state
      body: ""               # what is known now, each fact cited [^product-page]
`
    : `  status: ""                 # investigating | identified | monitoring | resolved
`
}${notes(Boolean(live))}
  components: []             # keys from blog/components.yml
  versions: ""               # "not stated", or statements: see the README
  cite:                      # the declared source of each header fact
    date: product-page
    duration: product-page   # remove when the duration is "Not stated"
    severity: product-page   # remove when the severity is not-stated
${live ? '' : '    status: product-page\n'}# updates:                   # when the post is revised after publication, oldest first
#   - date: "YYYY-MM-DD"
#     note: What changed.
---

${heading(summary)}

${TO_FILL}: what happened, to whom, for how long, and what fixed it, each fact with its source[^product-page].

<!-- truncate -->

${live ? `<!-- Once the last update says resolved, add: ${sections.map(heading).join(', ')} -->` : sections.map((section) => `${heading(section)}\n\n${TO_FILL}.`).join('\n\n')}

## Sources {#sources}
`;
}
