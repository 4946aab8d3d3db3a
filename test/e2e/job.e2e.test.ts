import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FakeArtifacts } from '../fakes/artifacts.js';
import { RUN_ID, runAction, type ActionRun } from './action.js';
import { readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const distDir = inject('distDir');
const ROOT = join(import.meta.dirname, '..', '..');
const SWEEP = join(ROOT, 'examples', 'sweep');
const MULTINODE = join(ROOT, 'examples', 'multinode');
const NAME = 'dsr1_fp8_h200_conc64';

let artifacts: FakeArtifacts;
beforeAll(async () => {
  artifacts = await new FakeArtifacts().start();
});
afterAll(() => artifacts.stop());
beforeEach(() => {
  // Every run uses the same runtime token: a name left from an earlier test would be a 409.
  artifacts.artifacts.length = 0;
  artifacts.requests().length = 0;
  artifacts.server.clearFailures();
});

/** The environment of a single-node sweep job (the process-result contract, README table). */
const SINGLE_NODE_ENV: Record<string, string> = {
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

function multinodeEnv(): Record<string, string> {
  const lines = readFileSync(join(MULTINODE, 'job.env'), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/**
 * A benchmark job's workspace after the benchmark: the sample sweep's raw result and telemetry
 * (8 GPUs at 600 W over the 60 s window, 30,000 output tokens), no agg JSON yet.
 */
function singleNodeWorkspace(): string {
  const ws = tempWorkspace();
  cpSync(join(SWEEP, 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
  const bench = JSON.parse(readFileSync(join(SWEEP, `${NAME}.json`), 'utf8')) as Record<string, unknown>;
  // process-result needs the total throughput: (512,000 + 30,000) tokens / 60 s.
  writeFileSync(join(ws, `${NAME}.json`), JSON.stringify({ ...bench, total_token_throughput: 9033.333 }, null, 2));
  return ws;
}

async function job(
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = SINGLE_NODE_ENV,
): Promise<ActionRun> {
  // The runner passes every input that has a default; mode is left out: job is the default.
  return runAction(distDir, {
    workspace,
    apiUrl: 'http://127.0.0.1:9',
    resultsUrl: artifacts.url,
    env,
    inputs: { upload: 'true', 'visualizer-url': 'https://inferencex.semianalysis.com', ...inputs },
  });
}

function uploaded(name: string) {
  return artifacts.uploaded().find((a) => a.name === name);
}

describe('mode job end to end', () => {
  it('single node: writes the agg JSON, uploads bmk_ and power_audit_, sets outputs and the summary', async () => {
    const ws = singleNodeWorkspace();
    writeFile(ws, 'gpu_metrics_energy_start.csv', 'timestamp, index, total_energy_consumption [J]\n');
    const run = await job(ws, { 'retention-days': '5' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.warnings).toEqual([]);

    const aggPath = join(ws, `agg_${NAME}.json`);
    const agg = readJson(aggPath);
    // 8 GPUs x 600 W x 60 s = 288,000 J; / 30,000 output tokens = 9.6 J; / 500 queries = 576 J.
    expect(agg).toMatchObject({
      hw: 'h200',
      framework: 'vllm',
      tp: 8,
      power_valid: 1,
      avg_power_w: 600,
      avg_total_gpu_power_w: 4800,
      total_gpu_energy_j: 288000,
      joules_per_output_token: 9.6,
      joules_per_successful_query: 576,
    });

    expect(
      artifacts
        .uploaded()
        .map((a) => a.name)
        .sort(),
    ).toEqual([`bmk_${NAME}`, `power_audit_${NAME}`]);
    const bmk = uploaded(`bmk_${NAME}`)!;
    expect(bmk.files).toEqual([`agg_${NAME}.json`]);
    expect(bmk.entries[0]!.content.toString()).toBe(readFileSync(aggPath, 'utf8'));
    expect(bmk.expiresAt).toBeTruthy(); // retention-days reached the service
    expect(uploaded(`power_audit_${NAME}`)!.files).toEqual(
      [
        `${NAME}.json`,
        `agg_${NAME}.json`,
        'gpu_metrics.csv',
        'gpu_metrics_energy_start.csv',
        `power_validation_${NAME}.json`,
      ].sort(),
    );

    const ids = artifacts.artifacts.map((a) => `${a.name}=${a.id}`).join(',');
    expect(run.outputs).toEqual({
      'agg-result': aggPath,
      'power-valid': '1',
      'avg-power-w': '600',
      'total-gpu-energy-j': '288000',
      'joules-per-output-token': '9.6',
      topology: 'single-node',
      'artifact-ids': ids,
      'validation-result': join(ws, `power_validation_${NAME}.json`),
      reasons: '',
    });
    expect(ids).toMatch(new RegExp(`^bmk_${NAME}=\\d+,power_audit_${NAME}=\\d+$`));

    expect(run.summary).toContain('### GPU power · dsr1\\_fp8\\_h200\\_conc64');
    expect(run.summary).toContain('| Config | deepseek\\-ai/⁠DeepSeek\\-R1 · h200 · vllm · fp8 · 1024/1024 · conc 64 |');
    expect(run.summary).toContain('| GPUs | 8 |');
    expect(run.summary).toContain('| Avg power per GPU | 600.0 W |');
    expect(run.summary).toContain('| Total GPU energy | 288,000 J |');
    expect(run.summary).toContain('| Energy per output token | 9.6 J |');
    expect(run.summary).toContain('| Output tokens per joule | 0.1042 |'); // 1 / 9.6 = 0.10417
    expect(run.summary).toContain('| Power | ✅ valid |');
    expect(run.summary).toContain(`[inference](https://inferencex.semianalysis.com/inference?unofficialRun=${RUN_ID})`);
    expect(run.summary).toContain(`| bmk\\_${NAME.replace(/_/g, '\\_')} | 1 | ✅ id `);
    expect(run.summary).toContain(`| power\\_audit\\_${NAME.replace(/_/g, '\\_')} | 5 | ✅ id `);
    // Phases are log groups.
    for (const phase of [
      'Locate the job files',
      'Process benchmark result',
      'Upload artifacts and write the job summary',
    ])
      expect(run.stdout).toContain(`::group::${phase}`);

    // Every output the step sets is declared in action.yml.
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    for (const name of Object.keys(run.outputs)) expect(action.outputs, `output ${name}`).toHaveProperty(name);
    expect(action.inputs.mode!.default).toBe('job');
  });

  it('multinode: examples/multinode through process-result with the power package in the audit artifact', async () => {
    const ws = tempWorkspace();
    cpSync(MULTINODE, ws, { recursive: true });
    const stem = 'dsr1_fp4_gb200_disagg_conc4';
    const run = await job(ws, { 'artifact-prefix': 'gb200-' }, multinodeEnv());
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.warnings).toEqual([]);
    // (2 prefill GPUs x 450 W + 4 decode GPUs x 650 W) x 20 s = 70,000 J; 3,500 W / 6 GPUs = 583.333 W;
    // 70,000 J / 81,920 output tokens = 0.8544921875 -> 0.854492.
    expect(run.outputs).toMatchObject({
      topology: 'multinode-disagg',
      'power-valid': '1',
      'avg-power-w': '583.333',
      'total-gpu-energy-j': '70000',
      'joules-per-output-token': '0.854492',
    });
    expect(readJson(join(ws, `agg_${stem}.json`))).toMatchObject({
      prefill_gpu_energy_j: 18000,
      decode_gpu_energy_j: 52000,
    });
    expect(uploaded(`gb200-bmk_${stem}`)!.files).toEqual([`agg_${stem}.json`]);
    expect(uploaded(`gb200-power_audit_${stem}`)!.files).toEqual(
      [
        `${stem}.json`,
        `agg_${stem}.json`,
        `power_validation_${stem}.json`,
        'LOGS/power/manifest.json',
        'LOGS/power/samples.csv',
        'LOGS/power/windows/results_concurrency_4.json',
      ].sort(),
    );
    expect(run.summary).toContain('| Topology | multi\\-node disagg |');
    expect(run.summary).toContain('| GPUs | 6 |');
    expect(run.summary).toContain('| Total GPU energy | 70,000 J |');

    // A rerun finds the agg JSON and re-patches it from the package with PREFILL_GPUS / DECODE_GPUS.
    const again = await job(ws, { upload: 'false' }, multinodeEnv());
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('::group::Aggregate multinode GPU power');
    expect(again.outputs).toMatchObject({
      topology: 'multinode-disagg',
      'power-valid': '1',
      'total-gpu-energy-j': '70000',
    });
  });

  it('patches an existing agg JSON (aggregate) and finds the result and a telemetry glob on its own', async () => {
    const ws = tempWorkspace();
    cpSync(SWEEP, ws, { recursive: true });
    mkdirSync(join(ws, 'telemetry'));
    renameSync(join(ws, 'gpu_metrics.csv'), join(ws, 'telemetry', 'gpu_metrics_node0.csv'));
    const before = readJson(join(ws, `agg_${NAME}.json`));
    // No RESULT_FILENAME: the one *.json with benchmark_start_time_unix. GPUs: TP x PP_SIZE x PCP_SIZE = 8 x 1 x 1.
    const run = await job(ws, { 'gpu-metrics': 'telemetry/gpu_metrics_*.csv' }, { TP: '8' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('::group::Aggregate GPU power');
    const agg = readJson(join(ws, `agg_${NAME}.json`));
    expect(agg).toEqual({
      ...before,
      power_metric_schema_version: 2,
      power_valid: 1,
      avg_power_w: 600,
      avg_total_gpu_power_w: 4800,
      total_gpu_energy_j: 288000,
      joules_per_successful_query: 576,
      joules_per_input_token: 0.5625,
      joules_per_output_token: 9.6,
      joules_per_total_token: 0.531365,
    });
    // 288,000 J / 512,000 input tokens = 0.5625; / 542,000 total tokens = 0.5313653... -> 0.531365.
    expect(uploaded(`power_audit_${NAME}`)!.files).toEqual(
      [`${NAME}.json`, `agg_${NAME}.json`, `power_validation_${NAME}.json`, 'telemetry/gpu_metrics_node0.csv'].sort(),
    );
    expect(run.outputs['joules-per-output-token']).toBe('9.6');

    // Input expected-num-gpus wins over TP: 4 expected, 8 observed -> invalid; require-power fails
    // the step, after the files and the summary are written.
    const again = await job(
      ws,
      {
        'gpu-metrics': 'telemetry/gpu_metrics_*.csv',
        'expected-num-gpus': '4',
        upload: 'false',
        'require-power': 'true',
      },
      { TP: '8' },
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('::error::power is invalid and require-power is set: expected_gpu_count_mismatch');
    expect(readJson(join(ws, `agg_${NAME}.json`))).toEqual({
      ...before,
      power_metric_schema_version: 2,
      power_valid: 0,
    });
    expect(again.outputs).toMatchObject({
      'power-valid': '0',
      'avg-power-w': '',
      reasons: 'expected_gpu_count_mismatch',
    });
    expect(again.warnings.join('\n')).toContain('expected_gpu_count_mismatch');
    expect(again.summary).toContain('❌ invalid: expected\\_gpu\\_count\\_mismatch');
  });

  it('warns naming the artifact when an upload fails, exits 0 and keeps the local files', async () => {
    const ws = singleNodeWorkspace();
    artifacts.server.fail({
      method: 'POST',
      path: /CreateArtifact$/,
      status: 400,
      body: { code: 'invalid_argument', msg: 'artifact storage quota exceeded' },
    });
    const run = await job(ws);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(
      new RegExp(
        `^::warning::Upload failed, artifact bmk_${NAME}: .*400.*The files stay in the workspace: agg_${NAME}\\.json\\.$`,
      ),
    );
    // The first CreateArtifact (bmk_) failed; power_audit_ still went up.
    expect(artifacts.uploaded().map((a) => a.name)).toEqual([`power_audit_${NAME}`]);
    expect(run.outputs['artifact-ids']).toMatch(new RegExp(`^power_audit_${NAME}=\\d+$`));
    expect(readJson(join(ws, `agg_${NAME}.json`))).toMatchObject({ power_valid: 1, total_gpu_energy_j: 288000 });
    expect(existsSync(join(ws, `power_validation_${NAME}.json`))).toBe(true);
    expect(run.summary).toContain(`⚠️ artifact bmk\\_${NAME.replace(/_/g, '\\_')}`);
  });

  it('without telemetry: power invalid with every place looked at, exit 0, the audit artifact without a CSV', async () => {
    const ws = singleNodeWorkspace();
    rmSync(join(ws, 'gpu_metrics.csv'));
    const run = await job(ws, {}, { ...SINGLE_NODE_ENV, GPU_METRICS_CSV: 'telemetry/gpu.csv' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'power-valid': '0', reasons: 'telemetry_file_missing', 'avg-power-w': '' });
    expect(run.warnings.join('\n')).toContain(
      `looked at ${join(ws, 'telemetry/gpu.csv')}, ${join(ws, 'gpu_metrics.csv')}, /workspace/gpu_metrics.csv`,
    );
    expect(readJson(join(ws, `agg_${NAME}.json`))).toMatchObject({ power_valid: 0 });
    expect(uploaded(`power_audit_${NAME}`)!.files).toEqual(
      [`${NAME}.json`, `agg_${NAME}.json`, `power_validation_${NAME}.json`].sort(),
    );
  });

  it('uploads nothing with upload: false', async () => {
    const ws = singleNodeWorkspace();
    const run = await job(ws, { upload: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(artifacts.requests()).toEqual([]);
    expect(run.outputs).toMatchObject({ 'power-valid': '1', 'artifact-ids': '' });
    expect(run.stdout).toContain('::group::Write the job summary');
    expect(run.summary).not.toContain('| Artifact |');
  });

  it('refuses a gpu-metrics input outside the workspace: .., an absolute path elsewhere, a symlink out', async () => {
    const ws = singleNodeWorkspace();
    const outside = tempWorkspace();
    const elsewhere = writeFile(outside, 'x.csv', readFileSync(join(SWEEP, 'gpu_metrics.csv')));
    symlinkSync(elsewhere, join(ws, 'linked.csv'));
    const cases: [string, RegExp][] = [
      ['../x.csv', /input 'gpu-metrics'|"\.\.\/x\.csv" contains "\.\."/],
      [elsewhere, /is outside the workspace/],
      ['linked.csv', /resolves through a symlink to .*x\.csv, outside the workspace/],
    ];
    for (const [input, message] of cases) {
      const run = await job(ws, { 'gpu-metrics': input });
      expect(run.code, input).toBe(1);
      const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'));
      expect(error, input).toMatch(/^::error::sweep-power job: /);
      expect(error, input).toMatch(message);
      expect(existsSync(join(ws, `agg_${NAME}.json`)), input).toBe(false);
    }
    expect(artifacts.requests()).toEqual([]);
  });
});
