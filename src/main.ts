import * as core from '@actions/core';
import { runAggregate } from './commands/aggregate.js';
import { envRequiresPower } from './cli-run.js';

export type Mode = 'aggregate';
const MODES: readonly Mode[] = ['aggregate'];

export interface ActionConfig {
  mode: Mode;
  csv?: string;
  benchResult: string;
  aggResult: string;
  expectedNumGpus: number;
  validationResult?: string;
  requirePower: boolean;
  maxSampleGapS?: number;
  workspace: string;
}

class InputError extends Error {}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

function required(name: string, why: string): string {
  const value = optional(name);
  if (value === undefined) throw new InputError(`input '${name}' is required ${why}`);
  return value;
}

/** Reads every input once, naming the input in each error. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const mode = (optional('mode') ?? 'aggregate') as Mode;
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(', ')}`);
  const gpus = required('expected-num-gpus', 'for mode aggregate (the node GPU count, TP x PP x PCP)');
  if (!/^\d+$/.test(gpus) || Number(gpus) <= 0) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const gap = optional('max-sample-gap');
  if (gap !== undefined && !(Number(gap) > 0)) throw new InputError(`input 'max-sample-gap' is "${gap}"; expected a positive number of seconds`);
  const requireInput = optional('require-power');
  return {
    mode,
    csv: optional('csv'),
    benchResult: required('bench-result', 'for mode aggregate'),
    aggResult: required('agg-result', 'for mode aggregate'),
    expectedNumGpus: Number(gpus),
    validationResult: optional('validation-result'),
    requirePower: requireInput !== undefined ? core.getBooleanInput('require-power') : envRequiresPower(env),
    maxSampleGapS: gap === undefined ? undefined : Number(gap),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

export async function run(): Promise<void> {
  let config: ActionConfig;
  try {
    config = getConfig();
  } catch (error) {
    core.setFailed((error as Error).message);
    return;
  }
  try {
    const result = await core.group('Aggregate GPU power', () =>
      runAggregate({ ...config, cwd: config.workspace, env: process.env }),
    );
    result.log.stdout.forEach((line) => core.info(line));
    result.log.stderr.forEach((line) => (result.valid ? core.info(line) : core.warning(line)));
    core.setOutput('power-valid', result.valid ? '1' : '0');
    core.setOutput('agg-result', result.aggResult);
    core.setOutput('validation-result', result.sidecarPath);
    core.setOutput('reasons', result.reasons.map((r) => r.code).join(','));
    if (result.valid) {
      core.setOutput('avg-power-w', String(result.metrics.avg_power_w));
      core.setOutput('total-gpu-energy-j', String(result.metrics.total_gpu_energy_j));
      core.setOutput('joules-per-output-token', String(result.metrics.joules_per_output_token));
    }
    if (result.exitCode !== 0) core.setFailed(`power is invalid and require-power is set: ${result.reasons.map((r) => r.code).join(', ')}`);
  } catch (error) {
    core.setFailed(`sweep-power: ${(error as Error).message}`);
  }
}
