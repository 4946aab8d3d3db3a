import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { readTextBounded, resolveTelemetryPath } from '../io/files.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readTelemetry } from '../io/telemetry.js';
import { readBenchWindow, type BenchWindow } from '../core/bench.js';
import { Findings, type Finding } from '../core/reasons.js';
import { aggPowerPatch, buildSidecar, derivePowerMetrics, summariseDevices, DEFAULT_MAX_SAMPLE_GAP_S, type DeviceSummary, type PowerMetrics } from '../core/power.js';
import { patchMembers, readTopLevelObject, renderTopLevelObject } from '../core/jsonmembers.js';
import { parsePyJsonObject, pyJsonDumps, PyFloat } from '../core/pyjson.js';
import { readAccumulatorCheck } from '../io/accumulator.js';
import type { AccumulatorCheck } from '../core/accumulator.js';
import { InsightFeed } from '../core/insights/feed.js';
import type { Insights } from '../core/insights/accumulator.js';
import { renderInsightText, renderInsights } from '../core/insights/render.js';
import { withSnapshotCounter } from '../core/insights/snapshots.js';
import { INSIGHT_AGG_KEYS, insightAggFigures } from '../core/insights/aggfigures.js';

/** 2 adds the `insights` block to the aggregate sidecar. */
export const SIDECAR_SCHEMA_VERSION = 2;

/** Benchmark results carry per-request arrays and can be large; anything bigger is not one. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

export interface AggregateOptions {
  /** Telemetry CSV; when absent it resolves $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv. */
  csv?: string;
  benchResult: string;
  aggResult: string;
  expectedNumGpus: number;
  validationResult?: string;
  requirePower: boolean;
  maxSampleGapS?: number;
  /** Adds the main insight figures to the agg JSON as `insights_*` keys (valid runs only). */
  aggInsights?: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface AggregateResult {
  valid: boolean;
  reasons: Finding[];
  metrics: Partial<PowerMetrics>;
  gpuCount: number;
  aggResult: string;
  aggPatched: boolean;
  sidecarPath: string;
  sidecarWritten: boolean;
  telemetryPath: string;
  exitCode: number;
  /** Lines for the log: one summary line, and the reasons when invalid. */
  log: { stdout: string[]; stderr: string[] };
  /** Energy insights (also in the sidecar) and their job-summary markdown; null without a window. */
  insights: Insights | null;
  insightLines: string[];
}

/** `power_validation_<bench stem>.json` beside the bench result, as the reference names it. */
export function defaultSidecarPath(benchResult: string): string {
  return join(dirname(benchResult), `power_validation_${parsePath(benchResult).name}.json`);
}

export async function loadBench(path: string): Promise<{ window?: BenchWindow; findings: Finding[] }> {
  let text: string;
  try {
    text = await readTextBounded(path, MAX_JSON_BYTES);
  } catch (error) {
    return { findings: [{ code: 'invalid_benchmark_result', message: `${path}: cannot be read (${(error as Error).message}).` }] };
  }
  let parsed: unknown = parsePyJsonObject(text);
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { findings: [{ code: 'invalid_benchmark_result', message: `${path}: not valid JSON (${(error as Error).message}).` }] };
    }
  }
  return readBenchWindow(parsed, path);
}

/**
 * Rewrites the power fields of an agg JSON in place (atomically), keeping every other member byte
 * for byte. Returns false, with a finding, when the file is missing, not an object or unwritable.
 */
export async function patchAggPower(aggResult: string, valid: boolean, metrics: Partial<Record<string, number>>, findings: Findings, extra: Array<[string, string]> = []): Promise<boolean> {
  const aggText = await readTextBounded(aggResult, MAX_JSON_BYTES, true).catch((error: NodeJS.ErrnoException) => error);
  if (aggText instanceof Error) {
    const missing = aggText.code === 'ENOENT' || aggText.code === 'ENOTDIR';
    findings.add(missing ? 'aggregate_result_missing' : 'aggregate_result_unwritable', missing ? `${aggResult}: no such file. Run process-result first, or pass the agg JSON it wrote as --agg-result.` : `${aggResult}: cannot be read (${aggText.message}).`);
    return false;
  }
  const members = readTopLevelObject(aggText);
  if (!members.ok) {
    findings.add('aggregate_result_unwritable', `${aggResult}: ${members.error}; the file was left unchanged. Regenerate it with process-result.`);
    return false;
  }
  try {
    const patch = aggPowerPatch(valid, metrics);
    for (const key of INSIGHT_AGG_KEYS) patch.remove.add(key);
    await writeFileAtomic(aggResult, renderTopLevelObject(patchMembers(members.members, patch.remove, [...patch.set, ...(valid ? extra : [])])));
    return true;
  } catch (error) {
    findings.add('aggregate_result_unwritable', `${aggResult}: cannot be written (${(error as Error).message}); the previous file is intact.`);
    return false;
  }
}

const floats = (record: unknown): Record<string, PyFloat> | unknown =>
  record && typeof record === 'object' ? Object.fromEntries(Object.entries(record as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'number' ? new PyFloat(v) : v])) : record;

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
      out[key] = { ...w, ...(floats({ start_time_unix: w.start_time_unix, end_time_unix: w.end_time_unix, reported_duration_s: w.reported_duration_s, integration_duration_s: w.integration_duration_s }) as object) };
    } else if (key === 'per_gpu_max_sample_gap_s' || key === 'per_gpu_energy_j' || key === 'metrics') {
      out[key] = floats(value);
    } else {
      out[key] = value;
    }
    if (key === 'device_issues' && accumulatorCheck !== undefined) out.accumulator_check = accumulatorCheck;
  }
  return `${pyJsonDumps(out)}\n`;
}

/** Measured power over the benchmark window, patched into the agg JSON, audited in the sidecar. */
export async function runAggregate(options: AggregateOptions): Promise<AggregateResult> {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const sidecarPath = options.validationResult ? resolve(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const maxSampleGapS = options.maxSampleGapS ?? DEFAULT_MAX_SAMPLE_GAP_S;
  const findings = new Findings();
  const log = { stdout: [] as string[], stderr: [] as string[] };

  let telemetryPath: string;
  let searched: string[] = [];
  if (options.csv) telemetryPath = resolve(options.cwd, options.csv);
  else ({ path: telemetryPath, searched } = resolveTelemetryPath(options.env, options.cwd));

  const bench = await loadBench(benchResult);
  findings.addAll(bench.findings);
  if (!Number.isInteger(options.expectedNumGpus) || options.expectedNumGpus <= 0) {
    findings.add('invalid_expected_gpu_count', `--expected-num-gpus is ${options.expectedNumGpus}; pass the node's GPU count (TP x PP x PCP), a positive integer.`);
  }
  if (!Number.isFinite(maxSampleGapS) || maxSampleGapS <= 0) {
    findings.add('invalid_max_sample_gap', `the maximum sample gap is ${maxSampleGapS} s; give a positive number of seconds.`);
  }

  let devices: DeviceSummary = { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  let scan;
  let feed: InsightFeed | undefined;
  if (bench.window && !findings.has('invalid_max_sample_gap')) {
    const window = { start: bench.window.startUnix, end: bench.window.endUnix, maxSampleGapS, expectedGpus: options.expectedNumGpus };
    feed = new InsightFeed({ ...window, outputTokens: bench.window.totalOutputTokens, ...(bench.window.maxConcurrency !== undefined ? { concurrency: bench.window.maxConcurrency } : {}), ...(options.expectedNumGpus > 0 ? { expectedGpus: options.expectedNumGpus } : {}) });
    const telemetry = await readTelemetry(telemetryPath, telemetryPath, window, feed);
    scan = telemetry.scan;
    for (const finding of telemetry.findings) {
      const message = finding.code === 'telemetry_file_missing' && searched.length > 0 ? `no telemetry CSV found; looked at ${searched.join(', ')}. Start the GPU monitor before the benchmark, set GPU_METRICS_CSV, or pass --csv.` : finding.message;
      findings.add(finding.code, message);
    }
    if (telemetry.scan?.schema) {
      devices = summariseDevices(
        telemetry.devices,
        { start: bench.window.startUnix, end: bench.window.endUnix, maxSampleGapS, expectedGpus: options.expectedNumGpus > 0 ? options.expectedNumGpus : undefined, telemetrySpan: telemetry.scan.timeSpan(), timeZone: options.env.TZ },
        findings,
        telemetryPath,
      );
    }
  }

  let valid = findings.size === 0 && devices.totalEnergyJ !== undefined && bench.window !== undefined;
  let metrics: Partial<PowerMetrics> = valid ? derivePowerMetrics(devices.totalEnergyJ as number, devices.gpuIds.length, bench.window as BenchWindow) : {};
  const overflowed = Object.entries(metrics).find(([, value]) => !Number.isFinite(value));
  if (overflowed) {
    // Without this the patch refuses to write and a stale power_valid: 1 would stay in the agg JSON.
    findings.add('power_value_out_of_range', `${telemetryPath}: ${overflowed[0]} is not a finite number (power values too large for the window); check the power column and its unit.`);
    valid = false;
    metrics = {};
  }

  // Advisory only: nothing in it reaches the verdict (it also feeds the insights' snapshot counter).
  const accumulatorCheck = await readAccumulatorCheck(telemetryPath);

  // Insights never change the verdict, nor the agg JSON unless asked: a failure here only leaves them out.
  let insights: Insights | null = null;
  let insightLines: string[] = [];
  try {
    insights = feed && bench.window ? withSnapshotCounter(feed.finish(devices.totalEnergyJ), accumulatorCheck) : null;
    if (insights && bench.window) insightLines = renderInsights(insights, bench.window.startUnix, bench.window.endUnix);
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: energy insights left out (${(error as Error).message}).`);
  }

  const aggPatched = await patchAggPower(aggResult, valid, metrics, findings, options.aggInsights && insights ? insightAggFigures(insights) : []);
  if (!aggPatched) {
    valid = false;
    metrics = {};
  }

  const reasons = findings.list();
  let sidecarWritten = false;
  try {
    const record = buildSidecar({
      telemetrySource: telemetryPath,
      telemetryFormat: scan?.schema?.format,
      gpuIdentity: scan?.gpuIdentity(),
      benchResult,
      bench: bench.window,
      valid,
      findings: reasons,
      expectedGpus: options.expectedNumGpus,
      devices,
      metrics,
      notes: scan?.notes,
      maxSampleGapS,
    });
    const sidecar = { ...record, schema_version: SIDECAR_SCHEMA_VERSION, insights };
    await writeFileAtomic(sidecarPath, renderSidecar(sidecar, accumulatorCheck));
    sidecarWritten = true;
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: cannot write the validation sidecar ${sidecarPath}: ${(error as Error).message}`);
  }

  if (valid) {
    const m = metrics as PowerMetrics;
    log.stdout.push(
      `sweep-power aggregate: avg_power_w=${m.avg_power_w.toFixed(2)} avg_total_gpu_power_w=${m.avg_total_gpu_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)} joules_per_output_token=${m.joules_per_output_token.toFixed(6)} (n=${devices.gpuIds.length}) -> ${aggResult}`,
    );
  }
  if (insights && bench.window) log.stdout.push(...renderInsightText(insights, bench.window.startUnix));
  if (!valid) {
    log.stderr.push(`sweep-power aggregate: Power validation failed: ${reasons.map((r) => r.code).join(', ')} (details: ${sidecarPath})`);
    for (const reason of reasons) log.stderr.push(`  ${reason.code}: ${reason.message}`);
  }
  const exitCode = (!valid || !sidecarWritten) && options.requirePower ? 1 : 0;
  return { valid, reasons, metrics, gpuCount: devices.gpuIds.length, aggResult, aggPatched, sidecarPath, sidecarWritten, telemetryPath, exitCode, log, insights, insightLines };
}

