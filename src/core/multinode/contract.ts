/**
 * The v1 wire contract of srt-slurm's dcgm power collector (power/manifest.json, samples.csv,
 * windows/*.json): fixed values, and the manifest's typed fields. The producer's own
 * `publication_valid` verdict is never taken on faith: validity is recomputed from the files.
 */
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
export const SAMPLES_HEADER = [
  'schema_version',
  'timestamp_unix',
  'scrape_seq',
  'hostname',
  'gpu_index',
  'gpu_uuid',
  'power_w',
] as const;
/** Fixed by the producer contract, not derived from the sample interval. */
export const PACKAGE_MAX_SAMPLE_GAP_S = 3.0;

/** A sample-gap limit other than the package's own cannot apply to a multinode package: say so. */
export function multinodeGapNote(maxSampleGapS: number | undefined): string | undefined {
  if (maxSampleGapS === undefined || maxSampleGapS === PACKAGE_MAX_SAMPLE_GAP_S) return undefined;
  return `sweep-power: the maximum sample gap of ${maxSampleGapS} s applies to single-node telemetry only; a multinode power package is checked against its own ${PACKAGE_MAX_SAMPLE_GAP_S} s limit.`;
}
export const WORKER_ROLES = ['prefill', 'decode', 'agg'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

const FATAL_LIFECYCLE_REASONS = [
  'exporter_exited',
  'collector_exception',
  'collector_interrupted',
  'collector_join_timeout',
  'benchmark_child_reap_timeout',
];
const STARTUP_FAILURE_REASONS = ['exporter_startup_timeout', 'exporter_launch_failed', 'endpoint_resolution_failed'];
export const WINDOW_STATUSES = ['running', 'completed', 'failed', 'interrupted'];

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isWhole = (v: unknown, minimum: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= minimum;
export const show = (v: unknown): string => {
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
    if (!Array.isArray(assignments) || assignments.length === 0)
      throw new ManifestError(`expected_devices[${i}].assignments is not a non-empty list`);
    const roles: WorkerRole[] = [];
    const hetGroups: Array<number | null> = [];
    for (const a of assignments as unknown[]) {
      const assignment = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      if (!WORKER_ROLES.includes(assignment.worker_role as WorkerRole))
        throw new ManifestError(
          `expected_devices[${i}] worker_role is not one of ${WORKER_ROLES.join('/')}: ${show(assignment.worker_role)}`,
        );
      for (const key of ['worker_index', 'worker_process']) {
        if (!isWhole(assignment[key], 0))
          throw new ManifestError(`expected_devices[${i}] ${key} is not an integer >= 0: ${show(assignment[key])}`);
      }
      const het = assignment.het_group ?? null;
      if (het !== null && !isWhole(het, 0))
        throw new ManifestError(`expected_devices[${i}] het_group is not an integer >= 0: ${show(het)}`);
      roles.push(assignment.worker_role as WorkerRole);
      hetGroups.push(het as number | null);
    }
    if (typeof e.hostname !== 'string' || e.hostname === '')
      throw new ManifestError(`expected_devices[${i}].hostname is not a non-empty string`);
    if (!isWhole(e.gpu_index, 0))
      throw new ManifestError(`expected_devices[${i}].gpu_index is not an integer >= 0: ${show(e.gpu_index)}`);
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
    if (typeof e.benchmark_type !== 'string' || e.benchmark_type === '')
      throw new ManifestError(`expected_windows[${i}].benchmark_type is not a non-empty string`);
    if (!isWhole(e.concurrency, 1))
      throw new ManifestError(`expected_windows[${i}].concurrency is not an integer >= 1: ${show(e.concurrency)}`);
    return { benchmarkType: e.benchmark_type, concurrency: e.concurrency };
  });
}

/** Manifest wire and lifecycle fields; the stored verdict is judged separately. */
export function checkWireContract(manifest: Record<string, unknown>): string[] {
  const failures: string[] = [];
  for (const [key, expected] of WIRE_CONTRACT) {
    if (manifest[key] !== expected)
      failures.push(`manifest ${key} is ${show(manifest[key])}, expected ${show(expected)}`);
  }
  if (manifest.status !== 'complete') failures.push(`manifest status is ${show(manifest.status)}, expected "complete"`);
  if (!isFiniteNumber(manifest.started_at_unix)) failures.push('manifest started_at_unix is not a finite number');
  if (!isFiniteNumber(manifest.stopped_at_unix))
    failures.push('manifest stopped_at_unix is not a finite number in a terminal manifest');
  for (const key of ['sample_interval_seconds', 'request_timeout_seconds']) {
    if (!(isFiniteNumber(manifest[key]) && (manifest[key] as number) > 0))
      failures.push(`manifest ${key} is not finite and positive`);
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
    if (incompatible.length > 0)
      failures.push(`complete manifest carries lifecycle-failure reasons: ${incompatible.join(', ')}`);
  }
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter !== 'object' || exporter === null || Array.isArray(exporter))
    failures.push('manifest dcgm_exporter is not an object');
  else if (!(exporter as Record<string, unknown>).container_image_resolved)
    failures.push('manifest dcgm_exporter.container_image_resolved is empty');
  return failures;
}
