/**
 * Bounded retries for GitHub API calls. The client @actions/github builds gets three plugins:
 * a per-attempt timeout (below), @octokit/plugin-retry (5xx, network errors and timeouts, waiting
 * n² × `baseDelayMs` after the n-th failure) and @octokit/plugin-throttling (primary and secondary
 * rate limits, honouring `retry-after` and the rate-limit reset, and GitHub's spacing of writes).
 *
 * One step stays hand-written, in `comment.ts`: creating a comment is not idempotent (a create whose
 * response was lost may have landed), so the plugins never repeat a request sent with
 * `request: { retries: 0 }`; the sticky comment looks for its comment again before each new try,
 * waiting `delayFor`. The plugins cannot look before they repeat a request.
 *
 * This module holds the policy and the error classification only; the client is in `client.ts`, so that
 * the CLI, which words comment failures too, does not load the GitHub client.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /**
   * The time unit of every wait: the first backoff, and what one second of a server's `retry-after`
   * or of GitHub's write spacing lasts. 1000 outside tests, which shrink it to stay fast.
   */
  baseDelayMs: number;
  /** Longest wait a server may ask for (in real seconds); a longer one is not waited for. */
  maxDelayMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (message: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000, timeoutMs: 30_000 };

interface HttpishError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function header(error: HttpishError, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as HttpishError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A secondary (abuse) or primary rate limit: 429, or 403 with retry-after / remaining 0 / the message. */
export function isRateLimited(error: unknown): boolean {
  const e = error as HttpishError;
  const status = statusOf(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  return (
    header(e, 'retry-after') !== undefined ||
    header(e, 'x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(e.message ?? '')
  );
}

export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return true; // network error
  return status >= 500 || status === 408 || isRateLimited(error);
}

/** How long the comment create waits before it looks again: the server's retry-after or rate-limit reset, else backoff. */
export function delayFor(error: unknown, attempt: number, policy: RetryPolicy, nowMs = Date.now()): number {
  const e = error as HttpishError;
  const unit = policy.baseDelayMs / 1000;
  const retryAfter = header(e, 'retry-after');
  if (retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim()))
    return Math.min(Number(retryAfter) * 1000, policy.maxDelayMs) * unit;
  const reset = header(e, 'x-ratelimit-reset');
  if (isRateLimited(error) && reset !== undefined && /^\d+$/.test(reset))
    return Math.min(Math.max(Number(reset) * 1000 - nowMs, 0), policy.maxDelayMs) * unit;
  if (isRateLimited(error)) return Math.min(60_000, policy.maxDelayMs) * unit; // GitHub asks for at least a minute
  return policy.baseDelayMs * (attempt + 1) ** 2;
}
