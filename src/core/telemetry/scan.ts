/**
 * The telemetry scan: one streaming pass over a CSV of any size, line bytes to per-GPU integrals.
 * Long on purpose: it is the hot path, and header search, row identity, out-of-order rows and the
 * integrators share per-line state that would cost a call and an object per row if split apart.
 */
import { isZonelessTimestamp, type TelemetrySpan } from './zonehint.js';
import { Findings } from '../reasons.js';
import { logValue } from '../logtext.js';
import { compareGpuIds } from '../gpuids.js';
import { cachedTimestampParser, nvidiaEpoch, nvidiaMinute, parsePower } from './values.js';
import { detectSchema, probeHeader, type TelemetrySchema } from './schema.js';
import { splitCsvLine } from './csvline.js';
import { DeviceIntegrator, integrateSamples, type DeviceResult } from './integrate.js';
import { assignRowPositions, type PositionMethod } from './identity.js';

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
  /** GPUs the configuration expects; without a GPU column, row positions are checked against it. */
  expectedGpus?: number;
  /** Receives every row of the file (not only those near the window), already parsed. */
  rows?: TelemetryRowSink;
}

/**
 * A consumer of every readable row, fed in file order by the same pass that integrates the window,
 * so nothing parses a row twice. Rows are handed over when time, GPU and power parse (power may be
 * negative; the sink judges it); unterminated last lines are not.
 */
export interface TelemetryRowSink {
  /** The header was found; returns how many leading cells the sink reads (0: none beyond the scan's). */
  header(schema: TelemetrySchema): number;
  /** The GPU of a row in a file without a GPU column: its place within the rows of its timestamp cell. */
  nextPosition(timestampCell: string): string;
  cellsRow(t: number, gpu: string, watts: number, cells: readonly string[]): void;
  /**
   * A row read from bytes; starts/ends bound its cells (untrimmed) up to the count header() gave.
   * `slot` is the GPU id's value when the id is a canonical number below 1000 (`gpu` is then its
   * decimal text), else -1: a sink can reach its per-GPU state by array index instead of hashing.
   */
  bytesRow(
    t: number,
    gpu: string,
    slot: number,
    watts: number,
    buf: Uint8Array,
    starts: readonly number[],
    ends: readonly number[],
  ): void;
}

/** How each row's GPU was known, as the validation sidecar records it. */
export type GpuIdentityRecord =
  | { method: 'column'; column: string }
  | {
      method: PositionMethod;
      rows_per_group: number;
      /** Sample groups that touch the benchmark window (plus the gap margin). */
      groups: number;
      max_step_within_group_s: number | null;
      min_step_between_groups_s: number | null;
    }
  | { method: 'none'; reason: string };

/** Rows of a file without a GPU column, kept around the window until their positions are known. */
class PositionalRows {
  times = new Float64Array(1024);
  powers = new Float64Array(1024);
  lineNos = new Float64Array(1024);
  relevant = new Uint8Array(1024);
  length = 0;
  stepBefore = Number.NaN;
  stepAfter = Number.NaN;
  previousTime = Number.NaN;
  /** Line of a kept row that follows rows outside the kept range (the file went back in time). */
  reenteredAt = 0;

  push(time: number, power: number, lineNo: number, relevant: boolean): void {
    if (this.length === this.times.length) {
      const grow = <T extends Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.times = grow(this.times);
      this.powers = grow(this.powers);
      this.lineNos = grow(this.lineNos);
      this.relevant = grow(this.relevant);
    }
    const i = this.length++;
    this.times[i] = time;
    this.powers[i] = power;
    this.lineNos[i] = lineNo;
    this.relevant[i] = relevant ? 1 : 0;
  }
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
  // Stryker disable next-line StringLiteral: set with the schema, before any line is compared with it
  private headerLine = '';
  private nonEmptySeen = 0;
  private readonly gpus = new Map<string, GpuState>();
  private readonly collected = new Map<string, { times: number[]; powers: number[] }>();
  private readonly parseTs = cachedTimestampParser();
  private readonly low: number;
  private readonly high: number;
  /** Without a GPU column: rows within [low - gap, high + gap] (a group can straddle low or high). */
  private readonly positional = new PositionalRows();
  private readonly keepLow: number;
  private readonly keepHigh: number;
  private identityRecord: GpuIdentityRecord | undefined;
  /** Earliest and latest timestamp in the whole file, for the time-zone hint when nothing is near the window. */
  private firstSeen = Number.POSITIVE_INFINITY;
  private lastSeen = Number.NEGATIVE_INFINITY;
  private zonelessTimes: boolean | undefined;
  private columnsNeeded = 0;
  /** Cells the byte path splits: the scan's plus the row sink's. */
  private plainColumns = 0;
  private readonly sink: TelemetryRowSink | undefined;
  /** Fast path state: the last timestamp cell's bytes and value, and GPU id strings by index. */
  private lastTsBytes: Uint8Array = new Uint8Array(64);
  // Stryker disable next-line UnaryOperator: at 1 the first row compares one byte with a zero byte, which no plain timestamp starts with
  private lastTsLength = -1;
  private lastTsValue = Number.NaN;
  private readonly smallGpuIds: string[] = [];
  private readonly statesByIndex: Array<GpuState | undefined> = [];
  /** nvidia-smi timestamps change every sample but their first 16 bytes (`YYYY/MM/DD HH:MM`) rarely do. */
  private minuteMs = Number.NaN;
  /** The previous timestamp's whole second, when it went through sameMinute. */
  private secondS = Number.NaN;
  // Stryker disable next-line BooleanLiteral: read only while minuteMs is known, and the parse that sets minuteMs clears this
  private secondKnown = false;
  // Stryker disable next-line ArrayDeclaration: every cell is written before it is read
  private readonly cellStarts: number[] = [];
  // Stryker disable next-line ArrayDeclaration: every cell is written before it is read
  private readonly cellEnds: number[] = [];
  /** The time range of every readable timestamp in the file; undefined before the first one. */
  timeSpan(): TelemetrySpan | undefined {
    return this.firstSeen <= this.lastSeen
      ? { first: this.firstSeen, last: this.lastSeen, zoneless: this.zonelessTimes === true }
      : undefined;
  }

  readonly notes: ScanNotes = {
    preambleLines: 0,
    repeatedHeaderLines: 0,
    truncatedLastLine: false,
    outOfOrderGpus: [],
    overlongLines: 0,
  };

  constructor(private readonly options: ScanOptions) {
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.keepLow = this.low - options.maxSampleGapS;
    this.keepHigh = this.high + options.maxSampleGapS;
    this.sink = options.collectGpus ? undefined : options.rows;
  }

  /** A line longer than the reader's bound: its content was dropped. */
  acceptOverlongLine(lineNo: number): void {
    this.notes.overlongLines += 1;
    if (this.schema)
      this.findings.add(
        'invalid_timestamp_sample',
        `${this.options.source}:${lineNo}: line is longer than the reader's limit and was not read; check the telemetry writer.`,
      );
  }

  /**
   * @param line the line without its terminator
   * @param lineNo 1-based line number
   * @param isUnterminatedLast true for a final line that has no newline (possibly cut off mid-write)
   */
  acceptLine(line: string, lineNo: number, isUnterminatedLast = false): void {
    if (line.trim() === '') return;
    if (!this.schema) {
      this.findHeader(line, lineNo);
      return;
    }
    if (line.trim() === this.headerLine.trim()) {
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

  /**
   * The same as acceptLine for a line given as UTF-8 bytes. Rows in the plain shape every SMI tool
   * writes (ASCII, unquoted, `612.34 W` or bare decimal watts) are parsed straight from the bytes
   * without making strings; anything else, including every row that would be an error, is decoded
   * and takes the general path, so both paths give the same result.
   */
  acceptLineBytes(buf: Buffer, start: number, end: number, lineNo: number, isUnterminatedLast = false): void {
    if (
      !this.schema ||
      this.schema.gpuIndex < 0 ||
      this.options.collectGpus ||
      isUnterminatedLast ||
      !this.acceptPlainRow(buf, start, end, lineNo)
    ) {
      this.acceptLine(decodeUtf8(buf, start, end), lineNo, isUnterminatedLast);
    }
  }

  /** Returns false, having changed nothing, when the row is not in the plain shape. */
  private acceptPlainRow(buf: Buffer, start: number, end: number, lineNo: number): boolean {
    const schema = this.schema as TelemetrySchema;
    const needed = this.plainColumns;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    // A row that starts with the previous row's timestamp cell (the other GPUs of one sample)
    // skips scanning and comparing that cell twice.
    const lastLength = this.lastTsLength;
    const last = this.lastTsBytes;
    // Where the row's first bytes stop matching the previous timestamp (-1: not compared).
    let lineMismatch = -1;
    let repeatsTimestamp = false;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: speed only: without the comparison, or with a wider one, the row is not taken for a repeat and its cell is read
    if (schema.timestampIndex === 0 && lastLength > 0 && start + lastLength <= end) {
      lineMismatch = mismatchAt(buf, start, last, lastLength);
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: speed only: a row not taken for a repeat has its timestamp cell read
      repeatsTimestamp = lineMismatch === lastLength && buf[start + lastLength] === 0x2c;
    }
    let cellStart = start;
    let firstCell = 0;
    // Stryker disable next-line ConditionalExpression,BlockStatement: speed only: the cell is then found by the comma scan
    if (repeatsTimestamp) {
      starts[0] = start;
      // Stryker disable next-line ArithmeticOperator: ends[0] is read only for the timestamp, which a repeat takes from lastTsValue
      ends[0] = start + lastLength;
      cellStart = start + lastLength + 1;
      firstCell = 1;
    }
    // A plain loop beats Buffer#indexOf here: cells are short and each native call has a fixed cost.
    // A quote in any cell up to the last needed one could shift columns: such rows take the general
    // path (a quote inside a parsed cell would fail its parser and go there too).
    for (let cell = firstCell; cell < needed; cell++) {
      let comma = cellStart;
      for (; comma < end; comma++) {
        const c = buf[comma];
        if (c === 0x2c) break;
        if (c === 0x22) return false;
      }
      if (comma === end && cell !== needed - 1) return false;
      starts[cell] = cellStart;
      ends[cell] = comma;
      cellStart = comma + 1;
    }
    // Timestamp: rows of one sample share the cell, so compare bytes with the previous one.
    let ts0 = starts[schema.timestampIndex] as number;
    let ts1 = ends[schema.timestampIndex] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    while (ts0 < ts1 && (buf[ts0] === 0x20 || buf[ts0] === 0x09)) ts0++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    while (ts1 > ts0 && (buf[ts1 - 1] === 0x20 || buf[ts1 - 1] === 0x09)) ts1--;
    const tsLength = ts1 - ts0;
    let time: number;
    // Stryker disable next-line ConditionalExpression: speed only: the repeated cell is compared and gives lastTsValue again
    if (repeatsTimestamp) {
      time = this.lastTsValue;
    } else {
      // Bytes [0, same) equal the previous timestamp's. Per-row nvidia-smi stamps differ from the
      // previous row's in the last digits only, so most rows re-read just the fraction.
      // Stryker disable next-line MethodExpression: past the shorter cell, blanks or a comma meet digits, so the count stops there
      const common = Math.min(tsLength, lastLength);
      // Both branches count the same bytes (the row's first bytes are its timestamp when ts0 === start).
      const same =
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: speed only, see above
        lineMismatch >= 0 && ts0 === start ? Math.min(lineMismatch, common) : mismatchAt(buf, ts0, last, common);
      // Stryker disable next-line ConditionalExpression: speed only: the timestamp is parsed again to the same value
      if (same === tsLength && tsLength === lastLength) {
        time = this.lastTsValue;
      } else {
        // While minuteMs is known, the previous timestamp is an nvidia-smi one of that minute, so a
        // shared first 16 bytes (`YYYY/MM/DD HH:MM`) means the same minute.
        let parsed: number | undefined;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
        if (tsLength >= 19 && !Number.isNaN(this.minuteMs) && same >= 16) {
          // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: sameMinute reads the whole second as sameSecond does
          parsed = same >= 19 && this.secondKnown ? this.sameSecond(buf, ts0, ts1) : this.sameMinute(buf, ts0, ts1);
        }
        // Stryker disable next-line ConditionalExpression: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
        if (parsed === undefined) {
          // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: an empty or long cell is no timestamp either way, and the general path reads the row again
          const text = tsLength > 0 && tsLength <= 64 ? decodeAscii(buf, ts0, ts1) : '';
          parsed = this.parseTs(text);
          // Stryker disable next-line LogicalOperator,ConditionalExpression: parseTimestamp returns a finite number or undefined
          if (parsed === undefined || !Number.isFinite(parsed)) return false;
          this.zonelessTimes ??= isZonelessTimestamp(text);
          this.minuteMs = nvidiaMinute(text) ?? Number.NaN;
          this.secondKnown = false;
        }
        time = parsed;
        // Stryker disable next-line EqualityOperator,ConditionalExpression: bytes past the cell are blanks or a comma, which no timestamp byte equals
        for (let i = same; i < tsLength; i++) last[i] = buf[ts0 + i] as number;
        this.lastTsLength = tsLength;
        this.lastTsValue = time;
      }
    }
    // Stryker disable next-line EqualityOperator: an equal time changes nothing
    if (time < this.firstSeen) this.firstSeen = time;
    // Stryker disable next-line EqualityOperator: an equal time changes nothing
    if (time > this.lastSeen) this.lastSeen = time;
    const sink = this.sink;
    const inRange = time >= this.low && time <= this.high;
    // Stryker disable next-line BooleanLiteral: the general path skips the same row
    if (!inRange && sink === undefined) return true;
    const power = parsePlainWatts(buf, starts[schema.powerIndex] as number, ends[schema.powerIndex] as number);
    if (power < 0) return false;
    let g0 = starts[schema.gpuIndex] as number;
    let g1 = ends[schema.gpuIndex] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the GPU cell always holds a comma or line end after its blanks
    while (g0 < g1 && (buf[g0] === 0x20 || buf[g0] === 0x09)) g0++;
    while (g1 > g0 && (buf[g1 - 1] === 0x20 || buf[g1 - 1] === 0x09)) g1--;
    if (g1 === g0) return false;
    let index = -1;
    // "00" and "0" are different identities; only canonical numbers use the cache.
    if (g1 - g0 <= 3 && !(buf[g0] === 0x30 && g1 - g0 > 1)) {
      index = 0;
      // Stryker disable next-line ConditionalExpression: a non-digit sets index to -1, and the loop stops at g1 for digits
      for (let i = g0; i < g1 && index >= 0; i++) {
        const c = buf[i] as number;
        index = c >= 0x30 && c <= 0x39 ? index * 10 + (c - 0x30) : -1;
      }
    }
    if (index >= 0) {
      if (sink !== undefined) {
        sink.bytesRow(time, (this.smallGpuIds[index] ??= String(index)), index, power, buf, starts, ends);
        if (!inRange) return true;
      }
      // Most rows name a GPU by a small index: reach its state without hashing a string.
      const state = this.statesByIndex[index];
      // Stryker disable next-line ConditionalExpression,BlockStatement: speed only: pushSample finds the same state by name
      if (state !== undefined) {
        // Stryker disable next-line ConditionalExpression: an out-of-order GPU's integrator is discarded (pushSample's guard)
        if (!state.outOfOrder) {
          if (time < state.integrator.latestTime) state.outOfOrder = true;
          else state.integrator.push(time, power);
        }
        return true;
      }
      const gpuId = (this.smallGpuIds[index] ??= String(index));
      this.pushSample(gpuId, time, power, lineNo);
      this.statesByIndex[index] = this.gpus.get(gpuId);
      return true;
    }
    // A quote has already sent the row to the general path (the cell scan above).
    for (let i = g0; i < g1; i++) if ((buf[i] as number) > 0x7e || (buf[i] as number) < 0x20) return false;
    const gpuId = decodeAscii(buf, g0, g1);
    if (sink !== undefined) {
      sink.bytesRow(time, gpuId, -1, power, buf, starts, ends);
      if (!inRange) return true;
    }
    this.pushSample(gpuId, time, power, lineNo);
    return true;
  }

  /** `:SS` or `:SS.fff` after a cached minute prefix, or undefined for any other shape. */
  // Stryker disable next-line BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  private sameMinute(buf: Uint8Array, ts0: number, ts1: number): number | undefined {
    // Stryker disable next-line ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    const d1 = (buf[ts0 + 17] as number) - 0x30;
    // Stryker disable next-line ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    const d2 = (buf[ts0 + 18] as number) - 0x30;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests); the checks that let a bad second through are killed
    if (buf[ts0 + 16] !== 0x3a || d1 < 0 || d1 > 6 || d2 < 0 || d2 > 9) return undefined;
    const second = d1 * 10 + d2;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    if (second > 60) return undefined;
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    if (fractionS < 0) return undefined;
    // nvidiaEpoch(minute, second, fraction) is this sum; the seconds part is kept for the next rows.
    this.secondS = nvidiaEpoch(this.minuteMs, second, 0);
    // Stryker disable next-line BooleanLiteral: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    this.secondKnown = true;
    return nvidiaEpoch(this.minuteMs, second, fractionS);
  }

  /** The previous timestamp's second plus this one's fraction (the first 19 bytes are the same). */
  // Stryker disable next-line BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  private sameSecond(buf: Uint8Array, ts0: number, ts1: number): number | undefined {
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    return fractionS < 0 ? undefined : this.secondS + fractionS;
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
      this.plainColumns = Math.max(this.columnsNeeded, this.sink?.header(schema) ?? 0);
    } else if (this.nonEmptySeen >= HEADER_SEARCH_LINES) {
      this.headerSearchFailed();
    }
  }

  private headerSearchFailed(): void {
    // Stryker disable next-line ConditionalExpression: findings keep the first message of each code
    if (this.findings.size > 0) return;
    // Stryker disable next-line ArrayDeclaration: unreachable: called only once a line of content is kept
    const header = this.firstContentLine ?? [];
    const probe = probeHeader(header);
    const where = `${this.options.source}:${this.firstContentLineNo || 1}`;
    // The header is file content: one line, no runner command, whatever the file holds.
    const shown = logValue(header.slice(0, 8).join(',').slice(0, 200));
    if (probe.timestampIndex < 0)
      this.findings.add(
        'timestamp_column_missing',
        `${where}: no header column names a time (header: "${shown}"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.`,
      );
    if (probe.powerIndex < 0)
      this.findings.add(
        'power_column_missing',
        `${where}: no header column holds power draw (header: "${shown}"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).`,
      );
  }

  private acceptRow(cells: string[], lineNo: number, isLast: boolean): void {
    const schema = this.schema as TelemetrySchema;
    const tsRaw = cells[schema.timestampIndex] ?? '';
    const time = this.parseTs(tsRaw);
    const sink = this.sink;
    if (sink !== undefined && !isLast) {
      // Stryker disable next-line MethodExpression: splitCsvLine trims cells
      const gpu = schema.gpuIndex >= 0 ? (cells[schema.gpuIndex] ?? '').trim() : sink.nextPosition(tsRaw);
      // Stryker disable next-line ConditionalExpression,StringLiteral: a row without a time is not handed over whatever its power; no text of a missing cell reads as watts
      const watts = time === undefined ? undefined : parsePower(cells[schema.powerIndex] ?? '');
      // Stryker disable next-line ConditionalExpression: watts is undefined whenever time is
      if (time !== undefined && watts !== undefined && gpu !== '') sink.cellsRow(time, gpu, watts, cells);
    }
    // Stryker disable next-line LogicalOperator,ConditionalExpression: parseTimestamp returns a finite number or undefined
    if (time === undefined || !Number.isFinite(time)) {
      this.findings.add(
        'invalid_timestamp_sample',
        `${this.options.source}:${lineNo}: timestamp "${clip(tsRaw)}" cannot be read${isLast ? ' (last line, possibly cut off)' : ''}; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`,
      );
      return;
    }
    this.zonelessTimes ??= isZonelessTimestamp(tsRaw);
    // Stryker disable next-line EqualityOperator: an equal time changes nothing
    if (time < this.firstSeen) this.firstSeen = time;
    // Stryker disable next-line EqualityOperator: an equal time changes nothing
    if (time > this.lastSeen) this.lastSeen = time;
    if (schema.gpuIndex < 0) {
      this.acceptPositionalRow(time, cells, lineNo);
      return;
    }
    const gpuId = cells[schema.gpuIndex] ?? '';
    if (time < this.low || time > this.high) return;
    const powerRaw = cells[schema.powerIndex] ?? '';
    const power = parsePower(powerRaw);
    if (power === undefined || power < 0) {
      this.findings.add(
        'invalid_power_sample',
        // Stryker disable next-line StringLiteral: the header has the power column
        `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? '')}" is not a non-negative number of watts near the benchmark window.`,
      );
      return;
    }
    if (gpuId === '') {
      this.findings.add(
        'gpu_identity_missing',
        // Stryker disable next-line StringLiteral: the header has the GPU column
        `${this.options.source}:${lineNo}: the GPU column "${clip(schema.header[schema.gpuIndex] ?? '')}" is empty; every row must name its GPU.`,
      );
      return;
    }
    this.pushSample(gpuId, time, power, lineNo);
  }

  /** A row of a file without a GPU column: kept with its time until endOfInput assigns positions. */
  private acceptPositionalRow(time: number, cells: string[], lineNo: number): void {
    const rows = this.positional;
    const previous = rows.previousTime;
    rows.previousTime = time;
    if (time < this.keepLow || time > this.keepHigh) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with no row kept the step is NaN and stays unset
      if (rows.length > 0 && Number.isNaN(rows.stepAfter))
        rows.stepAfter = time - (rows.times[rows.length - 1] as number);
      return;
    }
    if (rows.length === 0) rows.stepBefore = time - previous;
    else if (!Number.isNaN(rows.stepAfter) && rows.reenteredAt === 0) rows.reenteredAt = lineNo;
    let power = Number.NaN;
    const relevant = time >= this.low && time <= this.high;
    if (relevant) {
      const schema = this.schema as TelemetrySchema;
      const powerRaw = cells[schema.powerIndex] ?? '';
      const parsed = parsePower(powerRaw);
      if (parsed === undefined || parsed < 0) {
        this.findings.add(
          'invalid_power_sample',
          // Stryker disable next-line StringLiteral: the header has the power column
          `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? '')}" is not a non-negative number of watts near the benchmark window.`,
        );
      } else {
        power = parsed;
      }
    }
    rows.push(time, power, lineNo, relevant);
  }

  /** Assigns GPUs by row position when the grouping is unambiguous, else refuses the file. */
  private resolvePositions(): void {
    const rows = this.positional;
    const n = rows.length;
    const verdict =
      rows.reenteredAt > 0
        ? ({
            ok: false,
            cause: `the row at line ${rows.reenteredAt} is earlier than rows before it; without a GPU column the order of rows is the only identity`,
          } as const)
        : assignRowPositions({
            times: rows.times.subarray(0, n),
            lineNos: rows.lineNos.subarray(0, n),
            relevant: rows.relevant.subarray(0, n),
            stepBefore: rows.stepBefore,
            stepAfter: rows.stepAfter,
            expectedGpus: this.options.expectedGpus,
          });
    if (!verdict.ok) {
      this.identityRecord = { method: 'none', reason: verdict.cause };
      this.findings.add(
        'gpu_identity_column_missing',
        `${this.options.source}: the header has no GPU column (index, gpu, gpu_id, device, ...), and rows cannot be assigned to GPUs by their order: ${verdict.cause}. Add the GPU index to the query, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000.`,
      );
      return;
    }
    this.identityRecord = {
      method: verdict.method,
      rows_per_group: this.options.expectedGpus as number,
      groups: verdict.groups,
      max_step_within_group_s: verdict.maxStepWithinGroupS,
      min_step_between_groups_s: verdict.minStepBetweenGroupsS,
    };
    for (let i = 0; i < n; i++) {
      const position = verdict.positions[i] as number;
      const power = rows.powers[i] as number;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: each guard implies the next: rows outside [low, high] have NaN power, and rows inside have a position
      if (position < 0 || rows.relevant[i] === 0 || Number.isNaN(power)) continue;
      this.pushSample(
        (this.smallGpuIds[position] ??= String(position)),
        rows.times[i] as number,
        power,
        rows.lineNos[i] as number,
      );
    }
  }

  /** How GPU identity was obtained; undefined before a header is found. */
  gpuIdentity(): GpuIdentityRecord | undefined {
    const schema = this.schema;
    if (!schema) return undefined;
    // Stryker disable next-line StringLiteral: the header has the GPU column
    if (schema.gpuIndex >= 0) return { method: 'column', column: schema.header[schema.gpuIndex] ?? '' };
    return this.identityRecord;
  }

  private pushSample(gpuId: string, time: number, power: number, lineNo: number): void {
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
        this.findings.add(
          'too_many_gpu_ids',
          `${this.options.source}:${lineNo}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`,
        );
        return;
      }
      state = { integrator: new DeviceIntegrator(this.options.start, this.options.end), outOfOrder: false };
      this.gpus.set(gpuId, state);
    }
    // Stryker disable next-line ConditionalExpression: an out-of-order GPU's integrator is discarded
    if (state.outOfOrder) return;
    if (time < state.integrator.latestTime) {
      state.outOfOrder = true;
      return;
    }
    state.integrator.push(time, power);
  }

  /** Called after the last line. */
  endOfInput(): void {
    if (this.schema && this.schema.gpuIndex < 0 && !this.options.collectGpus) this.resolvePositions();
    if (!this.schema) {
      if (this.firstContentLine) this.headerSearchFailed();
      else if (this.notes.overlongLines > 0) {
        const message = `${this.options.source}: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point the csv option at the monitor's CSV output.`;
        this.findings.add('timestamp_column_missing', message);
        this.findings.add('power_column_missing', message);
      } else
        this.findings.add(
          'telemetry_file_empty',
          `${this.options.source}: the file has no content. Check that the GPU monitor started before the benchmark.`,
        );
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
        // Stryker disable next-line ArrayDeclaration: times without powers integrate to no samples as well
        const samples = replayed?.get(gpuId) ?? { times: [], powers: [] };
        results.set(gpuId, integrateSamples(samples.times, samples.powers, this.options.start, this.options.end));
      } else {
        results.set(gpuId, state.integrator.finish());
      }
    }
    this.notes.outOfOrderGpus.sort(compareGpuIds);
    return results;
  }
}

function clip(text: string): string {
  const oneLine = logValue(text.replace(/[\u0000-\u001f\u007f]/g, '?'));
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** The first index below `length` where buf[start + i] and other[i] differ, or `length`. */
// Stryker disable next-line BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
function mismatchAt(buf: Uint8Array, start: number, other: Uint8Array, length: number): number {
  let i = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,UpdateOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  while (i < length && buf[start + i] === other[i]) i++;
  return i;
}

/** `.fff` (1-9 digits) after `YYYY/MM/DD HH:MM:SS` as seconds, 0 without one, -1 for any other shape. */
function fractionAfterSeconds(buf: Uint8Array, ts0: number, ts1: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  if (ts1 <= ts0 + 19) return 0;
  // Stryker disable next-line ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  const digitCount = ts1 - ts0 - 20;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  if (buf[ts0 + 19] !== 0x2e || digitCount < 1 || digitCount > 9) return -1;
  let digits = 0;
  // Stryker disable next-line ArithmeticOperator,EqualityOperator,UpdateOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  for (let i = ts0 + 20; i < ts1; i++) {
    // Stryker disable next-line ArithmeticOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    const c = (buf[i] as number) - 0x30;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
    if (c < 0 || c > 9) return -1;
    // Stryker disable next-line ArithmeticOperator: speed only: the fraction turns negative and the full parser runs
    digits = digits * 10 + c;
  }
  return digits / (POW10[digitCount] as number);
}

function decodeAscii(buf: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}

// Stryker disable next-line StringLiteral: new TextDecoder('') throws when the module loads
const utf8 = new TextDecoder('utf-8');
function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  return utf8.decode(buf.subarray(start, end));
}

/**
 * Watts from a plain cell: optional blanks, digits with an optional fraction, optional blanks and
 * `W`. Returns -1 for anything else (sign, exponent, N/A, text), which sends the row to the
 * general parser. Digits are accumulated as an integer and divided once so the value equals
 * Number() of the same text for up to 15 significant digits.
 */
function parsePlainWatts(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: buf[end] is a comma or line end, never a blank
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  // Stryker disable next-line EqualityOperator: buf[end] is a comma or line end, never a digit or dot
  for (; i < end; i++) {
    const c = buf[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits += 1;
      if (seenDot) fractionDigits += 1;
    } else if (c === 0x2e && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  if (digits === 0 || digits > 15 || (seenDot && fractionDigits === 0)) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: buf[end] is a comma or line end, never a blank
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: buf[end] is a comma or line end, never W
  if (i < end && (buf[i] === 0x57 || buf[i] === 0x77)) i++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: buf[end] is a comma or line end, never a blank
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i !== end) return -1;
  // Stryker disable next-line ConditionalExpression: POW10[0] is 1
  return fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
