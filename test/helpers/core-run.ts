import { TelemetryScan, type GpuIdentityRecord } from '../../src/core/telemetry/scan.js';
import { summariseDevices, type DeviceSummary } from '../../src/core/power.js';
import { Findings } from '../../src/core/reasons.js';

export interface CoreWindow {
  start: number;
  end: number;
  maxSampleGapS: number;
  expectedGpus?: number;
}

export interface CoreOutcome {
  reasons: string[];
  messages: string[];
  summary?: DeviceSummary;
  valid: boolean;
  identity?: GpuIdentityRecord;
}

/**
 * The pure core without files: lines go through TelemetryScan the way the io layer streams them
 * (second pass for out-of-order GPUs), then summariseDevices judges the devices.
 */
export function runCore(lines: string[], window: CoreWindow, lastLineUnterminated = false): CoreOutcome {
  const feed = (scan: TelemetryScan): void => {
    for (const [i, line] of lines.entries())
      scan.acceptLine(line, i + 1, lastLineUnterminated && i === lines.length - 1);
    scan.endOfInput();
  };
  const options = {
    source: 'gpu_metrics.csv',
    start: window.start,
    end: window.end,
    maxSampleGapS: window.maxSampleGapS,
    expectedGpus: window.expectedGpus,
  };
  const scan = new TelemetryScan(options);
  feed(scan);
  const outOfOrder = scan.outOfOrderGpus();
  let replayed: ReturnType<TelemetryScan['collectedSamples']> | undefined;
  if (outOfOrder.size > 0) {
    const collector = new TelemetryScan({ ...options, collectGpus: outOfOrder });
    feed(collector);
    replayed = collector.collectedSamples();
  }
  const devices = scan.deviceResults(replayed);
  const findings = new Findings();
  findings.addAll(scan.findings.list());
  let summary: DeviceSummary | undefined;
  if (scan.schema) summary = summariseDevices(devices, window, findings, 'gpu_metrics.csv');
  const valid = findings.size === 0 && summary?.totalEnergyJ !== undefined;
  return {
    reasons: findings.codes(),
    messages: findings.list().map((f) => f.message),
    summary,
    valid,
    identity: scan.gpuIdentity(),
  };
}

/** Every number reachable in a value, for asserting that none is NaN or infinite. */
export function numbersIn(value: unknown): number[] {
  const out: number[] = [];
  // Iterative: documents may be nested 100,000 levels deep.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'number') out.push(next);
    else if (next && typeof next === 'object') pending.push(...Object.values(next));
  }
  return out;
}
