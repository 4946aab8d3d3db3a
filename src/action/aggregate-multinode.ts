import { runAggregateMultinode } from '../commands/aggregate-multinode.js';
import { aggregateMultinodeSchema, type AggregateMultinodeInput } from '../commands/aggregate-multinode.options.js';
import { readOptions, workspaceOf } from './inputs.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';
import { reportPowerRun } from './power.js';

export type AggregateMultinodeConfig = { mode: 'aggregate-multinode'; workspace: string } & AggregateMultinodeInput;

export const aggregateMultinodeAction: ActionMode<AggregateMultinodeConfig> = {
  configure: (env) => ({
    mode: 'aggregate-multinode',
    workspace: workspaceOf(env),
    ...readOptions(aggregateMultinodeSchema, env),
  }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group('Aggregate multinode GPU power', () =>
      runAggregateMultinode({ ...options, cwd: workspace, env }),
    );
    return reportPowerRun(result);
  },
};
