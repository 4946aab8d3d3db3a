import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BASE, benchJson, cli, grid, nvidiaCsv, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const ARGS = ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'];

describe('aggregate: energy insights in the sidecar', () => {
  it('phases, idle floor and efficiency for warmup 100 W, benchmark 600 W, eval 200 W on 8 GPUs', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 20, BASE + 90, 8, (t) => (t < BASE ? 100 : t <= BASE + 60 ? 600 : 200))));
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', '{"conc": 64}');
    const run = await cli(ARGS, dir);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg.json'));
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.schema_version).toBe(2);
    const insights = sidecar.insights as Record<string, any>;
    const [before, benchmark, after] = insights.phases;
    // Before: 19 s x 100 W + (100 + 600) / 2 per GPU; after: (600 + 200) / 2 + 29 s x 200 W per GPU.
    expect(before).toMatchObject({ name: 'before', start_unix: BASE - 20, end_unix: BASE, duration_s: 20, energy_j: 8 * 2250 });
    expect(benchmark).toMatchObject({ name: 'benchmark', duration_s: 60, energy_j: 288_000, avg_total_power_w: 4800 });
    expect(benchmark.energy_j).toBe(agg.total_gpu_energy_j);
    expect(after).toMatchObject({ name: 'after', start_unix: BASE + 60, end_unix: BASE + 90, energy_j: 8 * 6200 });
    expect(insights.idle).toMatchObject({ baseline_total_w: 800, span_start_unix: BASE - 20, energy_above_idle_j: 288_000 - 800 * 60 });
    expect(insights.efficiency).toEqual({ output_tokens_per_joule: 30_000 / 288_000 });
    expect(insights.quality).toMatchObject({ gpus_reporting: '8/8', median_interval_s: 1, energy_bound_j: 0 });
    expect(insights.counter).toBeNull();
    expect(insights.power_limit).toBeNull();
  });

  it('reads a counter, the enforced limit and the GPU name from the telemetry header', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp, name, index, power.draw [W], enforced.power.limit [W], total_energy_consumption [J]'];
    for (let t = BASE - 5; t <= BASE + 65; t++) {
      for (let g = 0; g < 8; g++) lines.push(`${nvidiaTimestamp(t)}, NVIDIA H100 80GB HBM3, ${g}, 600.00 W, 620.00 W, ${(1e6 + 600 * (t - BASE)).toFixed(3)}`);
    }
    writeFile(dir, 'gpu_metrics.csv', `${lines.join('\n')}\n`);
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', '{"conc": 64}');
    expect((await cli(ARGS, dir)).code).toBe(0);
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>;
    expect(insights.counter).toMatchObject({ source: 'nvidia_smi_total_energy', energy_j: 288_000, integral_energy_j: 288_000, ratio: 1, resets: 0, agreement: 'ok' });
    // 600 W is at or above 95 % of 620 W in every in-window sample.
    expect(insights.power_limit).toMatchObject({ enforced_w: 620, source: 'column', share_at_cap: 1, implausible_samples: 0 });
  });

  it('keeps the verdict when the recording starts after the window start', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE + 10, BASE + 90, 8, () => 600)));
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', '{"conc": 64}');
    expect((await cli(ARGS, dir)).code).toBe(0);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.power_valid).toBe(false);
    expect(sidecar.reasons).toContain('benchmark_window_not_bracketed');
    const insights = sidecar.insights as Record<string, any>;
    expect(insights.phases[1]).toMatchObject({ energy_j: null, reason: 'benchmark_window_not_bracketed' });
    expect(insights.warnings).toContain('recording_starts_after_window_start');
  });
});
