import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BASE,
  benchJson,
  cli,
  grid,
  nvidiaCsv,
  nvidiaTimestamp,
  readJson,
  tempWorkspace,
  writeFile,
} from '../helpers/workspace.js';

const STALE_AGG = '{\n  "hw": "h200",\n  "power_valid": 1,\n  "avg_power_w": 5.0\n}';
const ARGS = ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'];

describe('aggregate regressions', () => {
  it('power values that overflow the integral give power_value_out_of_range and clear a stale power_valid: 1', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'gpu_metrics.csv',
      nvidiaCsv(grid(BASE - 5, BASE + 65, 2, () => 1)).replace(/ 1\.00 W/g, ' 1e308 W'),
    );
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', STALE_AGG);
    const run = await cli(ARGS, dir);
    expect(run.code).toBe(0);
    expect(readJson(join(dir, 'agg.json'))).toEqual({ hw: 'h200', power_valid: 0, power_metric_schema_version: 2 });
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.reasons).toEqual(['power_value_out_of_range']);
    expect(sidecar.per_gpu_energy_j).toEqual({});
    expect(readFileSync(join(dir, 'power_validation_bench.json'), 'utf8')).not.toMatch(/null,?\n\s*"1"|Infinity|NaN/);
  });

  it('per-GPU energies that are finite but sum past the double range are refused', async () => {
    const dir = tempWorkspace();
    // Each GPU integrates 1e308 W over a 1 s window: finite per GPU, Infinity in total.
    writeFile(
      dir,
      'gpu_metrics.csv',
      `timestamp,gpu,power\n${[0, 1, 2].flatMap((t) => ['0', '1'].map((g) => `${BASE + t},${g},1e308`)).join('\n')}\n`,
    );
    writeFile(
      dir,
      'bench.json',
      benchJson({ benchmark_start_time_unix: BASE + 0.5, benchmark_end_time_unix: BASE + 1.5, duration: 1 }),
    );
    writeFile(dir, 'agg.json', STALE_AGG);
    await cli(ARGS, dir);
    expect(readJson(join(dir, 'agg.json')).power_valid).toBe(0);
    expect(readJson(join(dir, 'power_validation_bench.json')).reasons).toEqual(['power_value_out_of_range']);
  });

  it('an unterminated last line cut inside the power cell is not read as a smaller value', async () => {
    const dir = tempWorkspace();
    const samples = grid(BASE - 2, BASE + 60, 2, () => 600);
    // The sampler is killed while writing the bracketing sample "600.00 W": "60" is all that reached the disk.
    const cut = `${nvidiaTimestamp(BASE + 61)}, 0, 600.00 W, 65\n${nvidiaTimestamp(BASE + 61)}, 1, 60`;
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(samples.filter(([t]) => t < BASE + 60)) + cut);
    writeFile(dir, 'bench.json', benchJson({ benchmark_end_time_unix: BASE + 60.5, duration: 60.5 }));
    writeFile(dir, 'agg.json', STALE_AGG);
    await cli(ARGS, dir);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    // GPU 1 lost its only sample after the window end: not bracketed, rather than a plausible wrong energy.
    expect(sidecar.reasons).toEqual(['benchmark_window_not_bracketed']);
    expect((sidecar.telemetry_notes as Record<string, unknown>).truncated_last_line).toBe(true);
    expect(readJson(join(dir, 'agg.json')).power_valid).toBe(0);
  });

  it('a final row ended by a lone CR is complete, not truncated', async () => {
    const dir = tempWorkspace();
    const lines = [
      'timestamp,gpu,power',
      ...grid(BASE - 1, BASE + 61, 2, () => 300).map(([t, g, w]) => `${t},${g},${w}`),
    ];
    writeFile(dir, 'gpu_metrics.csv', `${lines.join('\r')}\r`);
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', STALE_AGG);
    await cli(ARGS, dir);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.reasons).toEqual([]);
    expect((sidecar.telemetry_notes as Record<string, unknown>).truncated_last_line).toBe(false);
    expect(readJson(join(dir, 'agg.json')).total_gpu_energy_j).toBe(36_000);
  });

  it('a benchmark window whose length overflows is invalid_benchmark_window, not a zero average', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 5, BASE + 65, 2, () => 100)));
    writeFile(
      dir,
      'bench.json',
      benchJson({ benchmark_start_time_unix: -1e308, benchmark_end_time_unix: 1e308, duration: 1e308 }),
    );
    writeFile(dir, 'agg.json', STALE_AGG);
    await cli(ARGS, dir);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.reasons).toEqual(['invalid_benchmark_window']);
    expect(readJson(join(dir, 'agg.json')).power_valid).toBe(0);
  });
});

describe('atomic writes', () => {
  it('patches an agg JSON whose name is near the file-name limit (255 bytes)', async () => {
    const dir = tempWorkspace();
    const name = `agg_${'dsr1-fp8-mi355x-sglang-tp8-conc64-'.repeat(7).slice(0, 240)}.json`;
    expect(Buffer.byteLength(name)).toBeGreaterThan(240);
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 2, () => 250)));
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, name, STALE_AGG);
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', name, '--expected-num-gpus', '2'],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(readJson(join(dir, name))).toMatchObject({ hw: 'h200', power_valid: 1, total_gpu_energy_j: 30_000 });
  });
});

describe('agg JSON that is not UTF-8', () => {
  it('is left byte-identical with aggregate_result_unwritable instead of rewriting its bytes as U+FFFD', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 2, () => 250)));
    writeFile(dir, 'bench.json', benchJson());
    // A Latin-1 "é" (0xE9) in an unrelated value: not UTF-8, so not JSON.
    const latin1 = Buffer.concat([
      Buffer.from('{\n  "model": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('",\n  "power_valid": 1\n}'),
    ]);
    writeFile(dir, 'agg.json', latin1);
    await cli(ARGS, dir);
    expect(readFileSync(join(dir, 'agg.json')).equals(latin1)).toBe(true);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.reasons).toEqual(['aggregate_result_unwritable']);
    expect((sidecar.reason_messages as Record<string, string>).aggregate_result_unwritable).toMatch(
      /not valid UTF-8 \(byte 17\)/,
    );
  });
});

describe('aggregate usage', () => {
  it('an --expected-num-gpus too large to be an exact integer is a usage error that writes nothing', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 2, BASE + 62, 2, () => 250)));
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', STALE_AGG);
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '9'.repeat(400)],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--expected-num-gpus must be an integer');
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(STALE_AGG);
    expect(() => readFileSync(join(dir, 'power_validation_bench.json'))).toThrow(/ENOENT/);
  });
});
