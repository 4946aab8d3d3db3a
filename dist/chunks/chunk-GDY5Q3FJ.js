import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/report/gate.ts
var DEFAULT_LABELS = [
  "sweep-enabled",
  "full-sweep-enabled",
  "non-canary-full-sweep-enabled",
  "full-sweep-fail-fast",
  "full-sweep-fail-fast-no-canary"
];
function headMismatch(pullRequest, run) {
  const short = (sha) => sha === void 0 ? "unknown" : `\`${sha.replace(/[^0-9a-fA-F]/g, "").slice(0, 12)}\``;
  const name = (repo) => repo === void 0 ? "unknown" : `\`${repo.replace(/[^\w./-]/g, "_")}\``;
  if (!run.headSha)
    return `the workflow_run event names no head commit, so pull request #${pullRequest.number} cannot be checked against it`;
  if (pullRequest.headSha !== run.headSha) {
    return `pull request #${pullRequest.number} has head ${short(pullRequest.headSha)}, but the triggering run built ${short(run.headSha)}: the number does not belong to this run`;
  }
  if (run.headRepository !== void 0 && pullRequest.headRepository !== run.headRepository) {
    return `pull request #${pullRequest.number} comes from ${name(pullRequest.headRepository)}, but the triggering run built ${name(run.headRepository)}: the number does not belong to this run`;
  }
  return void 0;
}
function parseLabels(input) {
  return input.split(/[,\n]/).map((l) => l.trim()).filter((l) => l !== "");
}
function labelNames(labels) {
  if (!Array.isArray(labels)) return [];
  return labels.map(
    (l) => typeof l === "string" ? l : typeof l === "object" && l !== null ? String(l.name ?? "") : ""
  ).filter((n) => n !== "");
}
function pullRequestFromEvent(payload) {
  const pr = payload.pull_request;
  if (!pr || typeof pr.number !== "number") return void 0;
  return { number: pr.number, draft: pr.draft === true, labels: labelNames(pr.labels) };
}
function gateComment(eventName, pullRequest, requiredLabels) {
  if (eventName !== "pull_request" && eventName !== "workflow_run") {
    return {
      comment: false,
      why: `the event is \`${eventName || "unknown"}\`; the report comments only on pull requests`
    };
  }
  if (!pullRequest) return { comment: false, why: "the event carries no pull request" };
  if (pullRequest.draft) return { comment: false, why: `pull request #${pullRequest.number} is a draft` };
  if (requiredLabels.length > 0 && !pullRequest.labels.some((l) => requiredLabels.includes(l))) {
    return {
      comment: false,
      why: `pull request #${pullRequest.number} has none of the labels ${requiredLabels.map((l) => `\`${l}\``).join(", ")}`
    };
  }
  return { comment: true, pullRequest };
}

export {
  DEFAULT_LABELS,
  headMismatch,
  parseLabels,
  pullRequestFromEvent,
  gateComment
};
//# sourceMappingURL=chunk-GDY5Q3FJ.js.map
