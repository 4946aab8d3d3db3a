import { describe, expect, it } from 'vitest';
import { compareRuns, configKey, latestByConfig } from '../../../src/core/report/compare.js';
import { rowFromAgg, type ReportRow } from '../../../src/core/report/rows.js';
import { relativePredictionInterval, sampleSd, tQuantile975 } from '../../../src/core/report/stats.js';

/** 600 W × 8 GPUs × 60 s = 288,000 J over 30,000 output tokens = 9.6 J/token. */
function agg(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hw: 'h200',
    conc: 64,
    model: 'deepseek-ai/DeepSeek-R1',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    spec_decoding: 'none',
    is_multinode: false,
    disagg: false,
    tp: 8,
    ep: 1,
    dp_attention: 'false',
    power_valid: 1,
    avg_power_w: 600,
    total_gpu_energy_j: 288_000,
    joules_per_output_token: 9.6,
    ...extra,
  };
}

/** A result whose energy is E = 9.6 J/token × 30,000 tokens × `scale`, with an optional energy bound as a fraction of E. */
function result(
  source: string,
  scale: number,
  options: {
    bound?: number;
    extra?: Record<string, unknown>;
    endedAt?: number;
    sidecar?: Record<string, unknown>;
  } = {},
): ReportRow {
  const energy = 288_000 * scale;
  const sidecar: Record<string, unknown> = { ...options.sidecar };
  if (options.bound !== undefined) sidecar.insights = { quality: { energy_bound_j: energy * options.bound } };
  if (options.endedAt !== undefined) sidecar.benchmark_window = { end_time_unix: options.endedAt };
  return rowFromAgg(
    source,
    agg({ total_gpu_energy_j: energy, joules_per_output_token: energy / 30_000, ...options.extra }),
    sidecar,
  );
}

describe('t quantile and prediction interval', () => {
  it('gives the tabled t(0.975) values, and the expansion meets the table beyond 30 degrees of freedom', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(30)).toBe(2.042);
    // Published values: t(0.975; 40) = 2.021, 60 → 2.000, 120 → 1.980; the normal limit is 1.960.
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBeNaN();
  });

  it('uses the sample standard deviation with n − 1 and scales by √(1 + 1/n)', () => {
    // 9.8, 10, 10.2: squared deviations 0.04 + 0 + 0.04 over n − 1 = 2 → s = 0.2.
    expect(sampleSd([9.8, 10, 10.2])).toBeCloseTo(0.2, 12);
    expect(relativePredictionInterval([9.8, 10, 10.2])).toBeCloseTo((4.303 * 0.2 * Math.sqrt(1 + 1 / 3)) / 10, 12);
    expect(relativePredictionInterval([10])).toBeUndefined();
  });
});

describe('compareRuns', () => {
  it('calls a 20 % higher J/output-token a regression decided by the threshold', () => {
    const c = compareRuns([result('now/agg_a.json', 1.2)], [result('base/agg_a.json', 1)]);
    const [config] = c.configs;
    expect(config!.verdict).toBe('regression');
    expect(config!.deltaJoulesPerToken).toBeCloseTo(0.2, 12);
    // Output tokens per joule fall to 1/1.2 of the baseline: −16.7 %.
    expect(config!.deltaTokensPerJoule).toBeCloseTo(1 / 1.2 - 1, 12);
    expect(config!.tolerance).toMatchObject({ value: 0.05, decidedBy: 'threshold', boundsKnown: false });
    expect(c.counts).toMatchObject({ regression: 1, comparable: 1 });
    expect(c.boundsUnknown).toBe(1);
  });

  it('calls a 1 % change within noise, and a 20 % lower one an improvement', () => {
    expect(compareRuns([result('n', 1.01)], [result('b', 1)]).configs[0]!.verdict).toBe('within noise');
    const better = compareRuns([result('n', 0.8)], [result('b', 1)]);
    expect(better.configs[0]!.verdict).toBe('improvement');
    expect(better.counts.improvement).toBe(1);
  });

  it('calls a change above the threshold but inside the energy error bars within noise', () => {
    // Bounds of 5 % on each side add to 10 %: an 8 % change is inside, a 12 % change outside.
    const inside = compareRuns([result('n', 1.08, { bound: 0.05 })], [result('b', 1, { bound: 0.05 })]).configs[0]!;
    expect(inside.verdict).toBe('within noise');
    expect(inside.tolerance!.bounds).toBeCloseTo(0.1, 12);
    expect(inside.tolerance!.decidedBy).toBe('energy bounds');
    expect(inside.tolerance!.boundsKnown).toBe(true);
    const outside = compareRuns([result('n', 1.12, { bound: 0.05 })], [result('b', 1, { bound: 0.05 })]).configs[0]!;
    expect(outside.verdict).toBe('regression');
    expect(outside.tolerance!.decidedBy).toBe('energy bounds');
  });

  it('widens the tolerance by the prediction interval of the baseline history', () => {
    // History J/token 9.6 × (0.9, 1.0, 1.1): mean 9.6, s = 0.96, n = 3 → 4.303 × 0.1 × √(4/3) ≈ 49.7 %.
    const history = [0.9, 1.0, 1.1].map((s, i) => [result(`h${i}/agg_a.json`, s)]);
    const c = compareRuns([result('n', 1.3)], history[2]!, { history });
    const config = c.configs[0]!;
    expect(config.history).toEqual([0.9, 1.0, 1.1].map((s) => (288_000 * s) / 30_000));
    expect(config.tolerance!.history).toBeCloseTo((4.303 * 0.1 * Math.sqrt(4 / 3)) / 1, 10);
    expect(config.tolerance!.decidedBy).toBe('history');
    // 1.3 / 1.1 − 1 = 18 %: above the threshold, inside the history interval.
    expect(config.verdict).toBe('within noise');
    expect(c.historyRuns).toBe(3);
  });

  it('gives no delta when either side is invalid, and says why', () => {
    const invalid = result('n', 1.5, { extra: { power_valid: 0 }, sidecar: { reasons: ['sampling_gap_exceeded'] } });
    const c = compareRuns([invalid], [result('b', 1)]);
    expect(c.configs[0]).toMatchObject({
      verdict: 'not comparable',
      reason: 'this run: invalid power (sampling_gap_exceeded)',
    });
    expect(c.configs[0]!.deltaJoulesPerToken).toBeUndefined();
    const missing = compareRuns([result('n', 1)], [result('b', 1, { extra: { power_valid: undefined } })]);
    expect(missing.configs[0]).toMatchObject({ verdict: 'not comparable', reason: 'baseline: no power data' });
    expect(missing.counts).toMatchObject({ notComparable: 1, comparable: 0 });
  });

  it('lists new and gone configs without a verdict', () => {
    const c = compareRuns(
      [result('n/1', 1, { extra: { conc: 4 } }), result('n/2', 1, { extra: { conc: 8 } })],
      [result('b/2', 1, { extra: { conc: 8 } }), result('b/3', 1, { extra: { conc: 16 } })],
    );
    expect(c.configs.map((x) => [x.row.conc, x.presence, x.verdict])).toEqual([
      ['4', 'new', undefined],
      ['8', 'both', 'within noise'],
      ['16', 'gone', undefined],
    ]);
    expect(c.counts).toMatchObject({ new: 1, gone: 1, comparable: 1 });
  });

  it('uses the latest of repeated results, counts the rest as set aside, and widens by their spread', () => {
    const repeats = [
      result('n/r2', 1.3, { endedAt: 2000 }),
      result('n/r3', 1.1, { endedAt: 3000 }),
      result('n/r1', 0.9, { endedAt: 1000 }),
    ];
    const sides = latestByConfig(repeats);
    const side = [...sides.values()][0]!;
    expect(side.latest.source).toBe('n/r3');
    expect(side.setAside).toBe(2);
    // J/token 8.64, 10.56, 12.48: half the range over the mean = 1.92 / 10.56.
    expect(side.repeatSpread).toBeCloseTo(1.92 / 10.56, 12);
    const c = compareRuns(repeats, [result('b', 1)]);
    expect(c.setAside).toEqual({ current: 2, baseline: 0 });
    // 10 % change of the latest against a repeat spread of 18 %: within noise.
    expect(c.configs[0]).toMatchObject({ verdict: 'within noise' });
    expect(c.configs[0]!.tolerance!.decidedBy).toBe('repeats');
  });

  it('matches configs on spec decoding, parallelism and the prefill/decode split', () => {
    const tp8 = result('a', 1);
    expect(configKey(tp8)).toBe(configKey(result('b', 2)));
    expect(configKey(tp8)).not.toBe(configKey(result('c', 1, { extra: { tp: 4, ep: 4, dp_attention: 'true' } })));
    expect(configKey(tp8)).not.toBe(configKey(result('d', 1, { extra: { spec_decoding: 'mtp' } })));
    const split = (prefillWorkers: number) =>
      rowFromAgg('m', {
        ...agg(),
        is_multinode: true,
        disagg: true,
        tp: undefined,
        prefill_tp: 4,
        prefill_ep: 4,
        prefill_dp_attention: 'false',
        prefill_num_workers: prefillWorkers,
        decode_tp: 8,
        decode_ep: 8,
        decode_dp_attention: 'true',
        decode_num_workers: 1,
        num_prefill_gpu: 4 * prefillWorkers,
        num_decode_gpu: 8,
      });
    expect(split(2).parallelism).toBe('P 2×TP4 EP4 + D 1×TP8 EP8 DPA');
    expect(split(2).gpus).toBe(16);
    expect(configKey(split(1))).not.toBe(configKey(split(2)));
  });
});
