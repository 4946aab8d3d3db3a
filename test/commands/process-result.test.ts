import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, benchJson, cli, grid, nvidiaCsv, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';
import { AGG_DEVICES, buildPackage, DISAGG_DEVICES, PRODUCER_SHA } from '../helpers/power-package.js';
import { runProcessResult } from '../../src/commands/process-result.js';

const BASE_ENV = {
  RUNNER_TYPE: 'h200',
  FRAMEWORK: 'sglang',
  PRECISION: 'fp8',
  SPEC_DECODING: 'none',
  RESULT_FILENAME: 'dsr1_result',
  ISL: '1024',
  OSL: '8192',
  DISAGG: 'false',
  MODEL_PREFIX: 'dsr1',
  IMAGE: 'lmsysorg/sglang:v0.5.9',
};
const SINGLE_ENV = { ...BASE_ENV, TP: '4', PP_SIZE: '2', EP_SIZE: '1', DP_ATTENTION: 'false' };
const MULTI_ENV = {
  ...BASE_ENV,
  RUNNER_TYPE: 'gb200',
  IS_MULTINODE: 'true',
  DISAGG: 'true',
  RESULT_FILENAME: 'renamed_result',
  POWER_PRODUCER_SHA: PRODUCER_SHA,
  PREFILL_GPUS: '2',
  PREFILL_NUM_WORKERS: '1',
  PREFILL_TP: '2',
  PREFILL_EP: '2',
  PREFILL_DP_ATTN: 'false',
  DECODE_GPUS: '4',
  DECODE_NUM_WORKERS: '1',
  DECODE_TP: '4',
  DECODE_EP: '4',
  DECODE_DP_ATTN: 'true',
};
const POWER_KEYS = [
  'avg_power_w',
  'avg_total_gpu_power_w',
  'total_gpu_energy_j',
  'joules_per_successful_query',
  'joules_per_input_token',
  'joules_per_output_token',
  'joules_per_total_token',
];
const ROLE_KEYS = [
  'prefill_gpu_energy_j',
  'decode_gpu_energy_j',
  'prefill_avg_power_w',
  'decode_avg_power_w',
  'prefill_joules_per_input_token',
  'decode_joules_per_output_token',
];

/** A single-node job: 60 s window, 8 GPUs at 600 W inside it. */
function singleNode(extra: Record<string, unknown> = {}): string {
  const dir = tempWorkspace();
  writeFile(
    dir,
    'dsr1_result.json',
    benchJson({
      model_id: 'deepseek-ai/DeepSeek-R1-0528',
      max_concurrency: 64,
      total_token_throughput: 15000.5,
      output_throughput: 12000.0,
      mean_ttft_ms: 150.5,
      p99_tpot_ms: 40,
      ...extra,
    }),
  );
  writeFile(
    dir,
    'gpu_metrics.csv',
    nvidiaCsv(grid(BASE - 5, BASE + 65, 8, (t) => (t < BASE ? 100 : t <= BASE + 60 ? 600 : 200))),
  );
  return dir;
}

function multinode(devices = DISAGG_DEVICES): string {
  const dir = tempWorkspace();
  const pkg = buildPackage(dir, { devices });
  writeFile(dir, 'renamed_result.json', JSON.stringify(pkg.bench, null, 2));
  return dir;
}

async function expectConfigError(dir: string, env: NodeJS.ProcessEnv, ...subjects: string[]): Promise<string> {
  const before = readdirSync(dir).sort();
  const run = await cli(['process-result'], dir, env);
  expect(run.code).toBe(1);
  for (const subject of subjects) expect(run.stderr).toContain(subject);
  expect(run.stderr).toContain('nothing was written');
  expect(readdirSync(dir).sort()).toEqual(before);
  return run.stderr;
}

describe('sweep-power process-result', () => {
  it('single node: writes the agg JSON in the reference layout, then power for TP x PP GPUs', async () => {
    const dir = singleNode();
    const run = await cli(['process-result'], dir, SINGLE_ENV);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('single-node');
    const text = readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8');
    // stdout is the agg JSON after the power step, as json.dumps(indent=2) prints it; logs are on stderr.
    expect(run.stdout).toBe(text.replace(/\n$/, ''));
    expect(JSON.parse(run.stdout)).toMatchObject({ hw: 'h200', conc: 64, power_valid: 1 });
    // Throughput per GPU over TP 4 x PP 2 = 8 GPUs; ms -> s; tpot 40 ms -> 25 tokens/s interactivity.
    expect(
      text.startsWith(`{
  "hw": "h200",
  "conc": 64,
  "image": "lmsysorg/sglang:v0.5.9",
  "model": "deepseek-ai/DeepSeek-R1-0528",
  "infmax_model_prefix": "dsr1",
  "framework": "sglang",
  "precision": "fp8",
  "spec_decoding": "none",
  "disagg": false,
  "recipe_fingerprint": "",
  "isl": 1024,
  "osl": 8192,
  "is_multinode": false,
  "tp": 4,
  "pp": 2,
  "dcp_size": 1,
  "pcp_size": 1,
  "ep": 1,
  "dp_attention": "false",
  "tput_per_gpu": 1875.0625,
  "output_tput_per_gpu": 1500.0,
  "input_tput_per_gpu": 375.0625,
  "mean_ttft": 0.1505,
  "p99_tpot": 0.04,
  "p99_intvty": 25.0,
  "power_metric_schema_version": 2,
  "power_valid": 1,
  "avg_power_w": 600.0,`),
    ).toBe(true);
    // 8 GPUs x 600 W x 60 s = 288,000 J over 30,000 output tokens.
    const agg = readJson(join(dir, 'agg_dsr1_result.json'));
    expect(agg.total_gpu_energy_j).toBe(288000);
    expect(agg.joules_per_output_token).toBe(9.6);
    const sidecar = readJson(join(dir, 'power_validation_dsr1_result.json'));
    expect(sidecar.expected_gpu_count).toBe(8);
  });

  it('single node: hands TP x PP x PCP to power aggregation as the expected GPU count', async () => {
    const dir = singleNode();
    // TP 4 x PP 1 = 4 GPUs expected, but the node's telemetry has 8.
    const run = await cli(['process-result'], dir, { ...SINGLE_ENV, PP_SIZE: '1' });
    expect(run.code).toBe(0);
    expect(readJson(join(dir, 'agg_dsr1_result.json')).power_valid).toBe(0);
    expect(readJson(join(dir, 'power_validation_dsr1_result.json')).reasons).toEqual(['expected_gpu_count_mismatch']);
  });

  it('single node: component metadata, KV transfer and the recipe fingerprint are recorded', async () => {
    const dir = singleNode();
    await cli(['process-result'], dir, {
      ...SINGLE_ENV,
      ROUTER_METADATA: '{"name": "vllm-router", "version": "0.1.14"}',
      KV_P2P_TRANSFER: 'nixl',
      RECIPE_FINGERPRINT: 'f'.repeat(64),
    });
    const text = readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8');
    expect(text).toContain(
      `"recipe_fingerprint": "${'f'.repeat(64)}",\n  "isl": 1024,\n  "osl": 8192,\n  "router": {\n    "name": "vllm-router",\n    "version": "0.1.14"\n  },\n  "kv_p2p_transfer": "nixl",\n  "is_multinode": false,`,
    );
  });

  it('single node without telemetry: the agg JSON stands, power_valid 0, and REQUIRE_POWER fails after writing', async () => {
    const dir = singleNode();
    writeFileSync(join(dir, 'gpu_metrics.csv'), '');
    const run = await cli(['process-result'], dir, { ...SINGLE_ENV, GPU_METRICS_CSV: 'nowhere.csv' });
    expect(run.code).toBe(0);
    expect(readJson(join(dir, 'agg_dsr1_result.json'))).toMatchObject({ conc: 64, power_valid: 0 });
    expect(readJson(join(dir, 'power_validation_dsr1_result.json')).reasons).toEqual(['telemetry_file_empty']);
    const strict = await cli(['process-result'], dir, { ...SINGLE_ENV, REQUIRE_POWER: '1' });
    expect(strict.code).toBe(1);
    expect(readJson(join(dir, 'agg_dsr1_result.json')).conc).toBe(64);
  });

  it('single node: a NaN statistic in the result (Python writes it) does not cost the power measurement', async () => {
    const dir = singleNode();
    const bench = readFileSync(join(dir, 'dsr1_result.json'), 'utf8');
    writeFileSync(join(dir, 'dsr1_result.json'), bench.replace(/}$/, ', "std_itl_ms": NaN}'));
    const run = await cli(['process-result'], dir, SINGLE_ENV);
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8');
    expect(text).toContain('"std_itl": NaN,');
    expect(text).toContain('"power_valid": 1,');
  });

  it('reads and writes in --result-dir', async () => {
    const dir = singleNode();
    const run = await cli(['process-result', '--result-dir', dir], tempWorkspace(), SINGLE_ENV);
    expect(run.code).toBe(0);
    expect(readJson(join(dir, 'agg_dsr1_result.json')).power_valid).toBe(1);
  });

  it('multinode disaggregated: pool fields, per-GPU throughput per pool, role energy from the package', async () => {
    const dir = multinode();
    const run = await cli(['process-result'], dir, {
      ...MULTI_ENV,
      PREFILL_HARDWARE: 'gb200',
      DECODE_HARDWARE: 'gb300',
    });
    expect(run.stderr).not.toMatch(/Power validation failed|problem/);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_renamed_result.json'));
    expect(agg).toMatchObject({
      disagg: true,
      is_multinode: true,
      prefill_tp: 2,
      prefill_pp: 1,
      prefill_ep: 2,
      prefill_dp_attention: 'false',
      prefill_num_workers: 1,
      decode_tp: 4,
      decode_ep: 4,
      decode_dp_attention: 'true',
      num_prefill_gpu: 2,
      num_decode_gpu: 4,
      tput_per_gpu: 1000, // 6,000 tok/s over all 6 GPUs
      output_tput_per_gpu: 500, // 2,000 output tok/s over the 4 decode GPUs
      input_tput_per_gpu: 2000, // (6,000 - 2,000) tok/s over the 2 prefill GPUs
      prefill_hw: 'gb200',
      decode_hw: 'gb300',
      mean_ttft: 0.1505,
      mean_intvty: 40, // 1000 / 25 ms
      power_valid: 1,
      // 2 prefill GPUs x 500 W x 10 s = 10,000 J; 4 decode GPUs x 700 W x 10 s = 28,000 J.
      total_gpu_energy_j: 38000,
      prefill_gpu_energy_j: 10000,
      decode_gpu_energy_j: 28000,
      prefill_avg_power_w: 500,
      decode_avg_power_w: 700,
      prefill_joules_per_input_token: 0.25, // 10,000 J / 40,000 input tokens
      decode_joules_per_output_token: 1.4, // 28,000 J / 20,000 output tokens
    });
    const keys = Object.keys(agg);
    expect(keys.indexOf('decode_hw')).toBe(keys.indexOf('input_tput_per_gpu') + 2);
  });

  it('multinode aggregated with DECODE_* given: disagg false whatever DISAGG says, all GPUs as denominators, prefill role fields only', async () => {
    const dir = multinode(AGG_DEVICES);
    const run = await cli(['process-result'], dir, {
      ...MULTI_ENV,
      PREFILL_GPUS: '4',
      DECODE_GPUS: '0',
      DECODE_NUM_WORKERS: '0',
    });
    expect(run.stderr).not.toMatch(/Power validation failed|problem/);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_renamed_result.json'));
    expect(agg).toMatchObject({
      disagg: false,
      decode_tp: 0,
      decode_ep: 0,
      decode_pp: 1,
      decode_num_workers: 0,
      decode_dp_attention: 'true',
      num_prefill_gpu: 4,
      num_decode_gpu: 0,
      tput_per_gpu: 1500, // 6,000 / 4
      output_tput_per_gpu: 500, // 2,000 / 4: the one pool makes every output token
      input_tput_per_gpu: 1000, // 4,000 / 4
      power_valid: 1,
      total_gpu_energy_j: 24000, // 4 GPUs x 600 W x 10 s
      avg_power_w: 600,
      // The one pool is the prefill pool of the GPU split: 24,000 J over 10 s and 4 GPUs, / 40,000 input tokens.
      prefill_gpu_energy_j: 24000,
      prefill_avg_power_w: 600,
      prefill_joules_per_input_token: 0.6,
    });
    for (const key of ROLE_KEYS.filter((k) => k.startsWith('decode_'))) expect(agg).not.toHaveProperty(key);
  });

  it('multinode aggregated without any DECODE_* variable', async () => {
    const dir = multinode(AGG_DEVICES);
    const env: Record<string, string> = { ...MULTI_ENV, PREFILL_GPUS: '4', DECODE_GPUS: '0' };
    for (const name of ['DECODE_NUM_WORKERS', 'DECODE_TP', 'DECODE_EP', 'DECODE_DP_ATTN']) delete env[name];
    const run = await cli(['process-result'], dir, env);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_renamed_result.json'));
    expect(agg).toMatchObject({
      disagg: false,
      decode_tp: 0,
      decode_ep: 0,
      decode_num_workers: 0,
      decode_dp_attention: '',
      num_decode_gpu: 0,
      power_valid: 1,
    });
  });

  it('multinode aggregated without PREFILL_TP fails, names it, and writes nothing', async () => {
    const dir = multinode(AGG_DEVICES);
    const env: Record<string, string> = { ...MULTI_ENV, PREFILL_GPUS: '4', DECODE_GPUS: '0' };
    delete env.PREFILL_TP;
    const stderr = await expectConfigError(dir, env, 'PREFILL_TP: missing');
    expect(stderr).not.toContain('DECODE_');
  });

  it('multinode without a power package: agg written, power_valid 0 with the reason', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'renamed_result.json',
      benchJson({ model_id: 'm', max_concurrency: 4, total_token_throughput: 6000, output_throughput: 2000 }),
    );
    const run = await cli(['process-result'], dir, MULTI_ENV);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_renamed_result.json'));
    expect(agg.power_valid).toBe(0);
    for (const key of [...POWER_KEYS, ...ROLE_KEYS]) expect(agg).not.toHaveProperty(key);
    expect(readJson(join(dir, 'power_validation_renamed_result.json')).reasons).toContain('power_artifacts_missing');
  });

  it('lists every configuration problem at once', async () => {
    const dir = singleNode();
    const env: Record<string, string> = {
      ...SINGLE_ENV,
      ISL: 'long',
      OSL: '1k',
      ROUTER_METADATA: '{"name": "r"}',
      PCP_SIZE: '0',
    };
    delete env.IMAGE;
    delete env.TP;
    await expectConfigError(
      dir,
      env,
      'IMAGE: missing',
      'ISL: is "long"',
      'OSL: is "1k"',
      'ROUTER_METADATA: has keys [name]',
      'TP: missing',
      'PCP_SIZE: is 0',
    );
  });

  it.each([
    ['DISAGG=true on a single node', { DISAGG: 'TRUE' }, 'DISAGG'],
    [
      'RESULT_FILENAME escaping the folder',
      { RESULT_FILENAME: '../dsr1_result' },
      'RESULT_FILENAME: is "../dsr1_result"',
    ],
    ['an absolute RESULT_FILENAME', { RESULT_FILENAME: '/etc/passwd' }, 'RESULT_FILENAME'],
    ['a missing result file', { RESULT_FILENAME: 'other' }, 'other.json: no such file'],
    [
      'metadata with an extra key',
      { ROUTER_METADATA: '{"name": "r", "version": "1", "url": "x"}' },
      'exactly "name" and "version"',
    ],
    ['metadata that is not JSON', { ROUTER_METADATA: '{name: r}' }, 'ROUTER_METADATA: is not valid JSON'],
    ['metadata with an empty version', { ROUTER_METADATA: '{"name": "r", "version": ""}' }, 'non-empty strings'],
  ])('refuses %s', async (_name, change, subject) => {
    await expectConfigError(singleNode(), { ...SINGLE_ENV, ...change }, subject);
  });

  it.each([
    ['PREFILL_GPUS=0', { PREFILL_GPUS: '0' }, 'PREFILL_GPUS: is 0'],
    ['a fractional DECODE_GPUS', { DECODE_GPUS: '1.5' }, 'DECODE_GPUS: is "1.5"'],
    ['DECODE_PCP_SIZE=0', { DECODE_PCP_SIZE: '0' }, 'DECODE_PCP_SIZE: is 0'],
    [
      'PREFILL_HARDWARE without DECODE_HARDWARE',
      { PREFILL_HARDWARE: 'gb200' },
      'DECODE_HARDWARE: missing while PREFILL_HARDWARE is set',
    ],
  ])('refuses multinode %s', async (_name, change, subject) => {
    await expectConfigError(multinode(), { ...MULTI_ENV, ...change }, subject);
  });

  it.each([
    ['malformed JSON', '{"model_id": "m",', 'is not a JSON object'],
    ['a list', '[{"model_id": "m"}]', 'is a JSON list'],
    [
      'no max_concurrency',
      JSON.stringify({ model_id: 'm', total_token_throughput: 1, output_throughput: 1 }),
      'max_concurrency: missing',
    ],
    [
      'no model_id',
      JSON.stringify({ max_concurrency: 4, total_token_throughput: 1, output_throughput: 1 }),
      'model_id: missing',
    ],
    [
      'a non-numeric string throughput',
      JSON.stringify({
        model_id: 'm',
        max_concurrency: 4,
        total_token_throughput: '15000 tok/s',
        output_throughput: 1,
      }),
      'total_token_throughput: is the string "15000 tok/s"',
    ],
    [
      'a fractional concurrency',
      JSON.stringify({ model_id: 'm', max_concurrency: 4.5, total_token_throughput: 1, output_throughput: 1 }),
      'max_concurrency: is 4.5',
    ],
    [
      'a string latency',
      JSON.stringify({
        model_id: 'm',
        max_concurrency: 4,
        total_token_throughput: 1,
        output_throughput: 1,
        mean_ttft_ms: 'fast',
      }),
      'mean_ttft_ms: is the string "fast"',
    ],
    [
      'a zero tpot',
      JSON.stringify({
        model_id: 'm',
        max_concurrency: 4,
        total_token_throughput: 1,
        output_throughput: 1,
        median_tpot_ms: 0,
      }),
      'median_tpot_ms: is 0',
    ],
  ])('refuses a result with %s', async (_name, content, subject) => {
    const dir = singleNode();
    writeFile(dir, 'dsr1_result.json', content);
    await expectConfigError(dir, SINGLE_ENV, subject);
  });

  it('keeps an auditable result when power aggregation fails unexpectedly', async () => {
    const dir = singleNode();
    const result = await runProcessResult(
      { cwd: dir, env: SINGLE_ENV },
      {
        aggregate: async (options) => {
          // A half-finished patch followed by a crash: stale power fields must not survive.
          writeFileSync(
            options.aggResult,
            '{\n  "hw": "h200",\n  "avg_power_w": 1.0,\n  "decode_gpu_energy_j": 2.0,\n  "power_valid": 1\n}',
          );
          throw new TypeError('boom');
        },
        aggregateMultinode: async () => {
          throw new Error('not a multinode run');
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(result.power).toMatchObject({
      valid: false,
      reasons: [expect.objectContaining({ code: 'aggregation_internal_error' })],
    });
    expect(readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8')).toBe(
      '{\n  "hw": "h200",\n  "power_valid": 0,\n  "power_metric_schema_version": 2\n}',
    );
    const sidecar = readJson(join(dir, 'power_validation_dsr1_result.json'));
    expect(sidecar).toMatchObject({
      power_valid: false,
      reasons: ['aggregation_internal_error'],
      internal_error: { type: 'TypeError', message: 'boom' },
      expected_gpu_count: 8,
    });

    const strict = await runProcessResult(
      { cwd: dir, env: { ...SINGLE_ENV, REQUIRE_POWER: 'yes' } },
      {
        aggregate: () => Promise.reject(new Error('boom')),
        aggregateMultinode: () => Promise.reject(new Error('boom')),
      },
    );
    expect(strict.exitCode).toBe(1);
    expect(readJson(join(dir, 'agg_dsr1_result.json')).conc).toBe(64);
  });
});

describe('sweep-power process-result: hostile result shapes', () => {
  it('reads a result with a value nested 100,000 levels deep without crashing', async () => {
    const dir = singleNode();
    const depth = 100_000;
    const base = JSON.parse(readFileSync(join(dir, 'dsr1_result.json'), 'utf8')) as Record<string, unknown>;
    writeFile(
      dir,
      'dsr1_result.json',
      `${JSON.stringify(base).slice(0, -1)}, "per_request": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    const run = await cli(['process-result'], dir, SINGLE_ENV);
    expect(run.code).toBe(0);
    // The deep value is not part of the agg JSON; power is still 8 GPUs x 600 W x 60 s = 288,000 J.
    expect(readJson(join(dir, 'agg_dsr1_result.json'))).toMatchObject({ power_valid: 1, total_gpu_energy_j: 288_000 });
  });

  it('refuses a result nested 100,000 levels deep where the fields should be, and writes nothing', async () => {
    const dir = singleNode();
    const depth = 100_000;
    writeFile(dir, 'dsr1_result.json', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    await expectConfigError(dir, SINGLE_ENV, 'is a JSON list');
  });
});

describe('sweep-power process-result: numbers written as strings', () => {
  it('reads numeric strings as Python int()/float() do: "32", " 1e3 ", "12_000.0"', async () => {
    const dir = singleNode({
      max_concurrency: ' 64\n',
      total_token_throughput: '15000.5',
      output_throughput: ' 1.2e4 ',
      mean_ttft_ms: '150.5',
      p99_tpot_ms: '4_0',
    });
    const run = await cli(['process-result'], dir, SINGLE_ENV);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_dsr1_result.json'));
    expect(agg).toMatchObject({
      conc: 64,
      tput_per_gpu: 1875.0625, // 15,000.5 / 8 GPUs
      output_tput_per_gpu: 1500, // 12,000 / 8
      input_tput_per_gpu: 375.0625, // 3,000.5 / 8
      mean_ttft: 0.1505, // 150.5 ms
      p99_tpot: 0.04, // 40 ms
      p99_intvty: 25, // 1000 / 40
      power_valid: 1,
    });
    // The agg JSON holds numbers, never the strings the result had.
    expect(readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8')).toContain('"conc": 64,');
  });

  it('writes the NaN Python reads from "nan" in a latency field, as it does for the NaN token', async () => {
    const dir = singleNode({ mean_ttft_ms: 'nan' });
    const run = await cli(['process-result'], dir, SINGLE_ENV);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'agg_dsr1_result.json'), 'utf8')).toContain('"mean_ttft": NaN,');
  });

  it.each([
    ['max_concurrency', '32.0', 'max_concurrency'],
    ['max_concurrency', 'thirty-two', 'max_concurrency'],
    ['output_throughput', '12k', 'output_throughput'],
    ['total_token_throughput', 'inf', 'total_token_throughput'],
    ['mean_ttft_ms', '1__5', 'mean_ttft_ms'],
  ])(
    'refuses %s = %j (Python cannot read it, or it is not finite) by name, writing nothing',
    async (key, value, subject) => {
      const dir = singleNode({ [key]: value });
      const stderr = await expectConfigError(dir, SINGLE_ENV, subject);
      expect(stderr).toContain(`the string "${value}"`);
    },
  );
});

describe("sweep-power process-result: the reference's sentences lead the problems", () => {
  it.each([
    [
      'missing variables, named together',
      (env: Record<string, string | undefined>) => ({ ...env, TP: undefined, DP_ATTENTION: undefined }),
      'Missing required environment variables: TP, DP_ATTENTION',
    ],
    [
      'DISAGG without multinode',
      (env: Record<string, string | undefined>) => ({ ...env, DISAGG: 'true' }),
      'Disaggregated mode requires multinode setup.',
    ],
    [
      'router metadata with extra keys',
      (env: Record<string, string | undefined>) => ({
        ...env,
        ROUTER_METADATA: '{"name": "r", "version": "1", "mode": "x"}',
      }),
      "ROUTER_METADATA must contain exactly 'name' and 'version'",
    ],
  ])('%s', async (_name, edit, lead) => {
    const dir = singleNode();
    const env = Object.fromEntries(
      Object.entries(edit(SINGLE_ENV)).filter(([, v]) => v !== undefined),
    ) as NodeJS.ProcessEnv;
    const stderr = await expectConfigError(dir, env);
    const lines = stderr.split('\n');
    // The sentence is the first line after the summary, and the precise problems follow it.
    expect(lines[1]).toBe(`  ${lead}`);
  });

  it.each([
    [{ PREFILL_HARDWARE: 'gb200' }, 'PREFILL_HARDWARE and DECODE_HARDWARE must be specified together.'],
    [{ PREFILL_GPUS: '0', DECODE_GPUS: '0' }, 'Multinode results require at least one GPU.'],
  ])('multinode %j', async (extra, lead) => {
    const dir = multinode();
    const stderr = await expectConfigError(dir, { ...MULTI_ENV, ...extra });
    expect(stderr.split('\n')).toContain(`  ${lead}`);
  });

  it('says "Power validation failed" when power is invalid, and still prints the agg JSON', async () => {
    const dir = singleNode();
    const run = await cli(['process-result'], dir, { ...SINGLE_ENV, TP: '2' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/sweep-power aggregate: Power validation failed: expected_gpu_count_mismatch/);
    expect(JSON.parse(run.stdout)).toMatchObject({ power_valid: 0, tp: 2 });
  });
});
