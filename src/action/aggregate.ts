import { runAggregate } from '../commands/aggregate.js';
import { aggregateSchema, type AggregateInput } from '../commands/aggregate.options.js';
import { readOptions, workspaceOf } from './inputs.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';
import { reportPowerRun } from './power.js';

export type AggregateConfig = { mode: 'aggregate'; workspace: string } & AggregateInput;

export const aggregateAction: ActionMode<AggregateConfig> = {
  configure: (env) => ({ mode: 'aggregate', workspace: workspaceOf(env), ...readOptions(aggregateSchema, env) }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group('Aggregate GPU power', () => runAggregate({ ...options, cwd: workspace, env }));
    return reportPowerRun(result);
  },
};
