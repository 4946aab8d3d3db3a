import { roleInsights, type RoleDevice, type RoleInsights } from '../core/insights/roles.js';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readTextBounded } from '../io/files.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readLines } from '../io/lines.js';
import { escapesRoot } from '../io/workspace.js';
import { Findings } from '../core/reasons.js';
import type { BenchWindow } from '../core/bench.js';
import { INTEGRATION_METHOD, summariseDevices, type DeviceSummary } from '../core/power.js';
import { pyRound } from '../core/pynum.js';
import { parsePyJsonObject } from '../core/pyjson.js';
import type { DeviceResult } from '../core/telemetry/integrate.js';
import {
  canonicalJson,
  checkCoverage,
  checkDeviceIdentity,
  checkRoleTopology,
  checkWindowResult,
  checkWireContract,
  deviceKey,
  deviceLabel,
  integrateDevice,
  ManifestError,
  observedDeviceRecord,
  PACKAGE_MAX_SAMPLE_GAP_S,
  parseExpectedDevices,
  parseExpectedWindows,
  parseSampleRow,
  parseWindow,
  pyEqual,
  SAMPLES_HEADER,
  SampleTable,
  MAX_SAMPLE_ROWS,
  type SampleSummary,
  type ExpectedDevice,
  type ObservedDevice,
  type ParsedWindow,
  type WorkerRole,
} from '../core/multinode.js';
import { defaultSidecarPath, loadBench, MAX_JSON_BYTES, patchAggPower, renderSidecar } from './aggregate.js';

/** Manifests and window files are small; a larger one is not the producer's. */
const MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;

export interface AggregateMultinodeOptions {
  /** Folder with manifest.json, samples.csv, windows/ (default $POWER_ARTIFACT_DIR or LOGS/power). */
  powerDir?: string;
  /** Folder that the windows' result_path values resolve under (default $POWER_RESULT_ROOT or LOGS). */
  logsRoot?: string;
  benchResult: string;
  aggResult: string;
  prefillGpus: number;
  /** 0 for an aggregated deployment: one pool whose GPUs carry role "prefill" (or "agg"). */
  decodeGpus: number;
  /** The srt-slurm commit whose package contract is trusted (default $POWER_PRODUCER_SHA). */
  expectedProducerSha?: string;
  validationResult?: string;
  requirePower: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface AggregateMultinodeResult {
  valid: boolean;
  reasons: string[];
  metrics: Record<string, number>;
  aggResult: string;
  sidecarPath: string;
  sidecarWritten: boolean;
  exitCode: number;
  log: { stdout: string[]; stderr: string[] };
}

interface Audit {
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

function fail(audit: Audit, code: string, message: string): void {
  audit.findings.add(code, message);
  audit.failures.push(message);
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function readJson(path: string, maxBytes: number): Promise<{ value?: unknown; error?: string }> {
  let text: string;
  try {
    text = await readTextBounded(path, maxBytes);
  } catch (error) {
    return { error: (error as Error).message };
  }
  // Results come from Python clients and may hold NaN; Python reads those, so we do too.
  const object = parsePyJsonObject(text);
  if (object !== undefined) return { value: object };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** True when `target`, symlinks resolved, lies under `root` (a missing tail is resolved lexically). */
async function resolvesUnder(root: string, target: string): Promise<boolean> {
  const realRoot = await realpath(root).catch(() => resolve(root));
  let existing = resolve(target);
  let tail = '';
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      existing = join(real, tail);
      break;
    }
    const parent = dirname(existing);
    if (parent === existing) break;
    tail = join(existing.slice(parent.length + 1), tail);
    existing = parent;
  }
  const rel = relative(realRoot, existing);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function splitRow(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  try {
    return (parseCsv(line, { relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

async function readSamples(path: string): Promise<{ samples: SampleSummary; reasons: string[] }> {
  const table = new SampleTable();
  const reasons = new Set<string>();
  const empty = (): SampleSummary => new SampleTable().summarise();
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { samples: empty(), reasons: ['samples_csv_missing'] };
  let headerOk: boolean | undefined;
  try {
    await readLines(path, {
      line: (text, lineNo) => {
        if (lineNo === 1) {
          const header = splitRow(text);
          headerOk = header.length === SAMPLES_HEADER.length && header.every((c, i) => c === SAMPLES_HEADER[i]);
          return;
        }
        const row = parseSampleRow(splitRow(text));
        if (row) table.add(row);
        else reasons.add('samples_csv_malformed');
      },
      overlong: () => reasons.add('samples_csv_malformed'),
      wantsMore: () => headerOk !== false && table.totalRows < MAX_SAMPLE_ROWS,
    });
  } catch {
    reasons.add('samples_csv_malformed');
  }
  if (headerOk !== true) return { samples: empty(), reasons: ['samples_csv_header_mismatch'] };
  if (table.totalRows >= MAX_SAMPLE_ROWS) reasons.add('samples_csv_too_large');
  const samples = table.summarise();
  if (samples.duplicateRows > 0) reasons.add('duplicate_sample_row');
  if (samples.nonMonotonic) reasons.add('timestamp_non_monotonic');
  return { samples, reasons: [...reasons] };
}

interface WindowScan {
  parsed: Map<string, ParsedWindow>;
  duplicates: Set<string>;
  artifactErrors: Array<{ path: string; reason_codes: string[] }>;
}

const windowKey = (benchmarkType: string, concurrency: number): string => JSON.stringify([benchmarkType, concurrency]);

async function scanWindows(powerDir: string, logsRoot: string): Promise<WindowScan> {
  const scan: WindowScan = { parsed: new Map(), duplicates: new Set(), artifactErrors: [] };
  const windowsDir = join(powerDir, 'windows');
  if (!(await isDirectory(windowsDir))) return scan;
  if (!(await resolvesUnder(powerDir, windowsDir))) {
    scan.artifactErrors.push({ path: 'windows', reason_codes: ['measurement_window_artifact_path_invalid'] });
    return scan;
  }
  const names = (await readdir(windowsDir)).sort();
  for (const name of names) {
    const relativePath = `windows/${name}`;
    const info = await lstat(join(windowsDir, name)).catch(() => undefined);
    if (!info || info.isSymbolicLink() || !info.isFile()) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: ['measurement_window_artifact_path_invalid'] });
      continue;
    }
    const payload = await readJson(join(windowsDir, name), MAX_PACKAGE_JSON_BYTES);
    const staysBelow = new Map<string, boolean>();
    let result: { window?: ParsedWindow; reason?: string } = { reason: 'measurement_window_malformed' };
    if (payload.error === undefined) {
      const candidate = (payload.value as { result_path?: unknown } | null)?.result_path;
      if (typeof candidate === 'string') staysBelow.set(candidate, await resolvesUnder(logsRoot, join(logsRoot, candidate)));
      result = parseWindow(payload.value, name, (rel) => staysBelow.get(rel) === true);
    }
    if (!result.window) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: [result.reason as string] });
      continue;
    }
    const key = windowKey(result.window.benchmarkType, result.window.concurrency);
    const earlier = scan.parsed.get(key);
    if (earlier || scan.duplicates.has(key)) {
      scan.duplicates.add(key);
      if (earlier) scan.artifactErrors.push({ path: earlier.relativePath, reason_codes: ['measurement_window_duplicate'] });
      scan.artifactErrors.push({ path: relativePath, reason_codes: ['measurement_window_duplicate'] });
      scan.parsed.delete(key);
      continue;
    }
    scan.parsed.set(key, result.window);
  }
  return scan;
}

async function readOriginalResult(logsRoot: string, resultPath: string): Promise<unknown> {
  const read = await readJson(join(logsRoot, resultPath), MAX_JSON_BYTES);
  return read.error === undefined ? read.value : undefined;
}

/** The producer's per-expected-window audit, recomputed; it must equal the stored one. */
async function validateWindows(logsRoot: string, scan: WindowScan, expectedWindows: Array<{ benchmarkType: string; concurrency: number }>, expected: ExpectedDevice[], observed: Map<string, ObservedDevice>): Promise<Array<Record<string, unknown>>> {
  const expectedKeys = new Set(expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency)));
  const unexpected = [...scan.parsed.values()].filter((w) => !expectedKeys.has(windowKey(w.benchmarkType, w.concurrency)));
  unexpected.sort((a, b) => (a.benchmarkType < b.benchmarkType ? -1 : a.benchmarkType > b.benchmarkType ? 1 : a.concurrency - b.concurrency));
  for (const w of unexpected) scan.artifactErrors.push({ path: w.relativePath, reason_codes: ['measurement_window_unexpected'] });

  const validations: Array<Record<string, unknown>> = [];
  for (const want of expectedWindows) {
    const key = windowKey(want.benchmarkType, want.concurrency);
    const window = scan.parsed.get(key);
    if (!window) {
      validations.push({ benchmark_type: want.benchmarkType, concurrency: want.concurrency, window_file: null, power_coverage_valid: false, reason_codes: [scan.duplicates.has(key) ? 'measurement_window_duplicate' : 'measurement_window_missing'], per_device_max_sample_gap_seconds: {} });
      continue;
    }
    const reasons: string[] = [];
    if (window.status !== 'completed') reasons.push('measurement_window_incomplete');
    else reasons.push(...checkWindowResult(window, await readOriginalResult(logsRoot, window.resultPath)));
    let gaps: Record<string, number> = {};
    if (reasons.length === 0) {
      const coverage = checkCoverage(window.start, window.end as number, expected, observed);
      reasons.push(...coverage.reasons);
      if (coverage.reasons.length === 0) gaps = coverage.gaps;
    }
    validations.push({ benchmark_type: want.benchmarkType, concurrency: want.concurrency, window_file: window.relativePath, power_coverage_valid: reasons.length === 0, reason_codes: [...new Set(reasons)], per_device_max_sample_gap_seconds: gaps });
  }
  return validations;
}

function emptyDevices(): DeviceSummary {
  return { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
}

/**
 * Recomputes the package's validity, binds the processed result to its window by content and,
 * when everything holds, integrates every GPU over that window and sums energy per role.
 */
async function auditPackage(options: { powerDir: string; logsRoot: string; benchResult: string; bench?: BenchWindow; prefillGpus: number; decodeGpus: number; expectedProducerSha?: string }): Promise<Audit> {
  const audit: Audit = { findings: new Findings(), failures: [], storedValid: null, recomputedValid: null, producerCommit: null, exporterImageSha256: null, selectedWindow: null, perGpuRole: {}, devices: emptyDevices(), expectedGpuCount: 0, observedGpuCount: 0, metrics: {}, roleInsights: null };
  const { powerDir, logsRoot } = options;
  if (!(await isDirectory(powerDir))) {
    fail(audit, 'power_artifacts_missing', `${powerDir}: no power package folder. Enable the dcgm power collector for the job, or pass --power-dir (POWER_ARTIFACT_DIR).`);
    return audit;
  }
  const manifestPath = join(powerDir, 'manifest.json');
  const manifestInfo = await stat(manifestPath).catch(() => undefined);
  if (!manifestInfo?.isFile()) {
    fail(audit, 'manifest_missing', `${manifestPath}: no such file; the collector did not finish writing its package.`);
    return audit;
  }
  const manifestEscape = escapesRoot(powerDir, manifestPath);
  if (manifestEscape !== undefined) {
    fail(audit, 'telemetry_path_outside_workspace', manifestEscape);
    return audit;
  }
  const read = await readJson(manifestPath, MAX_PACKAGE_JSON_BYTES);
  if (read.error !== undefined || typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    fail(audit, 'manifest_malformed', `${manifestPath}: ${read.error ?? 'not a JSON object'}.`);
    return audit;
  }
  const manifest = read.value as Record<string, unknown>;
  audit.storedValid = typeof manifest.publication_valid === 'boolean' ? manifest.publication_valid : null;
  audit.producerCommit = typeof manifest.producer_git_commit === 'string' ? manifest.producer_git_commit : null;
  const exporter = manifest.dcgm_exporter as Record<string, unknown> | undefined;
  if (typeof exporter === 'object' && exporter !== null && typeof exporter.container_image_sha256 === 'string') audit.exporterImageSha256 = exporter.container_image_sha256;

  // Energy from a producer whose contract is unknown is never published.
  if (!options.expectedProducerSha) fail(audit, 'producer_pin_missing', 'no expected producer commit; set POWER_PRODUCER_SHA or pass --expected-producer-sha.');
  else if (audit.producerCommit !== options.expectedProducerSha) fail(audit, 'producer_commit_mismatch', `${manifestPath}: producer_git_commit ${JSON.stringify(audit.producerCommit)} is not the expected ${options.expectedProducerSha}.`);

  const recompute = checkWireContract(manifest);
  let expected: ExpectedDevice[];
  let expectedWindows;
  try {
    expected = parseExpectedDevices(manifest);
    expectedWindows = parseExpectedWindows(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(audit, 'manifest_malformed', `${manifestPath}: ${error.message}.`);
    audit.recomputedValid = false;
    return audit;
  }

  const samplesPath = join(powerDir, 'samples.csv');
  const samplesEscape = escapesRoot(powerDir, samplesPath);
  if (samplesEscape !== undefined) fail(audit, 'telemetry_path_outside_workspace', samplesEscape);
  const samples = samplesEscape === undefined ? await readSamples(samplesPath) : { samples: new SampleTable().summarise(), reasons: ['samples_csv_missing'] };
  recompute.push(...samples.reasons.map((r) => `${r} in samples.csv`));
  const observed = samples.samples.devices;
  const observedByKey = new Map(observed.map((d) => [deviceKey(d.hostname, d.gpuIndex), d]));
  const identity = checkDeviceIdentity(expected, observed);
  recompute.push(...identity.reasons.map((r) => `${r} (device identity/topology)`));

  const scan = await scanWindows(powerDir, logsRoot);
  const validations = await validateWindows(logsRoot, scan, expectedWindows, expected, observedByKey);
  if (expectedWindows.length === 0) recompute.push('no expected measurement window');
  for (const v of validations) recompute.push(...(v.reason_codes as string[]).map((r) => `${r} (window ${String(v.benchmark_type)}/${String(v.concurrency)})`));
  for (const e of scan.artifactErrors) recompute.push(...e.reason_codes.map((r) => `${r} (${e.path})`));

  // The manifest's stored evidence must be what its own files say.
  const rowCount = samples.samples.rowCount;
  if (manifest.sample_row_count !== rowCount) recompute.push(`sample_row_count is ${JSON.stringify(manifest.sample_row_count)}, samples.csv has ${rowCount} rows`);
  if (rowCount > 0) {
    const least = samples.samples.maxSeq + 1;
    const scrapes = manifest.scrape_count;
    if (!(typeof scrapes === 'number' && Number.isInteger(scrapes) && scrapes >= least)) recompute.push(`scrape_count is ${JSON.stringify(scrapes)}, samples.csv needs at least ${least}`);
  }
  if (observed.length === 0) recompute.push('observed_devices is empty');
  if (!pyEqual(manifest.observed_devices, observed.map(observedDeviceRecord))) recompute.push('observed_devices does not match the devices derived from samples.csv');
  if (!pyEqual(manifest.window_validations, validations)) recompute.push('window_validations does not match the recomputed window audit');
  if (!pyEqual(manifest.artifact_errors, scan.artifactErrors)) recompute.push('artifact_errors does not match the recomputed artifact scan');
  const deviceKeys = expected.map((d) => deviceKey(d.hostname, d.gpuIndex));
  if (new Set(deviceKeys).size !== deviceKeys.length) recompute.push('expected_devices contains duplicate keys');
  const windowKeys = expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency));
  if (new Set(windowKeys).size !== windowKeys.length) recompute.push('expected_windows contains duplicate keys');

  audit.recomputedValid = recompute.length === 0;
  audit.failures.push(...recompute);
  if (recompute.length > 0) {
    audit.findings.add('package_recompute_invalid', `${powerDir}: the package does not pass its own contract: ${recompute.slice(0, 5).join('; ')}${recompute.length > 5 ? `; and ${recompute.length - 5} more (see failures)` : ''}.`);
  }
  if (audit.storedValid !== audit.recomputedValid) {
    fail(audit, 'producer_verdict_mismatch', `${manifestPath}: stored publication_valid=${String(audit.storedValid)} but the recomputation says ${String(audit.recomputedValid)}.`);
  } else if (audit.storedValid !== true) {
    fail(audit, 'package_recompute_invalid', `${manifestPath}: stored and recomputed verdicts are both invalid.`);
  }

  // Expected roles come from the GPU split: prefill for the prefill GPUs, decode when there is a
  // decode pool. An aggregated run (no decode GPUs) is one pool whose GPUs carry "prefill"; a
  // manifest that labels that pool "agg" instead is read the same way.
  const aggPool = options.decodeGpus <= 0 && identity.roles.size > 0 && [...identity.roles.values()].every((role) => role === 'agg');
  const expectedRoles = new Map<WorkerRole, number>();
  if (options.prefillGpus > 0) expectedRoles.set(aggPool ? 'agg' : 'prefill', options.prefillGpus);
  if (options.decodeGpus > 0) expectedRoles.set('decode', options.decodeGpus);
  if (expectedRoles.size === 0) fail(audit, 'topology_env_mismatch', 'PREFILL_GPUS and DECODE_GPUS are both zero; pass the job GPU counts.');
  else if (identity.roles.size > 0) {
    for (const failure of checkRoleTopology(expected, identity.roles, expectedRoles)) fail(audit, 'topology_env_mismatch', `${manifestPath}: ${failure} (--prefill-gpus ${options.prefillGpus}, --decode-gpus ${options.decodeGpus}).`);
  }

  audit.expectedGpuCount = expected.length;
  audit.observedGpuCount = observed.length;
  for (const device of expected) {
    const role = identity.roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role) audit.perGpuRole[deviceLabel(device.hostname, device.gpuIndex, observedByKey.get(deviceKey(device.hostname, device.gpuIndex)))] = role;
  }

  const window = await selectWindow(audit, scan, logsRoot, options.benchResult, options.bench);
  if (!window || !options.bench || expected.length === 0) return audit;

  // Integration: each expected GPU over the formal window, judged as `aggregate` judges a node.
  const results = new Map<string, DeviceResult>();
  const roleOf = new Map<string, WorkerRole | undefined>();
  for (const device of expected) {
    const key = deviceKey(device.hostname, device.gpuIndex);
    const seen = observedByKey.get(key);
    const label = deviceLabel(device.hostname, device.gpuIndex, seen);
    results.set(label, seen ? integrateDevice(seen, window.start, window.end as number) : { sampleCount: 0, issue: 'insufficient_power_samples' });
    roleOf.set(label, identity.roles.get(key));
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
    const bench = options.bench;
    audit.roleInsights = roleInsights(roleDevices, { start: window.start, end: window.end as number, maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S, outputTokens: bench.totalOutputTokens, ...(bench.maxConcurrency !== undefined ? { concurrency: bench.maxConcurrency } : {}) });
  } catch {
    audit.roleInsights = null;
  }
  // Overflow is judged on the metrics, as the reference does: one reason, and every GPU listed.
  const integration = new Findings();
  audit.devices = summariseDevices(results, { start: window.start, end: window.end as number, maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S, expectedGpus: options.prefillGpus + options.decodeGpus }, integration, join(powerDir, 'samples.csv'));
  const overflowed: string[] = [];
  for (const [label, result] of results) {
    if (result.issue === undefined && !Number.isFinite(result.energyJ)) {
      overflowed.push(label);
      audit.devices.energyJ[label] = result.energyJ;
      delete audit.devices.issues[label];
    }
  }
  for (const finding of integration.list()) if (finding.code !== 'power_value_out_of_range') audit.findings.add(finding.code, finding.message);
  if (audit.findings.size > 0) return audit;
  const overflowMessage = (what: string): string => `${join(powerDir, 'samples.csv')}: ${what} overflowed; the samples hold absurd power values.`;
  if (overflowed.length > 0 || audit.devices.totalEnergyJ === undefined) {
    fail(audit, 'non_finite_power_metric', overflowMessage(overflowed.length > 0 ? `the energy of ${overflowed.join(', ')}` : 'total_gpu_energy_j'));
    return audit;
  }

  const bench = options.bench;
  const durationS = window.end as number - window.start;
  const total = audit.devices.totalEnergyJ;
  // An "agg" pool is the prefill pool of an aggregated run.
  const roleEnergy = (role: WorkerRole): number => audit.devices.gpuIds.filter((id) => roleOf.get(id) === role || (role === 'prefill' && roleOf.get(id) === 'agg')).reduce((sum, id) => sum + (audit.devices.energyJ[id] as number), 0);
  const metrics: Record<string, number> = {
    avg_power_w: total / durationS / expected.length,
    avg_total_gpu_power_w: total / durationS,
    total_gpu_energy_j: total,
    joules_per_successful_query: total / bench.completed,
    joules_per_input_token: total / bench.totalInputTokens,
    joules_per_output_token: total / bench.totalOutputTokens,
    joules_per_total_token: total / (bench.totalInputTokens + bench.totalOutputTokens),
  };
  // Role fields follow the GPU split: prefill whenever there are prefill GPUs, decode only with a decode pool.
  if (options.prefillGpus > 0) {
    const prefill = roleEnergy('prefill');
    metrics.prefill_gpu_energy_j = prefill;
    metrics.prefill_avg_power_w = prefill / durationS / options.prefillGpus;
    metrics.prefill_joules_per_input_token = prefill / bench.totalInputTokens;
  }
  if (options.decodeGpus > 0) {
    const decode = roleEnergy('decode');
    metrics.decode_gpu_energy_j = decode;
    metrics.decode_avg_power_w = decode / durationS / options.decodeGpus;
    metrics.decode_joules_per_output_token = decode / bench.totalOutputTokens;
  }
  const nonFinite = Object.keys(metrics).filter((k) => !Number.isFinite(metrics[k])).sort();
  if (nonFinite.length > 0) {
    fail(audit, 'non_finite_power_metric', overflowMessage(nonFinite.join(', ')));
    return audit;
  }
  audit.metrics = metrics;
  return audit;
}

/** Exactly one completed window must belong to this result: same concurrency and the same content. */
async function selectWindow(audit: Audit, scan: WindowScan, logsRoot: string, benchResult: string, bench: BenchWindow | undefined): Promise<ParsedWindow | undefined> {
  const processed = await readJson(benchResult, MAX_JSON_BYTES);
  if (processed.error !== undefined || typeof processed.value !== 'object' || processed.value === null || Array.isArray(processed.value)) {
    fail(audit, 'invalid_benchmark_result', `${benchResult}: ${processed.error ?? 'not a JSON object'}.`);
    return undefined;
  }
  const concurrency = (processed.value as Record<string, unknown>).max_concurrency;
  const matches = [...scan.parsed.values()].filter((w) => w.status === 'completed' && w.concurrency === concurrency);
  if (matches.length !== 1) {
    fail(audit, 'window_for_result_missing', `found ${matches.length} completed measurement windows for max_concurrency ${JSON.stringify(concurrency)} in the power package; expected exactly one.`);
    return undefined;
  }
  const window = matches[0] as ParsedWindow;
  const original = await readOriginalResult(logsRoot, window.resultPath);
  if (original === undefined) {
    fail(audit, 'measurement_window_result_missing', `${join(logsRoot, window.resultPath)}: the original result of ${window.relativePath} cannot be read.`);
    return undefined;
  }
  // The launcher renames the workspace copy, so the link between result and window is its content.
  if (canonicalJson(original) !== canonicalJson(processed.value)) {
    fail(audit, 'result_content_mismatch', `${benchResult} differs from the original ${window.resultPath} that ${window.relativePath} measured.`);
    return undefined;
  }
  if (bench && (bench.startUnix !== window.start || bench.endUnix !== window.end)) {
    fail(audit, 'measurement_window_result_mismatch', `${benchResult}: benchmark window ${bench.startUnix}..${bench.endUnix} is not ${window.relativePath}'s ${window.start}..${window.end}.`);
    return undefined;
  }
  audit.selectedWindow = { window_file: window.relativePath, result_path: window.resultPath, benchmark_type: window.benchmarkType, concurrency: window.concurrency, start_time_unix: window.start, end_time_unix: window.end, duration: window.duration };
  return window;
}

/** Multinode power over the benchmark window, with role energy, patched into the agg JSON and audited. */
export async function runAggregateMultinode(options: AggregateMultinodeOptions): Promise<AggregateMultinodeResult> {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const powerDir = resolve(options.cwd, options.powerDir ?? (options.env.POWER_ARTIFACT_DIR || 'LOGS/power'));
  const logsRoot = resolve(options.cwd, options.logsRoot ?? (options.env.POWER_RESULT_ROOT || 'LOGS'));
  const sidecarPath = options.validationResult ? resolve(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const expectedProducerSha = options.expectedProducerSha ?? (options.env.POWER_PRODUCER_SHA || undefined);
  const log = { stdout: [] as string[], stderr: [] as string[] };

  const bench = await loadBench(benchResult);
  // Integration only ever sees a fully valid benchmark: a zero token count would divide by zero.
  const effective = bench.findings.length === 0 ? bench.window : undefined;
  const audit = await auditPackage({ powerDir, logsRoot, benchResult, bench: effective, prefillGpus: options.prefillGpus, decodeGpus: options.decodeGpus, expectedProducerSha });
  for (const finding of bench.findings) {
    audit.findings.add(finding.code, finding.message);
    audit.failures.push(finding.message);
  }
  let valid = audit.findings.size === 0 && Object.keys(audit.metrics).length > 0;
  if (!valid) audit.metrics = {};
  if (!(await patchAggPower(aggResult, valid, audit.metrics, audit.findings))) {
    valid = false;
    audit.metrics = {};
  }

  const reasons = audit.findings.list();
  let sidecarWritten = false;
  try {
    const sidecar = {
      schema_version: 1,
      power_valid: valid,
      reasons: reasons.map((r) => r.code),
      reason_messages: Object.fromEntries(reasons.map((r) => [r.code, r.message])),
      failures: audit.failures,
      telemetry_source: powerDir,
      benchmark_result: benchResult,
      benchmark_window: bench.window
        ? { start_time_unix: bench.window.startUnix, end_time_unix: bench.window.endUnix, reported_duration_s: bench.window.reportedDurationS, integration_duration_s: bench.window.endUnix - bench.window.startUnix, completed: bench.window.completed, total_input_tokens: bench.window.totalInputTokens, total_output_tokens: bench.window.totalOutputTokens }
        : null,
      selected_window: audit.selectedWindow,
      integration_method: INTEGRATION_METHOD,
      max_sample_gap_s: PACKAGE_MAX_SAMPLE_GAP_S,
      producer: {
        producer_git_commit: audit.producerCommit,
        expected_producer_git_commit: expectedProducerSha ?? null,
        exporter_image_sha256: audit.exporterImageSha256,
        stored_publication_valid: audit.storedValid,
        recomputed_publication_valid: audit.recomputedValid,
      },
      expected_gpu_count: audit.expectedGpuCount,
      observed_gpu_count: audit.observedGpuCount,
      per_gpu_role: audit.perGpuRole,
      per_gpu_sample_counts: audit.devices.sampleCounts,
      per_gpu_max_sample_gap_s: audit.devices.maxGapS,
      // Overflowed energies become null: strict JSON parsers reject Infinity.
      per_gpu_energy_j: Object.fromEntries(Object.entries(audit.devices.energyJ).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
      device_issues: audit.devices.issues,
      metrics: Object.fromEntries(Object.entries(audit.metrics).map(([k, v]) => [k, pyRound(v, 6)])),
      insights: audit.roleInsights === null ? null : { roles: audit.roleInsights },
    };
    await writeFileAtomic(sidecarPath, renderSidecar(sidecar));
    sidecarWritten = true;
  } catch (error) {
    log.stderr.push(`sweep-power aggregate-multinode: cannot write the validation sidecar ${sidecarPath}: ${(error as Error).message}`);
  }

  if (valid) {
    const m = audit.metrics;
    const role = (key: string): string => (m[key] === undefined ? '' : ` ${key}=${(m[key] as number).toFixed(2)}`);
    log.stdout.push(`sweep-power aggregate-multinode: avg_power_w=${(m.avg_power_w as number).toFixed(2)} total_gpu_energy_j=${(m.total_gpu_energy_j as number).toFixed(2)}${role('prefill_gpu_energy_j')}${role('decode_gpu_energy_j')} (n=${audit.expectedGpuCount}) -> ${aggResult}`);
  } else {
    log.stderr.push(`sweep-power aggregate-multinode: Power validation failed: ${reasons.map((r) => r.code).join(', ')} (details: ${sidecarPath})`);
    for (const reason of reasons) log.stderr.push(`  ${reason.code}: ${reason.message}`);
  }
  const exitCode = (!valid || !sidecarWritten) && options.requirePower ? 1 : 0;
  return { valid, reasons: reasons.map((r) => r.code), metrics: audit.metrics, aggResult, sidecarPath, sidecarWritten, exitCode, log };
}

