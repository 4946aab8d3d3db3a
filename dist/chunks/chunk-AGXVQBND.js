import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  COMMENT_LIMIT_CHARS,
  SUMMARY_LIMIT_BYTES,
  appendPush,
  changes,
  compareRuns,
  comparisonJson,
  configHash,
  encodeHistoryBlock,
  latestByConfig,
  readHistoryBlock,
  renderReport
} from "./chunk-XQ4LLTLI.js";
import {
  loadResults
} from "./chunk-PJCUZUER.js";
import {
  isRateLimited
} from "./chunk-A3GTAV63.js";
import {
  gateComment,
  headMismatch
} from "./chunk-GDY5Q3FJ.js";
import {
  safeUrl
} from "./chunk-XKQWIWGY.js";
import {
  redactCredentials
} from "./chunk-L2B7OZ5H.js";
import {
  writeFileAtomic
} from "./chunk-KRTMRXDF.js";

// src/commands/report.ts
var MARKER_RESERVE = 200;
var utf8Bytes = (text) => Buffer.byteLength(text, "utf8");
async function buildReport(options, preloaded) {
  const loaded = preloaded ?? await loadResults(options.root, options.results, { confine: options.confine });
  const notes = [...options.notes ?? []];
  let baselineLoaded;
  let baselineRuns = options.baselineRuns;
  if (options.baseline !== void 0) {
    baselineLoaded = await loadResults(options.root, options.baseline, { confine: options.confine });
    baselineRuns = { rows: baselineLoaded.rows, history: [baselineLoaded.rows] };
    if (baselineLoaded.rows.length === 0)
      notes.push(`No agg result JSON found in the baseline "${options.baseline}": no deltas.`);
  }
  const comparison = baselineRuns && baselineRuns.rows.length > 0 ? compareRuns(loaded.rows, baselineRuns.rows, { threshold: options.threshold, history: baselineRuns.history }) : void 0;
  let historyBlock = "";
  let trends;
  if (options.push) {
    const read = readHistoryBlock(options.previousBody);
    if (read.problem) notes.push(`Earlier pushes not shown: ${read.problem}, so it was ignored.`);
    const figures = /* @__PURE__ */ new Map();
    const hashes = /* @__PURE__ */ new Map();
    for (const [key, side] of latestByConfig(loaded.rows)) {
      const hash = configHash(key);
      hashes.set(key, hash);
      const j = side.latest.joulesPerOutputToken;
      if (side.latest.status === "valid" && j !== void 0 && j > 0) figures.set(hash, j);
    }
    const history = appendPush(read.history ?? { pushes: [], values: /* @__PURE__ */ new Map() }, options.push, figures);
    const priority = comparison ? changes(comparison).map((c) => configHash(c.key)) : [];
    const encoded = encodeHistoryBlock(history, priority);
    historyBlock = encoded.block;
    if (encoded.configsLeftOut > 0)
      notes.push(
        `The trend across pushes is kept for ${(hashes.size - encoded.configsLeftOut).toLocaleString("en-US")} of ${hashes.size.toLocaleString("en-US")} configs (changed ones first) to bound the comment's size.`
      );
    if (history.pushes.length > 1) {
      trends = /* @__PURE__ */ new Map();
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
    baseline: comparison ? options.baselineLabel ?? (options.baseline !== void 0 ? { label: options.baseline } : void 0) : void 0,
    comparison,
    trends,
    notes
  };
  const comment = renderReport(input, {
    limit: COMMENT_LIMIT_CHARS,
    reserve: MARKER_RESERVE + historyBlock.length + 2
  });
  if (historyBlock !== "") comment.markdown = `${comment.markdown}

${historyBlock}`;
  let summary;
  const summaryOf = () => summary ??= renderReport(input, {
    limit: SUMMARY_LIMIT_BYTES / 2,
    measure: utf8Bytes,
    fullListHint: "the `bmk_*` artifacts of this run"
  });
  if (options.markdownFile) await writeFileAtomic(options.markdownFile, `${summaryOf().markdown}
`);
  if (options.comparisonFile && comparison) {
    const label = options.baselineLabel ?? (options.baseline !== void 0 ? { label: options.baseline } : void 0);
    await writeFileAtomic(options.comparisonFile, `${JSON.stringify(comparisonJson(comparison, label), null, 2)}
`);
  }
  return {
    loaded,
    comment,
    get summary() {
      return summaryOf();
    },
    comparison,
    baselineLoaded,
    historyBlock
  };
}
function commentFailureMessage(number, error) {
  const e = error;
  const message = redactCredentials((e?.message ?? String(error)).split("\n")[0] ?? "");
  const timedOut = /aborted due to timeout|timed? ?out/i.test(message);
  const status = typeof e?.status === "number" && !timedOut ? e.status : void 0;
  const detail = timedOut ? `timed out: ${message}` : `${status ? `HTTP ${status}: ` : ""}${message}`;
  const what = `Could not comment on pull request #${number}`;
  const summary = "The report is in the job summary.";
  if (isRateLimited(error))
    return `${what} after retries (${detail}): GitHub's rate limit for this token did not clear; rerun the job in a few minutes, or let fewer jobs comment at once. ${summary}`;
  if (status === 403 || status === 401) {
    return `${what} (${detail}). The token needs the \`pull-requests: write\` permission; pull requests from forks only get a read-only token (see the workflow_run pattern in docs/report.md). ${summary}`;
  }
  if (status === 404)
    return `${what} (${detail}): the pull request was not found or the token cannot see it (it needs \`pull-requests: write\`). ${summary}`;
  if (status !== void 0 && status < 500 && status !== 408)
    return `${what} (${detail}): GitHub refused the request, so it was not retried. ${summary} If it happens again, open an issue with this message.`;
  return `${what} after retries (${detail}): rerun the job; if it keeps failing, check https://www.githubstatus.com. ${summary}`;
}
async function runReportAction(options, ports) {
  const loaded = await loadResults(options.root, options.results, { confine: options.confine });
  let decision;
  let pullRequest = options.event.pullRequest;
  let outcome = "skipped";
  let why;
  let commentId;
  let commentUrl;
  try {
    if (!pullRequest && options.event.pullRequestNumber !== void 0 && ports.comment)
      pullRequest = await ports.comment.getPullRequest(options.event.pullRequestNumber);
    decision = gateComment(options.event.name, pullRequest, options.labels);
  } catch (error) {
    decision = {
      comment: false,
      why: `the pull request could not be read (${redactCredentials(error.message.split("\n")[0] ?? "")})`
    };
  }
  const mismatch = decision.comment && options.event.triggeringRun ? headMismatch(decision.pullRequest, options.event.triggeringRun) : void 0;
  const commenting = decision.comment && mismatch === void 0 && ports.comment !== void 0;
  let found;
  if (commenting && decision.comment && ports.comment) {
    try {
      found = await ports.comment.find(decision.pullRequest.number);
    } catch (error) {
      ports.warning(
        `Could not read the earlier comment for the trend across pushes (${redactCredentials(error.message.split("\n")[0] ?? "")}); the report shows this push only.`
      );
    }
  }
  const built = await buildReport(
    {
      ...options,
      previousBody: options.push && commenting ? found?.body : void 0,
      push: commenting ? options.push : void 0
    },
    loaded
  );
  if (loaded.refused.length > 0)
    ports.warning(
      `Left out ${loaded.refused.length} result file(s) that link outside the workspace: ${loaded.refused.slice(0, 5).join(", ")}`
    );
  if (loaded.truncated)
    ports.warning(
      `Stopped after ${loaded.rows.length + loaded.unreadable.length + loaded.skipped} result files; narrow the \`results\` input.`
    );
  if (loaded.superseded.length > 0)
    ports.info(
      `Re-run jobs: kept each one's latest attempt and left out ${loaded.superseded.length} earlier result file(s): ${loaded.superseded.slice(0, 5).join(", ")}`
    );
  if (loaded.rows.length === 0) ports.warning(`No agg result JSON found in "${options.results}".`);
  if (!decision.comment) {
    why = decision.why;
  } else if (mismatch !== void 0) {
    why = mismatch;
    ports.warning(`No pull request comment: ${why}. The report is in the job summary only.`);
  } else if (!ports.comment) {
    why = "no token (input `github-token`) or repository (GITHUB_REPOSITORY) to comment with";
  } else {
    try {
      const result = found ? await found.upsert(built.comment.markdown) : await ports.comment.upsert(decision.pullRequest.number, built.comment.markdown);
      outcome = result.action;
      commentId = result.commentId;
      commentUrl = result.url === void 0 ? void 0 : safeUrl(result.url);
    } catch (error) {
      outcome = "failed";
      why = commentFailureMessage(decision.pullRequest.number, error);
      ports.warning(why);
    }
  }
  const note = outcome === "skipped" ? `_No pull request comment: ${why}._` : outcome === "failed" ? "_The pull request comment could not be written; see the warning in the log._" : `_Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}._`;
  if (outcome === "skipped") ports.info(`No pull request comment: ${why}.`);
  else if (outcome !== "failed") ports.info(`Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}.`);
  await ports.writeSummary(`${built.summary.markdown}

${note}
`);
  return {
    counts: built.comment.counts,
    comment: outcome,
    why,
    commentId,
    commentUrl,
    rowsLeftOut: built.comment.rowsLeftOut,
    loaded,
    comparison: built.comparison
  };
}

export {
  buildReport,
  commentFailureMessage,
  runReportAction
};
//# sourceMappingURL=chunk-AGXVQBND.js.map
