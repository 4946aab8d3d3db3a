import { measureNodePower, type NodePowerOptions, type NodePowerResult } from '../io/power-run.js';

export type AggregateOptions = NodePowerOptions;
export type AggregateResult = NodePowerResult;

/** Measured power over the benchmark window, patched into the agg JSON, audited in the sidecar. */
export async function runAggregate(options: AggregateOptions): Promise<AggregateResult> {
  return measureNodePower(options);
}
