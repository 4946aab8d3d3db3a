import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import { tempWorkspace } from '../helpers/workspace.js';

const OWNER = 'octo';
const REPO = 'sweeps';
const TOKEN = 'ghs_baselinebudgettoken';
const MiB = 1024 * 1024;
let github: FakeGitHub;
const saved = { ...process.env };

beforeAll(async () => {
  // The artifact client logs progress through @actions/core to stdout; keep the test output readable.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  github = await new FakeGitHub(OWNER, REPO, TOKEN).start();
  // Read by @actions/github when it loads: the module under test is imported after this.
  process.env.GITHUB_API_URL = github.url;
  process.env.GITHUB_SERVER_URL = 'https://github.com';
});

afterAll(async () => {
  await github.stop();
  process.env = saved;
  vi.restoreAllMocks();
});

/** An agg JSON of config `i` (concurrency 2^i) with J/output-token `j`, padded to exactly `bytes`. */
function paddedAgg(i: number, j: number, bytes: number): string {
  const agg = {
    hw: 'h200',
    model: 'org/model',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    conc: 2 ** i,
    tp: 8,
    ep: 1,
    power_valid: 1,
    total_gpu_energy_j: 30_000 * j,
    joules_per_output_token: j,
    pad: '',
  };
  const text = JSON.stringify({ ...agg, pad: 'p'.repeat(bytes - JSON.stringify(agg).length) });
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

describe('baseline auto', () => {
  it('reads at most 32 MiB of result files across all history runs together, the latest run first', async () => {
    // Three base-branch runs of four 3 MiB agg JSONs each: 36 MiB in all. The latest (105) and the
    // one before (101) are read whole, 24 MiB; of the oldest (100) two files fit (30 MiB), the third
    // would make 33 MiB, over 32 MiB, so it and the fourth are not read.
    github.addRun({ id: 987654321, workflowId: 77, branch: 'feature', conclusion: 'success', headSha: 'a'.repeat(40) });
    for (const [id, j] of [
      [100, 10],
      [101, 10.2],
      [105, 9.8],
    ] as const) {
      const artifacts: Record<string, Record<string, string>> = {};
      for (let i = 0; i < 4; i++) artifacts[`bmk_run_${i}`] = { [`agg_run_${i}.json`]: paddedAgg(i, j, 3 * MiB) };
      github.addRun(
        { id, workflowId: 77, branch: 'main', conclusion: 'success', headSha: String(id).repeat(14).slice(0, 40) },
        artifacts,
      );
    }
    const { loadAutoBaseline } = await import('../../src/github/baseline.js');
    const auto = await loadAutoBaseline({
      token: TOKEN,
      owner: OWNER,
      repo: REPO,
      serverUrl: 'https://github.com',
      runId: '987654321',
      branch: 'main',
      runs: 3,
      tempDir: tempWorkspace(),
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, timeoutMs: 30_000 },
      info: () => undefined,
    });
    expect(auto.label?.runId).toBe('105');
    const history = auto.runs?.history ?? [];
    // Oldest first: run 100 (configs 0 and 1 only), 101, then the baseline 105.
    expect(history.map((rows) => rows.map((r) => r.joulesPerOutputToken))).toEqual([
      [10, 10],
      [10.2, 10.2, 10.2, 10.2],
      [9.8, 9.8, 9.8, 9.8],
    ]);
    expect(history[0]!.map((r) => r.conc)).toEqual(['1', '2']);
    expect(auto.runs?.rows).toBe(history[2]);
    expect(auto.warnings).toEqual([
      'baseline: auto read at most 32 MiB of result files across the 3 base-branch runs; not read from run 100 (2 files). Lower `baseline-history` to compare against fewer, complete runs.',
    ]);
  }, 60_000);
});
