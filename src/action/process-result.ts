import { core } from '../github/safe-core.js';
import { reasonCodes } from '../core/power-result.js';
import { runProcessResult } from '../commands/process-result.js';
import { processResultSchema, type ProcessResultInput } from '../commands/process-result.options.js';
import { readOptions, workspaceOf } from './inputs.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';

export type ProcessResultConfig = { mode: 'process-result'; workspace: string } & ProcessResultInput;

export const processResultAction: ActionMode<ProcessResultConfig> = {
  configure: (env) => ({
    mode: 'process-result',
    workspace: workspaceOf(env),
    ...readOptions(processResultSchema, env),
  }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group('Process benchmark result', () =>
      runProcessResult({ ...options, cwd: workspace, env }),
    );
    for (const line of result.log.stdout) log.info(line);
    // A configuration error becomes one failure annotation listing every problem, not one per line.
    for (const line of result.log.stderr) result.power?.valid === false ? log.warning(line) : log.info(line);
    if (result.topology) core.setOutput('topology', result.topology);
    if (result.aggResult && result.aggWritten) core.setOutput('agg-result', result.aggResult);
    if (result.power) {
      core.setOutput('power-valid', result.power.valid ? '1' : '0');
      core.setOutput('validation-result', result.power.sidecarPath);
      core.setOutput('reasons', reasonCodes(result.power.reasons).join(','));
    }
    if (!result.aggWritten)
      return `process-result: ${result.problems.map((p) => `${p.subject}: ${p.problem}`).join('; ') || 'the agg JSON was not written'}`;
    if (result.exitCode !== 0)
      return `power is invalid and require-power is set: ${reasonCodes(result.power?.reasons ?? []).join(', ')}`;
    return undefined;
  },
};
