import { describe, expect, it } from 'vitest';
import type { CounterCheck } from '../../../src/core/insights/accumulator.js';
import { INSIGHT_AGG_KEYS, insightAggFigures } from '../../../src/core/insights/aggfigures.js';
import { bareInsights } from '../../helpers/insights.js';

const counter = (over: Partial<CounterCheck> = {}): CounterCheck => ({
  source: 'dcgm_total_energy',
  energy_j: 48_000,
  integral_energy_j: 48_600,
  ratio: 48_000 / 48_600,
  resets: 0,
  frozen_intervals: 0,
  filled_intervals: 0,
  agreement: 'ok',
  ...over,
});

describe('insightAggFigures', () => {
  it('gives every figure a run has, in the fixed key order, rounded as the power metrics are', () => {
    const insights = bareInsights({
      quality: { ...bareInsights().quality, energy_bound_j: 1234.56789 },
      idle: { baseline_total_w: 800.0004, method: '', span_start_unix: 0, energy_above_idle_j: 40_000 },
      counter: counter(),
      power_limit: {
        enforced_w: 700,
        source: 'column',
        share_at_cap: 0.25,
        implausible_samples: 0,
        implausible_examples: [],
      },
    });
    expect(insightAggFigures(insights)).toEqual([
      ['insights_energy_bound_j', '1234.568'], // 3 digits
      ['insights_idle_baseline_total_w', '800.0'], // 800.0004 to 3 digits
      ['insights_energy_above_idle_j', '40000.0'], // a Python float, never an int
      ['insights_counter_agreement', '"ok"'], // a JSON string
      ['insights_counter_ratio', '0.987654'], // 48,000 / 48,600 = 0.98765432... to 6 digits
      ['insights_share_at_power_cap', '0.25'],
    ]);
    expect(insightAggFigures(insights).map(([key]) => key)).toEqual([...INSIGHT_AGG_KEYS]);
  });

  it("rounds ties to even as Python's round() does", () => {
    const figures = insightAggFigures(
      bareInsights({
        // 1.0625 = 17/16 and 20.5078125 = 84,000/4,096 are exact binary ties: round half to even.
        quality: { ...bareInsights().quality, energy_bound_j: 1.0625 },
        counter: counter({ ratio: 84_000 / 4_096 }),
      }),
    );
    expect(figures).toContainEqual(['insights_energy_bound_j', '1.062']);
    expect(figures).toContainEqual(['insights_counter_ratio', '20.507812']);
  });

  it('leaves out a figure the run does not have, and never writes 0 in its place', () => {
    expect(insightAggFigures(bareInsights())).toEqual([]);
    const figures = insightAggFigures(
      bareInsights({
        quality: { ...bareInsights().quality, energy_bound_j: Number.NaN },
        idle: { baseline_total_w: Infinity, method: '', span_start_unix: 0, energy_above_idle_j: null },
        counter: counter({ ratio: null, agreement: 'reject' }),
        power_limit: {
          enforced_w: 700,
          source: 'nameplate',
          share_at_cap: null,
          implausible_samples: 0,
          implausible_examples: [],
        },
      }),
    );
    // A counter without a ratio still says how it agreed.
    expect(figures).toEqual([['insights_counter_agreement', '"reject"']]);
  });

  it('keeps a measured zero', () => {
    const figures = insightAggFigures(
      bareInsights({
        idle: { baseline_total_w: 0, method: '', span_start_unix: 0, energy_above_idle_j: -0 },
        counter: counter({ ratio: 0, agreement: 'reject' }),
      }),
    );
    expect(figures).toEqual([
      ['insights_idle_baseline_total_w', '0.0'],
      ['insights_energy_above_idle_j', '-0.0'],
      ['insights_counter_agreement', '"reject"'],
      ['insights_counter_ratio', '0.0'],
    ]);
  });
});
