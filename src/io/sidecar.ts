import { dirname, join, parse as parsePath } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { pyJsonDumps, PyFloat } from '../core/pyjson.js';
import type { AccumulatorCheck } from '../core/accumulator.js';

/** `power_validation_<bench stem>.json` beside the bench result, as the reference names it. */
export function defaultSidecarPath(benchResult: string): string {
  return join(dirname(benchResult), `power_validation_${parsePath(benchResult).name}.json`);
}

const floats = (record: unknown): Record<string, PyFloat> | unknown =>
  record && typeof record === 'object'
    ? Object.fromEntries(
        Object.entries(record as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === 'number' ? new PyFloat(v) : v,
        ]),
      )
    : record;

/**
 * The sidecar text with numbers typed as the reference writes them: window times, gaps, energies
 * and metrics are Python floats (`36000.0`), counts stay integers. `accumulator_check`, when
 * given, sits after device_issues as in the reference.
 */
export function renderSidecar(sidecar: Record<string, unknown>, accumulatorCheck?: AccumulatorCheck | null): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sidecar)) {
    if (key === 'benchmark_window' && value && typeof value === 'object') {
      const w = value as Record<string, unknown>;
      out[key] = {
        ...w,
        ...(floats({
          start_time_unix: w.start_time_unix,
          end_time_unix: w.end_time_unix,
          reported_duration_s: w.reported_duration_s,
          integration_duration_s: w.integration_duration_s,
        }) as object),
      };
    } else if (key === 'per_gpu_max_sample_gap_s' || key === 'per_gpu_energy_j' || key === 'metrics') {
      out[key] = floats(value);
    } else {
      out[key] = value;
    }
    if (key === 'device_issues' && accumulatorCheck !== undefined) out.accumulator_check = accumulatorCheck;
  }
  return `${pyJsonDumps(out)}\n`;
}

/**
 * Writes the validation sidecar atomically. A failure is a log line, never an exception: the
 * verdict in the agg JSON stands without its audit record, and require-power then fails the step.
 */
export async function writeSidecar(
  path: string,
  sidecar: Record<string, unknown>,
  mode: string,
  stderr: string[],
  accumulatorCheck?: AccumulatorCheck | null,
): Promise<boolean> {
  try {
    await writeFileAtomic(path, renderSidecar(sidecar, accumulatorCheck));
    return true;
  } catch (error) {
    stderr.push(`sweep-power ${mode}: cannot write the validation sidecar ${path}: ${(error as Error).message}`);
    return false;
  }
}
