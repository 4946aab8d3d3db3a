import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { core } from '../github/safe-core.js';
import { runReportAction, type CommentPort, type ReportActionOptions, type ReportEvent } from '../commands/report.js';
import { reportSchema } from '../commands/report.options.js';
import { pullRequestFromEvent } from '../core/report/gate.js';
import { readEventPayload } from '../github/event.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../github/retry.js';
import { readOptions, workspaceOf } from './inputs.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';

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
  /** Inputs `baseline` (a folder or glob, or `auto`), `baseline-history`, `threshold` (a fraction) and `fail-on-regression`. */
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

function nonNegativeEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 && env[name] !== undefined && env[name] !== '' ? value : fallback;
}

function triggeringRunOf(
  run: { head_sha?: unknown; head_repository?: { full_name?: unknown } } | undefined,
): ReportEvent['triggeringRun'] {
  const name = run?.head_repository?.full_name;
  return {
    headSha: typeof run?.head_sha === 'string' ? run.head_sha : undefined,
    headRepository: typeof name === 'string' ? name : undefined,
  };
}

function configure(env: NodeJS.ProcessEnv): ReportConfig {
  const options = readOptions(reportSchema, env);
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const workflowRun = payload.workflow_run as
    | {
        id?: unknown;
        head_sha?: unknown;
        head_repository?: { full_name?: unknown };
        pull_requests?: { number?: unknown }[];
      }
    | undefined;
  const workflowRunPr = workflowRun?.pull_requests?.[0]?.number;
  const event: ReportEvent = {
    name: eventName,
    pullRequest: eventName === 'pull_request' ? pullRequestFromEvent(payload) : undefined,
    pullRequestNumber: options.prNumber ?? (typeof workflowRunPr === 'number' ? workflowRunPr : undefined),
    triggeringRun: eventName === 'workflow_run' ? triggeringRunOf(workflowRun) : undefined,
  };
  // Under workflow_run the sweep is the triggering run, not this one.
  const runId =
    options.runId ??
    (eventName === 'workflow_run' && typeof workflowRun?.id === 'number' ? String(workflowRun.id) : env.GITHUB_RUN_ID);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const baseBranch =
    (payload.pull_request as { base?: { ref?: unknown } } | undefined)?.base?.ref ??
    (workflowRun as { pull_requests?: { base?: { ref?: unknown } }[] } | undefined)?.pull_requests?.[0]?.base?.ref ??
    (payload.repository as { default_branch?: unknown } | undefined)?.default_branch;
  const headSha =
    (payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha ??
    workflowRun?.head_sha ??
    env.GITHUB_SHA;
  return {
    mode: 'report',
    baseline: options.baseline,
    baselineHistory: options.baselineHistory,
    threshold: options.threshold,
    failOnRegression: options.failOnRegression,
    commit: typeof headSha === 'string' && /^[0-9a-f]{40,64}$/.test(headSha) ? headSha : undefined,
    baseBranch: typeof baseBranch === 'string' && baseBranch !== '' ? baseBranch : undefined,
    serverUrl: server,
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    results: options.results,
    visualizerUrl: options.visualizerUrl,
    commentKey: options.commentKey as string,
    labels: options.labels ?? [],
    token: options.token,
    runId,
    runUrl: runId && owner && repo ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    event,
    workspace: workspaceOf(env),
    owner,
    repo,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: nonNegativeEnv(env, 'SWEEP_POWER_RETRY_BASE_MS', DEFAULT_RETRY.baseDelayMs),
      timeoutMs: nonNegativeEnv(env, 'SWEEP_POWER_HTTP_TIMEOUT_MS', DEFAULT_RETRY.timeoutMs),
    },
  };
}

async function run(config: ReportConfig): Promise<string | undefined> {
  const retry: RetryPolicy = { ...config.retry, onRetry: (message) => log.info(message) };
  let comment: CommentPort | undefined;
  if (config.token && config.owner && config.repo) {
    const github = await import('../github/comment.js');
    const octokit = github.createOctokit(config.token, retry);
    const target = (issueNumber: number) => ({ owner: config.owner, repo: config.repo, issueNumber });
    comment = {
      getPullRequest: (number: number) => github.getPullRequest(octokit, config.owner, config.repo, number),
      upsert: (issueNumber: number, markdown: string) =>
        github.upsertStickyComment(octokit, target(issueNumber), config.commentKey, markdown, retry),
      find: async (issueNumber: number) => {
        const found = await github.findStickyComment(octokit, target(issueNumber), config.commentKey);
        return {
          body: found.existing?.body,
          upsert: (markdown: string) =>
            github.upsertStickyComment(octokit, target(issueNumber), config.commentKey, markdown, retry, found),
        };
      },
    };
  }
  const { appendSummary } = await import('../github/summary.js');
  const baselineOptions = await resolveBaseline(config, retry);
  const markdownFile = join(config.runnerTemp, 'sweep-power-report.md');
  const comparisonFile = join(config.runnerTemp, 'sweep-power-comparison.json');
  const result = await log.group('Sweep power report', () =>
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
        commit: config.commit
          ? { sha: config.commit, url: `${config.serverUrl}/${config.owner}/${config.repo}/commit/${config.commit}` }
          : undefined,
        push: config.commit ? { commit: config.commit, run: config.runId ?? '' } : undefined,
        markdownFile,
        comparisonFile,
      },
      {
        comment,
        writeSummary: async (markdown) => {
          // The summary is a convenience: failing to write it must not fail the step.
          await appendSummary(markdown).catch((error: unknown) =>
            log.warning(`Could not write the job summary: ${(error as Error).message}`),
          );
        },
        info: log.info,
        warning: log.warning,
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
  core.setOutput('comparison', result.comparison ? comparisonFile : '');
  core.setOutput('markdown-file', markdownFile);
  // Returned after the comment is written, so the reviewer sees why the step failed.
  if (config.failOnRegression && (verdicts?.regression ?? 0) > 0)
    return `${verdicts?.regression} energy regression(s) beyond the tolerance; see the report.`;
  return undefined;
}

/** `baseline: auto` finds and downloads the base branch's runs; anything else is a folder or glob of the workspace. */
async function resolveBaseline(config: ReportConfig, retry: RetryPolicy): Promise<Partial<ReportActionOptions>> {
  if (config.baseline === undefined) return {};
  if (config.baseline !== 'auto') return { baseline: config.baseline };
  const { loadAutoBaseline } = await import('../github/baseline.js');
  const auto = await log.group('Baseline from the base branch', () =>
    loadAutoBaseline({
      token: config.token,
      owner: config.owner,
      repo: config.repo,
      serverUrl: config.serverUrl,
      runId: config.runId,
      branch: config.baseBranch,
      runs: config.baselineHistory,
      tempDir: config.runnerTemp,
      retry,
      info: log.info,
    }),
  );
  for (const warning of auto.warnings) log.warning(warning);
  return auto.runs ? { baselineRuns: auto.runs, baselineLabel: auto.label, notes: auto.notes } : { notes: auto.notes };
}

export const reportAction: ActionMode<ReportConfig> = { configure, run };
