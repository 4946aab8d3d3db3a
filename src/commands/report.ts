// Over 300 lines on purpose: the report's one orchestration (results, baseline, gate, comment, summary,
// outputs) reads top to bottom in the order it runs; its pieces are already in core/report and github/.
import { loadResults, type LoadedResults } from '../io/results.js';
import { writeFileAtomic } from '../io/atomic.js';
import {
  COMMENT_LIMIT_CHARS,
  SUMMARY_LIMIT_BYTES,
  renderReport,
  type BaselineLabel,
  type RenderedReport,
  type ReportCounts,
} from '../core/report/render.js';
import { changes, compareRuns, comparisonJson, latestByConfig, type Comparison } from '../core/report/compare.js';
import { appendPush, configHash, encodeHistoryBlock, readHistoryBlock, type Push } from '../core/report/history.js';
import type { ReportRow } from '../core/report/rows.js';
import {
  gateComment,
  headMismatch,
  type GateDecision,
  type PullRequestInfo,
  type TriggeringRun,
} from '../core/report/gate.js';
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
  commit?: { sha: string; url?: string };
  /** A folder or glob (relative to `root`) of the baseline's agg JSONs and sidecars. */
  baseline?: string;
  /** Baseline results read already (the `auto` baseline), with earlier runs for the history interval. */
  baselineRuns?: BaselineRuns;
  baselineLabel?: BaselineLabel;
  /** Relative change never called a regression or improvement below this (default 0.05). */
  threshold?: number;
  /** Lines shown under the header (why there is no baseline). */
  notes?: string[];
  /** This push, and the body of the previous sticky comment whose hidden history block is read back. */
  push?: Push;
  previousBody?: string;
  /** Where to write the full report and the comparison JSON. */
  markdownFile?: string;
  comparisonFile?: string;
}

export interface BaselineRuns {
  /** The latest baseline run's results: deltas are taken against these. */
  rows: ReportRow[];
  /** Every baseline run (the latest included), oldest first, for the history interval. */
  history: ReportRow[][];
}

export interface BuiltReport {
  loaded: LoadedResults;
  comparison?: Comparison;
  baselineLoaded?: LoadedResults;
  /** The hidden block carried in the comment (empty without a push). */
  historyBlock: string;
  /** Sized for a PR comment (≤ 65,536 characters with the marker). */
  comment: RenderedReport;
  /** Sized for the job summary (≤ 1 MiB), usually the full table; rendered when first read. */
  readonly summary: RenderedReport;
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Reads the results and renders the report twice: for the comment budget and the summary budget. */
export async function buildReport(options: ReportOptions, preloaded?: LoadedResults): Promise<BuiltReport> {
  const loaded = preloaded ?? (await loadResults(options.root, options.results, { confine: options.confine }));
  const notes = [...(options.notes ?? [])];
  let baselineLoaded: LoadedResults | undefined;
  let baselineRuns = options.baselineRuns;
  if (options.baseline !== undefined) {
    baselineLoaded = await loadResults(options.root, options.baseline, { confine: options.confine });
    baselineRuns = { rows: baselineLoaded.rows, history: [baselineLoaded.rows] };
    if (baselineLoaded.rows.length === 0)
      notes.push(`No agg result JSON found in the baseline "${options.baseline}": no deltas.`);
  }
  const comparison =
    baselineRuns && baselineRuns.rows.length > 0
      ? compareRuns(loaded.rows, baselineRuns.rows, { threshold: options.threshold, history: baselineRuns.history })
      : undefined;

  // Trend across the pushes of the pull request, read back from the previous comment.
  let historyBlock = '';
  let trends: Map<string, Array<number | null>> | undefined;
  if (options.push) {
    const read = readHistoryBlock(options.previousBody);
    if (read.problem) notes.push(`Earlier pushes not shown: ${read.problem}, so it was ignored.`);
    const figures = new Map<string, number>();
    const hashes = new Map<string, string>();
    for (const [key, side] of latestByConfig(loaded.rows)) {
      const hash = configHash(key);
      hashes.set(key, hash);
      const j = side.latest.joulesPerOutputToken;
      if (side.latest.status === 'valid' && j !== undefined && j > 0) figures.set(hash, j);
    }
    const history = appendPush(read.history ?? { pushes: [], values: new Map() }, options.push, figures);
    const priority = comparison ? changes(comparison).map((c) => configHash(c.key)) : [];
    const encoded = encodeHistoryBlock(history, priority);
    historyBlock = encoded.block;
    if (encoded.configsLeftOut > 0)
      notes.push(
        `The trend across pushes is kept for ${(hashes.size - encoded.configsLeftOut).toLocaleString('en-US')} of ${hashes.size.toLocaleString('en-US')} configs (changed ones first) to bound the comment's size.`,
      );
    if (history.pushes.length > 1) {
      trends = new Map();
      for (const [key, hash] of hashes) {
        const series = history.values.get(hash);
        if (series) trends.set(key, series);
      }
    }
  }

  const input = {
    rows: loaded.rows,
    unreadable: loaded.unreadable,
    runId: options.runId,
    runUrl: options.runUrl,
    visualizerUrl: options.visualizerUrl,
    commit: options.commit,
    baseline: comparison
      ? (options.baselineLabel ?? (options.baseline !== undefined ? { label: options.baseline } : undefined))
      : undefined,
    comparison,
    trends,
    notes,
  };
  const comment = renderReport(input, {
    limit: COMMENT_LIMIT_CHARS,
    reserve: MARKER_RESERVE + historyBlock.length + 2,
  });
  if (historyBlock !== '') comment.markdown = `${comment.markdown}\n\n${historyBlock}`;
  // The summary is shared with other steps of the job: keep well under the 1 MiB cut-off. Rendered
  // on first use: the CLI prints only the comment, and a second full render of 2,000 rows is not free.
  let summary: RenderedReport | undefined;
  const summaryOf = (): RenderedReport =>
    (summary ??= renderReport(input, {
      limit: SUMMARY_LIMIT_BYTES / 2,
      measure: utf8Bytes,
      fullListHint: 'the `bmk_*` artifacts of this run',
    }));
  if (options.markdownFile) await writeFileAtomic(options.markdownFile, `${summaryOf().markdown}\n`);
  if (options.comparisonFile && comparison) {
    const label = options.baselineLabel ?? (options.baseline !== undefined ? { label: options.baseline } : undefined);
    await writeFileAtomic(options.comparisonFile, `${JSON.stringify(comparisonJson(comparison, label), null, 2)}\n`);
  }
  return {
    loaded,
    comment,
    get summary() {
      return summaryOf();
    },
    comparison,
    baselineLoaded,
    historyBlock,
  };
}

export interface CommentUpsert {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  url?: string;
}

/** The sticky comment as one listing of the pull request's comments found it. */
export interface FoundComment {
  /** Its body now (undefined when there is none yet): the history of earlier pushes is read from it. */
  body?: string;
  /** Creates or updates it, starting from what was found rather than listing the comments again. */
  upsert(markdown: string): Promise<CommentUpsert>;
}

export interface CommentPort {
  /** Reads a pull request (draft flag, labels) when the event does not carry it. */
  getPullRequest(number: number): Promise<PullRequestInfo>;
  /** Finds the sticky comment, listing the comments once. */
  find(issueNumber: number): Promise<FoundComment>;
  /** Creates or updates the sticky comment, finding it first (when `find` failed). */
  upsert(issueNumber: number, markdown: string): Promise<CommentUpsert>;
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
  comparison?: Comparison;
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
  if (isRateLimited(error))
    return `${what} after retries (${detail}): GitHub's rate limit for this token did not clear; rerun the job in a few minutes, or let fewer jobs comment at once. ${summary}`;
  if (status === 403 || status === 401) {
    return `${what} (${detail}). The token needs the \`pull-requests: write\` permission; pull requests from forks only get a read-only token (see the workflow_run pattern in docs/report.md). ${summary}`;
  }
  if (status === 404)
    return `${what} (${detail}): the pull request was not found or the token cannot see it (it needs \`pull-requests: write\`). ${summary}`;
  if (status !== undefined && status < 500 && status !== 408)
    return `${what} (${detail}): GitHub refused the request, so it was not retried. ${summary} If it happens again, open an issue with this message.`;
  return `${what} after retries (${detail}): rerun the job; if it keeps failing, check https://www.githubstatus.com. ${summary}`;
}

/** The fan-in step: render the report, write the job summary, and upsert the sticky PR comment when the gate allows it. */
export async function runReportAction(
  options: ReportActionOptions,
  ports: ReportActionPorts,
): Promise<ReportActionResult> {
  // Read the results before any request: a bad `results` input fails without touching GitHub.
  const loaded = await loadResults(options.root, options.results, { confine: options.confine });
  let decision: GateDecision;
  let pullRequest = options.event.pullRequest;
  let outcome: CommentOutcome = 'skipped';
  let why: string | undefined;
  let commentId: number | undefined;
  let commentUrl: string | undefined;
  try {
    if (!pullRequest && options.event.pullRequestNumber !== undefined && ports.comment)
      pullRequest = await ports.comment.getPullRequest(options.event.pullRequestNumber);
    decision = gateComment(options.event.name, pullRequest, options.labels);
  } catch (error) {
    decision = {
      comment: false,
      why: `the pull request could not be read (${redactCredentials((error as Error).message.split('\n')[0] ?? '')})`,
    };
  }
  const mismatch =
    decision.comment && options.event.triggeringRun
      ? headMismatch(decision.pullRequest, options.event.triggeringRun)
      : undefined;
  // The trend across pushes belongs to the comment this run writes: read and extend it only then.
  const commenting = decision.comment && mismatch === undefined && ports.comment !== undefined;
  // One listing of the comments serves both the history read back and the upsert below.
  let found: FoundComment | undefined;
  if (commenting && decision.comment && ports.comment) {
    try {
      found = await ports.comment.find(decision.pullRequest.number);
    } catch (error) {
      ports.warning(
        `Could not read the earlier comment for the trend across pushes (${redactCredentials((error as Error).message.split('\n')[0] ?? '')}); the report shows this push only.`,
      );
    }
  }
  const built = await buildReport(
    {
      ...options,
      previousBody: options.push && commenting ? found?.body : undefined,
      push: commenting ? options.push : undefined,
    },
    loaded,
  );
  if (loaded.refused.length > 0)
    ports.warning(
      `Left out ${loaded.refused.length} result file(s) that link outside the workspace: ${loaded.refused.slice(0, 5).join(', ')}`,
    );
  if (loaded.truncated)
    ports.warning(
      `Stopped after ${loaded.rows.length + loaded.unreadable.length + loaded.skipped} result files; narrow the \`results\` input.`,
    );
  if (loaded.superseded.length > 0)
    ports.info(
      `Re-run jobs: kept each one's latest attempt and left out ${loaded.superseded.length} earlier result file(s): ${loaded.superseded.slice(0, 5).join(', ')}`,
    );
  if (loaded.rows.length === 0) ports.warning(`No agg result JSON found in "${options.results}".`);
  if (!decision.comment) {
    why = decision.why;
  } else if (mismatch !== undefined) {
    why = mismatch;
    ports.warning(`No pull request comment: ${why}. The report is in the job summary only.`);
  } else if (!ports.comment) {
    why = 'no token (input `github-token`) or repository (GITHUB_REPOSITORY) to comment with';
  } else {
    try {
      const result = found
        ? await found.upsert(built.comment.markdown)
        : await ports.comment.upsert(decision.pullRequest.number, built.comment.markdown);
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
  return {
    counts: built.comment.counts,
    comment: outcome,
    why,
    commentId,
    commentUrl,
    rowsLeftOut: built.comment.rowsLeftOut,
    loaded,
    comparison: built.comparison,
  };
}
