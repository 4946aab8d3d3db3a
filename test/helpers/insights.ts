import type { Insights } from '../../src/core/insights/accumulator.js';

/** Insights with nothing measured beyond the benchmark phase; tests fill in the part they judge. */
export function bareInsights(over: Partial<Insights> = {}): Insights {
  return {
    phases: [],
    idle: null,
    counter: null,
    power_limit: null,
    quality: {
      gpus_reporting: '8/8',
      per_gpu_coverage: {},
      median_interval_s: null,
      median_interval_method: '',
      energy_bound_j: null,
    },
    efficiency: { output_tokens_per_joule: null },
    power_series: null,
    warnings: [],
    ...over,
  };
}
