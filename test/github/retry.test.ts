import { describe, expect, it } from 'vitest';
import { delayFor, isRateLimited, isTransient, withRetry, DEFAULT_RETRY } from '../../src/github/retry.js';

const err = (status: number | undefined, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });

describe('retry policy', () => {
  it('classifies transient errors', () => {
    expect(isTransient(err(502))).toBe(true);
    expect(isTransient(err(undefined))).toBe(true);
    expect(isTransient(err(403, {}, 'Resource not accessible by integration'))).toBe(false);
    expect(isTransient(err(404))).toBe(false);
    expect(isTransient(err(422))).toBe(false);
    expect(isRateLimited(err(403, { 'retry-after': '3' }))).toBe(true);
    expect(isRateLimited(err(403, {}, 'You have exceeded a secondary rate limit'))).toBe(true);
    expect(isRateLimited(err(429))).toBe(true);
  });

  it('waits as the server asks, capped, else backs off exponentially', () => {
    expect(delayFor(err(403, { 'retry-after': '3' }), 0, DEFAULT_RETRY)).toBe(3000);
    expect(delayFor(err(403, { 'retry-after': '3600' }), 0, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(delayFor(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '110' }), 0, DEFAULT_RETRY, 100_000)).toBe(10_000);
    expect(delayFor(err(500), 2, DEFAULT_RETRY)).toBe(8000);
  });

  it('retries up to the bound and rethrows the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const policy = { ...DEFAULT_RETRY, attempts: 3, sleep: async (ms: number) => void waits.push(ms) };
    await expect(withRetry('x', policy, async () => { calls++; throw err(503); })).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 4000]);
    calls = 0;
    await expect(withRetry('x', policy, async () => { calls++; throw err(403, {}, 'Forbidden'); })).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);
  });
});
