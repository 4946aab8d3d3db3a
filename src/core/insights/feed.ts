import type { TelemetrySchema } from '../telemetry/schema.js';
import type { TelemetryRowSink } from '../telemetry/scan.js';
import type { DeviceResult } from '../telemetry/integrate.js';
import { InsightAccumulator, type InsightOptions, type Insights } from './accumulator.js';
import {
  detectInsightColumns,
  readCounterCell,
  readLimitCell,
  type CounterColumn,
  type InsightColumns,
} from './columns.js';

const utf8 = new TextDecoder('utf-8');

/**
 * The telemetry scan's rows to insight samples. The scan parses time, GPU and power of every row
 * (also the rows far from the window, which the phases and the idle floor need) and hands them
 * here; this class only finds the extra columns in the header (energy counter, power limit, GPU
 * name) and reads those cells.
 */
export class InsightFeed implements TelemetryRowSink {
  private columns: InsightColumns | undefined;
  private accumulator: InsightAccumulator | undefined;
  private lastTsRaw: string | undefined;
  private position = 0;
  counterCellProblems = 0;
  private lastLimit = new Uint8Array(32);
  private lastLimitLength = -1;
  private lastLimitValue: number | undefined;
  /** The counter (and resolution) cells re-indexed to 0 and 1, so a byte row needs no full cell list. */
  private counterCells: { column: CounterColumn; cells: string[] } | undefined;
  private windowFromScan = false;

  constructor(
    private readonly options: Omit<InsightOptions, 'gpuName' | 'counterSource' | 'windowFromScan' | 'withoutCounter'>,
  ) {}

  get insightColumns(): InsightColumns | undefined {
    return this.columns;
  }

  header(schema: TelemetrySchema): number {
    const c = (this.columns = detectInsightColumns(schema.header));
    // With a GPU column the scan's GPU ids are the ones handed here, so its window integrals serve
    // both; row positions are assigned by the scan only at the end, so then this pass integrates.
    this.windowFromScan = schema.gpuIndex >= 0;
    if (c.counter)
      this.counterCells = {
        column: { ...c.counter, index: 0, ...(c.counter.resolutionIndex !== undefined ? { resolutionIndex: 1 } : {}) },
        cells: ['', ''],
      };
    return (
      Math.max(c.counter?.index ?? -1, c.counter?.resolutionIndex ?? -1, c.limit?.index ?? -1, c.name?.index ?? -1) + 1
    );
  }

  nextPosition(timestampCell: string): string {
    if (timestampCell !== this.lastTsRaw) {
      this.lastTsRaw = timestampCell;
      this.position = 0;
    }
    return String(this.position++);
  }

  cellsRow(t: number, gpu: string, watts: number, cells: readonly string[]): void {
    const columns = this.columns as InsightColumns;
    const accumulator =
      this.accumulator ?? this.start(columns.name ? (cells[columns.name.index] ?? '').trim() : undefined);
    let energyJ: number | undefined;
    if (columns.counter) {
      const reading = readCounterCell(cells, columns.counter);
      if ('value' in reading) energyJ = reading.value;
      else if (reading.problem !== 'not_available') this.counterCellProblems += 1;
    }
    const limitW = columns.limit ? readLimitCell(cells, columns.limit) : undefined;
    accumulator.pushValues(t, gpu, watts, energyJ, limitW);
  }

  bytesRow(
    t: number,
    gpu: string,
    slot: number,
    watts: number,
    buf: Uint8Array,
    starts: readonly number[],
    ends: readonly number[],
  ): void {
    // Kept small, the rare cases in methods of their own: a call that is not inlined boxes its
    // double arguments, an allocation each per row.
    const accumulator = this.accumulator ?? this.startFromBytes(buf, starts, ends);
    const columns = this.columns as InsightColumns;
    let limitW: number | undefined;
    if (columns.limit) {
      const l0 = starts[columns.limit.index] as number;
      const length = (ends[columns.limit.index] as number) - l0;
      // Every row repeats the limit: compare bytes instead of parsing it again.
      limitW =
        length === this.lastLimitLength && sameBytes(buf, l0, this.lastLimit, length)
          ? this.lastLimitValue
          : this.readLimitBytes(buf, l0, length, columns.limit.unit);
    }
    const energyJ = columns.counter ? this.readCounterBytes(buf, starts, ends, columns.counter) : undefined;
    accumulator.pushValues(t, gpu, watts, energyJ, limitW, slot);
  }

  private startFromBytes(buf: Uint8Array, starts: readonly number[], ends: readonly number[]): InsightAccumulator {
    const name = (this.columns as InsightColumns).name;
    return this.start(name ? utf8.decode(buf.subarray(starts[name.index], ends[name.index])).trim() : undefined);
  }

  private readLimitBytes(
    buf: Uint8Array,
    l0: number,
    length: number,
    unit: NonNullable<InsightColumns['limit']>['unit'],
  ): number | undefined {
    const limitW = readLimitCell([utf8.decode(buf.subarray(l0, l0 + length))], { index: 0, unit });
    if (length <= this.lastLimit.length) {
      this.lastLimit.set(buf.subarray(l0, l0 + length));
      this.lastLimitLength = length;
      this.lastLimitValue = limitW;
    } else this.lastLimitLength = -1;
    return limitW;
  }

  private readCounterBytes(
    buf: Uint8Array,
    starts: readonly number[],
    ends: readonly number[],
    counter: CounterColumn,
  ): number | undefined {
    const re = this.counterCells as { column: CounterColumn; cells: string[] };
    re.cells[0] = utf8.decode(buf.subarray(starts[counter.index], ends[counter.index]));
    if (counter.resolutionIndex !== undefined)
      re.cells[1] = utf8.decode(buf.subarray(starts[counter.resolutionIndex], ends[counter.resolutionIndex]));
    const reading = readCounterCell(re.cells, re.column);
    if ('value' in reading) return reading.value;
    if (reading.problem !== 'not_available') this.counterCellProblems += 1;
    return undefined;
  }

  /** The first row names the GPU model (for the nameplate limit); the accumulator starts there. */
  private start(name: string | undefined): InsightAccumulator {
    const counter = this.columns?.counter;
    return (this.accumulator = new InsightAccumulator({
      ...this.options,
      windowFromScan: this.windowFromScan,
      withoutCounter: counter === undefined,
      ...(name ? { gpuName: name } : {}),
      ...(counter ? { counterSource: counter.source } : {}),
    }));
  }

  /** @param scanResults the scan's per-GPU window results (`readTelemetry(...).devices`). */
  finish(referenceBenchmarkEnergyJ?: number, scanResults?: ReadonlyMap<string, DeviceResult>): Insights {
    const accumulator = this.accumulator ?? new InsightAccumulator(this.options);
    const insights = accumulator.finish(referenceBenchmarkEnergyJ, scanResults);
    for (const problem of this.columns?.problems ?? []) insights.warnings.push(problem.code);
    if (this.counterCellProblems > 0) insights.warnings.push('counter_cells_unreadable');
    return insights;
  }
}

function sameBytes(buf: Uint8Array, start: number, other: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}
