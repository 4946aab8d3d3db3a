import { readMode, InputError } from './action/inputs.js';
import { log } from './action/log.js';
import { core } from './github/safe-core.js';
import type { ActionMode } from './action/mode.js';
import type { Mode } from './commands/modes.js';
import { aggregateAction, type AggregateConfig } from './action/aggregate.js';
import { aggregateMultinodeAction, type AggregateMultinodeConfig } from './action/aggregate-multinode.js';
import { jobAction, type JobConfig } from './action/job.js';
import { processResultAction, type ProcessResultConfig } from './action/process-result.js';
import { reportAction, type ReportConfig } from './action/report.js';
import { validateChangelogAction, type ValidateChangelogConfig } from './action/validate-changelog.js';

export { InputError } from './action/inputs.js';
export { getUploadConfig, type UploadConfig } from './action/job.js';
export { DEFAULT_VISUALIZER_URL } from './commands/options.js';
export type { Mode } from './commands/modes.js';
export type {
  AggregateConfig,
  AggregateMultinodeConfig,
  JobConfig,
  ProcessResultConfig,
  ReportConfig,
  ValidateChangelogConfig,
};

export type ActionConfig =
  | JobConfig
  | AggregateConfig
  | ReportConfig
  | ProcessResultConfig
  | AggregateMultinodeConfig
  | ValidateChangelogConfig;

/** The action's dispatch table: one entry per mode, each with its options schema and output adapter. */
const ACTIONS: { [M in Mode]: ActionMode<Extract<ActionConfig, { mode: M }>> } = {
  job: jobAction,
  aggregate: aggregateAction,
  'process-result': processResultAction,
  'aggregate-multinode': aggregateMultinodeAction,
  report: reportAction,
  'validate-changelog': validateChangelogAction,
};

/** Reads the inputs of the selected mode once, naming the input in each error. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  return ACTIONS[readMode()].configure(env);
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Registered first: the runner masks the token in every later line (the add-mask line itself is not shown).
  const token = (env['INPUT_GITHUB-TOKEN'] ?? '').trim();
  if (token !== '') core.setSecret(token);
  let failure: string | undefined;
  let mode: Mode | undefined;
  try {
    const config = getConfig(env);
    mode = config.mode;
    failure = await (ACTIONS[config.mode] as ActionMode<ActionConfig>).run(config, env);
  } catch (error) {
    failure =
      error instanceof InputError || mode === undefined
        ? (error as Error).message
        : `sweep-power ${mode}: ${(error as Error).message}`;
  }
  if (failure !== undefined) log.fail(failure);
}
