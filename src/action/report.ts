import { core } from '../github/safe-core.js';
import { runReportAction, type CommentPort, type ReportEvent } from '../commands/report.js';
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
}

function nonNegativeEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 && env[name] !== undefined && env[name] !== '' ? value : fallback;
}

function triggeringRunOf(run: { head_sha?: unknown; head_repository?: { full_name?: unknown } } | undefined): ReportEvent['triggeringRun'] {
  const name = run?.head_repository?.full_name;
  return { headSha: typeof run?.head_sha === 'string' ? run.head_sha : undefined, headRepository: typeof name === 'string' ? name : undefined };
}

function configure(env: NodeJS.ProcessEnv): ReportConfig {
  const options = readOptions(reportSchema, env);
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const workflowRun = payload.workflow_run as { id?: unknown; head_sha?: unknown; head_repository?: { full_name?: unknown }; pull_requests?: { number?: unknown }[] } | undefined;
  const workflowRunPr = workflowRun?.pull_requests?.[0]?.number;
  const event: ReportEvent = {
    name: eventName,
    pullRequest: eventName === 'pull_request' ? pullRequestFromEvent(payload) : undefined,
    pullRequestNumber: options.prNumber ?? (typeof workflowRunPr === 'number' ? workflowRunPr : undefined),
    triggeringRun: eventName === 'workflow_run' ? triggeringRunOf(workflowRun) : undefined,
  };
  // Under workflow_run the sweep is the triggering run, not this one.
  const runId = options.runId ?? (eventName === 'workflow_run' && typeof workflowRun?.id === 'number' ? String(workflowRun.id) : env.GITHUB_RUN_ID);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return {
    mode: 'report',
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

async function run(config: ReportConfig): Promise<undefined> {
  const retry: RetryPolicy = { ...config.retry, onRetry: (message) => log.info(message) };
  let comment: CommentPort | undefined;
  if (config.token && config.owner && config.repo) {
    const github = await import('../github/comment.js');
    const octokit = github.createOctokit(config.token, retry);
    comment = {
      getPullRequest: (number: number) => github.getPullRequest(octokit, config.owner, config.repo, number),
      upsert: (issueNumber: number, markdown: string) => github.upsertStickyComment(octokit, { owner: config.owner, repo: config.repo, issueNumber }, config.commentKey, markdown, retry),
    };
  }
  const { appendSummary } = await import('../github/summary.js');
  const result = await log.group('Sweep power report', () =>
    runReportAction(
      { results: config.results, root: config.workspace, confine: true, runId: config.runId, runUrl: config.runUrl, visualizerUrl: config.visualizerUrl, event: config.event, labels: config.labels },
      {
        comment,
        writeSummary: async (markdown) => {
          // The summary is a convenience: failing to write it must not fail the step.
          await appendSummary(markdown).catch((error: unknown) => log.warning(`Could not write the job summary: ${(error as Error).message}`));
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
  return undefined;
}

export const reportAction: ActionMode<ReportConfig> = { configure, run };
