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
    if (result.insightLines.length > 0) {
      const { appendSummary } = await import('../github/summary.js');
      await appendSummary(result.insightLines.join('\n')).catch((error: unknown) =>
        log.warning(`Could not write the job summary: ${(error as Error).message}`),
      );
    }
    return reportPowerRun(result);
  },
};
