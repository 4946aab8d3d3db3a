import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/client.js';
import { delayFor, isRateLimited, isTransient, DEFAULT_RETRY, type RetryPolicy } from '../../src/github/retry.js';
import { FakeGitHub } from '../fakes/github.js';

const err = (status: number | undefined, headers: Record<string, string> = {}, message = 'x') =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('retry classification (the comment create loop)', () => {
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

  it('waits as the server asks, capped, else backs off quadratically like the client plugin', () => {
    expect(delayFor(err(403, { 'retry-after': '3' }), 0, DEFAULT_RETRY)).toBe(3000);
    expect(delayFor(err(403, { 'retry-after': '3600' }), 0, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(
      delayFor(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '110' }), 0, DEFAULT_RETRY, 100_000),
    ).toBe(10_000);
    // Third failure (attempt index 2): 3² x 1 s.
    expect(delayFor(err(500), 2, DEFAULT_RETRY)).toBe(9000);
    // A shorter time unit scales the server's retry-after too: 3 s at 20 ms per second.
    expect(delayFor(err(403, { 'retry-after': '3' }), 0, { ...DEFAULT_RETRY, baseDelayMs: 20 })).toBe(60);
  });
});

// The client @actions/github builds, with the retry and throttling plugins, against a loopback fake GitHub.
describe('the GitHub client: bounded retries, rate limits and timeouts', () => {
  const OWNER = 'acme';
  const REPO = 'sweeps';
  const TOKEN = 'ghs_retrytesttoken0000000000000000000000';
  let github: FakeGitHub;
  const retries: string[] = [];
  // 10 ms stands for one second: a retry-after of 1 s waits 10 ms, the backoffs are 10, 40 and 90 ms.
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY,
    baseDelayMs: 10,
    timeoutMs: 300,
    onRetry: (message) => void retries.push(message),
  };
  const client = () => createOctokit(TOKEN, policy, github.url);
  const pullGets = () => github.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pulls/7'));

  beforeAll(async () => {
    github = await new FakeGitHub(OWNER, REPO, TOKEN).start();
    github.pulls.set(7, { number: 7, draft: false, labels: [] });
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    github.server.clearFailures();
    github.server.requests.length = 0;
    retries.length = 0;
  });

  it('retries a 5xx up to the bound, then rethrows it', async () => {
    github.server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 503, times: 100 });
    await expect(client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).rejects.toMatchObject({
      status: 503,
    });
    expect(pullGets()).toHaveLength(DEFAULT_RETRY.attempts);
    expect(retries).toHaveLength(DEFAULT_RETRY.attempts - 1);
    expect(retries[0]).toMatch(/HTTP 503.*retry 1 of 3/);
  });

  it('retries a 5xx that clears and returns the answer', async () => {
    github.server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 502, times: 2 });
    const { data } = await client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(data.number).toBe(7);
    expect(pullGets()).toHaveLength(3);
  });

  it('does not retry a 403 that is a missing permission', async () => {
    github.server.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      status: 403,
      times: 100,
      body: { message: 'Resource not accessible by integration' },
    });
    await expect(client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).rejects.toMatchObject({
      status: 403,
    });
    expect(pullGets()).toHaveLength(1);
  });

  it('honours a secondary rate limit: waits the retry-after, then succeeds', async () => {
    github.server.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '30' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const started = Date.now();
    const { data } = await client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(data.number).toBe(7);
    expect(pullGets()).toHaveLength(2);
    // 30 s of retry-after at 10 ms per second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(retries.join('\n')).toMatch(/secondary rate limit; retry 1 of 3 in 30 s/);
  });

  it('gives up on a rate limit that asks for longer than the longest wait', async () => {
    github.server.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      status: 403,
      times: 100,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    await expect(client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).rejects.toMatchObject({
      status: 403,
    });
    expect(pullGets()).toHaveLength(1);
  });

  it('bounds a hang by the per-attempt timeout, retried up to the bound', async () => {
    github.server.fail({ method: 'GET', path: /\/pulls\/7$/, hang: true, times: 100 });
    const started = Date.now();
    await expect(client().rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).rejects.toThrow(/timeout/i);
    expect(pullGets()).toHaveLength(DEFAULT_RETRY.attempts);
    // Four attempts of 300 ms and 140 ms of backoff, well under one real timeout.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 300);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('never repeats a request sent with retries: 0 (a comment create)', async () => {
    github.server.fail({ method: 'POST', path: /\/comments$/, status: 502, times: 100 });
    await expect(
      client().rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'x',
        request: { retries: 0 },
      }),
    ).rejects.toMatchObject({ status: 502 });
    github.server.clearFailures();
    github.server.fail({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      times: 100,
      headers: { 'retry-after': '0' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    await expect(
      client().rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'x',
        request: { retries: 0 },
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(github.server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});
