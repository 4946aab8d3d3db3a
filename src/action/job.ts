import { core } from '../github/safe-core.js';
import { runJob } from '../commands/job.js';
import { jobSchema, type JobInput } from '../commands/job.options.js';
import { DEFAULT_VISUALIZER_URL } from '../commands/options.js';
import { readOptions, workspaceOf } from './inputs.js';
import { runAttemptOf } from '../github/artifacts.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';

export type JobConfig = {
  mode: 'job';
  workspace: string;
  runId?: string;
  runAttempt: number;
  visualizerUrl: string;
} & Omit<JobInput, 'workspace' | 'visualizerUrl'>;

/** Inputs of the artifact upload (per-job mode). */
export interface UploadConfig {
  upload: boolean;
  retentionDays?: number;
  artifactPrefix: string;
}

const UPLOAD_INPUTS = ['upload', 'retention-days', 'artifact-prefix'];

/** Upload inputs, read by the modes that upload artifacts. */
export function getUploadConfig(env: NodeJS.ProcessEnv = process.env): UploadConfig {
  const { upload, retentionDays, artifactPrefix } = readOptions(
    { ...jobSchema, options: jobSchema.options.filter((o) => UPLOAD_INPUTS.includes(o.name)) },
    env,
  );
  return { upload, retentionDays, artifactPrefix: artifactPrefix ?? '' };
}

export const jobAction: ActionMode<JobConfig> = {
  configure: (env) => {
    const { workspace: _cliOnly, visualizerUrl, ...options } = readOptions(jobSchema, env);
    return {
      mode: 'job',
      ...options,
      visualizerUrl: visualizerUrl ?? DEFAULT_VISUALIZER_URL,
      runId: env.GITHUB_RUN_ID || undefined,
      runAttempt: runAttemptOf(env.GITHUB_RUN_ATTEMPT),
      workspace: workspaceOf(env),
    };
  },
  run: async ({ mode: _mode, ...config }, env) => {
    const result = await runJob({ ...config, env }, { group: log.group, info: log.info, warning: log.warning });
    for (const w of result.warnings) log.warning(w);
    if (result.summary) {
      const { appendSummary } = await import('../github/summary.js');
      await appendSummary(result.summary).catch((error: unknown) =>
        log.warning(`Could not write the job summary: ${(error as Error).message}`),
      );
    }
    const o = result.outputs;
    if (o['agg-result'] !== undefined) {
      core.setOutput('agg-result', o['agg-result']);
      core.setOutput('power-valid', o['power-valid']);
      core.setOutput('avg-power-w', o['avg-power-w']);
      core.setOutput('total-gpu-energy-j', o['total-gpu-energy-j']);
      core.setOutput('joules-per-output-token', o['joules-per-output-token']);
      core.setOutput('topology', o.topology);
      core.setOutput('artifact-ids', o['artifact-ids']);
      core.setOutput('validation-result', result.validationResult ?? '');
      core.setOutput('reasons', result.reasons.join(','));
    }
    return result.failure;
  },
};
