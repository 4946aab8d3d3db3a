import { aggregateSchema } from './aggregate.options.js';
import { aggregateMultinodeSchema } from './aggregate-multinode.options.js';
import { jobSchema } from './job.options.js';
import type { ModeSchema, OptionSpec } from './options.js';
import { processResultSchema } from './process-result.options.js';
import { reportSchema } from './report.options.js';
import { validateChangelogSchema } from './validate-changelog.options.js';

/** Every mode's option schema, in the order the help text lists them. */
export const SCHEMAS = {
  job: jobSchema,
  aggregate: aggregateSchema,
  'process-result': processResultSchema,
  'aggregate-multinode': aggregateMultinodeSchema,
  report: reportSchema,
  'validate-changelog': validateChangelogSchema,
} satisfies Record<string, ModeSchema<unknown>>;

export type Mode = keyof typeof SCHEMAS;
export const MODES = Object.keys(SCHEMAS) as Mode[];

export const isMode = (name: string): name is Mode => Object.hasOwn(SCHEMAS, name);

/** Inputs the action reads for itself, whatever the mode. */
export const ACTION_INPUTS: OptionSpec[] = [
  {
    name: 'mode',
    kind: { expected: `one of: ${MODES.join(', ')}`, parse: (text) => (isMode(text) ? text : undefined) },
    default: 'job',
    help: 'what to run',
  },
];
