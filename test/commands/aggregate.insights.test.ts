import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  BASE,
  benchJson,
  cli,
  grid,
  nvidiaCsv,
  nvidiaTimestamp,
  readJson,
  squareWaveTelemetry,
  tempWorkspace,
  writeFile,
} from '../helpers/workspace.js';

const ARGS = ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'];

describe('aggregate: energy insights in the sidecar', () => {
  it('phases, idle floor and efficiency for warmup 100 W, benchmark 600 W, eval 200 W on 8 GPUs', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'gpu_metrics.csv',
      nvidiaCsv(grid(BASE - 20, BASE + 90, 8, (t) => (t < BASE ? 100 : t <= BASE + 60 ? 600 : 200))),
    );
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
    expect(before).toMatchObject({
      name: 'before',
      start_unix: BASE - 20,
      end_unix: BASE,
      duration_s: 20,
      energy_j: 8 * 2250,
    });
    expect(benchmark).toMatchObject({ name: 'benchmark', duration_s: 60, energy_j: 288_000, avg_total_power_w: 4800 });
    expect(benchmark.energy_j).toBe(agg.total_gpu_energy_j);
    expect(after).toMatchObject({ name: 'after', start_unix: BASE + 60, end_unix: BASE + 90, energy_j: 8 * 6200 });
    expect(insights.idle).toMatchObject({
      baseline_total_w: 800,
      span_start_unix: BASE - 20,
      energy_above_idle_j: 288_000 - 800 * 60,
    });
    expect(insights.efficiency).toEqual({ output_tokens_per_joule: 30_000 / 288_000 });
    expect(insights.quality).toMatchObject({ gpus_reporting: '8/8', median_interval_s: 1, energy_bound_j: 0 });
    expect(insights.counter).toBeNull();
    expect(insights.power_limit).toBeNull();
  });

  it('reads a counter, the enforced limit and the GPU name from the telemetry header', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp, name, index, power.draw [W], enforced.power.limit [W], total_energy_consumption [J]'];
    for (let t = BASE - 5; t <= BASE + 65; t++) {
      for (let g = 0; g < 8; g++)
        lines.push(
          `${nvidiaTimestamp(t)}, NVIDIA H100 80GB HBM3, ${g}, 600.00 W, 620.00 W, ${(1e6 + 600 * (t - BASE)).toFixed(3)}`,
        );
    }
    writeFile(dir, 'gpu_metrics.csv', `${lines.join('\n')}\n`);
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', '{"conc": 64}');
    expect((await cli(ARGS, dir)).code).toBe(0);
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>;
    expect(insights.counter).toMatchObject({
      source: 'nvidia_smi_total_energy',
      energy_j: 288_000,
      integral_energy_j: 288_000,
      ratio: 1,
      resets: 0,
      agreement: 'ok',
    });
    // 600 W is at or above 95 % of 620 W in every in-window sample.
    expect(insights.power_limit).toMatchObject({
      enforced_w: 620,
      source: 'column',
      share_at_cap: 1,
      implausible_samples: 0,
    });
  });

  it('checks the counter against the aggregate integral when rows of a GPU arrive out of order', async () => {
    const dir = tempWorkspace();
    // Two GPUs at 300 W, GPU 1 at 900 W for its sample at BASE + 30, which the file lists after
    // its BASE + 31 row. Each GPU's joule counter adds up the trapezoids of its own samples.
    const power = (t: number, g: number): number => (g === 1 && t === BASE + 30 ? 900 : 300);
    const rows: Array<{ t: number; line: string }> = [];
    const counter = [1e6, 2e6];
    for (let t = BASE - 5; t <= BASE + 65; t++)
      for (let g = 0; g < 2; g++) {
        if (t > BASE - 5) counter[g] = (counter[g] as number) + (power(t - 1, g) + power(t, g)) / 2;
        rows.push({
          t,
          line: `${nvidiaTimestamp(t)}, ${g}, ${power(t, g).toFixed(2)} W, ${(counter[g] as number).toFixed(3)}`,
        });
      }
    const late = rows.findIndex((r) => r.t === BASE + 30 && r.line.includes(', 1, '));
    const early = rows.findIndex((r) => r.t === BASE + 31 && r.line.includes(', 1, '));
    [rows[late], rows[early]] = [rows[early] as (typeof rows)[number], rows[late] as (typeof rows)[number]];
    writeFile(
      dir,
      'gpu_metrics.csv',
      `timestamp, index, power.draw [W], total_energy_consumption [J]\n${rows.map((r) => r.line).join('\n')}\n`,
    );
    writeFile(dir, 'bench.json', benchJson());
    writeFile(dir, 'agg.json', '{"conc": 64}');
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const agg = readJson(join(dir, 'agg.json'));
    // 2 GPUs × 300 W × 60 s, plus the spike: (900 − 300) / 2 on each of its two seconds = 600 J.
    expect(agg.total_gpu_energy_j).toBe(36_600);
    const counterCheck = (readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>).counter;
    expect(counterCheck).toMatchObject({ energy_j: 36_600, integral_energy_j: 36_600, ratio: 1, agreement: 'ok' });
  });

  it('divides the benchmark energy by max_concurrency of the bench result for energy per user', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 5, BASE + 65, 8, () => 600)));
    writeFile(dir, 'bench.json', benchJson({ max_concurrency: 64 }));
    writeFile(dir, 'agg.json', '{"conc": 64}');
    expect((await cli(ARGS, dir)).code).toBe(0);
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>;
    // 8 GPUs x 600 W x 60 s = 288,000 J shared by 64 concurrent users = 4500 J each.
    expect(insights.efficiency).toEqual({ output_tokens_per_joule: 30_000 / 288_000, energy_per_user_j: 4500 });
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

  describe('agg JSON figures', () => {
    /** 8 GPUs: warmup 100 W, a 500/700 W square wave in the window, eval 200 W; a 620 W limit and a joule counter that integrates the same trapezoids. */
    function squareWave(dir: string): void {
      writeFile(dir, 'gpu_metrics.csv', squareWaveTelemetry('NVIDIA H100 80GB HBM3'));
      writeFile(dir, 'bench.json', benchJson());
      writeFile(dir, 'agg.json', '{"conc": 64, "hw": "h100"}');
    }

    it('adds the insights_* figures with --agg-insights', async () => {
      const dir = tempWorkspace();
      squareWave(dir);
      expect((await cli([...ARGS, '--agg-insights'], dir)).code).toBe(0);
      const agg = readJson(join(dir, 'agg.json'));
      // Every window interval runs between 500 and 700 W: the bound is 200 W x 1 s / 2 per interval, 60 intervals, 8 GPUs.
      expect(agg.insights_energy_bound_j).toBe(48_000);
      // Idle floor: 10 s of warmup, 8 x 100 W; the window holds 8 x 600 W x 60 s = 288,000 J.
      expect(agg.insights_idle_baseline_total_w).toBe(800);
      expect(agg.insights_energy_above_idle_j).toBe(288_000 - 800 * 60);
      expect(agg.insights_counter_agreement).toBe('ok');
      expect(agg.insights_counter_ratio).toBe(1);
      // 30 of the 61 in-window samples per GPU are 700 W, at or above 95 % of 620 W; the 500 W ones are not.
      expect(agg.insights_share_at_power_cap).toBe(Number((30 / 61).toFixed(6)));
      expect(agg.total_gpu_energy_j).toBe(288_000);
    });

    it('leaves the agg JSON key set as the reference writes it without the option, and removes stale insights_* keys', async () => {
      const plain = tempWorkspace();
      squareWave(plain);
      expect((await cli(ARGS, plain)).code).toBe(0);
      const keys = Object.keys(readJson(join(plain, 'agg.json')));
      expect(keys).toEqual([
        'conc',
        'hw',
        'power_metric_schema_version',
        'power_valid',
        'avg_power_w',
        'avg_total_gpu_power_w',
        'total_gpu_energy_j',
        'joules_per_successful_query',
        'joules_per_input_token',
        'joules_per_output_token',
        'joules_per_total_token',
      ]);

      const rerun = tempWorkspace();
      squareWave(rerun);
      expect((await cli([...ARGS, '--agg-insights'], rerun)).code).toBe(0);
      expect(Object.keys(readJson(join(rerun, 'agg.json'))).filter((k) => k.startsWith('insights_'))).toHaveLength(6);
      expect((await cli(ARGS, rerun)).code).toBe(0);
      expect(Object.keys(readJson(join(rerun, 'agg.json')))).toEqual(keys);
    });
  });
});
