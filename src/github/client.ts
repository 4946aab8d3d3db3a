/** The GitHub client @actions/github builds, with the retry and throttling plugins (see `retry.ts`). */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { DEFAULT_RETRY, statusOf, type RetryPolicy } from './retry.js';

export type Octokit = ReturnType<typeof getOctokit>;

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
          policy.onRetry?.(
            `${options.method} ${path}: ${status ? `HTTP ${status}` : 'network error'} (${(error as Error).message}); retry ${attempt + 1} of ${retries}`,
          );
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
  return (
    retryAfter: number,
    options: { method: string; url: string; request?: object },
    _octokit: unknown,
    retryCount: number,
  ): boolean => {
    if ((options.request as { retries?: number } | undefined)?.retries === 0) return false;
    if (retryCount + 1 >= policy.attempts || retryAfter * 1000 > policy.maxDelayMs) return false;
    const path = new URL(options.url, 'http://github.invalid').pathname;
    policy.onRetry?.(
      `${options.method} ${path}: ${kind}; retry ${retryCount + 1} of ${policy.attempts - 1} in ${retryAfter} s`,
    );
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
