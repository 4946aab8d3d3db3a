import { parseBoolean } from './options.js';
import { runResultPipeline, type PowerSteps, type ResultRun, type ResultRunOptions } from '../io/result-run.js';

export { EXIT_CONFIG, type PowerSteps } from '../io/result-run.js';

export interface ProcessResultOptions extends Omit<ResultRunOptions, 'requirePower'> {
  /** Fail when power is invalid; default: REQUIRE_POWER. */
  requirePower?: boolean;
}

export type ProcessResultCommandResult = ResultRun;

/**
 * Benchmark result + environment -> agg_<RESULT_FILENAME>.json, then measured power attached
 * best-effort. A configuration error writes nothing; a power failure never loses the agg JSON.
 */
export async function runProcessResult(
  options: ProcessResultOptions,
  steps?: PowerSteps,
): Promise<ProcessResultCommandResult> {
  const requirePower = options.requirePower ?? parseBoolean(options.env.REQUIRE_POWER) ?? false;
  return runResultPipeline({ ...options, requirePower }, steps);
}
