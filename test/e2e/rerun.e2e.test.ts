import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeArtifacts } from '../fakes/artifacts.js';
import { runAction, type ActionRun } from './action.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

const distDir = inject('distDir');
const SWEEP = join(import.meta.dirname, '..', '..', 'examples', 'sweep');
const NAME = 'dsr1_fp8_h200_conc64';
const JOB_ENV: Record<string, string> = {
  RUNNER_TYPE: 'h200',
  FRAMEWORK: 'vllm',
  PRECISION: 'fp8',
  SPEC_DECODING: 'none',
  IMAGE: 'vllm/vllm-openai:v0.11.0',
  MODEL_PREFIX: 'dsr1',
  RESULT_FILENAME: NAME,
  ISL: '1024',
  OSL: '1024',
  DISAGG: 'false',
  TP: '8',
  EP_SIZE: '1',
  DP_ATTENTION: 'false',
};

let artifacts: FakeArtifacts;
beforeAll(async () => {
  artifacts = await new FakeArtifacts().start();
});
afterAll(() => artifacts.stop());

/** A benchmark job's workspace; without telemetry its power is invalid (telemetry_file_missing). */
function jobWorkspace(withTelemetry: boolean): string {
  const ws = tempWorkspace();
  if (withTelemetry) cpSync(join(SWEEP, 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
  const bench = JSON.parse(readFileSync(join(SWEEP, `${NAME}.json`), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(ws, `${NAME}.json`), JSON.stringify({ ...bench, total_token_throughput: 9033.333 }));
  return ws;
}

/** One attempt of the same job in the same workflow run: the artifact service keeps the earlier attempts' artifacts. */
function attempt(n: number, workspace: string): Promise<ActionRun> {
  return runAction(distDir, {
    workspace,
    apiUrl: 'http://127.0.0.1:9',
    resultsUrl: artifacts.url,
    env: { ...JOB_ENV, GITHUB_RUN_ATTEMPT: String(n) },
    inputs: { upload: 'true', 'visualizer-url': 'https://inferencex.semianalysis.com' },
  });
}

describe('re-running a failed benchmark job', () => {
  it('the re-run uploads under attempt-suffixed names and the report shows its data, not the first attempt', async () => {
    const first = await attempt(1, jobWorkspace(false));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs['power-valid']).toBe('0');

    const second = await attempt(2, jobWorkspace(true));
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.warnings).toEqual([]);
    expect(second.outputs['power-valid']).toBe('1');
    const names = artifacts
      .uploaded()
      .map((a) => a.name)
      .sort();
    expect(names).toEqual([
      `bmk_${NAME}`,
      `bmk_${NAME}_attempt2`,
      `power_audit_${NAME}`,
      `power_audit_${NAME}_attempt2`,
    ]);
    expect(second.outputs['artifact-ids']).toMatch(
      new RegExp(`^bmk_${NAME}_attempt2=\\d+,power_audit_${NAME}_attempt2=\\d+$`),
    );

    // The fan-in job downloads `bmk_*` as download-artifact lays it out: one folder per artifact.
    const fanIn = tempWorkspace();
    for (const artifact of artifacts.uploaded().filter((a) => a.name.startsWith('bmk_'))) {
      for (const entry of artifact.entries)
        writeFile(fanIn, `results/${artifact.name}/${entry.name}`, entry.content.toString());
    }
    const report = await runAction(distDir, {
      workspace: fanIn,
      apiUrl: 'http://127.0.0.1:9',
      inputs: { mode: 'report', results: 'results', 'github-token': '' },
    });
    expect(report.code, report.stdout + report.stderr).toBe(0);
    // One config, from the second attempt: 8 GPUs at 600 W, valid; the first attempt's invalid row is gone.
    expect(report.outputs).toMatchObject({ 'results-total': '1', 'results-valid': '1', 'results-invalid': '0' });
    expect(report.summary).toMatch(/600/);
    expect(report.stdout).toContain(`bmk_${NAME}/agg_${NAME}.json`);
  });
});
