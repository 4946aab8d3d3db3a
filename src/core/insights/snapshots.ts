import type { AccumulatorCheck } from '../accumulator.js';
import { counterAgreement, type Insights } from './accumulator.js';

/**
 * Telemetry without counter columns but with amd-smi start/end snapshots beside it: the counter
 * check compares the snapshots' delta with the power integral of the whole recording (the
 * snapshots bracket the monitor, not the window), and says so in `scope`. A GPU whose counter went
 * backwards between the snapshots counts as a reset. Counter columns, when present, are preferred.
 */
export function withSnapshotCounter(insights: Insights, check: AccumulatorCheck | null): Insights {
  if (insights.counter !== null || check === null || !check.available || check.integrated_gpu_ids.length === 0)
    return insights;
  const energy = check.accumulator_delta_j.value;
  const integral = check.integrated_stream_j.value;
  const warnings = [...insights.warnings];
  const { ratio, agreement } = counterAgreement(energy, integral, warnings);
  const resets = check.negative_delta_gpus.length;
  return {
    ...insights,
    counter: {
      source: 'amd_smi_snapshots',
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: 0,
      filled_intervals: 0,
      agreement,
      scope: 'whole_recording',
    },
    warnings,
  };
}
