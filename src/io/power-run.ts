import { resolve } from 'node:path';
import { resolveTelemetryPath } from './files.js';
import { readTelemetry } from './telemetry.js';
import type { TelemetryScan } from '../core/telemetry/scan.js';
import { loadBench } from './bench.js';
import { patchAggPower } from './agg-patch.js';
import { defaultSidecarPath, writeSidecar } from './sidecar.js';
import { readAccumulatorCheck } from './accumulator.js';
import type { BenchWindow } from '../core/bench.js';
import { Findings } from '../core/reasons.js';
import {
  buildSidecar,
  derivePowerMetrics,
  summariseDevices,
  DEFAULT_MAX_SAMPLE_GAP_S,
  type DeviceSummary,
  type PowerMetrics,
} from '../core/power.js';
import { powerExitCode, powerFailureLines, type PowerResult } from '../core/power-result.js';
import { InsightFeed } from '../core/insights/feed.js';
import type { DeviceResult } from '../core/telemetry/integrate.js';
import type { Insights } from '../core/insights/accumulator.js';
import { renderInsightText, renderInsights } from '../core/insights/render.js';
import { withSnapshotCounter } from '../core/insights/snapshots.js';
import { insightAggFigures } from '../core/insights/aggfigures.js';

/** 2 adds the `insights` block to the aggregate sidecar. */
export const SIDECAR_SCHEMA_VERSION = 2;

export interface NodePowerOptions {
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

export interface NodePowerResult extends PowerResult {
  metrics: Partial<PowerMetrics>;
  gpuCount: number;
  telemetryPath: string;
  /** Energy insights (also in the sidecar) and their job-summary markdown; null without a window. */
  insights: Insights | null;
  insightLines: string[];
}

/**
 * Single-node power: reads the bench window and the telemetry over it, judges every GPU, patches
 * the agg JSON and writes the sidecar. The one pipeline behind `aggregate`, `process-result` and `job`.
 */
export async function measureNodePower(options: NodePowerOptions): Promise<NodePowerResult> {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const sidecarPath = options.validationResult
    ? resolve(options.cwd, options.validationResult)
    : defaultSidecarPath(benchResult);
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
    findings.add(
      'invalid_expected_gpu_count',
      `expected-num-gpus is ${options.expectedNumGpus}; pass the node's GPU count (TP x PP x PCP), a positive integer.`,
    );
  }
  if (!Number.isFinite(maxSampleGapS) || maxSampleGapS <= 0) {
    findings.add(
      'invalid_max_sample_gap',
      `the maximum sample gap is ${maxSampleGapS} s; give a positive number of seconds.`,
    );
  }

  let devices: DeviceSummary = { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  let scan: TelemetryScan | undefined;
  let feed: InsightFeed | undefined;
  let windowResults: Map<string, DeviceResult> | undefined;
  if (bench.window && !findings.has('invalid_max_sample_gap')) {
    const window = {
      start: bench.window.startUnix,
      end: bench.window.endUnix,
      maxSampleGapS,
      expectedGpus: options.expectedNumGpus,
    };
    feed = new InsightFeed({
      ...window,
      outputTokens: bench.window.totalOutputTokens,
      ...(bench.window.maxConcurrency !== undefined ? { concurrency: bench.window.maxConcurrency } : {}),
      ...(options.expectedNumGpus > 0 ? { expectedGpus: options.expectedNumGpus } : {}),
    });
    const telemetry = await readTelemetry(telemetryPath, telemetryPath, window, feed);
    scan = telemetry.scan;
    windowResults = telemetry.devices;
    for (const finding of telemetry.findings) {
      const message =
        finding.code === 'telemetry_file_missing' && searched.length > 0
          ? `no telemetry CSV found; looked at ${searched.join(', ')}. Start the GPU monitor before the benchmark, set GPU_METRICS_CSV, or set the csv option.`
          : finding.message;
      findings.add(finding.code, message);
    }
    if (telemetry.scan?.schema) {
      devices = summariseDevices(
        telemetry.devices,
        {
          start: bench.window.startUnix,
          end: bench.window.endUnix,
          maxSampleGapS,
          expectedGpus: options.expectedNumGpus > 0 ? options.expectedNumGpus : undefined,
          telemetrySpan: telemetry.scan.timeSpan(),
          timeZone: options.env.TZ,
        },
        findings,
        telemetryPath,
      );
    }
  }

  let valid = findings.size === 0 && devices.totalEnergyJ !== undefined && bench.window !== undefined;
  let metrics: Partial<PowerMetrics> = valid
    ? derivePowerMetrics(devices.totalEnergyJ as number, devices.gpuIds.length, bench.window as BenchWindow)
    : {};
  const overflowed = Object.entries(metrics).find(([, value]) => !Number.isFinite(value));
  if (overflowed) {
    // Without this the patch refuses to write and a stale power_valid: 1 would stay in the agg JSON.
    findings.add(
      'power_value_out_of_range',
      `${telemetryPath}: ${overflowed[0]} is not a finite number (power values too large for the window); check the power column and its unit.`,
    );
    valid = false;
    metrics = {};
  }

  // Advisory only: nothing in it reaches the verdict (it also feeds the insights' snapshot counter).
  const accumulatorCheck = await readAccumulatorCheck(telemetryPath);

  // Insights never change the verdict, nor the agg JSON unless asked: a failure here only leaves them out.
  let insights: Insights | null = null;
  let insightLines: string[] = [];
  try {
    insights =
      feed && bench.window
        ? withSnapshotCounter(feed.finish(devices.totalEnergyJ, windowResults), accumulatorCheck)
        : null;
    if (insights && bench.window) insightLines = renderInsights(insights, bench.window.startUnix, bench.window.endUnix);
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: energy insights left out (${(error as Error).message}).`);
  }

  const aggPatched = await patchAggPower(
    aggResult,
    valid,
    metrics,
    findings,
    options.aggInsights && insights ? insightAggFigures(insights) : [],
  );
  if (!aggPatched) {
    valid = false;
    metrics = {};
  }

  const reasons = findings.list();
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
  const sidecarWritten = await writeSidecar(
    sidecarPath,
    { ...record, schema_version: SIDECAR_SCHEMA_VERSION, insights },
    'aggregate',
    log.stderr,
    accumulatorCheck,
  );

  if (valid) {
    const m = metrics as PowerMetrics;
    log.stdout.push(
      `sweep-power aggregate: avg_power_w=${m.avg_power_w.toFixed(2)} avg_total_gpu_power_w=${m.avg_total_gpu_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)} joules_per_output_token=${m.joules_per_output_token.toFixed(6)} (n=${devices.gpuIds.length}) -> ${aggResult}`,
    );
  }
  if (insights && bench.window) log.stdout.push(...renderInsightText(insights, bench.window.startUnix));
  if (!valid) log.stderr.push(...powerFailureLines('aggregate', reasons, sidecarPath));
  const exitCode = powerExitCode(valid, sidecarWritten, options.requirePower);
  return {
    valid,
    reasons,
    metrics,
    gpuCount: devices.gpuIds.length,
    aggResult,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    telemetryPath,
    exitCode,
    log,
    insights,
    insightLines,
  };
}
