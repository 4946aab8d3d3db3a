import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import type { InjectedFailure } from '../fakes/http.js';
import { OWNER, REPO, TOKEN, pullRequestEvent, runAction, sweepWorkspace, type ActionRun } from './action.js';

// GitHub API faults on the comment, end to end through the built action: each gives one warning
// that says what to do, the step succeeds with `comment: failed` (the report is in the summary),
// only safe calls are retried, and a create is never repeated without looking for it first.

const PR = 7;
const distDir = inject('distDir');
let github: FakeGitHub;

beforeAll(async () => {
  github = await new FakeGitHub(OWNER, REPO, TOKEN).start();
});
afterAll(() => github.stop());
beforeEach(() => {
  github.comments.length = 0;
  github.pulls.clear();
  github.pulls.set(PR, { number: PR, draft: false, labels: ['sweep-enabled'] });
  github.server.clearFailures();
  github.server.requests.length = 0;
});

async function report(env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(distDir, {
    workspace: sweepWorkspace(2),
    apiUrl: github.url,
    event: pullRequestEvent(PR, ['sweep-enabled']),
    env,
    inputs: { mode: 'report', results: 'results', 'github-token': TOKEN, 'comment-key': 'Run sweep' },
  });
}

const isCreate = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path.endsWith(`/issues/${PR}/comments`);
const isList = (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith(`/issues/${PR}/comments`);

/** Every create after the first follows a fresh listing of the comments: nothing is re-POSTed blindly. */
function expectNoBlindRepost(): void {
  const calls = github.server.requests.filter((r) => isCreate(r) || isList(r));
  calls.forEach((call, i) => {
    if (isCreate(call) && i > 0)
      expect(isList(calls[i - 1] as (typeof calls)[number]), `request ${i} re-POSTs without listing first`).toBe(true);
  });
}

interface FaultCase {
  name: string;
  failure: Omit<InjectedFailure, 'path'>;
  /** Creates the action may send: 1 for what is not retried, 4 (the first and 3 retries) for what is. */
  creates: number;
  warning: RegExp[];
  /** Text the warning must not hold: advice for a different cause. */
  forbid?: string[];
  env?: Record<string, string>;
}

const CASES: FaultCase[] = [
  {
    name: '403 without a rate limit (read-only token)',
    failure: { status: 403, body: { message: 'Resource not accessible by integration' } },
    creates: 1,
    warning: [/HTTP 403/, /`pull-requests: write`/, /workflow_run pattern/, /job summary/],
  },
  {
    name: '404 (pull request gone or invisible to the token)',
    failure: { status: 404, body: { message: 'Not Found' } },
    creates: 1,
    warning: [/HTTP 404/, /not found or the token cannot see it/, /`pull-requests: write`/],
  },
  {
    name: '422 (GitHub refuses the body)',
    failure: { status: 422, body: { message: 'Validation Failed' } },
    creates: 1,
    warning: [/HTTP 422/, /not retried/, /job summary/],
    forbid: ['after retries'],
  },
  {
    name: '500 on every attempt',
    failure: { status: 500, body: { message: 'Server Error' } },
    creates: 4,
    warning: [/HTTP 500/, /after retries/, /rerun the job/],
  },
  {
    name: '502 on every attempt',
    failure: { status: 502, body: { message: 'Bad Gateway' } },
    creates: 4,
    warning: [/HTTP 502/, /after retries/, /rerun the job/],
  },
  {
    name: 'a secondary rate limit (403 with retry-after) on every attempt',
    failure: {
      status: 403,
      headers: { 'retry-after': '0' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    },
    creates: 4,
    warning: [/HTTP 403/, /rate limit for this token did not clear/, /after retries/, /rerun the job in a few minutes/],
    forbid: ['pull-requests: write'],
  },
  {
    name: 'a hang on every attempt (the request times out)',
    failure: { hang: true },
    creates: 4,
    warning: [/timed out: /, /after retries/, /rerun the job/],
    forbid: ['HTTP 500'],
    env: { SWEEP_POWER_HTTP_TIMEOUT_MS: '150' },
  },
];

describe('comment API faults through the built action', () => {
  for (const fault of CASES) {
    it(`${fault.name}: one warning that says what to do, bounded retries, no duplicate`, async () => {
      github.server.fail({ method: 'POST', path: /\/issues\/\d+\/comments$/, times: 100, ...fault.failure });
      const started = Date.now();
      const run = await report(fault.env);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.comment).toBe('failed');
      expect(run.warnings, run.stdout).toHaveLength(1);
      for (const pattern of fault.warning) expect(run.warnings[0]).toMatch(pattern);
      for (const text of fault.forbid ?? []) expect(run.warnings[0]).not.toContain(text);
      expect(run.stdout).not.toMatch(/::error/);
      expect(github.server.requests.filter(isCreate)).toHaveLength(fault.creates);
      expectNoBlindRepost();
      expect(github.commentsOn(PR)).toHaveLength(0);
      // The report still reaches the job summary, with a note pointing at the warning.
      expect(run.summary).toContain('**2 configs**');
      expect(run.summary).toContain('could not be written; see the warning in the log');
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  }

  it('a 5xx on the update of an existing comment is retried (PATCH is idempotent) and never becomes a second comment', async () => {
    const existing = github.addComment(PR, 'github-actions[bot]', '<!-- sweep-power:report key=Run_sweep -->\nold');
    github.server.fail({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 502, times: 2 });
    const run = await report();
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('updated');
    expect(run.warnings).toEqual([]);
    expect(github.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
    expect(github.server.requests.filter(isCreate)).toHaveLength(0);
    expect(github.commentsOn(PR).map((c) => c.id)).toEqual([existing.id]);
  });

  it('a 403 on the update (a comment the token cannot edit) is not retried and creates nothing', async () => {
    github.addComment(PR, 'github-actions[bot]', '<!-- sweep-power:report key=Run_sweep -->\nold');
    github.server.fail({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await report();
    expect(run.outputs.comment).toBe('failed');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('pull-requests: write');
    expect(github.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(github.server.requests.filter(isCreate)).toHaveLength(0);
    expect(github.commentsOn(PR)).toHaveLength(1);
  });
});
