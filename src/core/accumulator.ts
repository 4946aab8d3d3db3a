/**
 * Advisory cross-check of the GPUs' hardware energy counters (`amd-smi metric -E --csv` snapshots
 * taken when the monitor starts and stops) against the integral of the whole sampled power stream.
 * It checks the sampling instrument, not a window: the verdict and reason codes never depend on it.
 * Keys and meaning follow the reference's `accumulator_check`; every number in it is a Python float.
 */
import { compareGpuIds } from './gpuids.js';
import { PyFloat } from './pyjson.js';
import { pyFloatOfText } from './pyparse.js';
import { splitCsvLine } from './telemetry/csvline.js';

/** Relative disagreement between counter delta and stream integral still called agreement. */
export const ACCUMULATOR_TOLERANCE = 0.05;

export type AccumulatorCheck =
  | {
      available: false;
      reason:
        | 'missing_start_snapshot'
        | 'missing_end_snapshot'
        | 'unparseable_start_snapshot'
        | 'unparseable_end_snapshot'
        | 'cross_check_error';
    }
  | {
      available: true;
      accumulator_delta_j: PyFloat;
      integrated_stream_j: PyFloat;
      relative_error: PyFloat | null;
      within_tolerance: boolean;
      tolerance: PyFloat;
      per_gpu_delta_j: Record<string, PyFloat>;
      integrated_gpu_ids: string[];
      unmatched_gpus: string[];
      negative_delta_gpus: string[];
      stream_span_s: PyFloat;
    };

/** Samples of one GPU over the monitor's whole life. */
export interface StreamSamples {
  times: ArrayLike<number>;
  powers: ArrayLike<number>;
}

/**
 * GPU id -> counter joules from one snapshot: the `gpu` and `total_energy_consumption` columns;
 * rows whose reading is not a finite number (amd-smi writes `N/A`) are skipped. Undefined when
 * the columns are missing or no row has a reading.
 */
export function parseEnergySnapshot(text: string): Map<string, number> | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt < 0) return undefined;
  const header = splitCsvLine(lines[headerAt] as string);
  const gpuColumn = header.indexOf('gpu');
  const energyColumn = header.indexOf('total_energy_consumption');
  if (gpuColumn < 0 || energyColumn < 0) return undefined;
  const energy = new Map<string, number>();
  while (++headerAt < lines.length) {
    const line = lines[headerAt] as string;
    if (line === '') continue;
    const cells = splitCsvLine(line);
    const gpu = cells[gpuColumn] ?? '';
    if (gpu === '') continue;
    const joules = pyFloatOfText(cells[energyColumn] ?? '');
    if (joules !== undefined && Number.isFinite(joules)) energy.set(gpu, joules);
  }
  return energy.size > 0 ? energy : undefined;
}

/** Trapezoidal integral of samples in time order (ties by power), no window clipping. */
function trapezoid(samples: StreamSamples): { energyJ: number; first: number; last: number } {
  const order = Array.from({ length: samples.times.length }, (_, i) => i).sort(
    (x, y) =>
      (samples.times[x] as number) - (samples.times[y] as number) ||
      (samples.powers[x] as number) - (samples.powers[y] as number),
  );
  let energyJ = 0;
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    energyJ +=
      (((samples.times[b] as number) - (samples.times[a] as number)) *
        ((samples.powers[a] as number) + (samples.powers[b] as number))) /
      2;
  }
  return {
    energyJ,
    first: samples.times[order[0] as number] as number,
    last: samples.times[order[order.length - 1] as number] as number,
  };
}

/**
 * Compares counter deltas of the GPUs present in both snapshots with the stream integral of those
 * GPUs. `start`/`end` are the snapshot texts (undefined: file absent); null when neither exists.
 */
export function crossCheckAccumulator(
  start: string | undefined,
  end: string | undefined,
  stream: ReadonlyMap<string, StreamSamples>,
): AccumulatorCheck | null {
  if (start === undefined && end === undefined) return null;
  if (start === undefined) return { available: false, reason: 'missing_start_snapshot' };
  if (end === undefined) return { available: false, reason: 'missing_end_snapshot' };
  const startEnergy = parseEnergySnapshot(start);
  if (!startEnergy) return { available: false, reason: 'unparseable_start_snapshot' };
  const endEnergy = parseEnergySnapshot(end);
  if (!endEnergy) return { available: false, reason: 'unparseable_end_snapshot' };

  const matched = [...startEnergy.keys()].filter((id) => endEnergy.has(id)).sort(compareGpuIds);
  const unmatched = [...new Set([...startEnergy.keys(), ...endEnergy.keys()])]
    .filter((id) => !(startEnergy.has(id) && endEnergy.has(id)))
    .sort(compareGpuIds);
  const deltas = matched.map((id) => [id, (endEnergy.get(id) as number) - (startEnergy.get(id) as number)] as const);
  const negative = deltas.filter(([, delta]) => delta < 0).map(([id]) => id);

  const integratedIds = matched.filter((id) => (stream.get(id)?.times.length ?? 0) > 0);
  let integrated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const id of integratedIds) {
    const gpu = trapezoid(stream.get(id) as StreamSamples);
    integrated += gpu.energyJ;
    first = Math.min(first, gpu.first);
    last = Math.max(last, gpu.last);
  }
  const accumulatorDelta = deltas.reduce((sum, [, delta]) => sum + delta, 0);
  let relativeError: number | null = null;
  let withinTolerance = false;
  if (accumulatorDelta > 0) {
    relativeError = Math.abs(accumulatorDelta - integrated) / accumulatorDelta;
    withinTolerance = negative.length === 0 && relativeError <= ACCUMULATOR_TOLERANCE;
  }
  return {
    available: true,
    accumulator_delta_j: new PyFloat(accumulatorDelta),
    integrated_stream_j: new PyFloat(integrated),
    relative_error: relativeError === null ? null : new PyFloat(relativeError),
    within_tolerance: withinTolerance,
    tolerance: new PyFloat(ACCUMULATOR_TOLERANCE),
    per_gpu_delta_j: Object.fromEntries(deltas.map(([id, delta]) => [id, new PyFloat(delta)])),
    integrated_gpu_ids: integratedIds,
    unmatched_gpus: unmatched,
    negative_delta_gpus: negative,
    stream_span_s: new PyFloat(integratedIds.length > 0 ? last - first : 0),
  };
}
