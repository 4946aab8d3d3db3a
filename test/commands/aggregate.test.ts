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

const AGG = '{\n  "hw": "h200",\n  "conc": 64\n}';

function worked(dir: string): void {
  // Warmup at 100 W before the window, 600 W inside, eval at 200 W after.
  writeFile(
    dir,
    'gpu_metrics.csv',
    nvidiaCsv(grid(BASE - 20, BASE + 90, 8, (t) => (t < BASE ? 100 : t <= BASE + 60 ? 600 : 200))),
  );
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', AGG);
}

describe('sweep-power aggregate', () => {
  it('computes the worked example: 8 GPUs x 600 W x 60 s / 30,000 tokens = 9.6 J/token', async () => {
    const dir = tempWorkspace();
    worked(dir);
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'],
      dir,
    );
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg.json'));
    expect(agg).toEqual({
      hw: 'h200',
      conc: 64,
      power_metric_schema_version: 2,
      power_valid: 1,
      avg_power_w: 600,
      avg_total_gpu_power_w: 4800,
      total_gpu_energy_j: 288_000,
      joules_per_successful_query: 2880, // 288,000 J / 100 queries
      joules_per_input_token: 4.8, // 288,000 J / 60,000 tokens
      joules_per_output_token: 9.6,
      joules_per_total_token: 3.2, // 288,000 J / 90,000 tokens
    });
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.power_valid).toBe(true);
    expect(sidecar.observed_gpu_count).toBe(8);
    expect(run.stdout).toContain('avg_power_w=600.00');
  });

  it('writes Python-style floats and keeps unrelated keys byte for byte', async () => {
    const dir = tempWorkspace();
    worked(dir);
    writeFile(dir, 'agg.json', '{\n  "x": 1.0,\n  "2": [1, 2],\n  "big": 12345678901234567890\n}');
    await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'],
      dir,
    );
    const text = readFileSync(join(dir, 'agg.json'), 'utf8');
    expect(
      text.startsWith(
        '{\n  "x": 1.0,\n  "2": [1, 2],\n  "big": 12345678901234567890,\n  "power_metric_schema_version": 2,\n  "power_valid": 1,\n  "avg_power_w": 600.0,',
      ),
    ).toBe(true);
  });
});

type Json = Record<string, unknown>;

async function aggregate(dir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = await cli(
    [
      'aggregate',
      '--bench-result',
      'bench.json',
      '--agg-result',
      'agg.json',
      '--expected-num-gpus',
      String(extra.includes('--gpus1') ? 1 : 8),
      ...extra.filter((a) => a !== '--gpus1'),
    ],
    dir,
    env,
  );
  const agg = (() => {
    try {
      return readJson(join(dir, 'agg.json'));
    } catch {
      return undefined;
    }
  })();
  const sidecar = (() => {
    try {
      return readJson(join(dir, 'power_validation_bench.json'));
    } catch {
      return undefined;
    }
  })();
  return { ...run, agg: agg as Json, sidecar: sidecar as Json };
}

function setup(dir: string, csv: string, bench = benchJson(), agg = AGG): void {
  writeFile(dir, 'gpu_metrics.csv', csv);
  writeFile(dir, 'bench.json', bench);
  writeFile(dir, 'agg.json', agg);
}

const steady = (gpus = 8, watts = 600) => nvidiaCsv(grid(BASE - 5, BASE + 65, gpus, () => watts));

describe('aggregate: telemetry location', () => {
  it('uses $GPU_METRICS_CSV when that file exists', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(8, 100));
    writeFile(dir, 'other/metrics.csv', steady(8, 300));
    const r = await aggregate(dir, [], { GPU_METRICS_CSV: 'other/metrics.csv' });
    expect(r.agg.avg_power_w).toBe(300);
    expect(r.sidecar.telemetry_source).toBe(join(dir, 'other/metrics.csv'));
  });

  it('falls back to ./gpu_metrics.csv when $GPU_METRICS_CSV names no file', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(8, 100));
    const r = await aggregate(dir, [], { GPU_METRICS_CSV: 'nope.csv' });
    expect(r.agg.avg_power_w).toBe(100);
  });

  it('--csv wins over the environment', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(8, 100));
    writeFile(dir, 'x.csv', steady(8, 250));
    const r = await aggregate(dir, ['--csv', 'x.csv'], { GPU_METRICS_CSV: 'gpu_metrics.csv' });
    expect(r.agg.avg_power_w).toBe(250);
  });

  it('names every place it looked when no telemetry exists', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', AGG);
    const r = await aggregate(dir, [], { GPU_METRICS_CSV: 'missing.csv' });
    expect(r.code).toBe(0);
    expect(r.sidecar.reasons).toEqual(['telemetry_file_missing']);
    expect(r.stderr).toContain(join(dir, 'missing.csv'));
    expect(r.stderr).toContain(join(dir, 'gpu_metrics.csv'));
    expect(r.stderr).toContain('/workspace/gpu_metrics.csv');
    expect(r.agg).toEqual({ hw: 'h200', conc: 64, power_metric_schema_version: 2, power_valid: 0 });
  });
});

describe('aggregate: formats', () => {
  it('reads amd-smi CSV with a tool preamble, repeated headers and epoch seconds', async () => {
    const dir = tempWorkspace();
    const lines = [
      'AMDSMI Tool: 26.2.0+abc | AMDSMI Library version: 26.2.0',
      'Watching 2 GPUs, press CTRL+C to stop',
      'timestamp,gpu,gfx_activity,socket_power,power_management',
    ];
    for (let t = BASE - 3; t <= BASE + 63; t++) {
      if (t === BASE + 30) lines.push('timestamp,gpu,gfx_activity,socket_power,power_management');
      lines.push(`${t},0,99,700,ENABLED`, `${t},1,98,500,ENABLED`);
    }
    setup(dir, `${lines.join('\n')}\n`);
    const r = await aggregate(dir, ['--expected-num-gpus', '2']);
    // (700 + 500) W x 60 s = 72,000 J; per GPU 600 W; 72,000 J / 30,000 tokens = 2.4 J/token.
    expect(r.agg).toMatchObject({
      power_valid: 1,
      avg_power_w: 600,
      total_gpu_energy_j: 72_000,
      joules_per_output_token: 2.4,
    });
    expect(r.sidecar).toMatchObject({ telemetry_format: 'amd-smi', observed_gpu_ids: ['0', '1'] });
    expect(r.sidecar.telemetry_notes).toMatchObject({ preamble_lines: 2, repeated_header_lines: 1 });
  });

  it('reads millisecond epochs and ISO timestamps', async () => {
    const dir = tempWorkspace();
    const ms = ['timestamp,gpu,socket_power'];
    const iso = ['timestamp,gpu,socket_power'];
    for (let t = BASE - 2; t <= BASE + 62; t++) {
      ms.push(`${t * 1000},0,400`);
      iso.push(`${new Date(t * 1000).toISOString().replace('Z', '+00:00')},0,400`);
    }
    setup(dir, `${ms.join('\n')}\n`);
    writeFile(dir, 'iso.csv', `${iso.join('\n')}\n`);
    // 400 W x 60 s = 24,000 J for one GPU.
    expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg.total_gpu_energy_j).toBe(24_000);
    expect((await aggregate(dir, ['--expected-num-gpus', '1', '--csv', 'iso.csv'])).agg.total_gpu_energy_j).toBe(
      24_000,
    );
  });

  it('infers GPUs from row order without a GPU column and never reports the sum as per-GPU power', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp,slot,power.draw [W]'];
    for (let t = BASE - 2; t <= BASE + 62; t++) for (let g = 0; g < 4; g++) lines.push(`${t},${'abcd'[g]},500.00 W`);
    setup(dir, `${lines.join('\n')}\n`);
    const r = await aggregate(dir, ['--expected-num-gpus', '4']);
    // 4 GPUs x 500 W: per GPU 500 W (not 2000 W), total 2000 W x 60 s = 120,000 J.
    expect(r.agg).toMatchObject({
      power_valid: 1,
      avg_power_w: 500,
      avg_total_gpu_power_w: 2000,
      total_gpu_energy_j: 120_000,
    });
    // Timestamps BASE-2..BASE+62 all lie within the window plus the 3 s gap margin: 65 groups of 4 rows.
    expect(r.sidecar).toMatchObject({
      gpu_identity: { method: 'row_position_per_timestamp', rows_per_group: 4, groups: 65 },
      observed_gpu_count: 4,
    });
  });

  it('takes power.draw even when power.limit comes first', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp, index, power.limit [W], power.draw [W]'];
    for (let t = BASE - 2; t <= BASE + 62; t++) lines.push(`${nvidiaTimestamp(t)}, 0, 700.00 W, 350.00 W`);
    setup(dir, `${lines.join('\n')}\n`);
    expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg.avg_power_w).toBe(350);
  });

  it('reads a BOM, CRLF line breaks and quoted cells', async () => {
    const dir = tempWorkspace();
    const lines = ['\ufefftimestamp, index, power.draw [W]'];
    for (let t = BASE - 2; t <= BASE + 62; t++) lines.push(`"${nvidiaTimestamp(t)}", "0", "300.00 W"`);
    setup(dir, `${lines.join('\r\n')}\r\n`);
    expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg).toMatchObject({
      power_valid: 1,
      avg_power_w: 300,
    });
  });

  it('reads nvidia-smi local time in the process time zone (TZ)', async () => {
    const dir = tempWorkspace();
    // Written by a machine in UTC+9: 21:00 local is 12:00 UTC.
    const lines = ['timestamp, index, power.draw [W]'];
    for (let t = BASE - 2; t <= BASE + 62; t++) lines.push(`${nvidiaTimestamp(t + 9 * 3600)}, 0, 200.00 W`);
    setup(dir, `${lines.join('\n')}\n`);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg).toMatchObject({
        power_valid: 1,
        total_gpu_energy_j: 12_000,
      });
      process.env.TZ = 'UTC';
      expect((await aggregate(dir, ['--expected-num-gpus', '1'])).sidecar.reasons).toEqual(['no_usable_power_samples']);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('aggregate: the window', () => {
  it('interpolates at window edges that fall between samples', async () => {
    const dir = tempWorkspace();
    // One GPU sampled every 2 s at odd seconds: 100 W before the window, 300 W from BASE+1 on.
    // P(BASE) is halfway between 100 W (BASE-1) and 300 W (BASE+1): 200 W.
    // Energy = (200+300)/2 x 1 s + 300 W x 59 s = 250 + 17,700 = 17,950 J (P(BASE+60) = 300 W).
    setup(dir, nvidiaCsv(grid(BASE - 9, BASE + 69, 1, (t) => (t < BASE ? 100 : 300), 2)));
    const r = await aggregate(dir, ['--expected-num-gpus', '1']);
    expect(r.agg).toMatchObject({ power_valid: 1, total_gpu_energy_j: 17_950, avg_power_w: 299.167 });
    expect(r.sidecar.per_gpu_max_sample_gap_s).toEqual({ '0': 2 });
  });

  it('accepts a 3.0 s gap and rejects a 3.5 s gap inside the window', async () => {
    const within = tempWorkspace();
    setup(within, nvidiaCsv(grid(BASE - 3, BASE + 63, 1, () => 100, 3)));
    expect((await aggregate(within, ['--expected-num-gpus', '1'])).agg.power_valid).toBe(1);
    const beyond = tempWorkspace();
    const samples = grid(BASE - 2, BASE + 62, 1, () => 100).filter(([t]) => !(t > BASE + 10 && t < BASE + 13.5));
    samples.push([BASE + 13.5, 0, 100]);
    samples.sort((a, b) => a[0] - b[0]);
    setup(beyond, nvidiaCsv(samples));
    const r = await aggregate(beyond, ['--expected-num-gpus', '1']);
    expect(r.agg).toEqual({ hw: 'h200', conc: 64, power_metric_schema_version: 2, power_valid: 0 });
    expect(r.sidecar.reasons).toEqual(['sampling_gap_exceeded']);
    expect(r.sidecar.device_issues).toEqual({ '0': ['sampling_gap_exceeded'] });
    expect(r.sidecar.per_gpu_max_sample_gap_s).toEqual({ '0': 3.5 });
  });

  it('reports a window the telemetry does not bracket', async () => {
    const dir = tempWorkspace();
    setup(dir, nvidiaCsv(grid(BASE + 1, BASE + 62, 2, () => 100)));
    const r = await aggregate(dir, ['--expected-num-gpus', '2']);
    expect(r.sidecar.reasons).toEqual(['benchmark_window_not_bracketed']);
    expect(r.sidecar.device_issues).toEqual({
      '0': ['benchmark_window_not_bracketed'],
      '1': ['benchmark_window_not_bracketed'],
    });
  });

  it('averages duplicate timestamps and sorts out-of-order rows', async () => {
    const dir = tempWorkspace();
    const samples = grid(BASE - 2, BASE + 62, 2, () => 600);
    // Each GPU-0 sample is doubled as 500 W and 700 W: the mean is 600 W again.
    const doubled = samples.flatMap(([t, g, w]) =>
      g === 0
        ? [
            [t, g, 500],
            [t, g, 700],
          ]
        : [[t, g, w]],
    ) as typeof samples;
    doubled.reverse();
    setup(dir, nvidiaCsv(doubled));
    const r = await aggregate(dir, ['--expected-num-gpus', '2']);
    // 2 GPUs x 600 W x 60 s = 72,000 J.
    expect(r.agg).toMatchObject({ power_valid: 1, total_gpu_energy_j: 72_000, avg_power_w: 600 });
    expect((r.sidecar.telemetry_notes as Json).out_of_order_gpus).toEqual(['0', '1']);
  });

  it('flags a GPU count that differs from --expected-num-gpus', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(4));
    const r = await aggregate(dir);
    expect(r.sidecar).toMatchObject({
      reasons: ['expected_gpu_count_mismatch'],
      expected_gpu_count: 8,
      observed_gpu_count: 4,
    });
    expect(r.stderr).toContain('telemetry has 4 GPU(s)');
  });
});

describe('aggregate: bad telemetry', () => {
  const badPower = (cell: string) => {
    const lines = ['timestamp, index, power.draw [W]'];
    for (let t = BASE - 2; t <= BASE + 62; t++)
      lines.push(`${nvidiaTimestamp(t)}, 0, ${t === BASE + 30 ? cell : '100.00 W'}`);
    return `${lines.join('\n')}\n`;
  };

  it.each(['[N/A]', 'N/A', '-5.00 W', 'Unknown', 'abc'])(
    'power %j inside the window is invalid_power_sample, located',
    async (cell) => {
      const dir = tempWorkspace();
      setup(dir, badPower(cell));
      const r = await aggregate(dir, ['--expected-num-gpus', '1']);
      expect(r.sidecar.reasons).toEqual(['invalid_power_sample']);
      // Header is line 1, BASE-2 is line 2, so BASE+30 is line 34.
      expect(r.stderr).toContain(`gpu_metrics.csv:34: power "${cell}"`);
    },
  );

  it('ignores bad power rows far outside the window', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp, index, power.draw [W]', `${nvidiaTimestamp(BASE - 100)}, 0, [N/A]`];
    for (let t = BASE - 2; t <= BASE + 62; t++) lines.push(`${nvidiaTimestamp(t)}, 0, 100.00 W`);
    lines.push(`${nvidiaTimestamp(BASE + 100)}, 0, [N/A]`);
    setup(dir, `${lines.join('\n')}\n`);
    expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg.power_valid).toBe(1);
  });

  it('accepts exponent notation', async () => {
    const dir = tempWorkspace();
    setup(dir, badPower('1.0e2 W'));
    expect((await aggregate(dir, ['--expected-num-gpus', '1'])).agg).toMatchObject({
      power_valid: 1,
      avg_power_w: 100,
    });
  });

  it('rejects an unreadable timestamp anywhere, naming its line', async () => {
    const dir = tempWorkspace();
    setup(dir, `${steady(1).trimEnd()}\nnot-a-time, 0, 100.00 W\n`);
    const r = await aggregate(dir, ['--expected-num-gpus', '1']);
    expect(r.sidecar.reasons).toEqual(['invalid_timestamp_sample']);
    expect(r.stderr).toContain('gpu_metrics.csv:73: timestamp "not-a-time"');
  });

  it('skips a truncated last line without a newline and says so', async () => {
    const dir = tempWorkspace();
    setup(dir, `${steady(1)}${nvidiaTimestamp(BASE + 66)}, 0`);
    const r = await aggregate(dir, ['--expected-num-gpus', '1']);
    expect(r.agg.power_valid).toBe(1);
    expect((r.sidecar.telemetry_notes as Json).truncated_last_line).toBe(true);
  });

  it.each([
    ['an empty file', '', ['telemetry_file_empty']],
    ['a header only', 'timestamp, index, power.draw [W]\n', ['no_usable_power_samples']],
    [
      'no power column',
      'timestamp, index, power.limit [W]\n2026/05/20 12:00:00.000, 0, 700 W\n',
      ['power_column_missing'],
    ],
    ['no timestamp column', 'index, power.draw [W]\n0, 100 W\n', ['timestamp_column_missing']],
    ['binary junk', Buffer.from([0, 1, 2, 255, 254, 10, 0, 0]), ['timestamp_column_missing', 'power_column_missing']],
  ])('%s', async (_name, content, reasons) => {
    const dir = tempWorkspace();
    setup(dir, content as string);
    const r = await aggregate(dir);
    expect(r.code).toBe(0);
    expect(r.sidecar.reasons).toEqual(reasons);
    expect(r.agg.power_valid).toBe(0);
  });
});

describe('aggregate: bench result', () => {
  it.each([
    ['missing window', { benchmark_start_time_unix: undefined }, ['invalid_benchmark_window']],
    ['end before start', { benchmark_end_time_unix: BASE - 1 }, ['invalid_benchmark_window']],
    ['string window', { benchmark_start_time_unix: String(BASE) }, ['invalid_benchmark_window']],
    ['duration off by 5 s', { duration: 65 }, ['benchmark_duration_mismatch']],
    ['zero output tokens', { total_output_tokens: 0 }, ['invalid_output_token_count']],
    ['text token count', { total_input_tokens: '60000' }, ['invalid_input_token_count']],
    ['no completed count', { completed: undefined }, ['invalid_successful_query_count']],
  ])('%s', async (_name, overrides, reasons) => {
    const dir = tempWorkspace();
    setup(dir, steady(), benchJson(overrides));
    const r = await aggregate(dir);
    expect(r.sidecar.reasons).toEqual(reasons);
    expect(r.agg).toEqual({ hw: 'h200', conc: 64, power_metric_schema_version: 2, power_valid: 0 });
    if (reasons[0] !== 'invalid_benchmark_window') {
      // The measurement itself is still audited: 8 GPUs x 600 W x 60 s.
      const energies = Object.values(r.sidecar.per_gpu_energy_j as Record<string, number>);
      expect(energies.reduce((a, b) => a + b, 0)).toBe(288_000);
    }
  });

  it('records a bench result that is not JSON', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(), '{"benchmark_start_time_unix": ');
    const r = await aggregate(dir);
    expect(r.sidecar.reasons).toEqual(['invalid_benchmark_result']);
  });
});

describe('aggregate: the agg JSON', () => {
  it('removes stale power fields when the new measurement is invalid', async () => {
    const dir = tempWorkspace();
    setup(
      dir,
      steady(4),
      benchJson(),
      '{"hw": "h200", "power_valid": 1, "avg_power_w": 600.0, "joules_per_output_token": 9.6, "decode_avg_power_w": 1.0, "power_metric_schema_version": 2}',
    );
    const r = await aggregate(dir);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(
      '{\n  "hw": "h200",\n  "power_valid": 0,\n  "power_metric_schema_version": 2\n}',
    );
    expect(r.sidecar.power_valid).toBe(false);
  });

  it.each([
    ['not JSON', '{"hw": '],
    ['a list', '[{"hw": "h200"}]'],
  ])('leaves an agg JSON that is %s byte-identical', async (_name, text) => {
    const dir = tempWorkspace();
    setup(dir, steady(), benchJson(), text);
    const r = await aggregate(dir);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(text);
    expect(r.sidecar).toMatchObject({ power_valid: false, reasons: ['aggregate_result_unwritable'] });
  });

  it('still writes the sidecar when the agg JSON is missing', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', steady());
    writeFile(dir, 'bench.json', benchJson());
    const r = await aggregate(dir);
    expect(r.sidecar).toMatchObject({ power_valid: false, reasons: ['aggregate_result_missing'] });
    expect(r.sidecar.metrics).toEqual({});
  });

  it('writes the sidecar where --validation-result says', async () => {
    const dir = tempWorkspace();
    worked(dir);
    await aggregate(dir, ['--validation-result', 'audit/side.json']);
    expect(readJson(join(dir, 'audit/side.json'))).toMatchObject({
      power_valid: true,
      reasons: [],
      integration_method: 'per_device_trapezoidal_with_linear_boundary_interpolation',
      // Samples within 3 s of the window count: BASE-3 .. BASE+63 at 1 Hz is 67 per GPU.
      per_gpu_sample_counts: { '0': 67, '7': 67 },
      metrics: { total_gpu_energy_j: 288_000, joules_per_output_token: 9.6 },
    });
  });
});

describe('aggregate: exit codes', () => {
  it('is best effort by default and fails with --require-power after writing the audit files', async () => {
    const dir = tempWorkspace();
    setup(dir, steady(4));
    expect((await aggregate(dir)).code).toBe(0);
    const strict = await aggregate(dir, ['--require-power']);
    expect(strict.code).toBe(1);
    expect(strict.sidecar.reasons).toEqual(['expected_gpu_count_mismatch']);
    expect(strict.agg.power_valid).toBe(0);
  });

  it.each(['1', 'true', 'YES'])('REQUIRE_POWER=%s also makes it strict', async (value) => {
    const dir = tempWorkspace();
    setup(dir, steady(4));
    expect((await aggregate(dir, [], { REQUIRE_POWER: value })).code).toBe(1);
  });

  it('exits 0 under --require-power when power is valid', async () => {
    const dir = tempWorkspace();
    worked(dir);
    expect((await aggregate(dir, ['--require-power'])).code).toBe(0);
  });
});

describe('agg JSON rounding through the CLI', () => {
  it("rounds an exact binary tie as Python's round() does: 600.0625 W gives 600.062, not 600.063", async () => {
    const dir = tempWorkspace();
    // One GPU at 600.0625 W (= 9601/16, exact in binary) from 5 s before to 5 s after a 60 s window.
    const rows = ['timestamp, index, power.draw [W], temperature.gpu'];
    for (let t = BASE - 5; t <= BASE + 65; t += 1) rows.push(`${nvidiaTimestamp(t)}, 0, 600.0625 W, 65`);
    writeFile(dir, 'gpu_metrics.csv', `${rows.join('\n')}\n`);
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', AGG);
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '1'],
      dir,
    );
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, 'agg.json'), 'utf8');
    // 600.0625 W x 60 s = 36,003.75 J, exact; the average is the tie 600.0625, rounded half to even at 3 decimals.
    expect(text).toContain('"avg_power_w": 600.062,');
    expect(text).toContain('"avg_total_gpu_power_w": 600.062,');
    expect(text).toContain('"total_gpu_energy_j": 36003.75,');
  });
});
