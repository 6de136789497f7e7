/**
 * What a site sets on the incidents plugin, with its defaults: `plugins: [[incidentsPlugin, {pageSize: 25}]]`.
 * Docusaurus calls `validateOptions` before the plugin runs, so a wrong value stops the build naming the option.
 */
import * as z from 'zod';

import {describe} from '../../incidents/frontMatterFields';
import {didYouMean} from '../../faults/didYouMean';

const SHAPE = {
  /** Docusaurus' plugin id, which every plugin's options carry. */
  id: z.string().default('default'),
  /** Rows per page of /incidents and of each filtered view. */
  pageSize: z
    .int({error: (issue) => `must be a whole number of rows, 1 or more; got ${describe(issue.input)}`})
    .min(1, {error: (issue) => `must be a whole number of rows, 1 or more; got ${describe(issue.input)}`})
    .default(50),
};
const KNOWN = Object.keys(SHAPE);

export const incidentsPluginOptionsSchema = z.strictObject(SHAPE, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `"${String(issue.keys[0])}" is not an option; ${didYouMean(String(issue.keys[0]), KNOWN)}known options: ${KNOWN.join(', ')}`
      : 'must be an object of options',
});

export type IncidentsPluginOptions = z.infer<typeof incidentsPluginOptionsSchema>;

export function validateIncidentsPluginOptions({options}: {options: unknown}): IncidentsPluginOptions {
  const parsed = incidentsPluginOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) =>
    issue.path.length > 0 ? `- ${issue.path.join('.')}: ${issue.message}` : `- ${issue.message}`,
  );
  throw new Error(`docusaurus.config.ts: options of the incidents plugin:\n${lines.join('\n')}`);
}
