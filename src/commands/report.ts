import { loadResults, type LoadedResults } from '../io/results.js';
import { COMMENT_LIMIT_CHARS, SUMMARY_LIMIT_BYTES, renderReport, type RenderedReport, type ReportCounts } from '../core/report/render.js';
import { gateComment, headMismatch, type GateDecision, type PullRequestInfo, type TriggeringRun } from '../core/report/gate.js';
import { safeUrl } from '../core/report/escape.js';
import { isRateLimited } from '../github/retry.js';
import { redactCredentials } from '../core/logtext.js';

/** Room kept free in a comment for the hidden marker line. */
const MARKER_RESERVE = 200;

export interface ReportOptions {
  /** A folder (every agg JSON below it) or a glob, relative to `root`. */
  results: string;
  root: string;
  /** Refuse results outside `root` (the action's workspace); the CLI reads where it is told. */
  confine: boolean;
  runId?: string;
  runUrl?: string;
  visualizerUrl?: string;
}

export interface BuiltReport {
  loaded: LoadedResults;
  /** Sized for a PR comment (≤ 65,536 characters with the marker). */
  comment: RenderedReport;
  /** Sized for the job summary (≤ 1 MiB), usually the full table. */
  summary: RenderedReport;
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Reads the results and renders the report twice: for the comment budget and the summary budget. */
export async function buildReport(options: ReportOptions): Promise<BuiltReport> {
  const loaded = await loadResults(options.root, options.results, { confine: options.confine });
  const input = { rows: loaded.rows, unreadable: loaded.unreadable, runId: options.runId, runUrl: options.runUrl, visualizerUrl: options.visualizerUrl };
  const comment = renderReport(input, { limit: COMMENT_LIMIT_CHARS, reserve: MARKER_RESERVE });
  // The summary is shared with other steps of the job: keep well under the 1 MiB cut-off.
  const summary = renderReport(input, { limit: SUMMARY_LIMIT_BYTES / 2, measure: utf8Bytes, fullListHint: 'the `bmk_*` artifacts of this run' });
  return { loaded, comment, summary };
}

export interface CommentPort {
  /** Reads a pull request (draft flag, labels) when the event does not carry it. */
  getPullRequest(number: number): Promise<PullRequestInfo>;
  /** Creates or updates the sticky comment. */
  upsert(issueNumber: number, markdown: string): Promise<{ action: 'created' | 'updated' | 'unchanged'; commentId: number; url?: string }>;
}

export interface ReportEvent {
  name: string;
  /** From the event payload when it carries one (pull_request events). */
  pullRequest?: PullRequestInfo;
  /** A pull request number known otherwise (workflow_run payload, or the `pr-number` input). */
  pullRequestNumber?: number;
  /** Under `workflow_run`: what the triggering run built; the pull request must match it. */
  triggeringRun?: TriggeringRun;
}

export interface ReportActionOptions extends ReportOptions {
  event: ReportEvent;
  labels: string[];
}

export interface ReportActionPorts {
  /** Undefined when there is no token: the report goes to the summary only. */
  comment?: CommentPort;
  writeSummary(markdown: string): Promise<void>;
  info(message: string): void;
  warning(message: string): void;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface ReportActionResult {
  counts: ReportCounts;
  comment: CommentOutcome;
  /** Why no comment was written (skipped or failed). */
  why?: string;
  commentId?: number;
  commentUrl?: string;
  rowsLeftOut: number;
  loaded: LoadedResults;
}

interface HttpishError {
  status?: number;
  message?: string;
}

/** One warning for a comment that could not be written: what happened and what to do about it. */
export function commentFailureMessage(number: number, error: unknown): string {
  const e = error as HttpishError;
  const message = redactCredentials((e?.message ?? String(error)).split('\n')[0] ?? '');
  // A request aborted by its timeout reaches us as a 500 from the client, not from GitHub.
  const timedOut = /aborted due to timeout|timed? ?out/i.test(message);
  const status = typeof e?.status === 'number' && !timedOut ? e.status : undefined;
  const detail = timedOut ? `timed out: ${message}` : `${status ? `HTTP ${status}: ` : ''}${message}`;
  const what = `Could not comment on pull request #${number}`;
  const summary = 'The report is in the job summary.';
  if (isRateLimited(error)) return `${what} after retries (${detail}): GitHub's rate limit for this token did not clear; rerun the job in a few minutes, or let fewer jobs comment at once. ${summary}`;
  if (status === 403 || status === 401) {
    return `${what} (${detail}). The token needs the \`pull-requests: write\` permission; pull requests from forks only get a read-only token (see the workflow_run pattern in the README). ${summary}`;
  }
  if (status === 404) return `${what} (${detail}): the pull request was not found or the token cannot see it (it needs \`pull-requests: write\`). ${summary}`;
  if (status !== undefined && status < 500 && status !== 408) return `${what} (${detail}): GitHub refused the request, so it was not retried. ${summary} If it happens again, open an issue with this message.`;
  return `${what} after retries (${detail}): rerun the job; if it keeps failing, check https://www.githubstatus.com. ${summary}`;
}

/** The fan-in step: render the report, write the job summary, and upsert the sticky PR comment when the gate allows it. */
export async function runReportAction(options: ReportActionOptions, ports: ReportActionPorts): Promise<ReportActionResult> {
  const built = await buildReport(options);
  const { loaded } = built;
  if (loaded.refused.length > 0) ports.warning(`Left out ${loaded.refused.length} result file(s) that link outside the workspace: ${loaded.refused.slice(0, 5).join(', ')}`);
  if (loaded.truncated) ports.warning(`Stopped after ${loaded.rows.length + loaded.unreadable.length + loaded.skipped} result files; narrow the \`results\` input.`);
  if (loaded.superseded.length > 0) ports.info(`Re-run jobs: kept each one's latest attempt and left out ${loaded.superseded.length} earlier result file(s): ${loaded.superseded.slice(0, 5).join(', ')}`);
  if (loaded.rows.length === 0) ports.warning(`No agg result JSON found in "${options.results}".`);

  let decision: GateDecision;
  let pullRequest = options.event.pullRequest;
  let outcome: CommentOutcome = 'skipped';
  let why: string | undefined;
  let commentId: number | undefined;
  let commentUrl: string | undefined;
  try {
    if (!pullRequest && options.event.pullRequestNumber !== undefined && ports.comment) pullRequest = await ports.comment.getPullRequest(options.event.pullRequestNumber);
    decision = gateComment(options.event.name, pullRequest, options.labels);
  } catch (error) {
    decision = { comment: false, why: `the pull request could not be read (${redactCredentials((error as Error).message.split('\n')[0] ?? '')})` };
  }
  const mismatch = decision.comment && options.event.triggeringRun ? headMismatch(decision.pullRequest, options.event.triggeringRun) : undefined;
  if (!decision.comment) {
    why = decision.why;
  } else if (mismatch !== undefined) {
    why = mismatch;
    ports.warning(`No pull request comment: ${why}. The report is in the job summary only.`);
  } else if (!ports.comment) {
    why = 'no token (input `github-token`) or repository (GITHUB_REPOSITORY) to comment with';
  } else {
    try {
      const result = await ports.comment.upsert(decision.pullRequest.number, built.comment.markdown);
      outcome = result.action;
      commentId = result.commentId;
      commentUrl = result.url === undefined ? undefined : safeUrl(result.url);
    } catch (error) {
      outcome = 'failed';
      why = commentFailureMessage(decision.pullRequest.number, error);
      ports.warning(why);
    }
  }

  const note =
    outcome === 'skipped'
      ? `_No pull request comment: ${why}._`
      : outcome === 'failed'
        ? '_The pull request comment could not be written; see the warning in the log._'
        : `_Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ''}._`;
  if (outcome === 'skipped') ports.info(`No pull request comment: ${why}.`);
  else if (outcome !== 'failed') ports.info(`Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ''}.`);
  await ports.writeSummary(`${built.summary.markdown}\n\n${note}\n`);
  return { counts: built.comment.counts, comment: outcome, why, commentId, commentUrl, rowsLeftOut: built.comment.rowsLeftOut, loaded };
}
