import type { Findings, Finding } from './reasons.js';
import type { BenchWindow } from './bench.js';
import type { DeviceResult } from './telemetry/integrate.js';
import type { GpuIdentityRecord, ScanNotes } from './telemetry/scan.js';
import type { TelemetryFormatName } from './telemetry/schema.js';
import { pyFloatRepr, pyRound } from './pynum.js';
import { compareGpuIds } from './gpuids.js';
import { zoneShiftHint, type TelemetrySpan } from './telemetry/zonehint.js';

export { compareGpuIds };

export const POWER_METRIC_SCHEMA_VERSION = 2;
export const DEFAULT_MAX_SAMPLE_GAP_S = 3.0;
export const INTEGRATION_METHOD = 'per_device_trapezoidal_with_linear_boundary_interpolation';

/** Whole-deployment metric keys, in the order they are written. */
export const POWER_METRIC_KEYS = [
  'avg_power_w',
  'avg_total_gpu_power_w',
  'total_gpu_energy_j',
  'joules_per_successful_query',
  'joules_per_input_token',
  'joules_per_output_token',
  'joules_per_total_token',
] as const;
export type PowerMetricKey = (typeof POWER_METRIC_KEYS)[number];
export type PowerMetrics = Record<PowerMetricKey, number>;

/** Role fields of multinode runs; removed with the others whenever power is rewritten. */
export const ROLE_METRIC_KEYS = [
  'prefill_gpu_energy_j',
  'decode_gpu_energy_j',
  'prefill_avg_power_w',
  'decode_avg_power_w',
  'prefill_joules_per_input_token',
  'decode_joules_per_output_token',
] as const;

export interface DeviceSummary {
  gpuIds: string[];
  sampleCounts: Record<string, number>;
  maxGapS: Record<string, number>;
  energyJ: Record<string, number>;
  issues: Record<string, string[]>;
  totalEnergyJ?: number;
}

/**
 * Judges per-device results: expected GPU count, samples, bracketing and gaps. Reasons are added
 * to `findings` in discovery order; the total energy exists only when every device integrated.
 */
export function summariseDevices(
  results: Map<string, DeviceResult>,
  window: {
    start: number;
    end: number;
    maxSampleGapS: number;
    expectedGpus?: number;
    telemetrySpan?: TelemetrySpan;
    timeZone?: string;
  },
  findings: Findings,
  source: string,
): DeviceSummary {
  const gpuIds = [...results.keys()].sort(compareGpuIds);
  const summary: DeviceSummary = { gpuIds, sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  if (gpuIds.length === 0) {
    // A file refused for its GPU identity has samples; saying it has none would send the reader to the clock.
    if (findings.has('gpu_identity_column_missing')) return summary;
    const span = window.telemetrySpan
      ? ` (the file's samples span ${window.telemetrySpan.first}..${window.telemetrySpan.last})`
      : '';
    const zone = zoneShiftHint(window.telemetrySpan, window, window.timeZone);
    findings.add(
      'no_usable_power_samples',
      `${source}: no power samples near the benchmark window ${window.start}..${window.end}${span}. ${zone ?? "Check that the monitor ran during the benchmark and that its clock matches the benchmark's."}`,
    );
    return summary;
  }
  if (window.expectedGpus !== undefined && window.expectedGpus > 0 && gpuIds.length !== window.expectedGpus) {
    findings.add(
      'expected_gpu_count_mismatch',
      `${source}: telemetry has ${gpuIds.length} GPU(s) (${gpuIds.slice(0, 16).join(', ')}${gpuIds.length > 16 ? ', ...' : ''}) but the configuration expects ${window.expectedGpus}. Check CUDA_VISIBLE_DEVICES / the monitor's GPU list, or the TP x PP x PCP product.`,
    );
  }
  for (const gpuId of gpuIds) {
    const result = results.get(gpuId) as DeviceResult;
    summary.sampleCounts[gpuId] = result.sampleCount;
    if (result.issue === 'insufficient_power_samples') {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} has ${result.sampleCount} sample(s) near the window; at least 2 are needed. Sample at 1 Hz or faster.`,
      );
      continue;
    }
    if (result.issue === 'benchmark_window_not_bracketed') {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} samples span ${result.firstTime}..${result.lastTime} but the window is ${window.start}..${window.end}; start the monitor before the benchmark and stop it after.`,
      );
      continue;
    }
    summary.maxGapS[gpuId] = result.maxGapS;
    if (!Number.isFinite(result.energyJ)) {
      // Finite but absurd watts (1e308) overflow the integral; no number is better than Infinity.
      summary.issues[gpuId] = ['power_value_out_of_range'];
      findings.add(
        'power_value_out_of_range',
        `${source}: GPU ${gpuId} energy over the window overflows (power values near 1e308 W); check the power column and its unit.`,
      );
      continue;
    }
    summary.energyJ[gpuId] = result.energyJ;
    if (result.maxGapS > window.maxSampleGapS) {
      summary.issues[gpuId] = ['sampling_gap_exceeded'];
      findings.add(
        'sampling_gap_exceeded',
        `${source}: GPU ${gpuId} has a ${round3(result.maxGapS)} s gap between samples starting at ${result.maxGapAt} inside the window (limit ${window.maxSampleGapS} s). The monitor stalled or dropped rows.`,
      );
    }
  }
  if (Object.keys(summary.energyJ).length === gpuIds.length) {
    const total = gpuIds.reduce((sum, id) => sum + (summary.energyJ[id] as number), 0);
    if (Number.isFinite(total)) summary.totalEnergyJ = total;
    else
      findings.add(
        'power_value_out_of_range',
        `${source}: the total energy of ${gpuIds.length} GPU(s) overflows; check the power column and its unit.`,
      );
  }
  return summary;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Whole-deployment metrics for a valid measurement. */
export function derivePowerMetrics(totalEnergyJ: number, gpuCount: number, bench: BenchWindow): PowerMetrics {
  const durationS = bench.endUnix - bench.startUnix;
  const avgTotal = totalEnergyJ / durationS;
  return {
    avg_power_w: avgTotal / gpuCount,
    avg_total_gpu_power_w: avgTotal,
    total_gpu_energy_j: totalEnergyJ,
    joules_per_successful_query: totalEnergyJ / bench.completed,
    joules_per_input_token: totalEnergyJ / bench.totalInputTokens,
    joules_per_output_token: totalEnergyJ / bench.totalOutputTokens,
    joules_per_total_token: totalEnergyJ / (bench.totalInputTokens + bench.totalOutputTokens),
  };
}

/**
 * Energy of one worker pool over the window: the role fields of a multinode run. Prefill energy
 * is judged per input token, decode energy per output token.
 */
export function deriveRoleMetrics(
  role: 'prefill' | 'decode',
  energyJ: number,
  gpuCount: number,
  bench: BenchWindow,
): Record<string, number> {
  const durationS = bench.endUnix - bench.startUnix;
  const perToken: Record<string, number> =
    role === 'prefill'
      ? { prefill_joules_per_input_token: energyJ / bench.totalInputTokens }
      : { decode_joules_per_output_token: energyJ / bench.totalOutputTokens };
  return { [`${role}_gpu_energy_j`]: energyJ, [`${role}_avg_power_w`]: energyJ / durationS / gpuCount, ...perToken };
}

/** Rounding of the agg JSON contract: 3 decimals for watts and joules, 6 for ratios. */
export function metricDigits(key: string): number {
  return key.endsWith('_w') || key.endsWith('_j') ? 3 : 6;
}

/**
 * The agg JSON edit: keys to remove and raw values to set. When invalid only `power_valid: 0`
 * and the schema version remain; stale metrics (and role fields) are removed either way.
 */
export function aggPowerPatch(
  valid: boolean,
  metrics: Partial<Record<string, number>>,
): { remove: Set<string>; set: Array<[string, string]> } {
  const remove = new Set<string>([...POWER_METRIC_KEYS, ...ROLE_METRIC_KEYS, 'power_invalid_reasons']);
  const set: Array<[string, string]> = [
    ['power_metric_schema_version', String(POWER_METRIC_SCHEMA_VERSION)],
    ['power_valid', valid ? '1' : '0'],
  ];
  if (valid) {
    for (const [key, value] of Object.entries(metrics)) {
      if (value === undefined) continue;
      if (!Number.isFinite(value)) throw new RangeError(`non-finite power metric ${key}`);
      set.push([key, pyFloatRepr(pyRound(value, metricDigits(key)))]);
    }
  }
  return { remove, set };
}

export interface SidecarInput {
  telemetrySource: string;
  telemetryFormat?: TelemetryFormatName;
  /** How each row's GPU was known: a column, or row positions with the grouping that justified them. */
  gpuIdentity?: GpuIdentityRecord;
  benchResult: string;
  bench?: BenchWindow;
  valid: boolean;
  findings: Finding[];
  expectedGpus?: number;
  devices: DeviceSummary;
  metrics: Partial<PowerMetrics>;
  notes?: ScanNotes;
  maxSampleGapS: number;
}

/** The sidecar's `benchmark_window` record, shared by the single-node and multinode sidecars. */
export function benchmarkWindowRecord(bench: BenchWindow | undefined): Record<string, unknown> | null {
  return bench
    ? {
        start_time_unix: bench.startUnix,
        end_time_unix: bench.endUnix,
        reported_duration_s: bench.reportedDurationS,
        integration_duration_s: bench.endUnix - bench.startUnix,
        completed: bench.completed,
        total_input_tokens: bench.totalInputTokens,
        total_output_tokens: bench.totalOutputTokens,
      }
    : null;
}

/** The validation sidecar: the canonical, auditable record of one aggregation. */
export function buildSidecar(input: SidecarInput): Record<string, unknown> {
  const bench = input.bench;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.findings.map((f) => f.code),
    reason_messages: Object.fromEntries(input.findings.map((f) => [f.code, f.message])),
    telemetry_source: input.telemetrySource,
    telemetry_format: input.telemetryFormat ?? null,
    gpu_identity: input.gpuIdentity ?? null,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: input.maxSampleGapS,
    expected_gpu_count: input.expectedGpus ?? null,
    observed_gpu_count: input.devices.gpuIds.length,
    observed_gpu_ids: input.devices.gpuIds,
    per_gpu_sample_counts: input.devices.sampleCounts,
    per_gpu_max_sample_gap_s: input.devices.maxGapS,
    per_gpu_energy_j: input.devices.energyJ,
    device_issues: input.devices.issues,
    telemetry_notes: input.notes
      ? {
          preamble_lines: input.notes.preambleLines,
          repeated_header_lines: input.notes.repeatedHeaderLines,
          truncated_last_line: input.notes.truncatedLastLine,
          out_of_order_gpus: input.notes.outOfOrderGpus,
          overlong_lines: input.notes.overlongLines,
        }
      : null,
    metrics: Object.fromEntries(
      Object.entries(input.metrics)
        .filter((e): e is [string, number] => Number.isFinite(e[1]))
        .map(([k, v]) => [k, pyRound(v, 6)]),
    ),
  };
}
