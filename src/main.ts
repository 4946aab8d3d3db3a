import * as core from '@actions/core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runAggregate, type AggregateOptions } from './commands/aggregate.js';
import { runAggregateMultinode, type AggregateMultinodeOptions } from './commands/aggregateMultinode.js';
import { runJob } from './commands/job.js';
import { runProcessResult, type ProcessResultOptions } from './commands/processResult.js';
import { runReportAction, type CommentPort, type ReportActionOptions, type ReportEvent } from './commands/report.js';
import { runValidateChangelog, type ValidateChangelogOptions } from './commands/validateChangelog.js';
import { envRequiresPower } from './cli-run.js';
import { renderChangelogReport } from './core/changelog/report.js';
import { safeUrl } from './core/report/escape.js';
import { DEFAULT_LABELS, parseLabels, pullRequestFromEvent } from './core/report/gate.js';
import { annotateProblems, writeJobSummary } from './github/changelogAnnotations.js';
import { readEventDefaults, readEventPayload } from './github/event.js';
import { DEFAULT_RETRY, type RetryPolicy } from './github/retry.js';

export type Mode = 'job' | 'aggregate' | 'process-result' | 'aggregate-multinode' | 'report' | 'validate-changelog';
const MODES: readonly Mode[] = ['job', 'aggregate', 'process-result', 'aggregate-multinode', 'report', 'validate-changelog'];

export const DEFAULT_VISUALIZER_URL = 'https://inferencex.semianalysis.com';

/** A mode's action config: its command's options, read from inputs, plus the workspace. */
type ModeConfig<M extends Mode, Options> = { mode: M; workspace: string } & Omit<Options, 'cwd' | 'env' | 'workspace'>;

export type ProcessResultConfig = ModeConfig<'process-result', Omit<ProcessResultOptions, 'csv'>>;
export type AggregateMultinodeConfig = ModeConfig<'aggregate-multinode', AggregateMultinodeOptions>;
export type AggregateConfig = ModeConfig<'aggregate', AggregateOptions>;
export type ValidateChangelogConfig = ModeConfig<'validate-changelog', ValidateChangelogOptions>;

export interface ReportConfig {
  mode: 'report';
  results: string;
  visualizerUrl: string;
  commentKey: string;
  labels: string[];
  token?: string;
  runId?: string;
  runUrl?: string;
  event: ReportEvent;
  workspace: string;
  owner: string;
  repo: string;
  retry: RetryPolicy;
  /** Inputs `baseline` (a folder or glob, or `auto`), `baseline-history`, `threshold` (percent) and `fail-on-regression`. */
  baseline?: string;
  baselineHistory: number;
  threshold: number;
  failOnRegression: boolean;
  /** The commit the sweep ran on (the pull request head when there is one). */
  commit?: string;
  /** The branch `baseline: auto` reads: the pull request's base, or the default branch. */
  baseBranch?: string;
  serverUrl: string;
  runnerTemp: string;
}

/** Inputs of the artifact upload (per-job mode). */
export interface UploadConfig {
  upload: boolean;
  retentionDays?: number;
  artifactPrefix: string;
}

export type ActionConfig = JobConfig | AggregateConfig | ReportConfig | ProcessResultConfig | AggregateMultinodeConfig | ValidateChangelogConfig;

export class InputError extends Error {}

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

function getProcessResultConfig(env: NodeJS.ProcessEnv): ProcessResultConfig {
  return { mode: 'process-result', resultDir: optional('result-dir'), workspace: env.GITHUB_WORKSPACE || process.cwd() };
}

function getAggregateMultinodeConfig(env: NodeJS.ProcessEnv): AggregateMultinodeConfig {
  return {
    mode: 'aggregate-multinode',
    powerDir: optional('power-dir'),
    logsRoot: optional('logs-root'),
    benchResult: required('bench-result', 'for mode aggregate-multinode'),
    aggResult: required('agg-result', 'for mode aggregate-multinode'),
    prefillGpus: count('prefill-gpus', 'for mode aggregate-multinode (PREFILL_GPUS)'),
    decodeGpus: count('decode-gpus', 'for mode aggregate-multinode (DECODE_GPUS, 0 when aggregated)'),
    expectedProducerSha: optional('expected-producer-sha'),
    validationResult: optional('validation-result'),
    requirePower: requirePowerInput(env),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new InputError(`input '${name}' is "${value}"; expected true or false`);
}

function getAggregateConfig(env: NodeJS.ProcessEnv): AggregateConfig {
  const gpus = required('expected-num-gpus', 'for mode aggregate (the node GPU count, TP x PP x PCP)');
  if (!/^\d+$/.test(gpus) || Number(gpus) <= 0) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const gap = optional('max-sample-gap');
  if (gap !== undefined && !(Number(gap) > 0)) throw new InputError(`input 'max-sample-gap' is "${gap}"; expected a positive number of seconds`);
  return {
    mode: 'aggregate',
    csv: optional('csv'),
    benchResult: required('bench-result', 'for mode aggregate'),
    aggResult: required('agg-result', 'for mode aggregate'),
    expectedNumGpus: Number(gpus),
    validationResult: optional('validation-result'),
    requirePower: requirePowerInput(env),
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

function positiveIntEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 && env[name] !== undefined && env[name] !== '' ? value : fallback;
}

function getReportConfig(env: NodeJS.ProcessEnv): ReportConfig {
  const results = required('results', 'for mode report (a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts)');
  const visualizerUrl = optional('visualizer-url') ?? DEFAULT_VISUALIZER_URL;
  if (!safeUrl(visualizerUrl)) throw new InputError(`input 'visualizer-url' is "${visualizerUrl}"; expected an http(s) URL`);
  const labelsInput = core.getInput('labels');
  const token = optional('github-token');
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const workflowRun = payload.workflow_run as { id?: unknown; pull_requests?: { number?: unknown }[] } | undefined;
  const prInput = optional('pr-number');
  if (prInput !== undefined && !/^\d+$/.test(prInput)) throw new InputError(`input 'pr-number' is "${prInput}"; expected a pull request number`);
  const workflowRunPr = workflowRun?.pull_requests?.[0]?.number;
  const event: ReportEvent = {
    name: eventName,
    pullRequest: eventName === 'pull_request' ? pullRequestFromEvent(payload) : undefined,
    pullRequestNumber: prInput !== undefined ? Number(prInput) : typeof workflowRunPr === 'number' ? workflowRunPr : undefined,
  };
  const runIdInput = optional('run-id');
  if (runIdInput !== undefined && !/^\d+$/.test(runIdInput)) throw new InputError(`input 'run-id' is "${runIdInput}"; expected a workflow run id`);
  // Under workflow_run the sweep is the triggering run, not this one.
  const runId = runIdInput ?? (eventName === 'workflow_run' && typeof workflowRun?.id === 'number' ? String(workflowRun.id) : env.GITHUB_RUN_ID);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const historyInput = optional('baseline-history') ?? '5';
  if (!/^\d+$/.test(historyInput) || Number(historyInput) < 1 || Number(historyInput) > 20) throw new InputError(`input 'baseline-history' is "${historyInput}"; expected a whole number of runs from 1 to 20`);
  const thresholdInput = (optional('threshold') ?? '5').replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(thresholdInput) || Number(thresholdInput) > 1000) throw new InputError(`input 'threshold' is "${optional('threshold')}"; expected a percentage such as 5`);
  const baseBranch =
    (payload.pull_request as { base?: { ref?: unknown } } | undefined)?.base?.ref ??
    (workflowRun as { pull_requests?: { base?: { ref?: unknown } }[] } | undefined)?.pull_requests?.[0]?.base?.ref ??
    (payload.repository as { default_branch?: unknown } | undefined)?.default_branch;
  const headSha = (payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha ?? (workflowRun as { head_sha?: unknown } | undefined)?.head_sha ?? env.GITHUB_SHA;
  return {
    mode: 'report',
    baseline: optional('baseline'),
    baselineHistory: Number(historyInput),
    threshold: Number(thresholdInput) / 100,
    failOnRegression: booleanInput('fail-on-regression', false),
    commit: typeof headSha === 'string' && /^[0-9a-f]{40,64}$/.test(headSha) ? headSha : undefined,
    baseBranch: typeof baseBranch === 'string' && baseBranch !== '' ? baseBranch : undefined,
    serverUrl: server,
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    results,
    visualizerUrl,
    commentKey: optional('comment-key') ?? env.GITHUB_WORKFLOW ?? 'sweep-power',
    labels: parseLabels(labelsInput === '' && env['INPUT_LABELS'] === undefined ? DEFAULT_LABELS.join(',') : labelsInput),
    token,
    runId,
    runUrl: runId && owner && repo ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    event,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    owner,
    repo,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: positiveIntEnv(env, 'SWEEP_POWER_RETRY_BASE_MS', DEFAULT_RETRY.baseDelayMs),
      timeoutMs: positiveIntEnv(env, 'SWEEP_POWER_HTTP_TIMEOUT_MS', DEFAULT_RETRY.timeoutMs),
    },
  };
}

/** Upload inputs, read by the modes that upload artifacts. */
export function getUploadConfig(): UploadConfig {
  const retention = optional('retention-days');
  if (retention !== undefined && (!/^\d+$/.test(retention) || Number(retention) < 1 || Number(retention) > 90)) {
    throw new InputError(`input 'retention-days' is "${retention}"; expected a whole number of days from 1 to 90`);
  }
  const artifactPrefix = optional('artifact-prefix') ?? '';
  if (/[":<>|*?\r\n\\/]/.test(artifactPrefix)) throw new InputError(`input 'artifact-prefix' is "${artifactPrefix}"; it may not contain " : < > | * ? \\ / or line breaks`);
  return { upload: booleanInput('upload', true), retentionDays: retention === undefined ? undefined : Number(retention), artifactPrefix };
}

/** Reads the inputs of the selected mode once, naming the input in each error. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const mode = (optional('mode') ?? 'job') as Mode;
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(', ')}`);
  if (mode === 'report') return getReportConfig(env);
  if (mode === 'process-result') return getProcessResultConfig(env);
  if (mode === 'aggregate-multinode') return getAggregateMultinodeConfig(env);
  if (mode === 'validate-changelog') return getValidateChangelogConfig(env);
  if (mode === 'job') return getJobConfig(env);
  return getAggregateConfig(env);
}

/** What aggregate and aggregate-multinode report back, with the reason codes as strings. */
interface PowerRun {
  valid: boolean;
  aggResult: string;
  sidecarPath: string;
  reasonCodes: string[];
  metrics: Partial<Record<'avg_power_w' | 'total_gpu_energy_j' | 'joules_per_output_token', number>>;
  exitCode: number;
  log: { stdout: string[]; stderr: string[] };
}

/** Log, outputs and verdict of one power measurement: shared by the single-node and multinode modes. */
function reportPowerRun(result: PowerRun): void {
  result.log.stdout.forEach((line) => core.info(line));
  result.log.stderr.forEach((line) => (result.valid ? core.info(line) : core.warning(line)));
  core.setOutput('power-valid', result.valid ? '1' : '0');
  core.setOutput('agg-result', result.aggResult);
  core.setOutput('validation-result', result.sidecarPath);
  core.setOutput('reasons', result.reasonCodes.join(','));
  if (result.valid) {
    core.setOutput('avg-power-w', String(result.metrics.avg_power_w));
    core.setOutput('total-gpu-energy-j', String(result.metrics.total_gpu_energy_j));
    core.setOutput('joules-per-output-token', String(result.metrics.joules_per_output_token));
  }
  if (result.exitCode !== 0) core.setFailed(`power is invalid and require-power is set: ${result.reasonCodes.join(', ')}`);
}

async function runAggregateMode(config: AggregateConfig): Promise<void> {
  const result = await core.group('Aggregate GPU power', () => runAggregate({ ...config, cwd: config.workspace, env: process.env }));
  reportPowerRun({ ...result, reasonCodes: result.reasons.map((r) => r.code) });
}

async function runAggregateMultinodeMode(config: AggregateMultinodeConfig): Promise<void> {
  const result = await core.group('Aggregate multinode GPU power', () => runAggregateMultinode({ ...config, cwd: config.workspace, env: process.env }));
  reportPowerRun({ ...result, reasonCodes: result.reasons });
}

async function runReportMode(config: ReportConfig): Promise<void> {
  const retry: RetryPolicy = { ...config.retry, onRetry: (message) => core.info(message) };
  let comment: CommentPort | undefined;
  if (config.token && config.owner && config.repo) {
    const github = await import('./github/comment.js');
    const octokit = github.createOctokit(config.token);
    comment = {
      getPullRequest: (number: number) => github.getPullRequest(octokit, config.owner, config.repo, number, retry),
      upsert: (issueNumber: number, markdown: string) => github.upsertStickyComment(octokit, { owner: config.owner, repo: config.repo, issueNumber }, config.commentKey, markdown, retry),
      previousBody: (issueNumber: number) => github.stickyCommentBody(octokit, { owner: config.owner, repo: config.repo, issueNumber }, config.commentKey, retry),
    };
  }
  const { appendSummary } = await import('./github/summary.js');
  const baselineOptions = await resolveBaseline(config, retry);
  const result = await core.group('Sweep power report', () =>
    runReportAction(
      {
        results: config.results,
        root: config.workspace,
        confine: true,
        runId: config.runId,
        runUrl: config.runUrl,
        visualizerUrl: config.visualizerUrl,
        event: config.event,
        labels: config.labels,
        ...baselineOptions,
        threshold: config.threshold,
        commit: config.commit ? { sha: config.commit, url: `${config.serverUrl}/${config.owner}/${config.repo}/commit/${config.commit}` } : undefined,
        push: config.commit ? { commit: config.commit, run: config.runId ?? '' } : undefined,
        markdownFile: join(config.runnerTemp, 'sweep-power-report.md'),
        comparisonFile: join(config.runnerTemp, 'sweep-power-comparison.json'),
      },
      {
        comment,
        writeSummary: async (markdown) => {
          // The summary is a convenience: failing to write it must not fail the step.
          await appendSummary(markdown).catch((error: unknown) => core.warning(`Could not write the job summary: ${(error as Error).message}`));
        },
        info: (m) => core.info(m),
        warning: (m) => core.warning(m),
      },
    ),
  );
  core.setOutput('comment', result.comment);
  core.setOutput('comment-id', result.commentId === undefined ? '' : String(result.commentId));
  core.setOutput('comment-url', result.commentUrl ?? '');
  core.setOutput('results-total', String(result.counts.total));
  core.setOutput('results-valid', String(result.counts.valid));
  core.setOutput('results-invalid', String(result.counts.invalid));
  core.setOutput('results-missing', String(result.counts.missing));
  core.setOutput('rows-left-out', String(result.rowsLeftOut));
  const verdicts = result.comparison?.counts;
  core.setOutput('regressions', String(verdicts?.regression ?? 0));
  core.setOutput('improvements', String(verdicts?.improvement ?? 0));
  core.setOutput('comparable', String(verdicts?.comparable ?? 0));
  core.setOutput('comparison', result.comparison ? join(config.runnerTemp, 'sweep-power-comparison.json') : '');
  core.setOutput('markdown-file', join(config.runnerTemp, 'sweep-power-report.md'));
  // After the comment is written, so the reviewer sees why the step failed.
  if (config.failOnRegression && (verdicts?.regression ?? 0) > 0) core.setFailed(`${verdicts?.regression} energy regression(s) beyond the tolerance; see the report.`);
}

/** `baseline: auto` finds and downloads the base branch's runs; anything else is a folder or glob of the workspace. */
async function resolveBaseline(config: ReportConfig, retry: RetryPolicy): Promise<Partial<ReportActionOptions>> {
  if (config.baseline === undefined) return {};
  if (config.baseline !== 'auto') return { baseline: config.baseline };
  const { loadAutoBaseline } = await import('./github/baseline.js');
  const auto = await core.group('Baseline from the base branch', () =>
    loadAutoBaseline({ token: config.token, owner: config.owner, repo: config.repo, serverUrl: config.serverUrl, runId: config.runId, branch: config.baseBranch, runs: config.baselineHistory, tempDir: config.runnerTemp, retry, info: (m) => core.info(m) }),
  );
  for (const warning of auto.warnings) core.warning(warning);
  return auto.runs ? { baselineRuns: auto.runs, baselineLabel: auto.label, notes: auto.notes } : { notes: auto.notes };
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
    if (config.mode === 'report') await runReportMode(config);
    else if (config.mode === 'process-result') await runProcessResultMode(config);
    else if (config.mode === 'aggregate-multinode') await runAggregateMultinodeMode(config);
    else if (config.mode === 'validate-changelog') await runValidateChangelogMode(config);
    else if (config.mode === 'job') await runJobMode(config);
    else await runAggregateMode(config);
  } catch (error) {
    core.setFailed(`sweep-power ${config.mode}: ${(error as Error).message}`);
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


export interface JobConfig extends UploadConfig {
  mode: 'job';
  gpuMetrics?: string;
  resultFilename?: string;
  expectedNumGpus?: number;
  requirePower: boolean;
  visualizerUrl: string;
  runId?: string;
  workspace: string;
}

function getJobConfig(env: NodeJS.ProcessEnv): JobConfig {
  const gpus = optional('expected-num-gpus');
  if (gpus !== undefined && (!/^\d+$/.test(gpus) || Number(gpus) <= 0)) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const visualizerUrl = optional('visualizer-url') ?? DEFAULT_VISUALIZER_URL;
  if (!safeUrl(visualizerUrl)) throw new InputError(`input 'visualizer-url' is "${visualizerUrl}"; expected an http(s) URL`);
  return {
    mode: 'job',
    gpuMetrics: optional('gpu-metrics'),
    resultFilename: optional('result-filename'),
    expectedNumGpus: gpus === undefined ? undefined : Number(gpus),
    requirePower: requirePowerInput(env),
    visualizerUrl,
    runId: env.GITHUB_RUN_ID || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...getUploadConfig(),
  };
}

async function runJobMode(config: JobConfig): Promise<void> {
  const result = await runJob({ ...config, env: process.env }, { group: (name, fn) => core.group(name, fn), info: (m) => core.info(m), warning: (m) => core.warning(m) });
  result.warnings.forEach((w) => core.warning(w));
  if (result.summary) {
    const { appendSummary } = await import('./github/summary.js');
    await appendSummary(result.summary).catch((error: unknown) => core.warning(`Could not write the job summary: ${(error as Error).message}`));
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
  if (result.failure) core.setFailed(result.failure);
}
