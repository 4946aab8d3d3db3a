import { DeviceIntegrator, type DeviceResult } from '../telemetry/integrate.js';
import {
  CLOCK_SOURCE,
  deviceKey,
  isFiniteNumber,
  PACKAGE_MAX_SAMPLE_GAP_S,
  PACKAGE_SCHEMA_VERSION,
  WINDOW_STATUSES,
  type ExpectedDevice,
  type ExpectedWindow,
} from './contract.js';
import type { ObservedDevice } from './samples.js';

export interface ParsedWindow {
  relativePath: string;
  benchmarkType: string;
  concurrency: number;
  resultPath: string;
  status: string;
  start: number;
  end: number | null;
  duration: number | null;
}

/** A relative POSIX path with no empty, `.` -free escape: no leading `/` or `~`, no `..` parts. */
export function isSafeRelativeSubpath(value: string): boolean {
  if (value === '' || value.startsWith('/') || value.startsWith('~') || value.includes('\u0000')) return false;
  const parts = value.split('/').filter((p) => p !== '' && p !== '.');
  return parts.length > 0 && !parts.includes('..');
}

const stem = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
};

/**
 * One windows/*.json file. `staysBelow` tells whether the result path, resolved with symlinks,
 * stays under the logs root (the io layer answers it).
 */
export function parseWindow(
  payload: unknown,
  fileName: string,
  staysBelow: (relative: string) => boolean,
): { window?: ParsedWindow; reason?: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return { reason: 'measurement_window_malformed' };
  const p = payload as Record<string, unknown>;
  const { status, concurrency, benchmark_type: benchmarkType, benchmark_start_time_unix: start } = p;
  if (
    p.schema_version !== PACKAGE_SCHEMA_VERSION ||
    p.clock_source !== CLOCK_SOURCE ||
    !WINDOW_STATUSES.includes(status as string) ||
    typeof benchmarkType !== 'string' ||
    !Number.isInteger(concurrency) ||
    !isFiniteNumber(start)
  ) {
    return { reason: 'measurement_window_malformed' };
  }
  const resultPath = p.result_path;
  if (
    typeof resultPath !== 'string' ||
    !isSafeRelativeSubpath(resultPath) ||
    !staysBelow(resultPath) ||
    stem(resultPath) !== stem(fileName)
  ) {
    return { reason: 'measurement_window_result_path_invalid' };
  }
  const end = p.benchmark_end_time_unix ?? null;
  const duration = p.duration ?? null;
  const reason = p.reason ?? null;
  let ok: boolean;
  if (status === 'running') ok = end === null && duration === null && reason === null;
  else if (status === 'interrupted')
    ok = end === null && duration === null && typeof reason === 'string' && reason !== '';
  else if (!isFiniteNumber(end) || !isFiniteNumber(duration) || duration <= 0) ok = false;
  else ok = status === 'completed' ? reason === null : typeof reason === 'string' && reason !== '';
  if (!ok) return { reason: 'measurement_window_malformed' };
  return {
    window: {
      relativePath: `windows/${fileName}`,
      benchmarkType,
      concurrency: concurrency as number,
      resultPath,
      status: status as string,
      start,
      end: end as number | null,
      duration: duration as number | null,
    },
  };
}

/** The original result a completed window points at must carry the same window and a consistent clock. */
export function checkWindowResult(window: ParsedWindow, result: unknown): string[] {
  if (result === undefined) return ['measurement_window_result_missing'];
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    return ['measurement_window_result_mismatch'];
  const r = result as Record<string, unknown>;
  if (
    r.benchmark_start_time_unix !== window.start ||
    r.benchmark_end_time_unix !== window.end ||
    r.duration !== window.duration
  )
    return ['measurement_window_result_mismatch'];
  const wall = (window.end as number) - window.start;
  const tolerance = Math.max(0.5, 0.01 * (window.duration as number));
  return Math.abs(wall - (window.duration as number)) > tolerance ? ['measurement_window_clock_mismatch'] : [];
}

/** Per-device integration over [start, end]: the aggregate integrator, so both modes agree sample for sample. */
export function integrateDevice(device: ObservedDevice, start: number, end: number): DeviceResult {
  const integrator = new DeviceIntegrator(start, end);
  for (let i = 0; i < device.times.length; i++) integrator.push(device.times[i] as number, device.powers[i] as number);
  return integrator.finish();
}

/** Coverage of one window: every expected device brackets it with no gap over the contract's 3 s. */
export function checkCoverage(
  start: number,
  end: number,
  expected: ExpectedDevice[],
  observed: Map<string, ObservedDevice>,
): { gaps: Record<string, number>; reasons: string[] } {
  const gaps: Record<string, number> = {};
  const reasons: string[] = [];
  const keys = [...new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)))].sort();
  for (const key of keys) {
    const device = observed.get(key);
    if (!device) {
      reasons.push('measurement_window_not_bracketed');
      continue;
    }
    if (device.uuids.length !== 1) {
      reasons.push('gpu_uuid_changed');
      continue;
    }
    const result = integrateDevice(device, start, end);
    if (result.issue !== undefined) {
      reasons.push('measurement_window_not_bracketed');
      continue;
    }
    gaps[`${device.hostname}/${device.uuids[0]}`] = result.maxGapS;
    if (result.maxGapS > PACKAGE_MAX_SAMPLE_GAP_S) reasons.push('sample_gap_exceeded');
  }
  return { gaps, reasons };
}

export const windowKey = (benchmarkType: string, concurrency: number): string =>
  JSON.stringify([benchmarkType, concurrency]);

/** One entry of windows/, as the io layer found it. */
export interface WindowEntry {
  name: string;
  /** A regular file (not a symlink, not a folder): only those are read. */
  isPlainFile: boolean;
  /** The parsed payload, or undefined when it could not be read or parsed. */
  payload?: unknown;
  readable: boolean;
  /** Whether the payload's result_path, symlinks resolved, stays under the logs root. */
  resultPathStaysBelow: boolean;
}

export interface WindowScan {
  parsed: Map<string, ParsedWindow>;
  duplicates: Set<string>;
  artifactErrors: Array<{ path: string; reason_codes: string[] }>;
}

/**
 * The producer's artifact scan of windows/, recomputed: each file parsed, duplicates of one
 * (benchmark type, concurrency) all refused. `folder` says whether windows/ exists and stays inside the package.
 */
export function scanWindows(folder: 'absent' | 'escapes' | 'inside', entries: WindowEntry[]): WindowScan {
  const scan: WindowScan = { parsed: new Map(), duplicates: new Set(), artifactErrors: [] };
  if (folder === 'absent') return scan;
  if (folder === 'escapes') {
    scan.artifactErrors.push({ path: 'windows', reason_codes: ['measurement_window_artifact_path_invalid'] });
    return scan;
  }
  for (const entry of entries) {
    const relativePath = `windows/${entry.name}`;
    if (!entry.isPlainFile) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: ['measurement_window_artifact_path_invalid'] });
      continue;
    }
    const result = entry.readable
      ? parseWindow(entry.payload, entry.name, () => entry.resultPathStaysBelow)
      : { reason: 'measurement_window_malformed' };
    if (!result.window) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: [result.reason as string] });
      continue;
    }
    const key = windowKey(result.window.benchmarkType, result.window.concurrency);
    const earlier = scan.parsed.get(key);
    if (earlier || scan.duplicates.has(key)) {
      scan.duplicates.add(key);
      if (earlier)
        scan.artifactErrors.push({ path: earlier.relativePath, reason_codes: ['measurement_window_duplicate'] });
      scan.artifactErrors.push({ path: relativePath, reason_codes: ['measurement_window_duplicate'] });
      scan.parsed.delete(key);
      continue;
    }
    scan.parsed.set(key, result.window);
  }
  return scan;
}

/**
 * The producer's per-expected-window audit, recomputed; it must equal the stored one. Windows not
 * expected become artifact errors. `originalOf` gives a completed window's original result (undefined: unreadable).
 */
export function validateWindows(
  scan: WindowScan,
  expectedWindows: ExpectedWindow[],
  expected: ExpectedDevice[],
  observed: Map<string, ObservedDevice>,
  originalOf: (resultPath: string) => unknown,
): Array<Record<string, unknown>> {
  const expectedKeys = new Set(expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency)));
  const unexpected = [...scan.parsed.values()].filter(
    (w) => !expectedKeys.has(windowKey(w.benchmarkType, w.concurrency)),
  );
  unexpected.sort((a, b) =>
    a.benchmarkType < b.benchmarkType ? -1 : a.benchmarkType > b.benchmarkType ? 1 : a.concurrency - b.concurrency,
  );
  for (const w of unexpected)
    scan.artifactErrors.push({ path: w.relativePath, reason_codes: ['measurement_window_unexpected'] });

  const validations: Array<Record<string, unknown>> = [];
  for (const want of expectedWindows) {
    const key = windowKey(want.benchmarkType, want.concurrency);
    const window = scan.parsed.get(key);
    if (!window) {
      validations.push({
        benchmark_type: want.benchmarkType,
        concurrency: want.concurrency,
        window_file: null,
        power_coverage_valid: false,
        reason_codes: [scan.duplicates.has(key) ? 'measurement_window_duplicate' : 'measurement_window_missing'],
        per_device_max_sample_gap_seconds: {},
      });
      continue;
    }
    const reasons: string[] = [];
    if (window.status !== 'completed') reasons.push('measurement_window_incomplete');
    else reasons.push(...checkWindowResult(window, originalOf(window.resultPath)));
    let gaps: Record<string, number> = {};
    if (reasons.length === 0) {
      const coverage = checkCoverage(window.start, window.end as number, expected, observed);
      reasons.push(...coverage.reasons);
      if (coverage.reasons.length === 0) gaps = coverage.gaps;
    }
    validations.push({
      benchmark_type: want.benchmarkType,
      concurrency: want.concurrency,
      window_file: window.relativePath,
      power_coverage_valid: reasons.length === 0,
      reason_codes: [...new Set(reasons)],
      per_device_max_sample_gap_seconds: gaps,
    });
  }
  return validations;
}

/** The completed windows whose original results the audit reads. */
export function completedWindows(scan: WindowScan): ParsedWindow[] {
  return [...scan.parsed.values()].filter((w) => w.status === 'completed');
}
