/**
 * The consumer's audit of a multinode power package, pure: given what the io layer read, it
 * recomputes the package's validity, binds the processed result to its window by content and,
 * when everything holds, integrates every GPU over that window and sums energy per role.
 * Over 300 lines on purpose: the audit's steps share one mutable audit record and run in a fixed order.
 */
import { Findings } from '../reasons.js';
import type { BenchWindow } from '../bench.js';
import { derivePowerMetrics, deriveRoleMetrics, summariseDevices, type DeviceSummary } from '../power.js';
import type { DeviceResult } from '../telemetry/integrate.js';
import {
  checkWireContract,
  deviceKey,
  ManifestError,
  PACKAGE_MAX_SAMPLE_GAP_S,
  parseExpectedDevices,
  parseExpectedWindows,
  type ExpectedDevice,
  type ExpectedWindow,
  type WorkerRole,
} from './contract.js';
import { deviceLabel, observedDeviceRecord, type ObservedDevice, type SampleSummary } from './samples.js';
import { checkDeviceIdentity, checkRoleTopology, energyPool, expectedRoles } from './identity.js';
import { integrateDevice, validateWindows, windowKey, type ParsedWindow, type WindowScan } from './windows.js';
import { canonicalJson, pyEqual } from './json-equal.js';
import { roleInsights, type RoleDevice, type RoleInsights } from '../insights/roles.js';

/** What the io layer read of one package; the audit never touches a file. */
export interface PackageFiles {
  powerDir: string;
  manifestPath: string;
  samplesPath: string;
  /** The first gate that closed before the manifest could be read (folder, file, symlink, JSON). */
  unreadable?: { code: string; message: string };
  manifest?: Record<string, unknown>;
  samples: { summary: SampleSummary; reasons: string[] };
  /** Why samples.csv was refused (a symlink out of the package), when it was. */
  samplesEscape?: string;
  windows: WindowScan;
  /** Original result of each completed window, by result_path: where it lies, and its JSON when readable. */
  originals: ReadonlyMap<string, { path: string; value?: unknown }>;
  /** The processed benchmark result, re-read as JSON to bind it to its window by content. */
  processed: { value?: unknown; error?: string };
}

export interface PackageAuditOptions {
  benchResult: string;
  /** Only a fully valid benchmark window: a zero token count would divide by zero. */
  bench?: BenchWindow;
  prefillGpus: number;
  decodeGpus: number;
  expectedProducerSha?: string;
}

export interface PackageAudit {
  findings: Findings;
  /** Every recomputation failure in detail; the reasons only say which gate closed. */
  failures: string[];
  storedValid: boolean | null;
  recomputedValid: boolean | null;
  producerCommit: string | null;
  exporterImageSha256: string | null;
  selectedWindow: Record<string, unknown> | null;
  perGpuRole: Record<string, string>;
  devices: DeviceSummary;
  expectedGpuCount: number;
  observedGpuCount: number;
  metrics: Record<string, number>;
  /** Energy insights per worker role; null without a selected window. */
  roleInsights: Record<string, RoleInsights> | null;
}

function fail(audit: PackageAudit, code: string, message: string): void {
  audit.findings.add(code, message);
  audit.failures.push(message);
}

export function auditPackage(files: PackageFiles, options: PackageAuditOptions): PackageAudit {
  const audit: PackageAudit = {
    findings: new Findings(),
    failures: [],
    storedValid: null,
    recomputedValid: null,
    producerCommit: null,
    exporterImageSha256: null,
    selectedWindow: null,
    perGpuRole: {},
    devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
    expectedGpuCount: 0,
    observedGpuCount: 0,
    metrics: {},
    roleInsights: null,
  };
  const { powerDir, manifestPath } = files;
  if (files.unreadable || !files.manifest) {
    const gate = files.unreadable ?? { code: 'manifest_malformed', message: `${manifestPath}: not a JSON object.` };
    fail(audit, gate.code, gate.message);
    return audit;
  }
  const manifest = files.manifest;
  audit.storedValid = typeof manifest.publication_valid === 'boolean' ? manifest.publication_valid : null;
  audit.producerCommit = typeof manifest.producer_git_commit === 'string' ? manifest.producer_git_commit : null;
  const exporter = manifest.dcgm_exporter as Record<string, unknown> | undefined;
  if (typeof exporter === 'object' && exporter !== null && typeof exporter.container_image_sha256 === 'string')
    audit.exporterImageSha256 = exporter.container_image_sha256;

  // Energy from a producer whose contract is unknown is never published.
  if (!options.expectedProducerSha)
    fail(
      audit,
      'producer_pin_missing',
      'no expected producer commit; set POWER_PRODUCER_SHA or the expected-producer-sha option.',
    );
  else if (audit.producerCommit !== options.expectedProducerSha)
    fail(
      audit,
      'producer_commit_mismatch',
      `${manifestPath}: producer_git_commit ${JSON.stringify(audit.producerCommit)} is not the expected ${options.expectedProducerSha}.`,
    );

  const recompute = checkWireContract(manifest);
  let expected: ExpectedDevice[];
  let expectedWindows: ExpectedWindow[];
  try {
    expected = parseExpectedDevices(manifest);
    expectedWindows = parseExpectedWindows(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(audit, 'manifest_malformed', `${manifestPath}: ${error.message}.`);
    audit.recomputedValid = false;
    return audit;
  }

  if (files.samplesEscape !== undefined) fail(audit, 'telemetry_path_outside_workspace', files.samplesEscape);
  recompute.push(...files.samples.reasons.map((r) => `${r} in samples.csv`));
  const observed = files.samples.summary.devices;
  const observedByKey = new Map(observed.map((d) => [deviceKey(d.hostname, d.gpuIndex), d]));
  const identity = checkDeviceIdentity(expected, observed);
  recompute.push(...identity.reasons.map((r) => `${r} (device identity/topology)`));

  // validateWindows adds the unexpected windows to the artifact errors: work on a copy.
  const scan: WindowScan = { ...files.windows, artifactErrors: [...files.windows.artifactErrors] };
  const validations = validateWindows(
    scan,
    expectedWindows,
    expected,
    observedByKey,
    (resultPath) => files.originals.get(resultPath)?.value,
  );
  if (expectedWindows.length === 0) recompute.push('no expected measurement window');
  for (const v of validations)
    recompute.push(
      ...(v.reason_codes as string[]).map((r) => `${r} (window ${String(v.benchmark_type)}/${String(v.concurrency)})`),
    );
  for (const e of scan.artifactErrors) recompute.push(...e.reason_codes.map((r) => `${r} (${e.path})`));
  recompute.push(
    ...storedEvidenceFailures(manifest, files.samples.summary, observed, validations, scan, expected, expectedWindows),
  );

  audit.recomputedValid = recompute.length === 0;
  audit.failures.push(...recompute);
  if (recompute.length > 0) {
    audit.findings.add(
      'package_recompute_invalid',
      `${powerDir}: the package does not pass its own contract: ${recompute.slice(0, 5).join('; ')}${recompute.length > 5 ? `; and ${recompute.length - 5} more (see failures)` : ''}.`,
    );
  }
  if (audit.storedValid !== audit.recomputedValid) {
    fail(
      audit,
      'producer_verdict_mismatch',
      `${manifestPath}: stored publication_valid=${String(audit.storedValid)} but the recomputation says ${String(audit.recomputedValid)}.`,
    );
  } else if (audit.storedValid !== true) {
    fail(audit, 'package_recompute_invalid', `${manifestPath}: stored and recomputed verdicts are both invalid.`);
  }

  const wanted = expectedRoles(options.prefillGpus, options.decodeGpus, identity.roles);
  if (wanted.size === 0)
    fail(audit, 'topology_env_mismatch', 'PREFILL_GPUS and DECODE_GPUS are both zero; pass the job GPU counts.');
  else if (identity.roles.size > 0) {
    for (const failure of checkRoleTopology(expected, identity.roles, wanted))
      fail(
        audit,
        'topology_env_mismatch',
        `${manifestPath}: ${failure} (prefill-gpus ${options.prefillGpus}, decode-gpus ${options.decodeGpus}).`,
      );
  }

  audit.expectedGpuCount = expected.length;
  audit.observedGpuCount = observed.length;
  for (const device of expected) {
    const role = identity.roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role)
      audit.perGpuRole[
        deviceLabel(device.hostname, device.gpuIndex, observedByKey.get(deviceKey(device.hostname, device.gpuIndex)))
      ] = role;
  }

  const window = selectWindow(audit, files, options.benchResult, options.bench);
  if (!window || !options.bench || expected.length === 0) return audit;
  integrate(audit, files.samplesPath, window, options, expected, observedByKey, identity.roles);
  return audit;
}

/** The manifest's stored evidence must be what its own files say. */
function storedEvidenceFailures(
  manifest: Record<string, unknown>,
  samples: SampleSummary,
  observed: ObservedDevice[],
  validations: Array<Record<string, unknown>>,
  scan: WindowScan,
  expected: ExpectedDevice[],
  expectedWindows: ExpectedWindow[],
): string[] {
  const failures: string[] = [];
  const rowCount = samples.rowCount;
  if (manifest.sample_row_count !== rowCount)
    failures.push(`sample_row_count is ${JSON.stringify(manifest.sample_row_count)}, samples.csv has ${rowCount} rows`);
  if (rowCount > 0) {
    const least = samples.maxSeq + 1;
    const scrapes = manifest.scrape_count;
    if (!(typeof scrapes === 'number' && Number.isInteger(scrapes) && scrapes >= least))
      failures.push(`scrape_count is ${JSON.stringify(scrapes)}, samples.csv needs at least ${least}`);
  }
  if (observed.length === 0) failures.push('observed_devices is empty');
  if (!pyEqual(manifest.observed_devices, observed.map(observedDeviceRecord)))
    failures.push('observed_devices does not match the devices derived from samples.csv');
  if (!pyEqual(manifest.window_validations, validations))
    failures.push('window_validations does not match the recomputed window audit');
  if (!pyEqual(manifest.artifact_errors, scan.artifactErrors))
    failures.push('artifact_errors does not match the recomputed artifact scan');
  const deviceKeys = expected.map((d) => deviceKey(d.hostname, d.gpuIndex));
  if (new Set(deviceKeys).size !== deviceKeys.length) failures.push('expected_devices contains duplicate keys');
  const windowKeys = expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency));
  if (new Set(windowKeys).size !== windowKeys.length) failures.push('expected_windows contains duplicate keys');
  return failures;
}

/** Exactly one completed window must belong to this result: same concurrency and the same content. */
function selectWindow(
  audit: PackageAudit,
  files: PackageFiles,
  benchResult: string,
  bench: BenchWindow | undefined,
): ParsedWindow | undefined {
  const processed = files.processed;
  if (
    processed.error !== undefined ||
    typeof processed.value !== 'object' ||
    processed.value === null ||
    Array.isArray(processed.value)
  ) {
    fail(audit, 'invalid_benchmark_result', `${benchResult}: ${processed.error ?? 'not a JSON object'}.`);
    return undefined;
  }
  const concurrency = (processed.value as Record<string, unknown>).max_concurrency;
  const matches = [...files.windows.parsed.values()].filter(
    (w) => w.status === 'completed' && w.concurrency === concurrency,
  );
  if (matches.length !== 1) {
    fail(
      audit,
      'window_for_result_missing',
      `found ${matches.length} completed measurement windows for max_concurrency ${JSON.stringify(concurrency)} in the power package; expected exactly one.`,
    );
    return undefined;
  }
  const window = matches[0] as ParsedWindow;
  const read = files.originals.get(window.resultPath);
  const original = read?.value;
  if (original === undefined) {
    fail(
      audit,
      'measurement_window_result_missing',
      `${read?.path ?? window.resultPath}: the original result of ${window.relativePath} cannot be read.`,
    );
    return undefined;
  }
  // The launcher renames the workspace copy, so the link between result and window is its content.
  if (canonicalJson(original) !== canonicalJson(processed.value)) {
    fail(
      audit,
      'result_content_mismatch',
      `${benchResult} differs from the original ${window.resultPath} that ${window.relativePath} measured.`,
    );
    return undefined;
  }
  if (bench && (bench.startUnix !== window.start || bench.endUnix !== window.end)) {
    fail(
      audit,
      'measurement_window_result_mismatch',
      `${benchResult}: benchmark window ${bench.startUnix}..${bench.endUnix} is not ${window.relativePath}'s ${window.start}..${window.end}.`,
    );
    return undefined;
  }
  audit.selectedWindow = {
    window_file: window.relativePath,
    result_path: window.resultPath,
    benchmark_type: window.benchmarkType,
    concurrency: window.concurrency,
    start_time_unix: window.start,
    end_time_unix: window.end,
    duration: window.duration,
  };
  return window;
}

/** Each expected GPU over the formal window, judged as `aggregate` judges a node; then the metrics. */
function integrate(
  audit: PackageAudit,
  samplesPath: string,
  window: ParsedWindow,
  options: PackageAuditOptions,
  expected: ExpectedDevice[],
  observedByKey: Map<string, ObservedDevice>,
  roles: Map<string, WorkerRole>,
): void {
  const bench = options.bench as BenchWindow;
  const results = new Map<string, DeviceResult>();
  const roleOf = new Map<string, WorkerRole | undefined>();
  for (const device of expected) {
    const key = deviceKey(device.hostname, device.gpuIndex);
    const seen = observedByKey.get(key);
    const label = deviceLabel(device.hostname, device.gpuIndex, seen);
    results.set(
      label,
      seen
        ? integrateDevice(seen, window.start, window.end as number)
        : { sampleCount: 0, issue: 'insufficient_power_samples' },
    );
    roleOf.set(label, roles.get(key));
  }
  // Advisory: never part of the verdict, so a failure only leaves the block out.
  try {
    const roleDevices: RoleDevice[] = [];
    for (const device of expected) {
      const seen = observedByKey.get(deviceKey(device.hostname, device.gpuIndex));
      if (!seen) continue;
      const label = deviceLabel(device.hostname, device.gpuIndex, seen);
      roleDevices.push({ label, role: roleOf.get(label) ?? 'unassigned', times: seen.times, powers: seen.powers });
    }
    audit.roleInsights = roleInsights(roleDevices, {
      start: window.start,
      end: window.end as number,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      outputTokens: bench.totalOutputTokens,
      ...(bench.maxConcurrency !== undefined ? { concurrency: bench.maxConcurrency } : {}),
    });
  } catch {
    audit.roleInsights = null;
  }
  // Overflow is judged on the metrics, as the reference does: one reason, and every GPU listed.
  const integration = new Findings();
  audit.devices = summariseDevices(
    results,
    {
      start: window.start,
      end: window.end as number,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      expectedGpus: options.prefillGpus + options.decodeGpus,
    },
    integration,
    samplesPath,
  );
  const overflowed: string[] = [];
  for (const [label, result] of results) {
    if (result.issue === undefined && !Number.isFinite(result.energyJ)) {
      overflowed.push(label);
      audit.devices.energyJ[label] = result.energyJ;
      delete audit.devices.issues[label];
    }
  }
  for (const finding of integration.list())
    if (finding.code !== 'power_value_out_of_range') audit.findings.add(finding.code, finding.message);
  if (audit.findings.size > 0) return;
  const overflowMessage = (what: string): string =>
    `${samplesPath}: ${what} overflowed; the samples hold absurd power values.`;
  if (overflowed.length > 0 || audit.devices.totalEnergyJ === undefined) {
    fail(
      audit,
      'non_finite_power_metric',
      overflowMessage(overflowed.length > 0 ? `the energy of ${overflowed.join(', ')}` : 'total_gpu_energy_j'),
    );
    return;
  }
  // selectWindow bound the bench window to the measurement window, so both give the same duration.
  const metrics: Record<string, number> = { ...derivePowerMetrics(audit.devices.totalEnergyJ, expected.length, bench) };
  const poolEnergy = (pool: 'prefill' | 'decode'): number =>
    audit.devices.gpuIds
      .filter((id) => energyPool(roleOf.get(id)) === pool)
      .reduce((sum, id) => sum + (audit.devices.energyJ[id] as number), 0);
  // Role fields follow the GPU split: prefill whenever there are prefill GPUs, decode only with a decode pool.
  if (options.prefillGpus > 0)
    Object.assign(metrics, deriveRoleMetrics('prefill', poolEnergy('prefill'), options.prefillGpus, bench));
  if (options.decodeGpus > 0)
    Object.assign(metrics, deriveRoleMetrics('decode', poolEnergy('decode'), options.decodeGpus, bench));
  const nonFinite = Object.keys(metrics)
    .filter((k) => !Number.isFinite(metrics[k]))
    .sort();
  if (nonFinite.length > 0) {
    fail(audit, 'non_finite_power_metric', overflowMessage(nonFinite.join(', ')));
    return;
  }
  audit.metrics = metrics;
}
