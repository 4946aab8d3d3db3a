import { pyFloatRepr, pyRound } from '../pynum.js';
import type { Insights } from './accumulator.js';

/**
 * The insight figures an agg JSON carries when the user opts in, under names no reference key
 * uses. All are removed on every patch, so a run without the option leaves none from an earlier one.
 */
export const INSIGHT_AGG_KEYS = [
  'insights_energy_bound_j',
  'insights_idle_baseline_total_w',
  'insights_energy_above_idle_j',
  'insights_counter_agreement',
  'insights_counter_ratio',
  'insights_share_at_power_cap',
] as const;

/** Raw JSON member values (rounded as the power metrics are); a figure the run does not have is left out, never 0. */
export function insightAggFigures(insights: Insights): Array<[string, string]> {
  const figures: Array<[string, string]> = [];
  const number = (key: string, value: number | null | undefined, digits: number): void => {
    if (value !== null && value !== undefined && Number.isFinite(value))
      figures.push([key, pyFloatRepr(pyRound(value, digits))]);
  };
  number('insights_energy_bound_j', insights.quality.energy_bound_j, 3);
  number('insights_idle_baseline_total_w', insights.idle?.baseline_total_w, 3);
  number('insights_energy_above_idle_j', insights.idle?.energy_above_idle_j, 3);
  if (insights.counter) {
    figures.push(['insights_counter_agreement', JSON.stringify(insights.counter.agreement)]);
    number('insights_counter_ratio', insights.counter.ratio, 6);
  }
  number('insights_share_at_power_cap', insights.power_limit?.share_at_cap, 6);
  return figures;
}
