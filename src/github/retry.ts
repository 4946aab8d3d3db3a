/** Bounded retries for GitHub API calls: 5xx, timeouts, network errors and rate limits. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff; doubles each retry. */
  baseDelayMs: number;
  /** Longest single wait, also the cap on a server's retry-after. */
  maxDelayMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (message: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000, timeoutMs: 30_000 };

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
  return header(e, 'retry-after') !== undefined || header(e, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(e.message ?? '');
}

export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return true; // network error
  return status >= 500 || status === 408 || isRateLimited(error);
}

/** How long to wait before the next attempt: the server's retry-after or rate-limit reset, else backoff. */
export function delayFor(error: unknown, attempt: number, policy: RetryPolicy, nowMs = Date.now()): number {
  const e = error as HttpishError;
  const retryAfter = header(e, 'retry-after');
  if (retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim())) return Math.min(Number(retryAfter) * 1000, policy.maxDelayMs);
  const reset = header(e, 'x-ratelimit-reset');
  if (isRateLimited(error) && reset !== undefined && /^\d+$/.test(reset)) return Math.min(Math.max(Number(reset) * 1000 - nowMs, 0), policy.maxDelayMs);
  if (isRateLimited(error)) return Math.min(Math.max(policy.baseDelayMs, 1) * 30, policy.maxDelayMs); // GitHub asks for at least a minute; capped
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

/** Runs `call` with a timeout signal, retrying transient failures with backoff; rethrows the last error. */
export async function withRetry<T>(what: string, policy: RetryPolicy, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(AbortSignal.timeout(policy.timeoutMs));
    } catch (error) {
      if (attempt + 1 >= policy.attempts || !isTransient(error)) throw error;
      const wait = delayFor(error, attempt, policy);
      const status = statusOf(error);
      policy.onRetry?.(`${what}: ${status ? `HTTP ${status}` : 'network error'} (${(error as Error).message}); retry ${attempt + 1} of ${policy.attempts - 1} in ${Math.round(wait / 100) / 10} s`);
      await sleep(wait);
    }
  }
}
