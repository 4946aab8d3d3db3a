import { Findings } from '../reasons.js';
import { cachedTimestampParser, parsePower } from './values.js';
import { detectSchema, probeHeader, type TelemetrySchema } from './schema.js';
import { splitCsvLine } from './csvline.js';
import { DeviceIntegrator, integrateSamples, type DeviceResult } from './integrate.js';

/** Header search stops after this many non-empty lines (amd-smi preambles are a few lines). */
const HEADER_SEARCH_LINES = 64;
/** More distinct GPU identities than this is not telemetry of one node; it bounds memory. */
export const MAX_GPU_IDS = 65_536;

export interface ScanOptions {
  /** Display name of the telemetry file, used in messages. */
  source: string;
  start: number;
  end: number;
  maxSampleGapS: number;
  /** Second pass only: collect every in-range sample of these GPUs instead of streaming. */
  collectGpus?: ReadonlySet<string>;
}

interface GpuState {
  integrator: DeviceIntegrator;
  outOfOrder: boolean;
}

export interface ScanNotes {
  preambleLines: number;
  repeatedHeaderLines: number;
  truncatedLastLine: boolean;
  outOfOrderGpus: string[];
  overlongLines: number;
}

/**
 * Consumes telemetry CSV lines one at a time (the io layer streams them) and keeps O(GPUs) state.
 * Rows outside [start - maxGap, end + maxGap] are skipped once their timestamp proves they cannot
 * affect the window; a row whose timestamp cannot be read has unknown position and is an error.
 */
export class TelemetryScan {
  readonly findings = new Findings();
  schema: TelemetrySchema | undefined;
  private firstContentLine: string[] | undefined;
  private firstContentLineNo = 0;
  private headerLine = '';
  private nonEmptySeen = 0;
  private readonly gpus = new Map<string, GpuState>();
  private readonly collected = new Map<string, { times: number[]; powers: number[] }>();
  private readonly parseTs = cachedTimestampParser();
  private readonly low: number;
  private readonly high: number;
  private lastInferredTsRaw: string | undefined;
  private inferredPosition = 0;
  private columnsNeeded = 0;
  readonly notes: ScanNotes = { preambleLines: 0, repeatedHeaderLines: 0, truncatedLastLine: false, outOfOrderGpus: [], overlongLines: 0 };

  constructor(private readonly options: ScanOptions) {
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
  }

  /** A line longer than the reader's bound: its content was dropped. */
  acceptOverlongLine(lineNo: number): void {
    this.notes.overlongLines += 1;
    if (this.schema) this.findings.add('invalid_timestamp_sample', `${this.options.source}:${lineNo}: line is longer than the reader's limit and was not read; check the telemetry writer.`);
  }

  /**
   * @param line the line without its terminator
   * @param lineNo 1-based line number
   * @param isUnterminatedLast true for a final line that has no newline (possibly cut off mid-write)
   */
  acceptLine(line: string, lineNo: number, isUnterminatedLast = false): void {
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') return;
    if (!this.schema) {
      this.findHeader(line, lineNo);
      return;
    }
    if (line === this.headerLine || line.trim() === this.headerLine.trim()) {
      this.notes.repeatedHeaderLines += 1;
      return;
    }
    const cells = splitCsvLine(line);
    if (cells.length <= this.columnsNeeded && isUnterminatedLast) {
      // The sampler was stopped mid-write: unless a separator follows every needed cell, the last
      // of them may be cut ("61" of "612.34 W"), so the partial row is not a measurement.
      this.notes.truncatedLastLine = true;
      return;
    }
    this.acceptRow(cells, lineNo, isUnterminatedLast);
  }

  private findHeader(line: string, lineNo: number): void {
    const cells = splitCsvLine(line);
    this.nonEmptySeen += 1;
    if (!this.firstContentLine) {
      this.firstContentLine = cells;
      this.firstContentLineNo = lineNo;
    }
    const schema = detectSchema(cells);
    if (schema) {
      this.schema = schema;
      this.headerLine = line;
      this.notes.preambleLines = this.nonEmptySeen - 1;
      this.columnsNeeded = Math.max(schema.timestampIndex, schema.powerIndex, schema.gpuIndex) + 1;
    } else if (this.nonEmptySeen >= HEADER_SEARCH_LINES) {
      this.headerSearchFailed();
    }
  }

  private headerSearchFailed(): void {
    if (this.findings.size > 0) return;
    const header = this.firstContentLine ?? [];
    const probe = probeHeader(header);
    const where = `${this.options.source}:${this.firstContentLineNo || 1}`;
    const shown = header.slice(0, 8).join(',').slice(0, 200);
    if (probe.timestampIndex < 0) this.findings.add('timestamp_column_missing', `${where}: no header column names a time (header: "${shown}"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.`);
    if (probe.powerIndex < 0) this.findings.add('power_column_missing', `${where}: no header column holds power draw (header: "${shown}"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).`);
  }

  private acceptRow(cells: string[], lineNo: number, isLast: boolean): void {
    const schema = this.schema as TelemetrySchema;
    const tsRaw = cells[schema.timestampIndex] ?? '';
    const time = this.parseTs(tsRaw);
    if (time === undefined || !Number.isFinite(time)) {
      this.findings.add('invalid_timestamp_sample', `${this.options.source}:${lineNo}: timestamp "${clip(tsRaw)}" cannot be read${isLast ? ' (last line, possibly cut off)' : ''}; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`);
      return;
    }
    let gpuId: string;
    if (schema.gpuIndex >= 0) {
      gpuId = cells[schema.gpuIndex] ?? '';
    } else {
      // No identity column: the k-th row of one timestamp is GPU k.
      if (tsRaw !== this.lastInferredTsRaw) {
        this.lastInferredTsRaw = tsRaw;
        this.inferredPosition = 0;
      }
      gpuId = String(this.inferredPosition++);
    }
    if (time < this.low || time > this.high) return;
    const powerRaw = cells[schema.powerIndex] ?? '';
    const power = parsePower(powerRaw);
    if (power === undefined || power < 0) {
      this.findings.add('invalid_power_sample', `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? '')}" is not a non-negative number of watts near the benchmark window.`);
      return;
    }
    if (gpuId === '') {
      this.findings.add('gpu_identity_missing', `${this.options.source}:${lineNo}: the GPU column "${clip(schema.header[schema.gpuIndex] ?? '')}" is empty; every row must name its GPU.`);
      return;
    }
    if (this.options.collectGpus) {
      if (!this.options.collectGpus.has(gpuId)) return;
      let bucket = this.collected.get(gpuId);
      if (!bucket) this.collected.set(gpuId, (bucket = { times: [], powers: [] }));
      bucket.times.push(time);
      bucket.powers.push(power);
      return;
    }
    let state = this.gpus.get(gpuId);
    if (!state) {
      if (this.gpus.size >= MAX_GPU_IDS) {
        this.findings.add('too_many_gpu_ids', `${this.options.source}:${lineNo}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`);
        return;
      }
      state = { integrator: new DeviceIntegrator(this.options.start, this.options.end), outOfOrder: false };
      this.gpus.set(gpuId, state);
    }
    if (state.outOfOrder) return;
    if (time < state.integrator.latestTime) {
      state.outOfOrder = true;
      return;
    }
    state.integrator.push(time, power);
  }

  /** Called after the last line. */
  endOfInput(): void {
    if (!this.schema) {
      if (this.firstContentLine) this.headerSearchFailed();
      else if (this.notes.overlongLines > 0) {
        const message = `${this.options.source}: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point --csv at the monitor's CSV output.`;
        this.findings.add('timestamp_column_missing', message);
        this.findings.add('power_column_missing', message);
      } else this.findings.add('telemetry_file_empty', `${this.options.source}: the file has no content. Check that the GPU monitor started before the benchmark.`);
    }
  }

  /** GPUs whose samples arrived out of time order: the io layer replays the file to collect them. */
  outOfOrderGpus(): Set<string> {
    return new Set([...this.gpus].filter(([, s]) => s.outOfOrder).map(([id]) => id));
  }

  /** Samples collected by a second pass (collectGpus mode). */
  collectedSamples(): Map<string, { times: number[]; powers: number[] }> {
    return this.collected;
  }

  /** Per-GPU results; out-of-order GPUs are integrated from `replayed` after sorting. */
  deviceResults(replayed?: Map<string, { times: number[]; powers: number[] }>): Map<string, DeviceResult> {
    const results = new Map<string, DeviceResult>();
    for (const [gpuId, state] of this.gpus) {
      if (state.outOfOrder) {
        this.notes.outOfOrderGpus.push(gpuId);
        const samples = replayed?.get(gpuId) ?? { times: [], powers: [] };
        results.set(gpuId, integrateSamples(samples.times, samples.powers, this.options.start, this.options.end));
      } else {
        results.set(gpuId, state.integrator.finish());
      }
    }
    return results;
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
