import { describe, expect, it } from 'vitest';
import {
  InsightAccumulator,
  IDLE_METHOD,
  type InsightOptions,
  type InsightSample,
  type Insights,
} from '../../../src/core/insights/accumulator.js';
import {
  detectInsightColumns,
  readCounterCell,
  readLimitCell,
  unitFromName,
} from '../../../src/core/insights/columns.js';
import { nameplatePower } from '../../../src/core/insights/tdp.js';
import { numbersIn, runCore } from '../../helpers/core-run.js';

const T0 = 1_700_000_000;

function run(
  samples: InsightSample[],
  options: Partial<InsightOptions> & { start: number; end: number },
  reference?: number,
): Insights {
  const acc = new InsightAccumulator({ maxSampleGapS: 5, ...options });
  for (const s of samples) acc.push(s);
  return acc.finish(reference);
}

function phaseOf(insights: Insights, name: string) {
  const phase = insights.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`no phase ${name}`);
  return phase;
}

function expectAllFinite(value: unknown): void {
  for (const n of numbersIn(value)) expect(Number.isFinite(n)).toBe(true);
}

/** Idle 50 W (t 0..20), warmup 200 W (21..40), benchmark 500 W (41..80), eval 300 W (81..100), per GPU, 1 Hz. */
function steppedPower(t: number): number {
  if (t <= 20) return 50;
  if (t <= 40) return 200;
  if (t <= 80) return 500;
  return 300;
}

function stepped(gpus: string[]): InsightSample[] {
  const samples: InsightSample[] = [];
  for (let t = 0; t <= 100; t++) for (const gpu of gpus) samples.push({ t: T0 + t, gpu, watts: steppedPower(t) });
  return samples;
}

describe('phases and idle floor (idle, warmup, benchmark, eval steps)', () => {
  const window = { start: T0 + 41, end: T0 + 80 };
  const insights = run(stepped(['0', '1']), { ...window, expectedGpus: 2, outputTokens: 39_000, concurrency: 4 });

  it('splits the recording into before, benchmark and after with per-GPU trapezoids', () => {
    // Per GPU before: 20 s x 50 + (50+200)/2 + 19 s x 200 + (200+500)/2 = 5275 J.
    expect(phaseOf(insights, 'before')).toMatchObject({
      start_unix: T0,
      end_unix: T0 + 41,
      duration_s: 41,
      energy_j: 2 * 5275,
    });
    expect(phaseOf(insights, 'before').avg_total_power_w).toBeCloseTo((2 * 5275) / 41, 9);
    // Benchmark: 39 s x 500 W x 2 GPUs.
    expect(phaseOf(insights, 'benchmark')).toMatchObject({ duration_s: 39, energy_j: 39_000, avg_total_power_w: 1000 });
    // After: (500+300)/2 + 19 s x 300 = 6100 J per GPU.
    expect(phaseOf(insights, 'after')).toMatchObject({
      start_unix: T0 + 80,
      end_unix: T0 + 100,
      duration_s: 20,
      energy_j: 2 * 6100,
      avg_total_power_w: 610,
    });
  });

  it('finds the idle floor as the lowest 10 s mean of total power', () => {
    expect(insights.idle).toEqual({
      baseline_total_w: 100,
      method: IDLE_METHOD,
      span_start_unix: T0,
      energy_above_idle_j: 39_000 - 100 * 39,
    });
  });

  it('derives efficiency with aiperf definitions', () => {
    expect(insights.efficiency).toEqual({ output_tokens_per_joule: 1, energy_per_user_j: 39_000 / 4 });
    const notBound = run(stepped(['0', '1']), { ...window, outputTokens: 39_000 });
    expect(notBound.efficiency).toEqual({ output_tokens_per_joule: 1 });
    expect('energy_per_user_j' in notBound.efficiency).toBe(false);
  });

  it('reports sampling quality', () => {
    expect(insights.quality).toMatchObject({
      gpus_reporting: '2/2',
      per_gpu_coverage: { '0': 1, '1': 1 },
      median_interval_s: 1,
      energy_bound_j: 0,
    });
    expect(run(stepped(['0', '1']), { ...window, expectedGpus: 8 }).quality.gpus_reporting).toBe('2/8');
  });

  it('gives the same benchmark energy as the aggregate scan, bit for bit', () => {
    const lines = ['timestamp,index,power.draw [W]', ...stepped(['0', '1']).map((s) => `${s.t},${s.gpu},${s.watts}`)];
    // A window edge between samples exercises the interpolation on both sides.
    const edges = { start: T0 + 40.25, end: T0 + 80.6, maxSampleGapS: 5 };
    const core = runCore(lines, edges);
    expect(core.valid).toBe(true);
    const mine = run(stepped(['0', '1']), edges);
    expect(phaseOf(mine, 'benchmark').energy_j).toBe(core.summary?.totalEnergyJ);
    // 40.25..41: 0.75 s from 275 W (a quarter of the way from 200 to 500) to 500 W per GPU, then
    // 39 s x 500 W, then 80..80.6 from 500 W to 380 W.
    const perGpu = (0.75 * (275 + 500)) / 2 + 39 * 500 + (0.6 * (500 + 380)) / 2;
    // Edges at 1.7e9 s carry ~1e-7 s of rounding, so compare to the millijoule.
    expect(phaseOf(mine, 'benchmark').energy_j).toBeCloseTo(2 * perGpu, 2);
    // The three phases partition the whole recording's integral.
    const total = 2 * (5275 + 39 * 500 + 6100);
    expect(
      (phaseOf(mine, 'before').energy_j as number) +
        (phaseOf(mine, 'benchmark').energy_j as number) +
        (phaseOf(mine, 'after').energy_j as number),
    ).toBeCloseTo(total, 2);
  });

  it('prefers the aggregate total when one is given', () => {
    expect(phaseOf(run(stepped(['0']), window, 12_345), 'benchmark').energy_j).toBe(12_345);
  });
});

describe('energy bound (square wave)', () => {
  it('is half the gap between the upper and lower Riemann sums', () => {
    // 0 W and 1000 W alternating every second: upper sum 10 x 1000 J, lower 0 J.
    const samples = Array.from({ length: 11 }, (_, k) => ({ t: T0 + k, gpu: '0', watts: k % 2 === 0 ? 0 : 1000 }));
    const insights = run(samples, { start: T0, end: T0 + 10 });
    expect(insights.quality.energy_bound_j).toBe(5000);
    expect(phaseOf(insights, 'benchmark').energy_j).toBe(5000);
  });

  it('counts only the part of an interval inside the window and sums over GPUs', () => {
    const samples: InsightSample[] = [];
    for (let k = 0; k <= 10; k++)
      for (const gpu of ['a', 'b']) samples.push({ t: T0 + k, gpu, watts: k % 2 === 0 ? 0 : 400 });
    // Window 0.5..9.5: eight full intervals (8 x 200 J) plus two halves (2 x 100 J), per GPU.
    expect(run(samples, { start: T0 + 0.5, end: T0 + 9.5 }).quality.energy_bound_j).toBe(2 * (8 * 200 + 2 * 100));
  });
});

describe('energy counter cross-check', () => {
  /** 100 W constant at 1 Hz; the counter resets to 0 at t=10 and stays frozen from t=13 to t=15. */
  function counterRun(scale = 1, windowStart = 2.5, windowEnd = 17.5): Insights {
    const samples: InsightSample[] = [];
    for (let t = 0; t <= 20; t++) {
      let counter = t < 10 ? 1e6 + 100 * t : 100 * (t - 10);
      if (t === 14 || t === 15) counter = 100 * (13 - 10);
      samples.push({ t: T0 + t, gpu: '0', watts: 100, energyJ: counter * scale });
    }
    return run(samples, { start: T0 + windowStart, end: T0 + windowEnd, counterSource: 'dcgm_total_energy' });
  }

  it('sums interval increments, fills a reset from the integral and counts frozen intervals', () => {
    // 15 s at 100 W: the integral is 1500 J; the counter gives 0.5 x 100 + 6 x 100 (to t=9), the
    // reset interval 9..10 filled with 100 J, 3 x 100, two frozen intervals (0), the 300 J catch-up, 100 + 0.5 x 100.
    expect(counterRun().counter).toEqual({
      source: 'dcgm_total_energy',
      energy_j: 1500,
      integral_energy_j: 1500,
      ratio: 1,
      resets: 1,
      frozen_intervals: 2,
      filled_intervals: 0,
      agreement: 'ok',
    });
    expect(counterRun().warnings).toContain('counter_frozen');
  });

  it('warns outside 0.9-1.1 and rejects outside 0.1-10', () => {
    // A counter reading 1.2x: its increments give 1.2 x 1400 J plus the 100 J reset fill.
    const warn = counterRun(1.2).counter;
    expect(warn?.energy_j).toBeCloseTo(1.2 * 1400 + 100, 9);
    expect(warn?.agreement).toBe('warn');
    const reject = counterRun(20).counter;
    expect(reject?.ratio).toBeCloseTo((20 * 1400 + 100) / 1500, 9);
    expect(reject?.agreement).toBe('reject');
    expect(counterRun(20).warnings).toContain('counter_rejected');
  });

  it('is null without counters, and fills intervals with a missing reading from the integral', () => {
    expect(run(stepped(['0']), { start: T0 + 41, end: T0 + 80 }).counter).toBeNull();
    const samples: InsightSample[] = [0, 1, 2, 3, 4].map((k) => ({
      t: T0 + k,
      gpu: '0',
      watts: 200,
      ...(k === 2 ? {} : { energyJ: 200 * k }),
    }));
    const counter = run(samples, { start: T0, end: T0 + 4 }).counter;
    expect(counter).toMatchObject({
      energy_j: 800,
      integral_energy_j: 800,
      filled_intervals: 2,
      resets: 0,
      agreement: 'ok',
    });
  });

  it('treats a wrap (a counter going backwards) as one reset, not a negative window', () => {
    const samples = [0, 1, 2, 3].map((k) => ({
      t: T0 + k,
      gpu: '0',
      watts: 50,
      energyJ: k === 2 ? 5 : 4_294_967 + 50 * k,
    }));
    const counter = run(samples, { start: T0, end: T0 + 3 }).counter;
    // 0..1: 50 J, 1..2 backwards (reset, 50 J from power), 2..3: 4_294_967 + 150 - 5 J: a huge jump, so reject.
    expect(counter?.resets).toBe(1);
    expect(counter?.agreement).toBe('reject');
  });
});

describe('power limit', () => {
  it('uses the enforced limit column: share at cap and implausible readings', () => {
    const watts = [690, 690, 690, 690, 300, 300, 300, 300, 1300];
    const samples = watts.map((w, k) => ({ t: T0 + k, gpu: '0', watts: w, limitW: 700 }));
    const insights = run(samples, { start: T0, end: T0 + 8 });
    // At cap: >= 665 W (95 % of 700): four 690 W samples and the 1300 W one; implausible: > 1190 W.
    expect(insights.power_limit).toEqual({
      enforced_w: 700,
      source: 'column',
      share_at_cap: 5 / 9,
      implausible_samples: 1,
      implausible_examples: [{ t: T0 + 8, gpu: '0', watts: 1300, limit_w: 700 }],
    });
    expect(insights.warnings).toContain('implausible_power_samples');
  });

  it('falls back to the nameplate by GPU name and says when the name is unknown', () => {
    const samples = [0, 1, 2].map((k) => ({ t: T0 + k, gpu: '0', watts: 700 }));
    expect(run(samples, { start: T0, end: T0 + 2, gpuName: 'NVIDIA H100 80GB HBM3' }).power_limit).toMatchObject({
      enforced_w: 700,
      source: 'nameplate',
      nameplate_model: 'H100 SXM',
      share_at_cap: 1,
    });
    const unknown = run(samples, { start: T0, end: T0 + 2, gpuName: 'Mystery Accelerator 9000' });
    expect(unknown.power_limit).toBeNull();
    expect(unknown.warnings).toContain('gpu_name_not_in_tdp_table');
    expect(run(samples, { start: T0, end: T0 + 2 }).power_limit).toBeNull();
  });

  it('reports per-GPU limits when they differ', () => {
    const samples = [0, 1].flatMap((k) => [
      { t: T0 + k, gpu: '0', watts: 100, limitW: 700 },
      { t: T0 + k, gpu: '1', watts: 100, limitW: 500 },
    ]);
    expect(run(samples, { start: T0, end: T0 + 1 }).power_limit).toMatchObject({
      enforced_w: 700,
      enforced_w_by_gpu: { '0': 700, '1': 500 },
      share_at_cap: 0,
    });
  });

  it('knows the nameplate powers of current accelerators', () => {
    expect(nameplatePower('NVIDIA H200')?.watts).toBe(700);
    expect(nameplatePower('NVIDIA B200')?.watts).toBe(1000);
    expect(nameplatePower('NVIDIA A100-SXM4-80GB')?.watts).toBe(400);
    expect(nameplatePower('NVIDIA H100 PCIe')?.watts).toBe(350);
    expect(nameplatePower('AMD Instinct MI300X')?.watts).toBe(750);
    expect(nameplatePower('AMD Instinct MI325X')?.watts).toBe(1000);
    expect(nameplatePower('AMD Instinct MI355X')?.watts).toBe(1400);
    expect(nameplatePower('NVIDIA A100 80GB PCIe')).toBeUndefined();
    expect(nameplatePower('')).toBeUndefined();
  });
});

describe('quality details', () => {
  it('leaves gaps longer than the allowed sample gap out of coverage', () => {
    const samples = [0, 1, 2, 3, 8, 9, 10].map((k) => ({ t: T0 + k, gpu: '0', watts: 100 }));
    const insights = run(samples, { start: T0, end: T0 + 10, maxSampleGapS: 2 });
    expect(insights.quality.per_gpu_coverage).toEqual({ '0': 0.5 });
    expect(insights.quality.median_interval_s).toBe(1);
  });

  it('gives the exact median of many interleaved distinct intervals (more than are counted without a map)', () => {
    // 8 GPUs, each stamped at ms resolution on epoch seconds; GPU g's k-th interval is 0.990 + ((g + k) % 12) ms,
    // so 12 distinct intervals interleave. 600 intervals per GPU, each value 50 times: 4,800 intervals.
    // Sorted, the 2,400th falls in the 6th value (values 1..6 cover 2,400): 0.990 + 0.005 = 0.995 s.
    const samples: InsightSample[] = [];
    const clocks = Array.from({ length: 8 }, () => T0);
    for (let k = 0; k <= 600; k++)
      for (let g = 0; g < 8; g++) {
        samples.push({ t: Math.round((clocks[g] as number) * 1000) / 1000, gpu: String(g), watts: 100 });
        clocks[g] = (clocks[g] as number) + 0.99 + ((g + k) % 12) / 1000;
      }
    samples.sort((a, b) => a.t - b.t);
    const insights = run(samples, { start: T0, end: T0 + 100 });
    expect(insights.quality.median_interval_s).toBe(0.995);
  });

  it('estimates the median interval from a histogram once intervals are varied', () => {
    // 200 intervals alternating 0.1xx s and 2.xx s plus 300 near 1 s: median close to 1 s.
    const samples: InsightSample[] = [];
    let t = T0;
    for (let k = 0; k < 500; k++) {
      samples.push({ t, gpu: '0', watts: 100 });
      t += k < 300 ? 1 + (k % 7) * 1e-3 : k % 2 === 0 ? 0.1 + k * 1e-4 : 2 + k * 1e-4;
    }
    const median = run(samples, { start: T0, end: t }).quality.median_interval_s as number;
    expect(median).toBeGreaterThan(0.97);
    expect(median).toBeLessThan(1.03);
  });
});

describe('bad input', () => {
  it('a recording that starts after the window start gives reasons, not NaN', () => {
    const samples = stepped(['0']).filter((s) => s.t >= T0 + 50);
    const insights = run(samples, { start: T0 + 41, end: T0 + 80 });
    expect(phaseOf(insights, 'benchmark')).toMatchObject({ energy_j: null, reason: 'benchmark_window_not_bracketed' });
    expect(phaseOf(insights, 'before')).toMatchObject({
      duration_s: 0,
      energy_j: 0,
      avg_total_power_w: null,
      reason: 'recording_starts_at_or_after_window_start',
    });
    expect(insights.warnings).toContain('recording_starts_after_window_start');
    expect(insights.idle?.energy_above_idle_j).toBeNull();
    expect(insights.efficiency.output_tokens_per_joule).toBeNull();
    expectAllFinite(insights);
  });

  it('a zero-length window and zero-length phases', () => {
    const samples = [0, 1, 2].map((k) => ({ t: T0 + k, gpu: '0', watts: 100 }));
    const insights = run(samples, { start: T0 + 1, end: T0 + 1, outputTokens: 10 });
    expect(phaseOf(insights, 'benchmark')).toMatchObject({
      duration_s: 0,
      energy_j: 0,
      avg_total_power_w: null,
      reason: 'zero_length_phase',
    });
    expect(insights.quality.per_gpu_coverage).toEqual({ '0': null });
    expect(insights.efficiency.output_tokens_per_joule).toBeNull();
    const edge = run(samples, { start: T0, end: T0 + 2 });
    expect(phaseOf(edge, 'before')).toMatchObject({
      duration_s: 0,
      reason: 'recording_starts_at_or_after_window_start',
    });
    expect(edge.warnings).not.toContain('recording_starts_after_window_start');
    expectAllFinite(insights);
  });

  it('no samples, unreadable samples and rows out of order', () => {
    const empty = run([], { start: T0, end: T0 + 10 });
    expect(phaseOf(empty, 'benchmark')).toMatchObject({ energy_j: null, reason: 'no_power_samples' });
    expect(empty.idle).toBeNull();
    expect(empty.power_series).toBeNull();
    expect(empty.quality).toMatchObject({ gpus_reporting: '0/0', median_interval_s: null, energy_bound_j: null });
    expectAllFinite(empty);
    const messy = run(
      [
        { t: T0, gpu: '0', watts: 100 },
        { t: Number.NaN, gpu: '0', watts: 100 },
        { t: T0 + 1, gpu: '0', watts: -5 },
        { t: T0 + 2, gpu: '0', watts: 100 },
        { t: T0 + 1, gpu: '0', watts: 100 },
        { t: T0 + 3, gpu: '0', watts: Number.POSITIVE_INFINITY },
        { t: T0 + 4, gpu: '0', watts: 100 },
      ],
      { start: T0, end: T0 + 4 },
    );
    expect(messy.warnings).toEqual(expect.arrayContaining(['unreadable_samples_skipped', 'out_of_order_samples']));
    expect(phaseOf(messy, 'benchmark')).toMatchObject({ energy_j: null, reason: 'out_of_order_samples' });
    expectAllFinite(messy);
  });
});

describe('column detection', () => {
  it('reads counter units from field names and headers, never from magnitudes', () => {
    expect(
      detectInsightColumns(['timestamp', 'gpu', 'DCGM_FI_DEV_POWER_USAGE', 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION'])
        .counter,
    ).toEqual({ index: 3, source: 'dcgm_total_energy', unit: 'mJ' });
    expect(
      detectInsightColumns(['timestamp', 'index', ' power.draw [W]', ' total_energy_consumption [J]']).counter,
    ).toEqual({ index: 3, source: 'nvidia_smi_total_energy', unit: 'J' });
    expect(detectInsightColumns(['timestamp', 'index', 'power.draw [W]', 'total_energy_consumption']).problems).toEqual(
      [{ code: 'counter_unit_unknown', column: 'total_energy_consumption' }],
    );
    expect(unitFromName('energy (kWh)')).toBe('kWh');
    expect(unitFromName('energy_uj')).toBe('uJ');
  });

  it('refuses counter columns in mixed units', () => {
    const columns = detectInsightColumns([
      'timestamp',
      'index',
      'power.draw [W]',
      'total_energy_consumption [J]',
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
    ]);
    expect(columns.counter).toBeUndefined();
    expect(columns.problems).toEqual([
      {
        code: 'counter_units_mixed',
        columns: ['total_energy_consumption [J]', 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION'],
      },
    ]);
  });

  it('multiplies the amd-smi accumulator by its resolution (µJ per tick)', () => {
    const columns = detectInsightColumns([
      'timestamp',
      'gpu',
      'socket_power',
      'energy_accumulator',
      'counter_resolution',
    ]);
    expect(columns.counter).toEqual({ index: 3, source: 'amd_smi_energy_accumulator', unit: 'uJ', resolutionIndex: 4 });
    const reading = readCounterCell(['t', '0', '300', '1000000', '15.3'], columns.counter!);
    expect('value' in reading && reading.value).toBeCloseTo(15.3, 12);
    expect(detectInsightColumns(['timestamp', 'gpu', 'socket_power', 'energy_accumulator']).problems).toEqual([
      { code: 'counter_resolution_missing', column: 'energy_accumulator' },
    ]);
  });

  it('reads counter and limit cells with their units, and [N/A] as missing', () => {
    const mj = { index: 0, source: 'dcgm_total_energy' as const, unit: 'mJ' as const };
    expect(readCounterCell(['319159391'], mj)).toEqual({ value: 319159.391 });
    expect(readCounterCell(['5 J'], mj)).toEqual({ problem: 'unit_mismatch' });
    expect(readCounterCell(['[N/A]'], mj)).toEqual({ problem: 'not_available' });
    expect(readCounterCell(['lots'], mj)).toEqual({ problem: 'not_a_number' });
    const columns = detectInsightColumns([
      'timestamp',
      'name',
      'index',
      'power.draw [W]',
      'power.limit [W]',
      'enforced.power.limit [W]',
      'power.max_limit [W]',
    ]);
    expect(columns.limit).toEqual({ index: 5, unit: 'W', enforced: true });
    expect(columns.name).toEqual({ index: 1 });
    expect(readLimitCell(['700.00 W'], { index: 0, unit: 'W' })).toBe(700);
    expect(readLimitCell(['[N/A]'], { index: 0, unit: 'W' })).toBeUndefined();
    expect(readLimitCell(['700000'], { index: 0, unit: 'mW' })).toBe(700);
    expect(readLimitCell(['0'], { index: 0, unit: 'W' })).toBeUndefined();
  });
});

describe('power series for the chart', () => {
  it('is at most 120 buckets over a 24 h recording, each the mean total power', () => {
    const acc = new InsightAccumulator({ start: T0 + 3600, end: T0 + 7200, maxSampleGapS: 15 });
    for (let t = 0; t <= 86_400; t += 10)
      for (let g = 0; g < 8; g++) acc.push({ t: T0 + t, gpu: String(g), watts: 600 });
    const insights = acc.finish();
    const series = insights.power_series!;
    expect(series.total_w.length).toBeLessThanOrEqual(120);
    expect(series.total_w.length).toBeGreaterThan(60);
    expect(series.step_s * series.total_w.length).toBeGreaterThanOrEqual(86_400);
    for (const w of series.total_w) expect(w).toBeCloseTo(4800, 6);
    expect(insights.idle?.baseline_total_w).toBeCloseTo(4800, 6);
  });
});

describe('long sampling intervals', () => {
  it('a segment longer than the open-bin ring keeps totals and the chart right', () => {
    // Two GPUs read only every 200 s at a constant 100 W: the first segment spans 200 one-second bins.
    const samples: InsightSample[] = [0, 200, 400].flatMap((t) =>
      ['0', '1'].map((gpu) => ({ t: T0 + t, gpu, watts: 100 })),
    );
    const insights = run(samples, { start: T0 + 100, end: T0 + 300, maxSampleGapS: 250 });
    expect(phaseOf(insights, 'benchmark').energy_j).toBe(2 * 100 * 200);
    expect(phaseOf(insights, 'before').energy_j).toBe(2 * 100 * 100);
    expect(phaseOf(insights, 'after').energy_j).toBe(2 * 100 * 100);
    for (const w of insights.power_series!.total_w) expect(w).toBeCloseTo(200, 9);
    expect(insights.idle?.baseline_total_w).toBeCloseTo(200, 9);
    expectAllFinite(insights);
  });
});
