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
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

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

export type Octokit = ReturnType<typeof getOctokit>;

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

/** How long the comment create waits before it looks again: the server's retry-after or rate-limit reset, else backoff. */
export function delayFor(error: unknown, attempt: number, policy: RetryPolicy, nowMs = Date.now()): number {
  const e = error as HttpishError;
  const unit = policy.baseDelayMs / 1000;
  const retryAfter = header(e, 'retry-after');
  if (retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim())) return Math.min(Number(retryAfter) * 1000, policy.maxDelayMs) * unit;
  const reset = header(e, 'x-ratelimit-reset');
  if (isRateLimited(error) && reset !== undefined && /^\d+$/.test(reset)) return Math.min(Math.max(Number(reset) * 1000 - nowMs, 0), policy.maxDelayMs) * unit;
  if (isRateLimited(error)) return Math.min(60_000, policy.maxDelayMs) * unit; // GitHub asks for at least a minute
  return policy.baseDelayMs * (attempt + 1) ** 2;
}

interface AttemptOptions {
  method: string;
  url: string;
  request?: { retries?: number; retryCount?: number; signal?: AbortSignal };
}

type RequestFn = (options: AttemptOptions) => Promise<unknown>;
interface HookHost {
  hook: { wrap: (name: 'request', wrapper: (request: RequestFn, options: AttemptOptions) => Promise<unknown>) => void };
}

/**
 * A plugin that gives each attempt its own timeout and says when one is retried. Registered before
 * plugin-retry, so its wrapper is inside the retry loop and runs once per attempt.
 */
function perAttempt(policy: RetryPolicy) {
  return (octokit: HookHost): Record<string, never> => {
    // Octokit's inner hooks read the options object the call started with, not the one passed on, so
    // each attempt sets its signal on that object (a fresh `request`, never the shared defaults).
    const callerSignals = new WeakMap<AttemptOptions, AbortSignal | undefined>();
    octokit.hook.wrap('request', async (request, options) => {
      if (!callerSignals.has(options)) callerSignals.set(options, options.request?.signal);
      const caller = callerSignals.get(options);
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      options.request = { ...options.request, signal: caller ? AbortSignal.any([caller, timeout]) : timeout };
      try {
        return await request(options);
      } catch (error) {
        const status = statusOf(error);
        const attempt = options.request?.retryCount ?? 0;
        const retries = options.request?.retries ?? policy.attempts - 1;
        const retried = (status === undefined || status >= 500 || status === 408) && attempt < retries;
        if (retried) {
          const path = new URL(options.url, 'http://github.invalid').pathname;
          policy.onRetry?.(`${options.method} ${path}: ${status ? `HTTP ${status}` : 'network error'} (${(error as Error).message}); retry ${attempt + 1} of ${retries}`);
        }
        throw error;
      }
    });
    return {};
  };
}

/**
 * The rate-limit handler: retry while attempts remain, the request may be repeated, and the wait
 * the server asks for is within `maxDelayMs`.
 */
function onLimit(policy: RetryPolicy, kind: string) {
  return (retryAfter: number, options: { method: string; url: string; request?: object }, _octokit: unknown, retryCount: number): boolean => {
    if ((options.request as { retries?: number } | undefined)?.retries === 0) return false;
    if (retryCount + 1 >= policy.attempts || retryAfter * 1000 > policy.maxDelayMs) return false;
    const path = new URL(options.url, 'http://github.invalid').pathname;
    policy.onRetry?.(`${options.method} ${path}: ${kind}; retry ${retryCount + 1} of ${policy.attempts - 1} in ${retryAfter} s`);
    return true;
  };
}

/** The Octokit of @actions/github with bounded retries, rate-limit handling and per-attempt timeouts. */
export function createOctokit(token: string, policy: RetryPolicy = DEFAULT_RETRY, baseUrl?: string): Octokit {
  const unit = policy.baseDelayMs / 1000;
  return getOctokit(
    token,
    {
      ...(baseUrl === undefined ? {} : { baseUrl }),
      retry: {
        retries: policy.attempts - 1,
        retryAfterBaseValue: policy.baseDelayMs,
        // Rate limits (403, 429) are the throttling plugin's; other 4xx are final.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        retryAfterBaseValue: 1000 * unit,
        fallbackSecondaryRateRetryAfter: 60,
        // GitHub's spacing of writes (1 s, 3 s for what notifies), in this policy's time unit.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * unit }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * unit }),
        onRateLimit: onLimit(policy, 'rate limit'),
        onSecondaryRateLimit: onLimit(policy, 'secondary rate limit'),
      },
    },
    perAttempt(policy) as never,
    retry,
    throttling,
  );
}
