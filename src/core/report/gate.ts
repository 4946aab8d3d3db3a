/** Whether the fan-in report may comment, decided the way the sweep workflows gate their jobs. */
export const DEFAULT_LABELS = [
  'sweep-enabled',
  'full-sweep-enabled',
  'non-canary-full-sweep-enabled',
  'full-sweep-fail-fast',
  'full-sweep-fail-fast-no-canary',
];

export interface PullRequestInfo {
  number: number;
  draft: boolean;
  labels: string[];
  /** Head commit and repository (`owner/name`), when read from the API. */
  headSha?: string;
  headRepository?: string;
}

/** The run a `workflow_run` event reports on: what it built, and from which repository. */
export interface TriggeringRun {
  headSha?: string;
  headRepository?: string;
}

/**
 * Under `workflow_run` the pull request number is only a hint (from the payload, or an artifact a
 * fork wrote). The comment goes to that pull request only when its head is what the run built, in
 * the same repository; otherwise the reason, for a warning.
 */
export function headMismatch(pullRequest: PullRequestInfo, run: TriggeringRun): string | undefined {
  const short = (sha: string | undefined): string =>
    sha === undefined ? 'unknown' : `\`${sha.replace(/[^0-9a-fA-F]/g, '').slice(0, 12)}\``;
  const name = (repo: string | undefined): string =>
    repo === undefined ? 'unknown' : `\`${repo.replace(/[^\w./-]/g, '_')}\``;
  if (!run.headSha)
    return `the workflow_run event names no head commit, so pull request #${pullRequest.number} cannot be checked against it`;
  if (pullRequest.headSha !== run.headSha) {
    return `pull request #${pullRequest.number} has head ${short(pullRequest.headSha)}, but the triggering run built ${short(run.headSha)}: the number does not belong to this run`;
  }
  if (run.headRepository !== undefined && pullRequest.headRepository !== run.headRepository) {
    return `pull request #${pullRequest.number} comes from ${name(pullRequest.headRepository)}, but the triggering run built ${name(run.headRepository)}: the number does not belong to this run`;
  }
  return undefined;
}

export type GateDecision = { comment: true; pullRequest: PullRequestInfo } | { comment: false; why: string };

/** `a, b,c` or one per line → list; an empty input means "no label required". */
export function parseLabels(input: string): string[] {
  return input
    .split(/[,\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((l) =>
      typeof l === 'string'
        ? l
        : typeof l === 'object' && l !== null
          ? String((l as { name?: unknown }).name ?? '')
          : '',
    )
    .filter((n) => n !== '');
}

/** The pull request carried by a `pull_request` event payload, if any. */
export function pullRequestFromEvent(payload: Record<string, unknown>): PullRequestInfo | undefined {
  const pr = payload.pull_request as Record<string, unknown> | undefined;
  if (!pr || typeof pr.number !== 'number') return undefined;
  return { number: pr.number, draft: pr.draft === true, labels: labelNames(pr.labels) };
}

export function gateComment(
  eventName: string,
  pullRequest: PullRequestInfo | undefined,
  requiredLabels: readonly string[],
): GateDecision {
  if (eventName !== 'pull_request' && eventName !== 'workflow_run') {
    return {
      comment: false,
      why: `the event is \`${eventName || 'unknown'}\`; the report comments only on pull requests`,
    };
  }
  if (!pullRequest) return { comment: false, why: 'the event carries no pull request' };
  if (pullRequest.draft) return { comment: false, why: `pull request #${pullRequest.number} is a draft` };
  if (requiredLabels.length > 0 && !pullRequest.labels.some((l) => requiredLabels.includes(l))) {
    return {
      comment: false,
      why: `pull request #${pullRequest.number} has none of the labels ${requiredLabels.map((l) => `\`${l}\``).join(', ')}`,
    };
  }
  return { comment: true, pullRequest };
}
