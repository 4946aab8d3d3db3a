import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { symlinkSync } from 'node:fs';
import { DEFAULT_HEAD_SHA, FakeGitHub } from '../fakes/github.js';
import {
  OWNER,
  REPO,
  RUN_ID,
  TOKEN,
  withoutMaskCommands,
  aggJson,
  pullRequestEvent,
  runAction,
  sweepWorkspace,
  type ActionRun,
  type ActionSetup,
} from './action.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

const PR = 7;
const MARKER = '<!-- sweep-power:report key=Run_sweep -->';
let github: FakeGitHub;
const distDir = inject('distDir');

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
  github.pageSize = 100;
  github.lostCreateResponses = 0;
});

const runs: ActionRun[] = [];
afterEach(() => {
  // The token must never leak into logs, outputs or the summary.
  for (const run of runs.splice(0)) {
    for (const text of [withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs)])
      expect(text).not.toContain(TOKEN);
  }
});

async function report(
  workspace: string,
  overrides: Partial<ActionSetup> = {},
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const run = await runAction(distDir, {
    workspace,
    apiUrl: github.url,
    event: pullRequestEvent(PR, ['sweep-enabled']),
    ...overrides,
    inputs: { mode: 'report', results: 'results', 'github-token': TOKEN, 'comment-key': 'Run sweep', ...inputs },
  });
  runs.push(run);
  return run;
}

describe('mode: report end to end', () => {
  it('writes one sticky comment, updates it on the next run and leaves other comments alone', async () => {
    github.pageSize = 2; // ours ends up on page 3: pagination must be followed
    const alice = github.addComment(PR, 'alice', `${MARKER}\nI copied the marker`);
    const otherKey = github.addComment(
      PR,
      'github-actions[bot]',
      '<!-- sweep-power:report key=Other -->\nother workflow',
    );
    github.addComment(PR, 'bob', 'LGTM');
    github.addComment(PR, 'carol', 'nit');
    const ws = sweepWorkspace(3, (i) => (i === 2 ? aggJson(i, { power_valid: 0 }) : aggJson(i)));
    writeFile(
      ws,
      'results/bmk_run_2/power_validation_run_2.json',
      JSON.stringify({ power_valid: false, reasons: ['sampling_gap_exceeded'] }),
    );

    const first = await report(ws);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.comment).toBe('created');
    const ours = github
      .commentsOn(PR)
      .filter((c) => c.body.startsWith(`${MARKER}\n`) && c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    const body = ours[0]!.body;
    expect(body).toContain(`[inference](https://inferencex.semianalysis.com/inference?unofficialRun=${RUN_ID})`);
    expect(body).toContain(`[evaluation](https://inferencex.semianalysis.com/evaluation?unofficialRun=${RUN_ID})`);
    expect(body).toContain(`sweep run [${RUN_ID}](https://github.com/${OWNER}/${REPO}/actions/runs/${RUN_ID})`);
    expect(body).toContain('**3 configs** · ✅ 2 valid · ❌ 1 invalid · ➖ 0 without power data');
    expect(body).toContain('<details><summary><b>deepseek-ai/⁠DeepSeek-R1</b> · vllm · fp8 · 3 configs</summary>');
    expect(body).toContain('| b200 | 1024/1024 | 2 | single\\-node | – | 9.6 | 0.104 | 601.0 | 288.0 kJ |');
    expect(body).toContain('<details><summary>Invalid power: 1 config</summary>');
    expect(body).toContain('sampling\\_gap\\_exceeded');
    expect(first.outputs).toMatchObject({
      'results-total': '3',
      'results-valid': '2',
      'results-invalid': '1',
      'results-missing': '0',
      'rows-left-out': '0',
      'comment-id': String(ours[0]!.id),
    });
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${ours[0]!.id}`);
    expect(first.summary).toContain('**3 configs**');
    expect(first.summary).toContain('Pull request comment created');
    expect(first.warnings).toEqual([]);

    writeFile(ws, 'results/bmk_run_3/agg_run_3.json', JSON.stringify(aggJson(3)));
    const second = await report(ws);
    expect(second.outputs.comment).toBe('updated');
    const after = github
      .commentsOn(PR)
      .filter((c) => c.body.startsWith(`${MARKER}\n`) && c.user.login === 'github-actions[bot]');
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(ours[0]!.id);
    expect(after[0]!.body).toContain('**4 configs**');

    const third = await report(ws);
    expect(third.outputs.comment).toBe('unchanged');
    expect(github.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    expect(github.comments.find((c) => c.id === alice.id)!.body).toBe(`${MARKER}\nI copied the marker`);
    expect(github.comments.find((c) => c.id === otherKey.id)!.body).toBe(
      '<!-- sweep-power:report key=Other -->\nother workflow',
    );
    expect(github.commentsOn(PR)).toHaveLength(5);
  });

  it('matches only comments of the token user: an app token leaves the Actions bot comment alone', async () => {
    const botComment = github.addComment(PR, 'github-actions[bot]', `${MARKER}\nold report by another token`);
    github.viewer = 'sweep-app[bot]';
    try {
      const run = await report(sweepWorkspace(1));
      expect(run.outputs.comment).toBe('created');
      expect(github.comments.find((c) => c.id === botComment.id)!.body).toBe(`${MARKER}\nold report by another token`);
      expect(github.commentsOn(PR).map((c) => c.user.login)).toEqual(['github-actions[bot]', 'sweep-app[bot]']);
    } finally {
      github.viewer = 'github-actions[bot]';
    }
  });

  it('falls back to the Actions bot when the token cannot say who it is', async () => {
    const ours = github.addComment(PR, 'github-actions[bot]', `${MARKER}\nprevious report`);
    github.server.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await report(sweepWorkspace(1));
    expect(run.outputs.comment).toBe('updated');
    expect(run.outputs['comment-id']).toBe(String(ours.id));
    expect(github.commentsOn(PR)).toHaveLength(1);
  });

  it('lists the pull request comments once per run: the earlier body and the comment to update come from one listing', async () => {
    github.pageSize = 2;
    github.addComment(PR, 'alice', 'first');
    github.addComment(PR, 'bob', 'LGTM');
    github.addComment(PR, 'carol', 'nit');
    const ws = sweepWorkspace(2, (i) => aggJson(i));
    const listings = () =>
      github.server.requests.filter(
        (r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      );
    const viewerQueries = () => github.server.requests.filter((r) => r.method === 'POST' && r.path === '/graphql');

    // Three comments at two a page: one listing is pages 1 and 2.
    const first = await report(ws);
    expect(first.outputs.comment).toBe('created');
    expect(listings().map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(viewerQueries()).toHaveLength(1);

    // Four comments now, ours among them: still one listing of two pages, then one update.
    github.server.requests.length = 0;
    writeFile(ws, 'results/bmk_run_2/agg_run_2.json', JSON.stringify(aggJson(2)));
    const second = await report(ws);
    expect(second.outputs.comment).toBe('updated');
    expect(listings().map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(viewerQueries()).toHaveLength(1);
    expect(github.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(github.commentsOn(PR)).toHaveLength(4);
  });

  it('degrades to the summary with one warning naming pull-requests: write on 403', async () => {
    github.server.fail({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await report(sweepWorkspace(2));
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('failed');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('pull-requests: write');
    expect(run.warnings[0]).toContain('HTTP 403');
    expect(run.summary).toContain('**2 configs**');
    expect(run.summary).toContain('could not be written');
    expect(github.commentsOn(PR)).toHaveLength(0);
  });

  it('retries 5xx, secondary rate limits and timeouts, then succeeds', async () => {
    github.server.fail({ method: 'GET', path: /\/comments$/, status: 502, times: 2 });
    github.server.fail({
      method: 'POST',
      path: /\/comments$/,
      status: 403,
      headers: { 'retry-after': '0' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    github.server.fail({ method: 'POST', path: /\/comments$/, hang: true });
    const run = await report(sweepWorkspace(1), { env: { SWEEP_POWER_HTTP_TIMEOUT_MS: '500' } });
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('created');
    expect(run.warnings).toEqual([]);
    expect(run.stdout).toMatch(/HTTP 502.*retry 1 of 3/);
    expect(github.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(3);
    expect(github.commentsOn(PR)).toHaveLength(1);
  });

  it('does not duplicate the comment when a create landed but its response was lost', async () => {
    github.lostCreateResponses = 1;
    const run = await report(sweepWorkspace(1));
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('created');
    expect(github.commentsOn(PR)).toHaveLength(1);
    expect(github.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('gives up after bounded retries on a persistent 5xx with one warning', async () => {
    github.server.fail({ method: 'POST', path: /\/comments$/, status: 500, times: 100 });
    const run = await report(sweepWorkspace(1));
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('failed');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('after retries');
    expect(github.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(4);
  });

  it('does not comment on a draft or unlabeled pull request or a push, and says why in the summary', async () => {
    const ws = sweepWorkspace(1);
    const draft = await report(ws, { event: pullRequestEvent(PR, ['sweep-enabled'], true) });
    expect(draft.outputs.comment).toBe('skipped');
    expect(draft.summary).toContain(`No pull request comment: pull request #${PR} is a draft`);
    const unlabeled = await report(ws, { event: pullRequestEvent(PR, ['documentation']) });
    expect(unlabeled.summary).toContain(
      `pull request #${PR} has none of the labels \`sweep-enabled\`, \`full-sweep-enabled\``,
    );
    const push = await report(ws, { eventName: 'push', event: { ref: 'refs/heads/main' } });
    expect(push.summary).toContain('the event is `push`');
    const noToken = await report(ws, {}, { 'github-token': '' });
    expect(noToken.summary).toContain('No pull request comment: no token (input `github-token`)');
    const anyLabel = await report(ws, { event: pullRequestEvent(PR, ['documentation']) }, { labels: 'documentation' });
    expect(anyLabel.outputs.comment).toBe('created');
    expect(github.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
    for (const run of [draft, unlabeled, push, noToken]) {
      expect(run.code).toBe(0);
      expect(run.warnings).toEqual([]);
    }
  });

  it('comments from a workflow_run event after reading the pull request', async () => {
    github.pulls.set(12, { number: 12, draft: false, labels: ['full-sweep-enabled'] });
    const run = await report(sweepWorkspace(1), {
      eventName: 'workflow_run',
      event: {
        workflow_run: {
          id: 555,
          head_sha: DEFAULT_HEAD_SHA,
          head_repository: { full_name: `${OWNER}/${REPO}` },
          pull_requests: [{ number: 12 }],
        },
      },
    });
    expect(run.outputs.comment).toBe('created');
    expect(github.commentsOn(12)[0]!.body).toContain('unofficialRun=555');
  });

  it('keeps a 3,000-result comment under 65,536 characters and says how many rows it left out', async () => {
    const ws = sweepWorkspace(3000, (i) => aggJson(i, { model: `org/model-${i}-${'m'.repeat(30)}` }), true);
    const run = await report(ws);
    expect(run.code).toBe(0);
    const body = github.commentsOn(PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(Number(run.outputs['rows-left-out'])).toBeGreaterThan(0);
    expect(body).toContain(`${Number(run.outputs['rows-left-out']).toLocaleString('en-US')} rows left out`);
    expect(body).toContain('**3,000 configs**');
    expect(run.summary).toContain('**3,000 configs**');
  });

  it('renders an injection attempt in a result file inert', async () => {
    const evil =
      'x | ![pwn](https://evil.test/p.png) [click](https://evil.test) <img src=x onerror=alert(1)> @octocat #1 -->';
    const ws = sweepWorkspace(1, (i) => aggJson(i, { model: evil, power_valid: 0 }));
    writeFile(
      ws,
      'results/bmk_run_0/power_validation_run_0.json',
      JSON.stringify({ reasons: ['<script>alert(1)</script>', `${MARKER}`] }),
    );
    const run = await report(ws);
    const body = github.commentsOn(PR)[0]!.body;
    const afterMarker = body.slice(MARKER.length);
    expect(afterMarker).not.toContain('<!--');
    expect(afterMarker).not.toContain('-->');
    expect(body).not.toMatch(/<img|<script|!\[|\]\(https:\/\/evil|@octocat/);
    expect(body).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
    expect(run.summary).not.toMatch(/<img|<script|@octocat/);
  });

  it('refuses results outside the workspace and names the input when it is missing', async () => {
    const ws = tempWorkspace();
    const outside = sweepWorkspace(1);
    symlinkSync(join(outside, 'results'), join(ws, 'results'));
    const escaped = await report(ws);
    expect(escaped.code).toBe(1);
    expect(escaped.stdout).toMatch(/::error::.*outside the workspace/);
    const dotdot = await report(ws, {}, { results: '../x/*.json' });
    expect(dotdot.stdout).toMatch(/::error::.*contains "\.\."/);
    const missing = await report(ws, {}, { results: '' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("input 'results' is required for mode report");
    expect(github.server.requests).toHaveLength(0);
  });
});
