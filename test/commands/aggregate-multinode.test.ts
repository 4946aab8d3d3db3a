import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';
import {
  AGG_DEVICES,
  buildPackage,
  DISAGG_DEVICES,
  editJson,
  PRODUCER_SHA,
  type PackageSpec,
} from '../helpers/power-package.js';

const WHOLE = [
  'avg_power_w',
  'avg_total_gpu_power_w',
  'total_gpu_energy_j',
  'joules_per_successful_query',
  'joules_per_input_token',
  'joules_per_output_token',
  'joules_per_total_token',
];
const ROLE = [
  'prefill_gpu_energy_j',
  'decode_gpu_energy_j',
  'prefill_avg_power_w',
  'decode_avg_power_w',
  'prefill_joules_per_input_token',
  'decode_joules_per_output_token',
];

function workspace(spec: PackageSpec) {
  const dir = tempWorkspace();
  const pkg = buildPackage(dir, spec);
  // The launcher renames the workspace copy; the content links it to its window.
  writeFile(dir, 'renamed_result.json', JSON.stringify(pkg.bench, null, 2));
  writeFile(
    dir,
    'agg.json',
    '{\n  "hw": "gb200",\n  "conc": 4,\n  "avg_power_w": 1.0,\n  "decode_avg_power_w": 2.0\n}',
  );
  return { dir, pkg };
}

function run(
  dir: string,
  prefill: number,
  decode: number,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = { POWER_PRODUCER_SHA: PRODUCER_SHA },
) {
  return cli(
    [
      'aggregate-multinode',
      '--bench-result',
      'renamed_result.json',
      '--agg-result',
      'agg.json',
      '--prefill-gpus',
      String(prefill),
      '--decode-gpus',
      String(decode),
      ...extra,
    ],
    dir,
    env,
  );
}

async function expectInvalid(dir: string, reason: string, prefill = 2, decode = 4, env?: NodeJS.ProcessEnv) {
  const result = await run(dir, prefill, decode, [], env);
  expect(result.code).toBe(0);
  const agg = readJson(join(dir, 'agg.json'));
  expect(agg.power_valid).toBe(0);
  expect(agg.power_metric_schema_version).toBe(2);
  for (const key of [...WHOLE, ...ROLE]) expect(agg).not.toHaveProperty(key);
  const sidecar = readJson(join(dir, 'power_validation_renamed_result.json'));
  expect(sidecar.power_valid).toBe(false);
  expect(sidecar.reasons).toContain(reason);
  const strict = await run(dir, prefill, decode, ['--require-power'], env);
  expect(strict.code).toBe(1);
  return sidecar;
}

describe('sweep-power aggregate-multinode', () => {
  it('integrates a disaggregated deployment: 2 prefill GPUs at 500 W + 4 decode GPUs at 700 W for 10 s', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const result = await run(dir, 2, 4);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // prefill: 2 x 500 W x 10 s = 10,000 J; decode: 4 x 700 W x 10 s = 28,000 J; total 38,000 J.
    expect(readJson(join(dir, 'agg.json'))).toEqual({
      hw: 'gb200',
      conc: 4,
      power_metric_schema_version: 2,
      power_valid: 1,
      avg_power_w: 633.333, // 38,000 J / 10 s / 6 GPUs = 633.33 W
      avg_total_gpu_power_w: 3800,
      total_gpu_energy_j: 38000,
      joules_per_successful_query: 950, // / 40 queries
      joules_per_input_token: 0.95, // / 40,000
      joules_per_output_token: 1.9, // / 20,000
      joules_per_total_token: 0.633333, // / 60,000
      prefill_gpu_energy_j: 10000,
      prefill_avg_power_w: 500,
      prefill_joules_per_input_token: 0.25, // 10,000 J / 40,000 input tokens
      decode_gpu_energy_j: 28000,
      decode_avg_power_w: 700,
      decode_joules_per_output_token: 1.4, // 28,000 J / 20,000 output tokens
    });
    const text = readFileSync(join(dir, 'agg.json'), 'utf8');
    expect(text).toContain('"avg_total_gpu_power_w": 3800.0,');
    const sidecar = readJson(join(dir, 'power_validation_renamed_result.json'));
    expect(sidecar.power_valid).toBe(true);
    expect(sidecar.per_gpu_role).toMatchObject({ 'node-p/GPU-node-p-0': 'prefill', 'node-d/GPU-node-d-3': 'decode' });
    expect((sidecar.producer as Record<string, unknown>).recomputed_publication_valid).toBe(true);
    expect(sidecar.selected_window).toMatchObject({ window_file: 'windows/original_result.json', concurrency: 4 });
  });

  it('accepts an aggregated deployment in the GPU-split role contract (every GPU "prefill", --decode-gpus 0)', async () => {
    const { dir } = workspace({ devices: AGG_DEVICES.map((d) => ({ ...d, role: 'prefill' as const })) });
    const result = await run(dir, 4, 0);
    expect(result.stderr).toBe('');
    const agg = readJson(join(dir, 'agg.json'));
    expect(agg.power_valid).toBe(1);
    // 4 GPUs x 600 W x 10 s = 24,000 J, all of it the prefill pool's.
    expect(agg.total_gpu_energy_j).toBe(24000);
    expect(agg.avg_power_w).toBe(600);
    expect(agg.prefill_gpu_energy_j).toBe(24000);
    expect(agg.prefill_avg_power_w).toBe(600); // 24,000 J / 10 s / 4 GPUs
    expect(agg.prefill_joules_per_input_token).toBe(0.6); // 24,000 J / 40,000 input tokens
    for (const key of ['decode_gpu_energy_j', 'decode_avg_power_w', 'decode_joules_per_output_token'])
      expect(agg).not.toHaveProperty(key);
    const sidecar = readJson(join(dir, 'power_validation_renamed_result.json'));
    expect(sidecar.reasons).toEqual([]);
    expect(Object.values(sidecar.per_gpu_role as Record<string, string>)).toEqual([
      'prefill',
      'prefill',
      'prefill',
      'prefill',
    ]);
  });

  it('reads a pool labelled "agg" as the prefill pool of an aggregated deployment', async () => {
    const { dir } = workspace({ devices: AGG_DEVICES });
    const result = await run(dir, 4, 0);
    expect(result.stderr).toBe('');
    const agg = readJson(join(dir, 'agg.json'));
    expect(agg.total_gpu_energy_j).toBe(24000);
    expect(agg.prefill_gpu_energy_j).toBe(24000);
    expect(agg).not.toHaveProperty('decode_gpu_energy_j');
  });

  it('refuses "agg" devices mixed with a decode pool', async () => {
    const devices = [
      ...AGG_DEVICES.slice(0, 2),
      ...DISAGG_DEVICES.filter((d) => d.role === 'decode')
        .slice(0, 2)
        .map((d) => ({ ...d, het: null })),
    ];
    const { dir } = workspace({ devices });
    const sidecar = await expectInvalid(dir, 'topology_env_mismatch', 2, 2);
    expect((sidecar.failures as string[]).join('\n')).toContain('prefill');
  });

  it('creates the folder of --validation-result when it does not exist yet', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const result = await run(dir, 2, 4, ['--validation-result', 'audit/deep/power_validation.json']);
    expect(result.code).toBe(0);
    expect(readJson(join(dir, 'agg.json')).power_valid).toBe(1);
    const sidecar = readJson(join(dir, 'audit', 'deep', 'power_validation.json'));
    expect(sidecar.power_valid).toBe(true);
    expect(sidecar.reasons).toEqual([]);
  });

  it('interpolates a ramp at the window edges exactly', async () => {
    // One GPU ramps 100 W + 10 W/s from t=998: P(1000) = 120 W, P(1010) = 220 W -> (120+220)/2 x 10 s = 1,700 J.
    const devices = [
      { host: 'n', gpu: 0, role: 'prefill' as const, het: 0, watts: (t: number) => 100 + 10 * (t - 998) },
      { host: 'n2', gpu: 0, role: 'decode' as const, het: 1, watts: 0 },
    ];
    const { dir } = workspace({ devices });
    await run(dir, 1, 1);
    const agg = readJson(join(dir, 'agg.json'));
    expect(agg.prefill_gpu_energy_j).toBe(1700);
    expect(agg.decode_gpu_energy_j).toBe(0);
  });

  it('refuses a stored verdict the files do not support', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES, publicationValid: false });
    const sidecar = await expectInvalid(dir, 'producer_verdict_mismatch');
    expect((sidecar.producer as Record<string, unknown>).recomputed_publication_valid).toBe(true);
  });

  it('needs the producer pin and the right producer', async () => {
    let { dir } = workspace({ devices: DISAGG_DEVICES });
    await expectInvalid(dir, 'producer_pin_missing', 2, 4, {});
    ({ dir } = workspace({ devices: DISAGG_DEVICES }));
    await expectInvalid(dir, 'producer_commit_mismatch', 2, 4, { POWER_PRODUCER_SHA: 'b'.repeat(40) });
  });

  it('rejects role counts that are not the job topology', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const sidecar = await expectInvalid(dir, 'topology_env_mismatch', 3, 3);
    expect((sidecar.failures as string[]).join('\n')).toContain('expected 3 prefill GPUs, the manifest assigns 2');
  });

  it('rejects an aggregated job whose package has prefill and decode roles', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    await expectInvalid(dir, 'topology_env_mismatch', 6, 0);
  });

  it('rejects roles sharing a het group', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES.map((d) => ({ ...d, het: 0 })) });
    void pkg;
    const sidecar = await expectInvalid(dir, 'topology_env_mismatch');
    expect((sidecar.failures as string[]).some((f) => f.includes('share a het group'))).toBe(true);
  });

  it('rejects a window that the samples do not cover, naming the GPU', async () => {
    // Samples stop at t=1005, before the window ends at 1010.
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES, to: 1005 });
    editJson(pkg.manifestPath, (m) => {
      m.observed_devices = (m.observed_devices as Array<Record<string, unknown>>).map((d) => ({
        ...d,
        last_sample_time_unix: 1005,
      }));
    });
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    expect(sidecar.reasons).toContain('benchmark_window_not_bracketed');
    expect((sidecar.failures as string[]).join('\n')).toContain('measurement_window_not_bracketed');
  });

  it('rejects a sampling gap over the 3 s contract', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    const lines = readFileSync(pkg.samplesPath, 'utf8').split('\r\n');
    const kept = lines.filter((l) => !/^1,100[3-6]\.0,\d+,node-p,0,/.test(l));
    writeFileSync(pkg.samplesPath, kept.join('\r\n'));
    editJson(pkg.manifestPath, (m) => {
      m.sample_row_count = kept.length - 2;
    });
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    expect(sidecar.reasons).toContain('sampling_gap_exceeded');
    expect((sidecar.reason_messages as Record<string, string>).sampling_gap_exceeded).toContain('node-p/GPU-node-p-0');
  });

  it('rejects duplicate rows, malformed rows and a changed header', async () => {
    let { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    const lines = readFileSync(pkg.samplesPath, 'utf8').trimEnd().split('\r\n');
    writeFileSync(pkg.samplesPath, [...lines, lines[3], '1,abc,0,node-p,0,GPU-x,1.0'].join('\n'));
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    const failures = (sidecar.failures as string[]).join('\n');
    expect(failures).toContain('duplicate_sample_row');
    expect(failures).toContain('samples_csv_malformed');

    ({ dir, pkg } = workspace({ devices: DISAGG_DEVICES }));
    writeFileSync(pkg.samplesPath, readFileSync(pkg.samplesPath, 'utf8').replace('power_w', 'watts'));
    expect(((await expectInvalid(dir, 'package_recompute_invalid')).failures as string[]).join('\n')).toContain(
      'samples_csv_header_mismatch',
    );
  });

  it('refuses a window whose result_path leaves the logs root', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    editJson(pkg.windowPath, (w) => {
      w.result_path = '../original_result.json';
    });
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    expect((sidecar.failures as string[]).join('\n')).toContain('measurement_window_result_path_invalid');
  });

  it('refuses a symlinked window file', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, readFileSync(pkg.windowPath));
    rmSync(pkg.windowPath);
    symlinkSync(target, pkg.windowPath);
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    expect((sidecar.failures as string[]).join('\n')).toContain('measurement_window_artifact_path_invalid');
  });

  it('binds the result to its window by content', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const bench = readJson(join(dir, 'renamed_result.json'));
    writeFile(dir, 'renamed_result.json', JSON.stringify({ ...bench, completed: 41 }));
    await expectInvalid(dir, 'result_content_mismatch');
  });

  it('finds no window for another concurrency', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const bench = readJson(join(dir, 'renamed_result.json'));
    writeFile(dir, 'renamed_result.json', JSON.stringify({ ...bench, max_concurrency: 8 }));
    await expectInvalid(dir, 'window_for_result_missing');
  });

  it('reports a missing package, manifest, or a manifest that names a missing samples file', async () => {
    let { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    rmSync(pkg.powerDir, { recursive: true });
    await expectInvalid(dir, 'power_artifacts_missing');

    ({ dir, pkg } = workspace({ devices: DISAGG_DEVICES }));
    rmSync(pkg.manifestPath);
    await expectInvalid(dir, 'manifest_missing');

    ({ dir, pkg } = workspace({ devices: DISAGG_DEVICES }));
    writeFileSync(pkg.manifestPath, '{"schema_version": 1,');
    await expectInvalid(dir, 'manifest_malformed');

    ({ dir, pkg } = workspace({ devices: DISAGG_DEVICES }));
    rmSync(pkg.samplesPath);
    expect(((await expectInvalid(dir, 'package_recompute_invalid')).failures as string[]).join('\n')).toContain(
      'samples_csv_missing',
    );
  });

  it('reports a window whose original result is gone', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    rmSync(join(pkg.logsRoot, 'original_result.json'));
    const sidecar = await expectInvalid(dir, 'measurement_window_result_missing');
    expect((sidecar.failures as string[]).join('\n')).toContain(
      'measurement_window_result_missing (window sa-bench/4)',
    );
  });

  it('finds no usable samples when the samples end before the window starts', async () => {
    // Samples cover 900..950; the window is 1000..1010.
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES, from: 900, to: 950 });
    editJson(pkg.manifestPath, (m) => {
      m.observed_devices = (m.observed_devices as Array<Record<string, unknown>>).map((d) => ({
        ...d,
        first_sample_time_unix: 900,
        last_sample_time_unix: 950,
      }));
    });
    const sidecar = await expectInvalid(dir, 'benchmark_window_not_bracketed');
    expect(sidecar.per_gpu_energy_j).toEqual({});
  });

  it('rejects manifest evidence that does not match the files', async () => {
    const { dir, pkg } = workspace({ devices: DISAGG_DEVICES });
    editJson(pkg.manifestPath, (m) => {
      m.sample_row_count = 1;
    });
    const sidecar = await expectInvalid(dir, 'package_recompute_invalid');
    expect((sidecar.failures as string[]).join('\n')).toContain('sample_row_count');
  });

  it('turns an overflowing integration into non_finite_power_metric, listing every GPU with null energy', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES.map((d) => ({ ...d, watts: 9e307 })) });
    const sidecar = await expectInvalid(dir, 'non_finite_power_metric');
    expect(sidecar.reasons).toEqual(['non_finite_power_metric']);
    const text = readFileSync(join(dir, 'power_validation_renamed_result.json'), 'utf8');
    expect(text).not.toContain('Infinity');
    // 9e307 W + 9e307 W overflows each trapezoid: all 6 GPUs are listed, none has a number.
    const energies = sidecar.per_gpu_energy_j as Record<string, unknown>;
    expect(Object.keys(energies)).toHaveLength(6);
    expect(new Set(Object.values(energies))).toEqual(new Set([null]));
  });

  it('reports a total that overflows with finite per-GPU energies as non_finite_power_metric', async () => {
    // 1e307 W x 10 s = 1e308 J per GPU is finite; six of them sum past the largest double.
    const { dir } = workspace({ devices: DISAGG_DEVICES.map((d) => ({ ...d, watts: 1e307 })) });
    const sidecar = await expectInvalid(dir, 'non_finite_power_metric');
    expect(Object.values(sidecar.per_gpu_energy_j as Record<string, unknown>).every((v) => typeof v === 'number')).toBe(
      true,
    );
  });

  it('is a usage error without the GPU counts, and writes nothing', async () => {
    const { dir } = workspace({ devices: DISAGG_DEVICES });
    const before = readFileSync(join(dir, 'agg.json'), 'utf8');
    const result = await cli(
      [
        'aggregate-multinode',
        '--bench-result',
        'renamed_result.json',
        '--agg-result',
        'agg.json',
        '--prefill-gpus',
        '2',
      ],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--decode-gpus is required');
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(before);
  });
});
