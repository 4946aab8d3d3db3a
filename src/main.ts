import * as core from '@actions/core';
import { runAggregate } from './commands/aggregate.js';
import { runAggregateMultinode } from './commands/aggregateMultinode.js';
import { runProcessResult } from './commands/processResult.js';
import { envRequiresPower } from './cli-run.js';

export type Mode = 'aggregate' | 'process-result' | 'aggregate-multinode';
const MODES: readonly Mode[] = ['aggregate', 'process-result', 'aggregate-multinode'];

export interface ProcessResultConfig {
  mode: 'process-result';
  resultDir?: string;
  workspace: string;
}

export interface AggregateMultinodeConfig {
  mode: 'aggregate-multinode';
  powerDir?: string;
  logsRoot?: string;
  benchResult: string;
  aggResult: string;
  prefillGpus: number;
  decodeGpus: number;
  expectedProducerSha?: string;
  validationResult?: string;
  requirePower: boolean;
  workspace: string;
}

export type ActionConfig = AggregateConfig | ProcessResultConfig | AggregateMultinodeConfig;

export interface AggregateConfig {
  mode: 'aggregate';
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

function count(name: string, why: string): number {
  const value = required(name, why);
  if (!/^\d+$/.test(value)) throw new InputError(`input '${name}' is "${value}"; expected a non-negative integer`);
  return Number(value);
}

function requirePowerInput(env: NodeJS.ProcessEnv): boolean {
  return optional('require-power') !== undefined ? core.getBooleanInput('require-power') : envRequiresPower(env);
}

/** Reads every input once, naming the input in each error. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const mode = (optional('mode') ?? 'aggregate') as Mode;
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(', ')}`);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  if (mode === 'process-result') return { mode, resultDir: optional('result-dir'), workspace };
  if (mode === 'aggregate-multinode') {
    return {
      mode,
      powerDir: optional('power-dir'),
      logsRoot: optional('logs-root'),
      benchResult: required('bench-result', 'for mode aggregate-multinode'),
      aggResult: required('agg-result', 'for mode aggregate-multinode'),
      prefillGpus: count('prefill-gpus', 'for mode aggregate-multinode (PREFILL_GPUS)'),
      decodeGpus: count('decode-gpus', 'for mode aggregate-multinode (DECODE_GPUS, 0 when aggregated)'),
      expectedProducerSha: optional('expected-producer-sha'),
      validationResult: optional('validation-result'),
      requirePower: requirePowerInput(env),
      workspace,
    };
  }
  const gpus = required('expected-num-gpus', 'for mode aggregate (the node GPU count, TP x PP x PCP)');
  if (!/^\d+$/.test(gpus) || Number(gpus) <= 0) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const gap = optional('max-sample-gap');
  if (gap !== undefined && !(Number(gap) > 0)) throw new InputError(`input 'max-sample-gap' is "${gap}"; expected a positive number of seconds`);
  return {
    mode,
    csv: optional('csv'),
    benchResult: required('bench-result', 'for mode aggregate'),
    aggResult: required('agg-result', 'for mode aggregate'),
    expectedNumGpus: Number(gpus),
    validationResult: optional('validation-result'),
    requirePower: requirePowerInput(env),
    maxSampleGapS: gap === undefined ? undefined : Number(gap),
    workspace,
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
    if (config.mode === 'process-result') return await runProcessResultMode(config);
    if (config.mode === 'aggregate-multinode') return await runAggregateMultinodeMode(config);
    const aggregateConfig = config;
    const result = await core.group('Aggregate GPU power', () =>
      runAggregate({ ...aggregateConfig, cwd: aggregateConfig.workspace, env: process.env }),
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

async function runProcessResultMode(config: ProcessResultConfig): Promise<void> {
  const result = await core.group('Process benchmark result', () => runProcessResult({ resultDir: config.resultDir, cwd: config.workspace, env: process.env }));
  result.log.stdout.forEach((line) => core.info(line));
  // A configuration error becomes one failure annotation listing every problem, not one per line.
  result.log.stderr.forEach((line) => (result.power?.valid === false ? core.warning(line) : core.info(line)));
  if (result.topology) core.setOutput('topology', result.topology);
  if (result.aggResult && result.aggWritten) core.setOutput('agg-result', result.aggResult);
  if (result.power) {
    core.setOutput('power-valid', result.power.valid ? '1' : '0');
    core.setOutput('validation-result', result.power.sidecarPath);
    core.setOutput('reasons', result.power.reasons.join(','));
  }
  if (!result.aggWritten) core.setFailed(`process-result: ${result.problems.map((p) => `${p.subject}: ${p.problem}`).join('; ') || 'the agg JSON was not written'}`);
  else if (result.exitCode !== 0) core.setFailed(`power is invalid and REQUIRE_POWER is set: ${result.power?.reasons.join(', ') ?? ''}`);
}

async function runAggregateMultinodeMode(config: AggregateMultinodeConfig): Promise<void> {
  const result = await core.group('Aggregate multinode GPU power', () => runAggregateMultinode({ ...config, cwd: config.workspace, env: process.env }));
  result.log.stdout.forEach((line) => core.info(line));
  result.log.stderr.forEach((line) => (result.valid ? core.info(line) : core.warning(line)));
  core.setOutput('power-valid', result.valid ? '1' : '0');
  core.setOutput('agg-result', result.aggResult);
  core.setOutput('validation-result', result.sidecarPath);
  core.setOutput('reasons', result.reasons.join(','));
  if (result.valid) {
    core.setOutput('avg-power-w', String(result.metrics.avg_power_w));
    core.setOutput('total-gpu-energy-j', String(result.metrics.total_gpu_energy_j));
    core.setOutput('joules-per-output-token', String(result.metrics.joules_per_output_token));
  }
  if (result.exitCode !== 0) core.setFailed(`power is invalid and require-power is set: ${result.reasons.join(', ')}`);
}
