import { describe, expect, it } from 'vitest';
import type { AccumulatorCheck } from '../../../src/core/accumulator.js';
import { withSnapshotCounter } from '../../../src/core/insights/snapshots.js';
import { PyFloat } from '../../../src/core/pyjson.js';
import { bareInsights } from '../../helpers/insights.js';

function check(
  deltaJ: number,
  streamJ: number,
  over: { integrated?: string[]; negative?: string[] } = {},
): AccumulatorCheck {
  return {
    available: true,
    accumulator_delta_j: new PyFloat(deltaJ),
    integrated_stream_j: new PyFloat(streamJ),
    relative_error: null,
    within_tolerance: false,
    tolerance: new PyFloat(0.05),
    per_gpu_delta_j: {},
    integrated_gpu_ids: over.integrated ?? ['0', '1'],
    unmatched_gpus: [],
    negative_delta_gpus: over.negative ?? [],
    stream_span_s: new PyFloat(60),
  };
}

describe('withSnapshotCounter', () => {
  it('adds a counter check over the whole recording from the snapshots', () => {
    const insights = bareInsights({ warnings: ['out_of_order_samples'] });
    // 49,500 J counted against 50,000 J integrated: 49,500 / 50,000 = 0.99, inside 0.9..1.1.
    const result = withSnapshotCounter(insights, check(49_500, 50_000));
    expect(result.counter).toEqual({
      source: 'amd_smi_snapshots',
      energy_j: 49_500,
      integral_energy_j: 50_000,
      ratio: 0.99,
      resets: 0,
      frozen_intervals: 0,
      filled_intervals: 0,
      agreement: 'ok',
      scope: 'whole_recording',
    });
    expect(result.warnings).toEqual(['out_of_order_samples']);
    expect(result.phases).toBe(insights.phases);
  });

  it.each([
    // counter J, integral J, ratio, agreement, warning
    [45_000, 50_000, 0.9, 'ok', undefined], // 0.9 is inside the band
    [55_000, 50_000, 1.1, 'ok', undefined],
    [44_000, 50_000, 0.88, 'warn', 'counter_disagrees_with_integral'],
    [75_000, 50_000, 1.5, 'warn', 'counter_disagrees_with_integral'],
    [5_000, 50_000, 0.1, 'warn', 'counter_disagrees_with_integral'],
    [500_000, 50_000, 10, 'warn', 'counter_disagrees_with_integral'],
    [4_000, 50_000, 0.08, 'reject', 'counter_rejected'],
    [550_000, 50_000, 11, 'reject', 'counter_rejected'],
  ])('%s J against %s J is a ratio of %s: %s', (energy, integral, ratio, agreement, warning) => {
    const result = withSnapshotCounter(bareInsights(), check(energy, integral));
    expect(result.counter?.ratio).toBeCloseTo(ratio, 12);
    expect(result.counter?.agreement).toBe(agreement);
    expect(result.warnings).toEqual(warning === undefined ? [] : [warning]);
  });

  it('rejects a counter when nothing was integrated to compare with', () => {
    const result = withSnapshotCounter(bareInsights(), check(5_000, 0));
    expect(result.counter?.ratio).toBeNull();
    expect(result.counter?.agreement).toBe('reject');
    expect(result.warnings).toEqual(['counter_rejected']);
  });

  it('counts each GPU whose counter went backwards as a reset', () => {
    expect(withSnapshotCounter(bareInsights(), check(5_000, 5_000, { negative: ['1', '3'] })).counter?.resets).toBe(2);
  });

  it('does not change the insights it was given', () => {
    const insights = bareInsights({ warnings: ['a'] });
    withSnapshotCounter(insights, check(1, 50_000));
    expect(insights.warnings).toEqual(['a']);
    expect(insights.counter).toBeNull();
  });

  it('keeps the insights as they are when a counter column was read, or the snapshots give nothing to compare', () => {
    const columnCounter = bareInsights({
      counter: {
        source: 'dcgm_total_energy',
        energy_j: 1,
        integral_energy_j: 1,
        ratio: 1,
        resets: 0,
        frozen_intervals: 0,
        filled_intervals: 0,
        agreement: 'ok',
      },
    });
    expect(withSnapshotCounter(columnCounter, check(49_500, 50_000))).toBe(columnCounter);
    const insights = bareInsights();
    expect(withSnapshotCounter(insights, null)).toBe(insights);
    expect(withSnapshotCounter(insights, { available: false, reason: 'missing_end_snapshot' })).toBe(insights);
    expect(withSnapshotCounter(insights, check(49_500, 50_000, { integrated: [] }))).toBe(insights);
  });
});
