import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../fakes/github.js';
import { FakeArtifacts, runtimeToken } from '../fakes/artifacts.js';
import { uploadArtifacts } from '../../src/github/artifacts.js';
import { BASE, benchJson, grid, nvidiaCsv, writeFile } from '../helpers/workspace.js';
import {
  OWNER,
  REPO,
  pullRequestEvent,
  runAction,
  sweepWorkspace,
  withoutMaskCommands,
  type ActionRun,
  type ActionSetup,
} from './action.js';
import { tempWorkspace } from '../helpers/workspace.js';

// The GitHub token and the runtime token never appear in anything the action produces: logs (with
// debug logging on), outputs, the job summary, files in the workspace or the runner folder, error
// messages, or the artifacts it uploads; on success and on every failure path.

const GITHUB_TOKEN = 'ghs_CANARYsweepPowerToken7f3a9c0d1e2b4455';
const RUNTIME_TOKEN = runtimeToken().replace(/\.sig$/, '.CANARYruntimeSignature9e8d7c6b');
/** Each token as it could leak: verbatim, base64 (a basic-auth header), and as a URL component. */
const FORMS = [
  GITHUB_TOKEN,
  RUNTIME_TOKEN,
  ...[GITHUB_TOKEN, RUNTIME_TOKEN].map((t) => Buffer.from(t).toString('base64')),
  Buffer.from(`x-access-token:${GITHUB_TOKEN}`).toString('base64'),
  'CANARYsweepPowerToken',
  'CANARYruntimeSignature',
];

const PR = 7;
const distDir = inject('distDir');
let github: FakeGitHub;

beforeAll(async () => {
  github = await new FakeGitHub(OWNER, REPO, GITHUB_TOKEN).start();
});
afterAll(() => github.stop());
beforeEach(() => {
  github.comments.length = 0;
  github.pulls.clear();
  github.pulls.set(PR, { number: PR, draft: false, labels: ['sweep-enabled'] });
  github.server.clearFailures();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function expectNoToken(what: string, content: string | Buffer): void {
  const text = Buffer.isBuffer(content) ? content.toString('latin1') : content;
  for (const form of FORMS) expect(text.includes(form), `${what} contains ${form.slice(0, 12)}…`).toBe(false);
}

/** Runs the action with the tokens in every place the runner puts them, then greps all it produced. */
async function runAndGrep(setup: Omit<ActionSetup, 'apiUrl'>): Promise<ActionRun> {
  const run = await runAction(distDir, {
    apiUrl: github.url,
    ...setup,
    env: {
      GITHUB_TOKEN,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
      RUNNER_DEBUG: '1',
      ...setup.env,
    },
    inputs: { 'github-token': GITHUB_TOKEN, ...setup.inputs },
  });
  // The one place the token may appear: the command registering it with the runner's masking.
  if ((setup.inputs['github-token'] ?? GITHUB_TOKEN) !== '')
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${setup.inputs['github-token'] ?? GITHUB_TOKEN}`);
  expectNoToken('stdout', withoutMaskCommands(run.stdout));
  expectNoToken('stderr', run.stderr);
  for (const file of [...filesUnder(run.home).filter((f) => !f.endsWith('event.json')), ...filesUnder(setup.workspace)])
    expectNoToken(file, readFileSync(file));
  expectNoToken('outputs', JSON.stringify(run.outputs));
  expectNoToken('comments', JSON.stringify(github.comments));
  return run;
}

const reportSetup = (workspace: string, env: Record<string, string> = {}): Omit<ActionSetup, 'apiUrl'> => ({
  workspace,
  event: pullRequestEvent(PR, ['sweep-enabled']),
  env,
  inputs: { mode: 'report', results: 'results' },
});

describe('the tokens never appear in what the action produces', () => {
  it('report: an API error body that echoes the credentials is redacted before the warning and the summary', async () => {
    github.server.fail({
      method: 'POST',
      path: /\/comments$/,
      status: 422,
      body: {
        message: `Validation Failed: token ${GITHUB_TOKEN}, runtime ${RUNTIME_TOKEN}, url https://x-access-token:${GITHUB_TOKEN}@github.com/o/r`,
      },
    });
    const run = await runAndGrep(reportSetup(sweepWorkspace(1)));
    expect(run.outputs.comment).toBe('failed');
    expect(run.warnings.join('\n')).toContain(
      'Validation Failed: token ***, runtime ***, url https://***@github.com/o/r',
    );
  });

  it('report: success, then 403, 500, a timeout, and an unreadable pull request', async () => {
    const ok = await runAndGrep(reportSetup(sweepWorkspace(2)));
    expect(ok.outputs.comment).toBe('created');
    for (const failure of [
      { status: 403, body: { message: 'Resource not accessible by integration' } },
      { status: 500, body: { message: 'Server Error' }, times: 4 },
      { hang: true, times: 4 },
    ]) {
      github.comments.length = 0;
      github.server.clearFailures();
      github.server.fail({ method: 'POST', path: /\/comments$/, ...failure });
      const run = await runAndGrep(reportSetup(sweepWorkspace(1), { SWEEP_POWER_HTTP_TIMEOUT_MS: '150' }));
      expect(run.outputs.comment).toBe('failed');
      expect(run.warnings).toHaveLength(1);
    }
    // A workflow_run whose pull request cannot be read: the error text reaches the summary.
    github.server.clearFailures();
    const unreadable = await runAndGrep({
      ...reportSetup(sweepWorkspace(1)),
      eventName: 'workflow_run',
      event: { workflow_run: { id: 5, pull_requests: [{ number: 404 }] } },
    });
    expect(unreadable.summary).toContain('the pull request could not be read');
    // A token the API rejects (401 Bad Credentials) is not echoed either.
    const wrong = await runAndGrep({
      ...reportSetup(sweepWorkspace(1)),
      inputs: { mode: 'report', results: 'results', 'github-token': `${GITHUB_TOKEN}x` },
    });
    expect(wrong.outputs.comment).toBe('failed');
  });

  it('aggregate and process-result, valid and failing, and an input error', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'bench.json', benchJson());
    writeFile(ws, 'agg.json', JSON.stringify({ model: 'm', hw: 'h200' }));
    writeFile(ws, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 2, () => 300)));
    const valid = await runAndGrep({
      workspace: ws,
      inputs: { mode: 'aggregate', 'bench-result': 'bench.json', 'agg-result': 'agg.json', 'expected-num-gpus': '2' },
    });
    expect(valid.outputs['power-valid']).toBe('1');
    const strict = await runAndGrep({
      workspace: ws,
      inputs: {
        mode: 'aggregate',
        'bench-result': 'bench.json',
        'agg-result': 'agg.json',
        'expected-num-gpus': '8',
        'require-power': 'true',
      },
    });
    expect(strict.code).toBe(1);

    const job = tempWorkspace();
    writeFile(
      job,
      'dsr1_result.json',
      benchJson({
        model_id: 'deepseek-ai/DeepSeek-R1',
        max_concurrency: 64,
        total_token_throughput: 15000.5,
        output_throughput: 12000.0,
        mean_ttft_ms: 150.5,
      }),
    );
    writeFile(job, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 8, () => 300)));
    const env = {
      RUNNER_TYPE: 'h200',
      FRAMEWORK: 'sglang',
      PRECISION: 'fp8',
      SPEC_DECODING: 'none',
      RESULT_FILENAME: 'dsr1_result',
      ISL: '1024',
      OSL: '8192',
      DISAGG: 'false',
      MODEL_PREFIX: 'dsr1',
      IMAGE: 'img',
      TP: '8',
      EP_SIZE: '1',
      DP_ATTENTION: 'false',
    };
    const processed = await runAndGrep({ workspace: job, env, inputs: { mode: 'process-result' } });
    expect(processed.outputs['agg-result'], processed.stdout).toContain('agg_dsr1_result.json');
    const broken = await runAndGrep({
      workspace: job,
      env: { ...env, TP: 'eight', RESULT_FILENAME: 'missing' },
      inputs: { mode: 'process-result' },
    });
    expect(broken.code).toBe(1);
    const badInput = await runAndGrep({
      workspace: job,
      inputs: {
        mode: 'report',
        results: 'r',
        'visualizer-url': `https://x.test/${GITHUB_TOKEN.slice(0, 4)}`,
        'run-id': 'not-a-number',
      },
    });
    expect(badInput.code).toBe(1);
  });

  it('artifacts uploaded from a job workspace carry no token, and the GitHub token never reaches the artifact service', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const fake = await new FakeArtifacts().start();
    const saved = { ...process.env };
    Object.assign(process.env, {
      ACTIONS_RESULTS_URL: `${fake.url}/`,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      GITHUB_TOKEN,
      GITHUB_SERVER_URL: 'https://github.com',
    });
    try {
      const job = tempWorkspace();
      writeFile(job, 'bench.json', benchJson());
      writeFile(job, 'agg.json', JSON.stringify({ model: 'm', hw: 'h200' }));
      writeFile(job, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 2, () => 300)));
      await runAndGrep({
        workspace: job,
        inputs: { mode: 'aggregate', 'bench-result': 'bench.json', 'agg-result': 'agg.json', 'expected-num-gpus': '2' },
      });
      const files = filesUnder(job);
      const outcomes = await uploadArtifacts([
        { name: 'bmk_token_check', files: [join(job, 'agg.json')] },
        { name: 'power_audit_token_check', files },
      ]);
      expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined]);
      const uploaded = fake.uploaded();
      expect(uploaded.map((a) => a.name).sort()).toEqual(['bmk_token_check', 'power_audit_token_check']);
      for (const artifact of uploaded)
        for (const entry of artifact.entries) expectNoToken(`${artifact.name}/${entry.name}`, entry.content);
      for (const request of fake.requests()) {
        // The runtime token authorises the artifact calls by design; the GitHub token goes nowhere near them.
        const { authorization, ...headers } = request.headers;
        expect(String(authorization ?? '')).not.toContain(GITHUB_TOKEN);
        expectNoToken(
          `${request.method} ${request.path}`,
          `${request.path}?${request.query.toString()} ${JSON.stringify(headers)} ${request.body.toString('latin1')}`,
        );
      }
    } finally {
      process.env = saved;
      await fake.stop();
      vi.restoreAllMocks();
    }
  });
});
