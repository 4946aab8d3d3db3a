/**
 * The multinode power package written by srt-slurm's dcgm power collector (v1 wire contract:
 * power/manifest.json, power/samples.csv, power/windows/*.json) and the checks a consumer makes
 * before it trusts it. The producer's own `publication_valid` verdict is never taken on faith:
 * validity is recomputed from the files and must agree with it.
 */
import { DeviceIntegrator, type DeviceResult } from './telemetry/integrate.js';
import { PyRawValue } from './pyjson.js';

export const PACKAGE_SCHEMA_VERSION = 1;
export const WIRE_CONTRACT: ReadonlyArray<readonly [string, unknown]> = [
  ['schema_version', PACKAGE_SCHEMA_VERSION],
  ['producer', 'srt-slurm.dcgm-power'],
  ['source_metric', 'DCGM_FI_DEV_POWER_USAGE'],
  ['unit', 'W'],
  ['power_scope', 'gpu_device_board_as_reported_by_dcgm'],
  ['timestamp_source', 'head_node_unix_clock'],
];
export const CLOCK_SOURCE = 'head_node_unix_clock';
export const SAMPLES_HEADER = ['schema_version', 'timestamp_unix', 'scrape_seq', 'hostname', 'gpu_index', 'gpu_uuid', 'power_w'] as const;
/** Fixed by the producer contract, not derived from the sample interval. */
export const PACKAGE_MAX_SAMPLE_GAP_S = 3.0;
export const WORKER_ROLES = ['prefill', 'decode', 'agg'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

const FATAL_LIFECYCLE_REASONS = ['exporter_exited', 'collector_exception', 'collector_interrupted', 'collector_join_timeout', 'benchmark_child_reap_timeout'];
const STARTUP_FAILURE_REASONS = ['exporter_startup_timeout', 'exporter_launch_failed', 'endpoint_resolution_failed'];
const WINDOW_STATUSES = ['running', 'completed', 'failed', 'interrupted'];

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWhole = (v: unknown, minimum: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= minimum;
const show = (v: unknown): string => {
  const text = v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export class ManifestError extends Error {}

export interface ExpectedDevice {
  hostname: string;
  gpuIndex: number;
  roles: WorkerRole[];
  hetGroups: Array<number | null>;
}

export const deviceKey = (hostname: string, gpuIndex: number): string => `${hostname}\u0000${gpuIndex}`;

/** expected_devices: every field typed as the producer writes it, or ManifestError. */
export function parseExpectedDevices(manifest: Record<string, unknown>): ExpectedDevice[] {
  const entries = manifest.expected_devices ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_devices is not a list: ${show(entries)}`);
  return entries.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new ManifestError(`expected_devices[${i}] is not an object`);
    const e = entry as Record<string, unknown>;
    const assignments = e.assignments;
    if (!Array.isArray(assignments) || assignments.length === 0) throw new ManifestError(`expected_devices[${i}].assignments is not a non-empty list`);
    const roles: WorkerRole[] = [];
    const hetGroups: Array<number | null> = [];
    for (const a of assignments as unknown[]) {
      const assignment = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      if (!WORKER_ROLES.includes(assignment.worker_role as WorkerRole)) throw new ManifestError(`expected_devices[${i}] worker_role is not one of ${WORKER_ROLES.join('/')}: ${show(assignment.worker_role)}`);
      for (const key of ['worker_index', 'worker_process']) {
        if (!isWhole(assignment[key], 0)) throw new ManifestError(`expected_devices[${i}] ${key} is not an integer >= 0: ${show(assignment[key])}`);
      }
      const het = assignment.het_group ?? null;
      if (het !== null && !isWhole(het, 0)) throw new ManifestError(`expected_devices[${i}] het_group is not an integer >= 0: ${show(het)}`);
      roles.push(assignment.worker_role as WorkerRole);
      hetGroups.push(het as number | null);
    }
    if (typeof e.hostname !== 'string' || e.hostname === '') throw new ManifestError(`expected_devices[${i}].hostname is not a non-empty string`);
    if (!isWhole(e.gpu_index, 0)) throw new ManifestError(`expected_devices[${i}].gpu_index is not an integer >= 0: ${show(e.gpu_index)}`);
    return { hostname: e.hostname, gpuIndex: e.gpu_index, roles, hetGroups };
  });
}

export interface ExpectedWindow {
  benchmarkType: string;
  concurrency: number;
}

export function parseExpectedWindows(manifest: Record<string, unknown>): ExpectedWindow[] {
  const entries = manifest.expected_windows ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_windows is not a list: ${show(entries)}`);
  return entries.map((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof e.benchmark_type !== 'string' || e.benchmark_type === '') throw new ManifestError(`expected_windows[${i}].benchmark_type is not a non-empty string`);
    if (!isWhole(e.concurrency, 1)) throw new ManifestError(`expected_windows[${i}].concurrency is not an integer >= 1: ${show(e.concurrency)}`);
    return { benchmarkType: e.benchmark_type, concurrency: e.concurrency };
  });
}

/** Manifest wire and lifecycle fields; the stored verdict is judged separately. */
export function checkWireContract(manifest: Record<string, unknown>): string[] {
  const failures: string[] = [];
  for (const [key, expected] of WIRE_CONTRACT) {
    if (manifest[key] !== expected) failures.push(`manifest ${key} is ${show(manifest[key])}, expected ${show(expected)}`);
  }
  if (manifest.status !== 'complete') failures.push(`manifest status is ${show(manifest.status)}, expected "complete"`);
  if (!isFiniteNumber(manifest.started_at_unix)) failures.push('manifest started_at_unix is not a finite number');
  if (!isFiniteNumber(manifest.stopped_at_unix)) failures.push('manifest stopped_at_unix is not a finite number in a terminal manifest');
  for (const key of ['sample_interval_seconds', 'request_timeout_seconds']) {
    if (!(isFiniteNumber(manifest[key]) && (manifest[key] as number) > 0)) failures.push(`manifest ${key} is not finite and positive`);
  }
  for (const key of ['scrape_count', 'sample_row_count']) {
    if (!isWhole(manifest[key], 0)) failures.push(`manifest ${key} is not a non-negative integer`);
  }
  const required = manifest.required;
  if (typeof required !== 'boolean') failures.push(`manifest required is ${show(required)}, expected a boolean`);
  const reasons = manifest.reason_codes;
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === 'string')) {
    failures.push('manifest reason_codes is not a list of strings');
  } else {
    const blocking = new Set([...FATAL_LIFECYCLE_REASONS, ...(required === true ? STARTUP_FAILURE_REASONS : [])]);
    const incompatible = [...new Set(reasons as string[])].filter((r) => blocking.has(r)).sort();
    if (incompatible.length > 0) failures.push(`complete manifest carries lifecycle-failure reasons: ${incompatible.join(', ')}`);
  }
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter !== 'object' || exporter === null || Array.isArray(exporter)) failures.push('manifest dcgm_exporter is not an object');
  else if (!(exporter as Record<string, unknown>).container_image_resolved) failures.push('manifest dcgm_exporter.container_image_resolved is empty');
  return failures;
}

export interface SampleRow {
  time: number;
  seq: number;
  hostname: string;
  gpuIndex: number;
  uuid: string;
  watts: number;
}

const INT_CELL = /^\s*[+-]?\d+\s*$/;
const FLOAT_CELL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** One samples.csv row, or undefined when any cell breaks the contract. */
export function parseSampleRow(cells: string[]): SampleRow | undefined {
  if (cells.length !== SAMPLES_HEADER.length) return undefined;
  const [schema, ts, seq, hostname, gpu, uuid, watts] = cells as [string, string, string, string, string, string, string];
  if (!INT_CELL.test(schema) || !FLOAT_CELL.test(ts) || !INT_CELL.test(seq) || !INT_CELL.test(gpu) || !FLOAT_CELL.test(watts)) return undefined;
  const row = { time: Number(ts), seq: Number(seq), hostname, gpuIndex: Number(gpu), uuid, watts: Number(watts) };
  if (Number(schema) !== PACKAGE_SCHEMA_VERSION || hostname === '' || uuid === '') return undefined;
  if (!Number.isFinite(row.time) || !Number.isFinite(row.watts) || row.watts < 0 || row.seq < 0 || row.gpuIndex < 0) return undefined;
  if (!Number.isSafeInteger(row.seq) || !Number.isSafeInteger(row.gpuIndex)) return undefined;
  return row;
}

export interface ObservedDevice {
  hostname: string;
  gpuIndex: number;
  uuids: string[];
  /** Sample times and powers sorted by time. */
  times: number[];
  powers: number[];
}

/** More rows than this is not one benchmark's package (72 GPUs at 1 Hz for 24 h is 6.2 M); it bounds memory. */
export const MAX_SAMPLE_ROWS = 20_000_000;

interface DeviceRows {
  hostname: string;
  gpuIndex: number;
  seqs: number[];
  times: number[];
  watts: number[];
  uuidIndex: number[];
  uuids: string[];
}

export interface SampleSummary {
  /** Unique rows: the first row of each (scrape, host, GPU) key. */
  rowCount: number;
  duplicateRows: number;
  maxSeq: number;
  /** Some device's timestamps do not strictly increase with its scrape sequence. */
  nonMonotonic: boolean;
  /** Sorted by (hostname, gpu index), as the producer lists them. */
  devices: ObservedDevice[];
}

/** Accumulates samples.csv rows as numbers per device (a few bytes a row), judged once at the end. */
export class SampleTable {
  totalRows = 0;
  private readonly byDevice = new Map<string, DeviceRows>();

  add(row: SampleRow): void {
    const key = deviceKey(row.hostname, row.gpuIndex);
    let device = this.byDevice.get(key);
    if (!device) this.byDevice.set(key, (device = { hostname: row.hostname, gpuIndex: row.gpuIndex, seqs: [], times: [], watts: [], uuidIndex: [], uuids: [] }));
    let uuid = device.uuids.indexOf(row.uuid);
    if (uuid < 0) uuid = device.uuids.push(row.uuid) - 1;
    device.seqs.push(row.seq);
    device.times.push(row.time);
    device.watts.push(row.watts);
    device.uuidIndex.push(uuid);
    this.totalRows += 1;
  }

  summarise(): SampleSummary {
    const summary: SampleSummary = { rowCount: 0, duplicateRows: 0, maxSeq: -1, nonMonotonic: false, devices: [] };
    const list = [...this.byDevice.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.gpuIndex - b.gpuIndex));
    for (const d of list) {
      // Stable sort by scrape: among rows of one key the first in the file is the one kept.
      const bySeq = Array.from(d.seqs.keys()).sort((x, y) => (d.seqs[x] as number) - (d.seqs[y] as number));
      const kept: number[] = [];
      for (const i of bySeq) {
        const previous = kept[kept.length - 1];
        if (previous !== undefined && d.seqs[previous] === d.seqs[i]) {
          summary.duplicateRows += 1;
          continue;
        }
        if (previous !== undefined && (d.times[i] as number) <= (d.times[previous] as number)) summary.nonMonotonic = true;
        kept.push(i);
      }
      summary.rowCount += kept.length;
      summary.maxSeq = Math.max(summary.maxSeq, d.seqs[kept[kept.length - 1] as number] as number);
      const uuids = [...new Set(kept.map((i) => d.uuids[d.uuidIndex[i] as number] as string))];
      const byTime = [...kept].sort((x, y) => (d.times[x] as number) - (d.times[y] as number) || (d.watts[x] as number) - (d.watts[y] as number));
      summary.devices.push({ hostname: d.hostname, gpuIndex: d.gpuIndex, uuids, times: byTime.map((i) => d.times[i] as number), powers: byTime.map((i) => d.watts[i] as number) });
    }
    return summary;
  }
}

/** The producer's observed_devices entry for a device. */
export function observedDeviceRecord(device: ObservedDevice): Record<string, unknown> {
  return {
    hostname: device.hostname,
    gpu_index: device.gpuIndex,
    gpu_uuids: device.uuids,
    first_sample_time_unix: device.times[0],
    last_sample_time_unix: device.times[device.times.length - 1],
  };
}

/** `host/uuid` when the device kept one UUID, else `host/index`: the label of per-GPU maps. */
export function deviceLabel(hostname: string, gpuIndex: number, observed?: ObservedDevice): string {
  return observed && observed.uuids.length === 1 ? `${hostname}/${observed.uuids[0]}` : `${hostname}/${gpuIndex}`;
}

/** Identity checks: every expected device observed, none extra, one UUID per device and per GPU. */
export function checkDeviceIdentity(expected: ExpectedDevice[], observed: ObservedDevice[]): { reasons: string[]; roles: Map<string, WorkerRole> } {
  const reasons: string[] = [];
  const expectedKeys = new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  const observedKeys = new Set(observed.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  if (expectedKeys.size === 0 || [...expectedKeys].some((k) => !observedKeys.has(k))) reasons.push('expected_device_missing');
  if ([...observedKeys].some((k) => !expectedKeys.has(k))) reasons.push('unexpected_device');
  const uuids = observed.map((d) => d.uuids[0]);
  if (observed.some((d) => d.uuids.length !== 1) || new Set(uuids).size !== uuids.length) reasons.push('gpu_uuid_changed');
  const roles = new Map<string, WorkerRole>();
  let roleConflict = false;
  for (const device of expected) {
    const distinct = new Set(device.roles);
    if (distinct.size !== 1) roleConflict = true;
    else roles.set(deviceKey(device.hostname, device.gpuIndex), device.roles[0] as WorkerRole);
  }
  if (roleConflict) {
    reasons.push('conflicting_worker_roles');
    roles.clear();
  }
  if (!hetGroupsByHost(expected).ok) reasons.push('conflicting_het_groups');
  return { reasons, roles };
}

function hetGroupsByHost(expected: ExpectedDevice[]): { ok: boolean; groups: Map<string, number | null> } {
  const groups = new Map<string, number | null>();
  for (const device of expected) {
    const distinct = new Set(device.hetGroups);
    if (distinct.size !== 1) return { ok: false, groups };
    const group = device.hetGroups[0] as number | null;
    if (groups.has(device.hostname) && groups.get(device.hostname) !== group) return { ok: false, groups };
    groups.set(device.hostname, group);
  }
  return { ok: true, groups };
}

/**
 * Role counts must equal the job's own GPU counts, and with heterogeneous Slurm jobs each role
 * must sit in its own het group. A deployment where every group is null is one plain job.
 */
export function checkRoleTopology(expected: ExpectedDevice[], roles: Map<string, WorkerRole>, expectedRoles: Map<WorkerRole, number>): string[] {
  const failures: string[] = [];
  const counts = new Map<WorkerRole, number>();
  for (const role of roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
  const found = [...counts.keys()].sort();
  const wanted = [...expectedRoles.keys()].sort();
  if (found.join(',') !== wanted.join(',')) failures.push(`expected roles [${wanted.join(', ')}], the manifest assigns [${found.join(', ')}]`);
  for (const role of wanted) {
    if ((counts.get(role) ?? 0) !== expectedRoles.get(role)) failures.push(`expected ${expectedRoles.get(role)} ${role} GPUs, the manifest assigns ${counts.get(role) ?? 0}`);
  }
  const het = hetGroupsByHost(expected);
  if (!het.ok) return [...failures, 'conflicting_het_groups (topology)'];
  const perRole = new Map<WorkerRole, Set<number | null>>();
  for (const device of expected) {
    const role = roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role === undefined) continue;
    let set = perRole.get(role);
    if (!set) perRole.set(role, (set = new Set()));
    set.add(het.groups.get(device.hostname) ?? null);
  }
  const plainJob = [...het.groups.values()].every((g) => g === null);
  const assigned: number[] = [];
  for (const role of [...perRole.keys()].sort()) {
    const groups = perRole.get(role) as Set<number | null>;
    if (groups.size !== 1) {
      failures.push(`role ${role} spans het groups [${[...groups].map(String).sort().join(', ')}], expected exactly one`);
      continue;
    }
    const group = [...groups][0] as number | null;
    if (group === null) {
      if (!plainJob) failures.push(`role ${role} has het group None while other devices report real het groups`);
      continue;
    }
    assigned.push(group);
  }
  if (new Set(assigned).size !== assigned.length) failures.push('roles share a het group');
  return failures;
}

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
export function parseWindow(payload: unknown, fileName: string, staysBelow: (relative: string) => boolean): { window?: ParsedWindow; reason?: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { reason: 'measurement_window_malformed' };
  const p = payload as Record<string, unknown>;
  const { status, concurrency, benchmark_type: benchmarkType, benchmark_start_time_unix: start } = p;
  if (p.schema_version !== PACKAGE_SCHEMA_VERSION || p.clock_source !== CLOCK_SOURCE || !WINDOW_STATUSES.includes(status as string) || typeof benchmarkType !== 'string' || !Number.isInteger(concurrency) || !isFiniteNumber(start)) {
    return { reason: 'measurement_window_malformed' };
  }
  const resultPath = p.result_path;
  if (typeof resultPath !== 'string' || !isSafeRelativeSubpath(resultPath) || !staysBelow(resultPath) || stem(resultPath) !== stem(fileName)) {
    return { reason: 'measurement_window_result_path_invalid' };
  }
  const end = p.benchmark_end_time_unix ?? null;
  const duration = p.duration ?? null;
  const reason = p.reason ?? null;
  let ok: boolean;
  if (status === 'running') ok = end === null && duration === null && reason === null;
  else if (status === 'interrupted') ok = end === null && duration === null && typeof reason === 'string' && reason !== '';
  else if (!isFiniteNumber(end) || !isFiniteNumber(duration) || duration <= 0) ok = false;
  else ok = status === 'completed' ? reason === null : typeof reason === 'string' && reason !== '';
  if (!ok) return { reason: 'measurement_window_malformed' };
  return {
    window: { relativePath: `windows/${fileName}`, benchmarkType, concurrency: concurrency as number, resultPath, status: status as string, start, end: end as number | null, duration: duration as number | null },
  };
}

/** The original result a completed window points at must carry the same window and a consistent clock. */
export function checkWindowResult(window: ParsedWindow, result: unknown): string[] {
  if (result === undefined) return ['measurement_window_result_missing'];
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return ['measurement_window_result_mismatch'];
  const r = result as Record<string, unknown>;
  if (r.benchmark_start_time_unix !== window.start || r.benchmark_end_time_unix !== window.end || r.duration !== window.duration) return ['measurement_window_result_mismatch'];
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
export function checkCoverage(start: number, end: number, expected: ExpectedDevice[], observed: Map<string, ObservedDevice>): { gaps: Record<string, number>; reasons: string[] } {
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

/** Python `==` on JSON values: dict key order ignored, 1 == 1.0, True == 1. */
export function pyEqual(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown): unknown => (typeof v === 'boolean' ? Number(v) : v);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && pyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return scalar(a) === scalar(b);
}

/** Canonical text of a JSON value (sorted keys) to compare two documents by content. */
export function canonicalJson(value: unknown): string {
  if (value instanceof PyRawValue) return value.raw;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
