import { splitCsvLine } from '../telemetry/csvline.js';
import { detectSchema, type TelemetrySchema } from '../telemetry/schema.js';
import { cachedTimestampParser, nvidiaEpoch, nvidiaMinute, parsePower } from '../telemetry/values.js';
import { InsightAccumulator, type InsightOptions, type Insights } from './accumulator.js';
import { detectInsightColumns, readCounterCell, readLimitCell, type CounterColumn, type InsightColumns } from './columns.js';

const HEADER_SEARCH_LINES = 64;
const utf8 = new TextDecoder('utf-8');

/**
 * Telemetry CSV lines to insight samples: finds the header the way the scan does (same schema
 * detection), then reads every row, not only the rows near the window, since the phases and the
 * idle floor need the whole recording. Rows the scan would reject are skipped here; the scan's
 * findings remain the verdict.
 */
export class InsightLineFeed {
  private schema: TelemetrySchema | undefined;
  private columns: InsightColumns | undefined;
  private headerLine = '';
  private linesSeen = 0;
  private accumulator: InsightAccumulator | undefined;
  private readonly parseTs = cachedTimestampParser();
  private lastTsRaw: string | undefined;
  private position = 0;
  counterCellProblems = 0;
  // Byte path state: cell bounds, the previous timestamp and limit cells, GPU ids by small index.
  private readonly cellStarts: number[] = [];
  private readonly cellEnds: number[] = [];
  private neededColumns = 0;
  private lastTs = new Uint8Array(64);
  private lastTsLength = -1;
  private lastTsValue = 0;
  private lastLimit = new Uint8Array(32);
  private lastLimitLength = -1;
  private lastLimitValue: number | undefined;
  private readonly smallGpuIds: string[] = [];
  /** nvidia-smi timestamps change every sample but their first 16 bytes (`YYYY/MM/DD HH:MM`) rarely do. */
  private readonly minutePrefix = new Uint8Array(16);
  private minuteMs = Number.NaN;
  private counterCells: { column: CounterColumn; cells: string[] } | undefined;

  constructor(private readonly options: Omit<InsightOptions, 'gpuName' | 'counterSource'>) {}

  get insightColumns(): InsightColumns | undefined {
    return this.columns;
  }

  acceptLine(line: string): void {
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') return;
    if (!this.schema) {
      if (this.linesSeen++ >= HEADER_SEARCH_LINES) return;
      const cells = splitCsvLine(line);
      const schema = detectSchema(cells);
      if (schema) {
        this.schema = schema;
        this.headerLine = line.trim();
        this.columns = detectInsightColumns(schema.header);
        const c = this.columns;
        this.neededColumns = Math.max(schema.timestampIndex, schema.powerIndex, schema.gpuIndex, c.counter?.index ?? -1, c.counter?.resolutionIndex ?? -1, c.limit?.index ?? -1) + 1;
        if (c.counter) this.counterCells = { column: { ...c.counter, index: 0, ...(c.counter.resolutionIndex !== undefined ? { resolutionIndex: 1 } : {}) }, cells: ['', ''] };
      }
      return;
    }
    if (line.trim() === this.headerLine) return;
    const schema = this.schema;
    const columns = this.columns as InsightColumns;
    const cells = splitCsvLine(line);
    const tsRaw = cells[schema.timestampIndex] ?? '';
    let gpu: string;
    if (schema.gpuIndex >= 0) gpu = (cells[schema.gpuIndex] ?? '').trim();
    else {
      if (tsRaw !== this.lastTsRaw) {
        this.lastTsRaw = tsRaw;
        this.position = 0;
      }
      gpu = String(this.position++);
    }
    const t = this.parseTs(tsRaw);
    const watts = parsePower(cells[schema.powerIndex] ?? '');
    if (t === undefined || watts === undefined || gpu === '') return;
    if (!this.accumulator) {
      const name = columns.name ? (cells[columns.name.index] ?? '').trim() : undefined;
      this.accumulator = new InsightAccumulator({ ...this.options, ...(name ? { gpuName: name } : {}), ...(columns.counter ? { counterSource: columns.counter.source } : {}) });
    }
    let energyJ: number | undefined;
    if (columns.counter) {
      const reading = readCounterCell(cells, columns.counter);
      if ('value' in reading) energyJ = reading.value;
      else if (reading.problem !== 'not_available') this.counterCellProblems += 1;
    }
    const limitW = columns.limit ? readLimitCell(cells, columns.limit) : undefined;
    this.accumulator.push({ t, gpu, watts, ...(energyJ !== undefined ? { energyJ } : {}), ...(limitW !== undefined ? { limitW } : {}) });
  }

  /**
   * The same as acceptLine for a line given as UTF-8 bytes. Rows in the plain shape the SMI tools
   * write (unquoted, ASCII cells, bare or `W` watts, a GPU index column) are read from the bytes;
   * anything else is decoded and takes acceptLine, so both paths give the same samples.
   */
  acceptLineBytes(buf: Uint8Array, start: number, end: number): void {
    if (!this.schema || !this.accumulator || !this.plainRow(buf, start, end)) this.acceptLine(utf8.decode(buf.subarray(start, end)));
  }

  private plainRow(buf: Uint8Array, start: number, end: number): boolean {
    const schema = this.schema as TelemetrySchema;
    const columns = this.columns as InsightColumns;
    if (schema.gpuIndex < 0) return false;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    let cellStart = start;
    for (let cell = 0; cell < this.neededColumns; cell++) {
      let i = cellStart;
      while (i < end && buf[i] !== 0x2c) {
        if (buf[i] === 0x22) return false;
        i++;
      }
      if (i === end && cell !== this.neededColumns - 1) return false;
      let a = cellStart;
      let b = i;
      while (a < b && (buf[a] === 0x20 || buf[a] === 0x09)) a++;
      while (b > a && (buf[b - 1] === 0x20 || buf[b - 1] === 0x09)) b--;
      starts[cell] = a;
      ends[cell] = b;
      cellStart = i + 1;
    }
    const ts0 = starts[schema.timestampIndex] as number;
    const tsLength = (ends[schema.timestampIndex] as number) - ts0;
    let t: number;
    if (tsLength === this.lastTsLength && sameBytes(buf, ts0, this.lastTs, tsLength)) t = this.lastTsValue;
    else {
      if (tsLength > 64 || tsLength === 0) return false;
      let parsed = tsLength >= 19 && !Number.isNaN(this.minuteMs) && sameBytes(buf, ts0, this.minutePrefix, 16) ? sameMinute(buf, ts0, ts0 + tsLength, this.minuteMs) : undefined;
      if (parsed === undefined) {
        const text = ascii(buf, ts0, ts0 + tsLength);
        parsed = this.parseTs(text);
        if (parsed === undefined || !Number.isFinite(parsed)) return false;
        this.minuteMs = nvidiaMinute(text) ?? Number.NaN;
        if (!Number.isNaN(this.minuteMs)) this.minutePrefix.set(buf.subarray(ts0, ts0 + 16));
      }
      this.lastTs.set(buf.subarray(ts0, ts0 + tsLength));
      this.lastTsLength = tsLength;
      this.lastTsValue = parsed;
      t = parsed;
    }
    const watts = plainWatts(buf, starts[schema.powerIndex] as number, ends[schema.powerIndex] as number);
    if (watts < 0) return false;
    const g0 = starts[schema.gpuIndex] as number;
    const g1 = ends[schema.gpuIndex] as number;
    if (g1 === g0) return false;
    let gpu: string | undefined;
    if (g1 - g0 <= 3 && !(buf[g0] === 0x30 && g1 - g0 > 1)) {
      let index = 0;
      for (let i = g0; i < g1 && index >= 0; i++) {
        const c = buf[i] as number;
        index = c >= 0x30 && c <= 0x39 ? index * 10 + (c - 0x30) : -1;
      }
      if (index >= 0) gpu = this.smallGpuIds[index] ??= String(index);
    }
    if (gpu === undefined) {
      for (let i = g0; i < g1; i++) if ((buf[i] as number) > 0x7e || (buf[i] as number) < 0x20) return false;
      gpu = ascii(buf, g0, g1);
    }
    let limitW: number | undefined;
    if (columns.limit) {
      const l0 = starts[columns.limit.index] as number;
      const length = (ends[columns.limit.index] as number) - l0;
      if (length === this.lastLimitLength && sameBytes(buf, l0, this.lastLimit, length)) limitW = this.lastLimitValue;
      else {
        if (length > 32) return false;
        limitW = readLimitCell([ascii(buf, l0, l0 + length)], { index: 0, unit: columns.limit.unit });
        this.lastLimit.set(buf.subarray(l0, l0 + length));
        this.lastLimitLength = length;
        this.lastLimitValue = limitW;
      }
    }
    let energyJ: number | undefined;
    if (columns.counter && this.counterCells) {
      const cells = this.counterCells.cells;
      cells[0] = utf8.decode(buf.subarray(starts[columns.counter.index] as number, ends[columns.counter.index] as number));
      if (columns.counter.resolutionIndex !== undefined) cells[1] = utf8.decode(buf.subarray(starts[columns.counter.resolutionIndex] as number, ends[columns.counter.resolutionIndex] as number));
      const reading = readCounterCell(cells, this.counterCells.column);
      if ('value' in reading) energyJ = reading.value;
      else if (reading.problem !== 'not_available') this.counterCellProblems += 1;
    }
    (this.accumulator as InsightAccumulator).pushValues(t, gpu, watts, energyJ, limitW);
    return true;
  }

  finish(referenceBenchmarkEnergyJ?: number): Insights {
    const accumulator = this.accumulator ?? new InsightAccumulator(this.options);
    const insights = accumulator.finish(referenceBenchmarkEnergyJ);
    for (const problem of this.columns?.problems ?? []) insights.warnings.push(problem.code);
    if (this.counterCellProblems > 0) insights.warnings.push('counter_cells_unreadable');
    return insights;
  }
}

function sameBytes(buf: Uint8Array, start: number, other: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}

function ascii(buf: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}

/** Bare decimal watts with an optional `W`, or -1 for anything else (the string path decides). */
function plainWatts(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = buf[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits += 1;
      if (seenDot) fractionDigits += 1;
    } else if (c === 0x2e && !seenDot) seenDot = true;
    else break;
  }
  if (digits === 0 || digits > 15 || (seenDot && fractionDigits === 0)) return -1;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i < end && (buf[i] === 0x57 || buf[i] === 0x77)) i++;
  if (i !== end) return -1;
  return fractionDigits === 0 ? mantissa : mantissa / 10 ** fractionDigits;
}

/** `:SS` or `:SS.fff` after a known minute prefix, or undefined for any other shape (the slow path decides). */
function sameMinute(buf: Uint8Array, ts0: number, ts1: number, minuteMs: number): number | undefined {
  const d1 = (buf[ts0 + 17] as number) - 0x30;
  const d2 = (buf[ts0 + 18] as number) - 0x30;
  if (buf[ts0 + 16] !== 0x3a || d1 < 0 || d1 > 6 || d2 < 0 || d2 > 9) return undefined;
  const second = d1 * 10 + d2;
  if (second > 60) return undefined;
  let fractionS = 0;
  if (ts1 > ts0 + 19) {
    const fractionDigits = ts1 - ts0 - 20;
    if (buf[ts0 + 19] !== 0x2e || fractionDigits < 1 || fractionDigits > 9) return undefined;
    let digits = 0;
    for (let i = ts0 + 20; i < ts1; i++) {
      const c = (buf[i] as number) - 0x30;
      if (c < 0 || c > 9) return undefined;
      digits = digits * 10 + c;
    }
    fractionS = digits / 10 ** fractionDigits;
  }
  return nvidiaEpoch(minuteMs, second, fractionS);
}
