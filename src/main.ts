import * as core from '@actions/core';
import { runAggregate } from './commands/aggregate.js';
import { runValidateChangelog } from './commands/validateChangelog.js';
import { envRequiresPower } from './cli-run.js';
import { renderChangelogReport } from './core/changelog/report.js';
import { annotateProblems, writeJobSummary } from './github/changelogAnnotations.js';
import { readEventDefaults } from './github/event.js';

export type Mode = 'aggregate' | 'validate-changelog';
const MODES: readonly Mode[] = ['aggregate', 'validate-changelog'];

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

export interface ValidateChangelogConfig {
  mode: 'validate-changelog';
  changelog?: string;
  baseRef?: string;
  headRef?: string;
  baseFile?: string;
  headFile?: string;
  configs?: string;
  prNumber?: number;
  repo?: string;
  outputConfigs?: string;
  workspace: string;
}

export type ActionConfig = AggregateConfig | ValidateChangelogConfig;

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

function getAggregateConfig(env: NodeJS.ProcessEnv): AggregateConfig {
  const gpus = required('expected-num-gpus', 'for mode aggregate (the node GPU count, TP x PP x PCP)');
  if (!/^\d+$/.test(gpus) || Number(gpus) <= 0) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const gap = optional('max-sample-gap');
  if (gap !== undefined && !(Number(gap) > 0)) throw new InputError(`input 'max-sample-gap' is "${gap}"; expected a positive number of seconds`);
  const requireInput = optional('require-power');
  return {
    mode: 'aggregate',
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

/** PR number, base commit and repository come from the event when the inputs leave them out. */
function getValidateChangelogConfig(env: NodeJS.ProcessEnv): ValidateChangelogConfig {
  const event = readEventDefaults(env);
  const prInput = optional('pr-number');
  if (prInput !== undefined && (!/^\d+$/.test(prInput) || Number(prInput) <= 0)) throw new InputError(`input 'pr-number' is "${prInput}"; expected a positive integer`);
  const repo = optional('repo') ?? (env.GITHUB_REPOSITORY || undefined);
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new InputError(`input 'repo' is "${repo}"; expected owner/name`);
  const baseFile = optional('base-file');
  const baseRef = optional('base-ref') ?? (baseFile === undefined ? event.baseSha : undefined);
  if (baseRef === undefined && baseFile === undefined) {
    throw new InputError("input 'base-ref' is required for mode validate-changelog outside pull_request and push events (e.g. origin/main), or give 'base-file'");
  }
  return {
    mode: 'validate-changelog',
    changelog: optional('changelog'),
    baseRef,
    headRef: optional('head-ref'),
    baseFile,
    headFile: optional('head-file'),
    configs: optional('configs'),
    prNumber: prInput !== undefined ? Number(prInput) : event.prNumber,
    repo,
    outputConfigs: optional('output-configs'),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

/** Reads the inputs of the selected mode only, naming the input in each error. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const mode = (optional('mode') ?? 'aggregate') as Mode;
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(', ')}`);
  return mode === 'validate-changelog' ? getValidateChangelogConfig(env) : getAggregateConfig(env);
}

async function runAggregateMode(config: AggregateConfig): Promise<void> {
  const result = await core.group('Aggregate GPU power', () => runAggregate({ ...config, cwd: config.workspace, env: process.env }));
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
}

async function runValidateChangelogMode(config: ValidateChangelogConfig): Promise<void> {
  const result = await runValidateChangelog({ ...config, cwd: config.workspace });
  const annotated = annotateProblems(result.problems);
  // Problems past the annotation budget still reach the log, once each.
  result.log.stderr.slice(annotated).forEach((line) => core.info(line));
  result.log.stdout.forEach((line) => core.info(line));
  core.setOutput('configs', JSON.stringify(result.triggeredConfigs));
  core.setOutput('new-entries', String(result.verdict?.newEntries.length ?? 0));
  await writeJobSummary(
    renderChangelogReport({
      file: result.file,
      ok: result.ok,
      problems: result.problems,
      newEntries: result.verdict?.newEntries ?? [],
      corrections: result.verdict?.corrections ?? 0,
      triggeredConfigs: result.triggeredConfigs,
      annotated,
    }),
  );
  if (!result.ok) core.setFailed(`${result.file}: ${result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`}; see the annotations and the job summary.`);
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
    if (config.mode === 'validate-changelog') await runValidateChangelogMode(config);
    else await runAggregateMode(config);
  } catch (error) {
    core.setFailed(`sweep-power: ${(error as Error).message}`);
  }
}
