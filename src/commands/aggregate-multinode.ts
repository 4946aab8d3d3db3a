import { measurePackagePower, type PackagePowerOptions } from '../io/multinode-power-run.js';
import type { PowerResult } from '../core/power-result.js';

export type AggregateMultinodeOptions = PackagePowerOptions;
export type AggregateMultinodeResult = PowerResult;

/** Multinode power over the benchmark window, with role energy, patched into the agg JSON and audited. */
export async function runAggregateMultinode(options: AggregateMultinodeOptions): Promise<AggregateMultinodeResult> {
  return measurePackagePower(options);
}
