import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  renderInsightText,
  renderInsights
} from "./chunk-M55ZDXEJ.js";
import {
  logValue
} from "./chunk-L2B7OZ5H.js";
import {
  Findings,
  PyFloat,
  defaultSidecarPath,
  insightAggFigures,
  loadBench,
  parse,
  patchAggPower,
  powerExitCode,
  powerFailureLines,
  readLineBytes,
  writeSidecar
} from "./chunk-O6IYV7DA.js";
import {
  DeviceIntegrator,
  InsightAccumulator,
  counterAgreement,
  integrateSamples,
  readTextBounded,
  resolveTelemetryPath
} from "./chunk-2XIZMTGU.js";
import {
  DEFAULT_MAX_SAMPLE_GAP_S,
  buildSidecar,
  derivePowerMetrics,
  isZonelessTimestamp,
  summariseDevices
} from "./chunk-IPYRE2BI.js";
import {
  compareGpuIds
} from "./chunk-4XNPLKRI.js";

// src/io/power-run.ts
import { resolve } from "node:path";

// src/io/telemetry.ts
import { stat } from "node:fs/promises";

// src/core/telemetry/values.ts
var NVIDIA_TS = /^(\d{4})\/(\d{1,2})\/(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
var ISO_TS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
var EPOCH = /^-?\d+(?:\.\d+)?$/;
var EPOCH_MS_THRESHOLD = 1e12;
function fraction(digits) {
  return digits ? Number(`0.${digits}`) : 0;
}
function validCalendar(year, month, day, hour, minute, second) {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
function localEpoch(year, month, day, hour, minute, second) {
  const date = new Date(year, month - 1, day, hour, minute, second, 0);
  if (year < 100) date.setFullYear(year);
  return date.getTime() / 1e3;
}
function localMinuteMs(year, month, day, hour, minute) {
  return localEpoch(year, month, day, hour, minute, 0) * 1e3;
}
function nvidiaEpoch(minuteMs, second, fractionS) {
  return (minuteMs + second * 1e3) / 1e3 + fractionS;
}
function nvidiaMinute(value) {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):\d{2}/.exec(value);
  if (!m) return void 0;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  return validCalendar(year, month, day, hour, minute, 0) ? localMinuteMs(year, month, day, hour, minute) : void 0;
}
function parseTimestamp(raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (EPOCH.test(value)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return void 0;
    return n > EPOCH_MS_THRESHOLD ? n / 1e3 : n;
  }
  let m = NVIDIA_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (!validCalendar(year, month, day, hour, minute, second)) return void 0;
    return nvidiaEpoch(localMinuteMs(year, month, day, hour, minute), second, fraction(m[7]));
  }
  m = ISO_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
    const second = m[6] ? Number(m[6]) : 0;
    if (!validCalendar(year, month, day, hour, minute, second)) return void 0;
    const zone = m[8];
    if (!zone) return localEpoch(year, month, day, hour, minute, second) + fraction(m[7]);
    let offsetMin = 0;
    if (zone.toUpperCase() !== "Z") {
      const sign = zone.startsWith("-") ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) / 1e3 - offsetMin * 60 + fraction(m[7]);
  }
  return void 0;
}
function cachedTimestampParser() {
  let lastRaw;
  let lastValue;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    lastRaw = raw;
    lastValue = parseTimestamp(raw);
    return lastValue;
  };
}
var NOT_AVAILABLE = /* @__PURE__ */ new Set(["", "[n/a]", "n/a", "na", "[not supported]", "not supported", "unknown", "nan", "-"]);
var LEADING_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
function parsePower(raw) {
  const value = raw.trim();
  if (NOT_AVAILABLE.has(value.toLowerCase())) return void 0;
  const m = LEADING_NUMBER.exec(value);
  if (!m) return void 0;
  const rest = value.slice(m[0].length).trim();
  if (rest !== "" && rest !== "W" && rest !== "w") {
    return void 0;
  }
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : void 0;
}

// src/core/telemetry/schema.ts
var TELEMETRY_FORMATS = [
  { name: "nvidia-smi", matches: (cols) => cols.some((c) => c.startsWith("power.draw")) },
  { name: "amd-smi", matches: (cols) => cols.some((c) => /socket_power/.test(c)) }
];
var POWER_EXCLUDE = /limit|cap|max|min|management|state|profile|enforced|default/;
var PREFERRED_POWER = [
  /^power\.draw(\s*\[w\])?$/,
  /^power\.draw\.instant/,
  /^socket_power/,
  /^current_socket_power/,
  /^average_socket_power/,
  /^power(\s*\(w\))?$/
];
var GPU_IDENTITY = ["index", "gpu", "gpu_id", "gpu_index", "gpu id", "gpu index", "card", "device", "device_id"];
function normalise(column) {
  return column.trim().toLowerCase();
}
function findPowerIndex(columns) {
  for (const preferred of PREFERRED_POWER) {
    const i = columns.findIndex((c) => preferred.test(c));
    if (i >= 0) return i;
  }
  return columns.findIndex((c) => c.includes("power") && !POWER_EXCLUDE.test(c));
}
function probeHeader(header) {
  const columns = header.map(normalise);
  const timestampIndex = columns.findIndex((c) => c.includes("time"));
  const powerIndex = findPowerIndex(columns);
  let gpuIndex = -1;
  for (const name of GPU_IDENTITY) {
    gpuIndex = columns.indexOf(name);
    if (gpuIndex >= 0) break;
  }
  return { timestampIndex, powerIndex, gpuIndex };
}
function detectSchema(header) {
  const probe = probeHeader(header);
  if (probe.timestampIndex < 0 || probe.powerIndex < 0) return void 0;
  const columns = header.map(normalise);
  const format = TELEMETRY_FORMATS.find((f) => f.matches(columns))?.name ?? "generic-csv";
  return { format, header: header.map((c) => c.trim()), ...probe };
}

// src/core/telemetry/csvline.ts
function splitCsvLine(line) {
  if (!line.includes('"')) return line.split(",").map((cell) => cell.trim());
  try {
    const rows = parse(line, {
      relax_quotes: true,
      // Stryker disable next-line BooleanLiteral: one line is one record, so no other record's column count applies
      relax_column_count: true,
      trim: true,
      // Stryker disable next-line BooleanLiteral: a line with a quote is never an empty line
      skip_empty_lines: false
    });
    return rows[0] ?? [""];
  } catch {
    return line.split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  }
}

// src/core/telemetry/identity.ts
var SEPARATION = 10;
var REGULAR_MIN_FRACTION = 0.4;
var LONG_STEP_RARITY = 64;
var BURST_STEP_MAX_S = 0.25;
function assignRowPositions(input) {
  const { times, lineNos, relevant, expectedGpus } = input;
  const n = times.length;
  const positions = new Int32Array(n).fill(-1);
  if (expectedGpus === void 0 || !Number.isInteger(expectedGpus) || expectedGpus <= 0) {
    return {
      ok: false,
      cause: `the expected GPU count (${String(expectedGpus)}) is not a positive integer, so row positions cannot be checked against it`
    };
  }
  if (n === 0)
    return {
      ok: true,
      method: "row_position_per_timestamp",
      positions,
      groups: 0,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: null
    };
  if (input.stepBefore < 0)
    return {
      ok: false,
      cause: `the row at line ${lineNos[0]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
      line: lineNos[0]
    };
  if (input.stepAfter < 0)
    return {
      ok: false,
      cause: `the row after line ${lineNos[n - 1]} is earlier than it; without a GPU column the order of rows is the only identity`,
      line: lineNos[n - 1]
    };
  const positive = [];
  if (input.stepBefore > 0) positive.push(input.stepBefore);
  if (input.stepAfter > 0) positive.push(input.stepAfter);
  for (let i = 1; i < n; i++) {
    const step = times[i] - times[i - 1];
    if (step < 0)
      return {
        ok: false,
        cause: `the row at line ${lineNos[i]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
        line: lineNos[i]
      };
    if (step > 0) positive.push(step);
  }
  positive.sort((a, b) => a - b);
  let split = 0;
  let method = "row_position_per_timestamp";
  if (!isRegular(positive)) {
    let k = 0;
    while (k + 1 < positive.length && positive[k + 1] < SEPARATION * positive[k]) k++;
    if (k + 1 >= positive.length) {
      return {
        ok: false,
        cause: `the time steps between rows range from ${fmt(positive[0])} s to ${fmt(positive[positive.length - 1])} s with no clear gap between steps within a sample and steps between samples`
      };
    }
    split = positive[k];
    if (split >= BURST_STEP_MAX_S) {
      return {
        ok: false,
        cause: `steps of up to ${fmt(split)} s between rows would have to lie within one sample, longer than any GPU query takes`
      };
    }
    method = "row_position_per_burst";
  }
  let groups = 0;
  let maxWithin = Number.NaN;
  let minBetween = Number.NaN;
  let first = 0;
  const opensBefore = input.stepBefore <= split;
  while (first < n) {
    let last = first;
    while (last + 1 < n) {
      const step = times[last + 1] - times[last];
      if (step > split) {
        if (!(step >= minBetween)) minBetween = step;
        break;
      }
      if (step > 0 && !(step <= maxWithin)) maxWithin = step;
      if (step === 0 && method === "row_position_per_burst") {
        return {
          ok: false,
          cause: `the rows at lines ${lineNos[last]} and ${lineNos[last + 1]} share a timestamp inside a burst of rows stamped a few ms apart, so their order does not tell which GPU each is`,
          line: lineNos[last + 1]
        };
      }
      last++;
    }
    let touches = false;
    for (let i = first; i <= last && !touches; i++) touches = relevant[i] !== 0;
    if (touches) {
      const size = last - first + 1;
      if (first === 0 && opensBefore || last === n - 1 && input.stepAfter <= split) {
        return {
          ok: false,
          cause: `the sample group at line ${lineNos[first]} extends beyond the rows read around the benchmark window`,
          line: lineNos[first]
        };
      }
      if (size !== expectedGpus) {
        const kind = method === "row_position_per_burst" ? "burst of rows stamped a few ms apart" : "timestamp";
        return {
          ok: false,
          cause: `the ${kind} at line ${lineNos[first]} has ${size} row(s) where ${expectedGpus} GPU(s) are expected (a row was dropped or repeated, or the GPU count is wrong)`,
          line: lineNos[first]
        };
      }
      for (let i = first; i <= last; i++) positions[i] = i - first;
      groups++;
    }
    first = last + 1;
  }
  return {
    ok: true,
    method,
    positions,
    groups,
    maxStepWithinGroupS: Number.isNaN(maxWithin) ? null : maxWithin,
    minStepBetweenGroupsS: Number.isNaN(minBetween) ? null : minBetween
  };
}
function isRegular(sortedSteps) {
  const m = sortedSteps.length;
  if (m === 0) return true;
  const median = sortedSteps[Math.floor((m - 1) / 2)];
  if (sortedSteps[0] < REGULAR_MIN_FRACTION * median) return false;
  if (median >= BURST_STEP_MAX_S) return true;
  let long = 0;
  for (let i = m - 1; i >= 0 && sortedSteps[i] >= 2 * median; i--) long++;
  return long * LONG_STEP_RARITY <= m;
}
function fmt(seconds) {
  return String(Number(seconds.toPrecision(3)));
}

// src/core/telemetry/scan.ts
var HEADER_SEARCH_LINES = 64;
var MAX_GPU_IDS = 65536;
var PositionalRows = class {
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
  push(time, power, lineNo, relevant) {
    if (this.length === this.times.length) {
      const grow = (a) => {
        const b = new a.constructor(a.length * 2);
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
};
var TelemetryScan = class {
  constructor(options) {
    this.options = options;
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.keepLow = this.low - options.maxSampleGapS;
    this.keepHigh = this.high + options.maxSampleGapS;
    this.sink = options.collectGpus ? void 0 : options.rows;
  }
  options;
  findings = new Findings();
  schema;
  firstContentLine;
  firstContentLineNo = 0;
  // Stryker disable next-line StringLiteral: set with the schema, before any line is compared with it
  headerLine = "";
  nonEmptySeen = 0;
  gpus = /* @__PURE__ */ new Map();
  collected = /* @__PURE__ */ new Map();
  parseTs = cachedTimestampParser();
  low;
  high;
  /** Without a GPU column: rows within [low - gap, high + gap] (a group can straddle low or high). */
  positional = new PositionalRows();
  keepLow;
  keepHigh;
  identityRecord;
  /** Earliest and latest timestamp in the whole file, for the time-zone hint when nothing is near the window. */
  firstSeen = Number.POSITIVE_INFINITY;
  lastSeen = Number.NEGATIVE_INFINITY;
  zonelessTimes;
  columnsNeeded = 0;
  /** Cells the byte path splits: the scan's plus the row sink's. */
  plainColumns = 0;
  sink;
  /** Fast path state: the last timestamp cell's bytes and value, and GPU id strings by index. */
  lastTsBytes = new Uint8Array(64);
  // Stryker disable next-line UnaryOperator: at 1 the first row compares one byte with a zero byte, which no plain timestamp starts with
  lastTsLength = -1;
  lastTsValue = Number.NaN;
  smallGpuIds = [];
  statesByIndex = [];
  /** nvidia-smi timestamps change every sample but their first 16 bytes (`YYYY/MM/DD HH:MM`) rarely do. */
  minuteMs = Number.NaN;
  /** The previous timestamp's whole second, when it went through sameMinute. */
  secondS = Number.NaN;
  // Stryker disable next-line BooleanLiteral: read only while minuteMs is known, and the parse that sets minuteMs clears this
  secondKnown = false;
  // Stryker disable next-line ArrayDeclaration: every cell is written before it is read
  cellStarts = [];
  // Stryker disable next-line ArrayDeclaration: every cell is written before it is read
  cellEnds = [];
  /** The time range of every readable timestamp in the file; undefined before the first one. */
  timeSpan() {
    return this.firstSeen <= this.lastSeen ? { first: this.firstSeen, last: this.lastSeen, zoneless: this.zonelessTimes === true } : void 0;
  }
  notes = {
    preambleLines: 0,
    repeatedHeaderLines: 0,
    truncatedLastLine: false,
    outOfOrderGpus: [],
    overlongLines: 0
  };
  /** A line longer than the reader's bound: its content was dropped. */
  acceptOverlongLine(lineNo) {
    this.notes.overlongLines += 1;
    if (this.schema)
      this.findings.add(
        "invalid_timestamp_sample",
        `${this.options.source}:${lineNo}: line is longer than the reader's limit and was not read; check the telemetry writer.`
      );
  }
  /**
   * @param line the line without its terminator
   * @param lineNo 1-based line number
   * @param isUnterminatedLast true for a final line that has no newline (possibly cut off mid-write)
   */
  acceptLine(line, lineNo, isUnterminatedLast = false) {
    if (line.trim() === "") return;
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
  acceptLineBytes(buf, start, end, lineNo, isUnterminatedLast = false) {
    if (!this.schema || this.schema.gpuIndex < 0 || this.options.collectGpus || isUnterminatedLast || !this.acceptPlainRow(buf, start, end, lineNo)) {
      this.acceptLine(decodeUtf8(buf, start, end), lineNo, isUnterminatedLast);
    }
  }
  /** Returns false, having changed nothing, when the row is not in the plain shape. */
  acceptPlainRow(buf, start, end, lineNo) {
    const schema = this.schema;
    const needed = this.plainColumns;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    const lastLength = this.lastTsLength;
    const last = this.lastTsBytes;
    let lineMismatch = -1;
    let repeatsTimestamp = false;
    if (schema.timestampIndex === 0 && lastLength > 0 && start + lastLength <= end) {
      lineMismatch = mismatchAt(buf, start, last, lastLength);
      repeatsTimestamp = lineMismatch === lastLength && buf[start + lastLength] === 44;
    }
    let cellStart = start;
    let firstCell = 0;
    if (repeatsTimestamp) {
      starts[0] = start;
      ends[0] = start + lastLength;
      cellStart = start + lastLength + 1;
      firstCell = 1;
    }
    for (let cell = firstCell; cell < needed; cell++) {
      let comma = cellStart;
      for (; comma < end; comma++) {
        const c = buf[comma];
        if (c === 44) break;
        if (c === 34) return false;
      }
      if (comma === end && cell !== needed - 1) return false;
      starts[cell] = cellStart;
      ends[cell] = comma;
      cellStart = comma + 1;
    }
    let ts0 = starts[schema.timestampIndex];
    let ts1 = ends[schema.timestampIndex];
    while (ts0 < ts1 && (buf[ts0] === 32 || buf[ts0] === 9)) ts0++;
    while (ts1 > ts0 && (buf[ts1 - 1] === 32 || buf[ts1 - 1] === 9)) ts1--;
    const tsLength = ts1 - ts0;
    let time;
    if (repeatsTimestamp) {
      time = this.lastTsValue;
    } else {
      const common = Math.min(tsLength, lastLength);
      const same = (
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: speed only, see above
        lineMismatch >= 0 && ts0 === start ? Math.min(lineMismatch, common) : mismatchAt(buf, ts0, last, common)
      );
      if (same === tsLength && tsLength === lastLength) {
        time = this.lastTsValue;
      } else {
        let parsed;
        if (tsLength >= 19 && !Number.isNaN(this.minuteMs) && same >= 16) {
          parsed = same >= 19 && this.secondKnown ? this.sameSecond(buf, ts0, ts1) : this.sameMinute(buf, ts0, ts1);
        }
        if (parsed === void 0) {
          const text = tsLength > 0 && tsLength <= 64 ? decodeAscii(buf, ts0, ts1) : "";
          parsed = this.parseTs(text);
          if (parsed === void 0 || !Number.isFinite(parsed)) return false;
          this.zonelessTimes ??= isZonelessTimestamp(text);
          this.minuteMs = nvidiaMinute(text) ?? Number.NaN;
          this.secondKnown = false;
        }
        time = parsed;
        for (let i = same; i < tsLength; i++) last[i] = buf[ts0 + i];
        this.lastTsLength = tsLength;
        this.lastTsValue = time;
      }
    }
    if (time < this.firstSeen) this.firstSeen = time;
    if (time > this.lastSeen) this.lastSeen = time;
    const sink = this.sink;
    const inRange = time >= this.low && time <= this.high;
    if (!inRange && sink === void 0) return true;
    const power = parsePlainWatts(buf, starts[schema.powerIndex], ends[schema.powerIndex]);
    if (power < 0) return false;
    let g0 = starts[schema.gpuIndex];
    let g1 = ends[schema.gpuIndex];
    while (g0 < g1 && (buf[g0] === 32 || buf[g0] === 9)) g0++;
    while (g1 > g0 && (buf[g1 - 1] === 32 || buf[g1 - 1] === 9)) g1--;
    if (g1 === g0) return false;
    let index = -1;
    if (g1 - g0 <= 3 && !(buf[g0] === 48 && g1 - g0 > 1)) {
      index = 0;
      for (let i = g0; i < g1 && index >= 0; i++) {
        const c = buf[i];
        index = c >= 48 && c <= 57 ? index * 10 + (c - 48) : -1;
      }
    }
    if (index >= 0) {
      if (sink !== void 0) {
        sink.bytesRow(time, this.smallGpuIds[index] ??= String(index), index, power, buf, starts, ends);
        if (!inRange) return true;
      }
      const state = this.statesByIndex[index];
      if (state !== void 0) {
        if (!state.outOfOrder) {
          if (time < state.integrator.latestTime) state.outOfOrder = true;
          else state.integrator.push(time, power);
        }
        return true;
      }
      const gpuId2 = this.smallGpuIds[index] ??= String(index);
      this.pushSample(gpuId2, time, power, lineNo);
      this.statesByIndex[index] = this.gpus.get(gpuId2);
      return true;
    }
    for (let i = g0; i < g1; i++) if (buf[i] > 126 || buf[i] < 32) return false;
    const gpuId = decodeAscii(buf, g0, g1);
    if (sink !== void 0) {
      sink.bytesRow(time, gpuId, -1, power, buf, starts, ends);
      if (!inRange) return true;
    }
    this.pushSample(gpuId, time, power, lineNo);
    return true;
  }
  /** `:SS` or `:SS.fff` after a cached minute prefix, or undefined for any other shape. */
  // Stryker disable next-line BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  sameMinute(buf, ts0, ts1) {
    const d1 = buf[ts0 + 17] - 48;
    const d2 = buf[ts0 + 18] - 48;
    if (buf[ts0 + 16] !== 58 || d1 < 0 || d1 > 6 || d2 < 0 || d2 > 9) return void 0;
    const second = d1 * 10 + d2;
    if (second > 60) return void 0;
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    if (fractionS < 0) return void 0;
    this.secondS = nvidiaEpoch(this.minuteMs, second, 0);
    this.secondKnown = true;
    return nvidiaEpoch(this.minuteMs, second, fractionS);
  }
  /** The previous timestamp's second plus this one's fraction (the first 19 bytes are the same). */
  // Stryker disable next-line BlockStatement: speed only: the shortcut declines and the full parser gives the same value (byte reader tests)
  sameSecond(buf, ts0, ts1) {
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    return fractionS < 0 ? void 0 : this.secondS + fractionS;
  }
  findHeader(line, lineNo) {
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
  headerSearchFailed() {
    if (this.findings.size > 0) return;
    const header = this.firstContentLine ?? [];
    const probe = probeHeader(header);
    const where = `${this.options.source}:${this.firstContentLineNo || 1}`;
    const shown = logValue(header.slice(0, 8).join(",").slice(0, 200));
    if (probe.timestampIndex < 0)
      this.findings.add(
        "timestamp_column_missing",
        `${where}: no header column names a time (header: "${shown}"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.`
      );
    if (probe.powerIndex < 0)
      this.findings.add(
        "power_column_missing",
        `${where}: no header column holds power draw (header: "${shown}"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).`
      );
  }
  acceptRow(cells, lineNo, isLast) {
    const schema = this.schema;
    const tsRaw = cells[schema.timestampIndex] ?? "";
    const time = this.parseTs(tsRaw);
    const sink = this.sink;
    if (sink !== void 0 && !isLast) {
      const gpu = schema.gpuIndex >= 0 ? (cells[schema.gpuIndex] ?? "").trim() : sink.nextPosition(tsRaw);
      const watts = time === void 0 ? void 0 : parsePower(cells[schema.powerIndex] ?? "");
      if (time !== void 0 && watts !== void 0 && gpu !== "") sink.cellsRow(time, gpu, watts, cells);
    }
    if (time === void 0 || !Number.isFinite(time)) {
      this.findings.add(
        "invalid_timestamp_sample",
        `${this.options.source}:${lineNo}: timestamp "${clip(tsRaw)}" cannot be read${isLast ? " (last line, possibly cut off)" : ""}; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`
      );
      return;
    }
    this.zonelessTimes ??= isZonelessTimestamp(tsRaw);
    if (time < this.firstSeen) this.firstSeen = time;
    if (time > this.lastSeen) this.lastSeen = time;
    if (schema.gpuIndex < 0) {
      this.acceptPositionalRow(time, cells, lineNo);
      return;
    }
    const gpuId = cells[schema.gpuIndex] ?? "";
    if (time < this.low || time > this.high) return;
    const powerRaw = cells[schema.powerIndex] ?? "";
    const power = parsePower(powerRaw);
    if (power === void 0 || power < 0) {
      this.findings.add(
        "invalid_power_sample",
        // Stryker disable next-line StringLiteral: the header has the power column
        `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? "")}" is not a non-negative number of watts near the benchmark window.`
      );
      return;
    }
    if (gpuId === "") {
      this.findings.add(
        "gpu_identity_missing",
        // Stryker disable next-line StringLiteral: the header has the GPU column
        `${this.options.source}:${lineNo}: the GPU column "${clip(schema.header[schema.gpuIndex] ?? "")}" is empty; every row must name its GPU.`
      );
      return;
    }
    this.pushSample(gpuId, time, power, lineNo);
  }
  /** A row of a file without a GPU column: kept with its time until endOfInput assigns positions. */
  acceptPositionalRow(time, cells, lineNo) {
    const rows = this.positional;
    const previous = rows.previousTime;
    rows.previousTime = time;
    if (time < this.keepLow || time > this.keepHigh) {
      if (rows.length > 0 && Number.isNaN(rows.stepAfter))
        rows.stepAfter = time - rows.times[rows.length - 1];
      return;
    }
    if (rows.length === 0) rows.stepBefore = time - previous;
    else if (!Number.isNaN(rows.stepAfter) && rows.reenteredAt === 0) rows.reenteredAt = lineNo;
    let power = Number.NaN;
    const relevant = time >= this.low && time <= this.high;
    if (relevant) {
      const schema = this.schema;
      const powerRaw = cells[schema.powerIndex] ?? "";
      const parsed = parsePower(powerRaw);
      if (parsed === void 0 || parsed < 0) {
        this.findings.add(
          "invalid_power_sample",
          // Stryker disable next-line StringLiteral: the header has the power column
          `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? "")}" is not a non-negative number of watts near the benchmark window.`
        );
      } else {
        power = parsed;
      }
    }
    rows.push(time, power, lineNo, relevant);
  }
  /** Assigns GPUs by row position when the grouping is unambiguous, else refuses the file. */
  resolvePositions() {
    const rows = this.positional;
    const n = rows.length;
    const verdict = rows.reenteredAt > 0 ? {
      ok: false,
      cause: `the row at line ${rows.reenteredAt} is earlier than rows before it; without a GPU column the order of rows is the only identity`
    } : assignRowPositions({
      times: rows.times.subarray(0, n),
      lineNos: rows.lineNos.subarray(0, n),
      relevant: rows.relevant.subarray(0, n),
      stepBefore: rows.stepBefore,
      stepAfter: rows.stepAfter,
      expectedGpus: this.options.expectedGpus
    });
    if (!verdict.ok) {
      this.identityRecord = { method: "none", reason: verdict.cause };
      this.findings.add(
        "gpu_identity_column_missing",
        `${this.options.source}: the header has no GPU column (index, gpu, gpu_id, device, ...), and rows cannot be assigned to GPUs by their order: ${verdict.cause}. Add the GPU index to the query, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000.`
      );
      return;
    }
    this.identityRecord = {
      method: verdict.method,
      rows_per_group: this.options.expectedGpus,
      groups: verdict.groups,
      max_step_within_group_s: verdict.maxStepWithinGroupS,
      min_step_between_groups_s: verdict.minStepBetweenGroupsS
    };
    for (let i = 0; i < n; i++) {
      const position = verdict.positions[i];
      const power = rows.powers[i];
      if (position < 0 || rows.relevant[i] === 0 || Number.isNaN(power)) continue;
      this.pushSample(
        this.smallGpuIds[position] ??= String(position),
        rows.times[i],
        power,
        rows.lineNos[i]
      );
    }
  }
  /** How GPU identity was obtained; undefined before a header is found. */
  gpuIdentity() {
    const schema = this.schema;
    if (!schema) return void 0;
    if (schema.gpuIndex >= 0) return { method: "column", column: schema.header[schema.gpuIndex] ?? "" };
    return this.identityRecord;
  }
  pushSample(gpuId, time, power, lineNo) {
    if (this.options.collectGpus) {
      if (!this.options.collectGpus.has(gpuId)) return;
      let bucket = this.collected.get(gpuId);
      if (!bucket) this.collected.set(gpuId, bucket = { times: [], powers: [] });
      bucket.times.push(time);
      bucket.powers.push(power);
      return;
    }
    let state = this.gpus.get(gpuId);
    if (!state) {
      if (this.gpus.size >= MAX_GPU_IDS) {
        this.findings.add(
          "too_many_gpu_ids",
          `${this.options.source}:${lineNo}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`
        );
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
  endOfInput() {
    if (this.schema && this.schema.gpuIndex < 0 && !this.options.collectGpus) this.resolvePositions();
    if (!this.schema) {
      if (this.firstContentLine) this.headerSearchFailed();
      else if (this.notes.overlongLines > 0) {
        const message = `${this.options.source}: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point the csv option at the monitor's CSV output.`;
        this.findings.add("timestamp_column_missing", message);
        this.findings.add("power_column_missing", message);
      } else
        this.findings.add(
          "telemetry_file_empty",
          `${this.options.source}: the file has no content. Check that the GPU monitor started before the benchmark.`
        );
    }
  }
  /** GPUs whose samples arrived out of time order: the io layer replays the file to collect them. */
  outOfOrderGpus() {
    return new Set([...this.gpus].filter(([, s]) => s.outOfOrder).map(([id]) => id));
  }
  /** Samples collected by a second pass (collectGpus mode). */
  collectedSamples() {
    return this.collected;
  }
  /** Per-GPU results; out-of-order GPUs are integrated from `replayed` after sorting. */
  deviceResults(replayed) {
    const results = /* @__PURE__ */ new Map();
    for (const [gpuId, state] of this.gpus) {
      if (state.outOfOrder) {
        this.notes.outOfOrderGpus.push(gpuId);
        const samples = replayed?.get(gpuId) ?? { times: [], powers: [] };
        results.set(gpuId, integrateSamples(samples.times, samples.powers, this.options.start, this.options.end));
      } else {
        results.set(gpuId, state.integrator.finish());
      }
    }
    this.notes.outOfOrderGpus.sort(compareGpuIds);
    return results;
  }
};
function clip(text) {
  const oneLine = logValue(text.replace(/[\u0000-\u001f\u007f]/g, "?"));
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
function mismatchAt(buf, start, other, length) {
  let i = 0;
  while (i < length && buf[start + i] === other[i]) i++;
  return i;
}
function fractionAfterSeconds(buf, ts0, ts1) {
  if (ts1 <= ts0 + 19) return 0;
  const digitCount = ts1 - ts0 - 20;
  if (buf[ts0 + 19] !== 46 || digitCount < 1 || digitCount > 9) return -1;
  let digits = 0;
  for (let i = ts0 + 20; i < ts1; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    digits = digits * 10 + c;
  }
  return digits / POW10[digitCount];
}
function decodeAscii(buf, start, end) {
  return String.fromCharCode.apply(null, buf.subarray(start, end));
}
var utf8 = new TextDecoder("utf-8");
function decodeUtf8(buf, start, end) {
  return utf8.decode(buf.subarray(start, end));
}
function parsePlainWatts(buf, start, end) {
  let i = start;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (seenDot) fractionDigits += 1;
    } else if (c === 46 && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  if (digits === 0 || digits > 15 || seenDot && fractionDigits === 0) return -1;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  if (i < end && (buf[i] === 87 || buf[i] === 119)) i++;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  if (i !== end) return -1;
  return fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits];
}
var POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

// src/io/telemetry.ts
var HEADER_SEARCH_LINES2 = 64;
async function readTelemetry(path, source, window, rows) {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_missing",
            message: `${source}: is not a regular file. Point the csv option at the monitor's CSV.`
          }
        ]
      };
    }
    if (info.size === 0) {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_empty",
            message: `${source}: the file is empty (0 bytes). Check that the GPU monitor started before the benchmark.`
          }
        ]
      };
    }
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_missing",
            message: `${source}: no such file. Start the GPU monitor before the benchmark, or set the csv option.`
          }
        ]
      };
    }
    return {
      devices: /* @__PURE__ */ new Map(),
      findings: [
        { code: "telemetry_file_unreadable", message: `${source}: cannot be read (${code ?? String(error)}).` }
      ]
    };
  }
  const scan = new TelemetryScan({ source, ...window, ...rows ? { rows } : {} });
  let replayed;
  try {
    await scanFile(path, source, scan);
    const outOfOrder = scan.outOfOrderGpus();
    if (outOfOrder.size > 0) {
      const collector = new TelemetryScan({ source, ...window, collectGpus: outOfOrder });
      await scanFile(path, source, collector);
      replayed = collector.collectedSamples();
    }
  } catch (error) {
    const code = error.code;
    return {
      scan,
      devices: /* @__PURE__ */ new Map(),
      findings: [
        ...scan.findings.list(),
        { code: "telemetry_file_unreadable", message: `${source}: read failed (${code ?? String(error)}).` }
      ]
    };
  }
  const devices = scan.deviceResults(replayed);
  return { scan, devices, findings: scan.findings.list() };
}
var MAX_CHUNKS_WITHOUT_LINE = 64;
async function scanFile(path, source, scan) {
  let nonEmpty = 0;
  let lastLineNo = 0;
  let chunksWithoutLine = 0;
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => {
      if (!scan.schema && end > start) nonEmpty += 1;
      lastLineNo = lineNo;
      chunksWithoutLine = 0;
      scan.acceptLineBytes(buf, start, end, lineNo, unterminated);
    },
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => {
      if (++chunksWithoutLine > MAX_CHUNKS_WITHOUT_LINE) {
        if (scan.schema)
          scan.findings.add(
            "telemetry_file_unreadable",
            `${source}: no line break in the ${MAX_CHUNKS_WITHOUT_LINE} MiB after line ${lastLineNo} (NUL bytes left by a crash, or binary data); the rest of the file was not read.`
          );
        return false;
      }
      return scan.schema !== void 0 || nonEmpty < HEADER_SEARCH_LINES2 && scan.notes.overlongLines < 2;
    }
  });
  scan.endOfInput();
}

// src/io/accumulator.ts
import { stat as stat2 } from "node:fs/promises";
import { dirname, join, parse as parsePath } from "node:path";

// src/core/pyparse.ts
var SPACE_CLASS = String.raw`[\t\n\v\f\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
var PY_SPACE = new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, "g");
var DIGITS = String.raw`\d(?:_?\d)*`;
var INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`);
var FLOAT_TEXT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
var SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
function asciiDigits(text) {
  return text.replace(new RegExp("\\p{Nd}", "gu"), (ch) => {
    const cp = ch.codePointAt(0);
    if (cp <= 57) return ch;
    let first = cp;
    while (new RegExp("\\p{Nd}", "u").test(String.fromCodePoint(first - 1))) first -= 1;
    return String((cp - first) % 10);
  });
}
function prepare(text) {
  return asciiDigits(text.replace(PY_SPACE, ""));
}
function pyIntOfText(text) {
  const t = prepare(text);
  if (!INT_TEXT.test(t)) return void 0;
  const n = Number(t.replaceAll("_", ""));
  return Object.is(n, -0) ? 0 : n;
}
function pyFloatOfText(text) {
  const t = prepare(text);
  const special = SPECIAL.exec(t);
  if (special) {
    if (special[2].toLowerCase() === "nan") return Number.NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) return void 0;
  return Number(t.replaceAll("_", ""));
}

// src/core/accumulator.ts
var ACCUMULATOR_TOLERANCE = 0.05;
function parseEnergySnapshot(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) return void 0;
  const header = splitCsvLine(lines[headerAt]);
  const gpuColumn = header.indexOf("gpu");
  const energyColumn = header.indexOf("total_energy_consumption");
  if (gpuColumn < 0 || energyColumn < 0) return void 0;
  const energy = /* @__PURE__ */ new Map();
  while (++headerAt < lines.length) {
    const line = lines[headerAt];
    if (line === "") continue;
    const cells = splitCsvLine(line);
    const gpu = cells[gpuColumn] ?? "";
    if (gpu === "") continue;
    const joules = pyFloatOfText(cells[energyColumn] ?? "");
    if (joules !== void 0 && Number.isFinite(joules)) energy.set(gpu, joules);
  }
  return energy.size > 0 ? energy : void 0;
}
function trapezoid(samples) {
  const order = Array.from({ length: samples.times.length }, (_, i) => i).sort(
    (x, y) => samples.times[x] - samples.times[y] || samples.powers[x] - samples.powers[y]
  );
  let energyJ = 0;
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1];
    const b = order[k];
    energyJ += (samples.times[b] - samples.times[a]) * (samples.powers[a] + samples.powers[b]) / 2;
  }
  return {
    energyJ,
    first: samples.times[order[0]],
    last: samples.times[order[order.length - 1]]
  };
}
function crossCheckAccumulator(start, end, stream) {
  if (start === void 0 && end === void 0) return null;
  if (start === void 0) return { available: false, reason: "missing_start_snapshot" };
  if (end === void 0) return { available: false, reason: "missing_end_snapshot" };
  const startEnergy = parseEnergySnapshot(start);
  if (!startEnergy) return { available: false, reason: "unparseable_start_snapshot" };
  const endEnergy = parseEnergySnapshot(end);
  if (!endEnergy) return { available: false, reason: "unparseable_end_snapshot" };
  const matched = [...startEnergy.keys()].filter((id) => endEnergy.has(id)).sort(compareGpuIds);
  const unmatched = [.../* @__PURE__ */ new Set([...startEnergy.keys(), ...endEnergy.keys()])].filter((id) => !(startEnergy.has(id) && endEnergy.has(id))).sort(compareGpuIds);
  const deltas = matched.map((id) => [id, endEnergy.get(id) - startEnergy.get(id)]);
  const negative = deltas.filter(([, delta]) => delta < 0).map(([id]) => id);
  const integratedIds = matched.filter((id) => (stream.get(id)?.times.length ?? 0) > 0);
  let integrated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const id of integratedIds) {
    const gpu = trapezoid(stream.get(id));
    integrated += gpu.energyJ;
    first = Math.min(first, gpu.first);
    last = Math.max(last, gpu.last);
  }
  const accumulatorDelta = deltas.reduce((sum, [, delta]) => sum + delta, 0);
  let relativeError = null;
  let withinTolerance = false;
  if (accumulatorDelta > 0) {
    relativeError = Math.abs(accumulatorDelta - integrated) / accumulatorDelta;
    withinTolerance = negative.length === 0 && relativeError <= ACCUMULATOR_TOLERANCE;
  }
  return {
    available: true,
    accumulator_delta_j: new PyFloat(accumulatorDelta),
    integrated_stream_j: new PyFloat(integrated),
    relative_error: relativeError === null ? null : new PyFloat(relativeError),
    within_tolerance: withinTolerance,
    tolerance: new PyFloat(ACCUMULATOR_TOLERANCE),
    per_gpu_delta_j: Object.fromEntries(deltas.map(([id, delta]) => [id, new PyFloat(delta)])),
    integrated_gpu_ids: integratedIds,
    unmatched_gpus: unmatched,
    negative_delta_gpus: negative,
    stream_span_s: new PyFloat(integratedIds.length > 0 ? last - first : 0)
  };
}

// src/io/accumulator.ts
var MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024;
var EVERY_GPU = new class extends Set {
  has() {
    return true;
  }
}();
function energySnapshotPaths(csvPath) {
  const stem = parsePath(csvPath).name;
  return {
    start: join(dirname(csvPath), `${stem}_energy_start.csv`),
    end: join(dirname(csvPath), `${stem}_energy_end.csv`)
  };
}
async function readIfFile(path) {
  const isFile = await stat2(path).then(
    (s) => s.isFile(),
    () => false
  );
  return isFile ? readTextBounded(path, MAX_SNAPSHOT_BYTES) : void 0;
}
async function readWholeStream(csvPath) {
  const scan = new TelemetryScan({
    source: csvPath,
    start: -Infinity,
    end: Infinity,
    maxSampleGapS: 1,
    collectGpus: EVERY_GPU
  });
  await readLineBytes(csvPath, {
    line: (buf, start, end, lineNo, unterminated) => scan.acceptLineBytes(buf, start, end, lineNo, unterminated),
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => true
  });
  scan.endOfInput();
  if (!scan.schema || scan.schema.gpuIndex < 0) return /* @__PURE__ */ new Map();
  return scan.collectedSamples();
}
async function readAccumulatorCheck(csvPath) {
  try {
    const paths = energySnapshotPaths(csvPath);
    const start = await readIfFile(paths.start);
    const end = await readIfFile(paths.end);
    if (start === void 0 || end === void 0) return crossCheckAccumulator(start, end, /* @__PURE__ */ new Map());
    const pending = crossCheckAccumulator(start, end, /* @__PURE__ */ new Map());
    if (pending === null || !pending.available) return pending;
    return crossCheckAccumulator(start, end, await readWholeStream(csvPath));
  } catch {
    return { available: false, reason: "cross_check_error" };
  }
}

// src/core/insights/columns.ts
var JOULES_PER_UNIT = {
  J: 1,
  mJ: 1e-3,
  uJ: 1e-6,
  kJ: 1e3,
  Wh: 3600,
  kWh: 36e5
};
var UNIT_WORDS = [
  [/^(mj|millijoules?)$/, "mJ"],
  [/^(uj|µj|μj|microjoules?)$/, "uJ"],
  [/^(kj|kilojoules?)$/, "kJ"],
  [/^(j|joules?)$/, "J"],
  [/^(kwh)$/, "kWh"],
  [/^(wh)$/, "Wh"]
];
function unitFromName(column) {
  const text = column.trim().toLowerCase();
  const bracket = /[[(]\s*([a-zµμ]+)\s*[\])]\s*$/.exec(text);
  const suffix = /[\s_]([a-zµμ]+)$/.exec(text);
  for (const candidate of [bracket?.[1], suffix?.[1]]) {
    if (candidate === void 0) continue;
    for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(candidate)) return unit;
  }
  return void 0;
}
function baseName(column) {
  return column.trim().toLowerCase().replace(/\s*[[(][^\])]*[\])]\s*$/, "").trim();
}
function counterCandidate(column, index) {
  const base = baseName(column);
  const unit = unitFromName(column);
  if (base === "dcgm_fi_dev_total_energy_consumption" || base === "total_energy_consumption_mj")
    return { index, source: "dcgm_total_energy", unit: unit ?? "mJ", name: column };
  if (base === "total_energy_consumption" || base === "energy.total" || base === "total_energy")
    return { index, source: "nvidia_smi_total_energy", unit, name: column };
  if (base === "energy_accumulator") return { index, source: "amd_smi_energy_accumulator", unit: "uJ", name: column };
  if (/^(energy|energy_consumed|gpu_energy|energy_counter)(_[a-zµμ]+)?$/.test(base) && unit !== void 0)
    return { index, source: "energy_counter_column", unit, name: column };
  return void 0;
}
var LIMIT_COLUMNS = [
  [/^enforced\.power\.limit$/, true],
  [/^power\.limit$/, false],
  [/^(power_limit|socket_power_limit|power_cap)$/, false]
];
var NAME_COLUMNS = /* @__PURE__ */ new Set(["name", "gpu_name", "product_name", "market_name", "modelname", "model_name"]);
function detectInsightColumns(header) {
  const result = { problems: [] };
  const counters = header.map((column, index) => counterCandidate(column, index)).filter((c) => c !== void 0);
  const withUnit = counters.filter((c) => c.unit !== void 0);
  for (const c of counters)
    if (c.unit === void 0) result.problems.push({ code: "counter_unit_unknown", column: c.name });
  const units = new Set(withUnit.map((c) => c.unit));
  if (units.size > 1) {
    result.problems.push({ code: "counter_units_mixed", columns: withUnit.map((c) => c.name) });
  } else if (withUnit.length > 0) {
    const chosen = withUnit[0];
    if (chosen.source === "amd_smi_energy_accumulator") {
      const resolutionIndex = header.findIndex((c) => baseName(c) === "counter_resolution");
      if (resolutionIndex < 0) result.problems.push({ code: "counter_resolution_missing", column: chosen.name });
      else result.counter = { index: chosen.index, source: chosen.source, unit: "uJ", resolutionIndex };
    } else {
      result.counter = { index: chosen.index, source: chosen.source, unit: chosen.unit };
    }
  }
  for (const [pattern, enforced] of LIMIT_COLUMNS) {
    const index = header.findIndex((c) => pattern.test(baseName(c)));
    if (index >= 0) {
      result.limit = { index, unit: /\[\s*mw\s*\]/i.test(header[index]) ? "mW" : "W", enforced };
      break;
    }
  }
  const nameIndex = header.findIndex((c) => NAME_COLUMNS.has(baseName(c)));
  if (nameIndex >= 0) result.name = { index: nameIndex };
  return result;
}
var NUMBER_WITH_UNIT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµμ]*)\s*$/;
function readCounterCell(cells, column) {
  const raw = (cells[column.index] ?? "").trim();
  if (raw === "" || /^\[?n\/?a\]?$/i.test(raw)) return { problem: "not_available" };
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return { problem: "not_a_number" };
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return { problem: "not_a_number" };
  if (match[2]) {
    const cellUnit = unitFromName(`x [${match[2]}]`);
    if (cellUnit !== column.unit) return { problem: "unit_mismatch" };
  }
  if (column.resolutionIndex !== void 0) {
    const resolution = Number((cells[column.resolutionIndex] ?? "").trim());
    if (!Number.isFinite(resolution) || resolution <= 0) return { problem: "not_a_number" };
    return { value: value * resolution * JOULES_PER_UNIT.uJ };
  }
  return { value: value * JOULES_PER_UNIT[column.unit] };
}
function readLimitCell(cells, limit) {
  const raw = (cells[limit.index] ?? "").trim();
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return void 0;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value <= 0) return void 0;
  const unit = (match[2] ?? "").toLowerCase();
  if (unit === "mw" || unit === "" && limit.unit === "mW") return value / 1e3;
  if (unit === "" || unit === "w") return value;
  return void 0;
}

// src/core/insights/feed.ts
var utf82 = new TextDecoder("utf-8");
var InsightFeed = class {
  constructor(options) {
    this.options = options;
  }
  options;
  columns;
  accumulator;
  lastTsRaw;
  position = 0;
  counterCellProblems = 0;
  lastLimit = new Uint8Array(32);
  lastLimitLength = -1;
  lastLimitValue;
  /** The counter (and resolution) cells re-indexed to 0 and 1, so a byte row needs no full cell list. */
  counterCells;
  windowFromScan = false;
  get insightColumns() {
    return this.columns;
  }
  header(schema) {
    const c = this.columns = detectInsightColumns(schema.header);
    this.windowFromScan = schema.gpuIndex >= 0;
    if (c.counter)
      this.counterCells = {
        column: { ...c.counter, index: 0, ...c.counter.resolutionIndex !== void 0 ? { resolutionIndex: 1 } : {} },
        cells: ["", ""]
      };
    return Math.max(c.counter?.index ?? -1, c.counter?.resolutionIndex ?? -1, c.limit?.index ?? -1, c.name?.index ?? -1) + 1;
  }
  nextPosition(timestampCell) {
    if (timestampCell !== this.lastTsRaw) {
      this.lastTsRaw = timestampCell;
      this.position = 0;
    }
    return String(this.position++);
  }
  cellsRow(t, gpu, watts, cells) {
    const columns = this.columns;
    const accumulator = this.accumulator ?? this.start(columns.name ? (cells[columns.name.index] ?? "").trim() : void 0);
    let energyJ;
    if (columns.counter) {
      const reading = readCounterCell(cells, columns.counter);
      if ("value" in reading) energyJ = reading.value;
      else if (reading.problem !== "not_available") this.counterCellProblems += 1;
    }
    const limitW = columns.limit ? readLimitCell(cells, columns.limit) : void 0;
    accumulator.pushValues(t, gpu, watts, energyJ, limitW);
  }
  bytesRow(t, gpu, slot, watts, buf, starts, ends) {
    const accumulator = this.accumulator ?? this.startFromBytes(buf, starts, ends);
    const columns = this.columns;
    let limitW;
    if (columns.limit) {
      const l0 = starts[columns.limit.index];
      const length = ends[columns.limit.index] - l0;
      limitW = length === this.lastLimitLength && sameBytes(buf, l0, this.lastLimit, length) ? this.lastLimitValue : this.readLimitBytes(buf, l0, length, columns.limit.unit);
    }
    const energyJ = columns.counter ? this.readCounterBytes(buf, starts, ends, columns.counter) : void 0;
    accumulator.pushValues(t, gpu, watts, energyJ, limitW, slot);
  }
  startFromBytes(buf, starts, ends) {
    const name = this.columns.name;
    return this.start(name ? utf82.decode(buf.subarray(starts[name.index], ends[name.index])).trim() : void 0);
  }
  readLimitBytes(buf, l0, length, unit) {
    const limitW = readLimitCell([utf82.decode(buf.subarray(l0, l0 + length))], { index: 0, unit });
    if (length <= this.lastLimit.length) {
      this.lastLimit.set(buf.subarray(l0, l0 + length));
      this.lastLimitLength = length;
      this.lastLimitValue = limitW;
    } else this.lastLimitLength = -1;
    return limitW;
  }
  readCounterBytes(buf, starts, ends, counter) {
    const re = this.counterCells;
    re.cells[0] = utf82.decode(buf.subarray(starts[counter.index], ends[counter.index]));
    if (counter.resolutionIndex !== void 0)
      re.cells[1] = utf82.decode(buf.subarray(starts[counter.resolutionIndex], ends[counter.resolutionIndex]));
    const reading = readCounterCell(re.cells, re.column);
    if ("value" in reading) return reading.value;
    if (reading.problem !== "not_available") this.counterCellProblems += 1;
    return void 0;
  }
  /** The first row names the GPU model (for the nameplate limit); the accumulator starts there. */
  start(name) {
    const counter = this.columns?.counter;
    return this.accumulator = new InsightAccumulator({
      ...this.options,
      windowFromScan: this.windowFromScan,
      withoutCounter: counter === void 0,
      ...name ? { gpuName: name } : {},
      ...counter ? { counterSource: counter.source } : {}
    });
  }
  /** @param scanResults the scan's per-GPU window results (`readTelemetry(...).devices`). */
  finish(referenceBenchmarkEnergyJ, scanResults) {
    const accumulator = this.accumulator ?? new InsightAccumulator(this.options);
    const insights = accumulator.finish(referenceBenchmarkEnergyJ, scanResults);
    for (const problem of this.columns?.problems ?? []) insights.warnings.push(problem.code);
    if (this.counterCellProblems > 0) insights.warnings.push("counter_cells_unreadable");
    return insights;
  }
};
function sameBytes(buf, start, other, length) {
  for (let i = 0; i < length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}

// src/core/insights/snapshots.ts
function withSnapshotCounter(insights, check) {
  if (insights.counter !== null || check === null || !check.available || check.integrated_gpu_ids.length === 0)
    return insights;
  const energy = check.accumulator_delta_j.value;
  const integral = check.integrated_stream_j.value;
  const warnings = [...insights.warnings];
  const { ratio, agreement } = counterAgreement(energy, integral, warnings);
  const resets = check.negative_delta_gpus.length;
  return {
    ...insights,
    counter: {
      source: "amd_smi_snapshots",
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: 0,
      filled_intervals: 0,
      agreement,
      scope: "whole_recording"
    },
    warnings
  };
}

// src/io/power-run.ts
var SIDECAR_SCHEMA_VERSION = 2;
async function measureNodePower(options) {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const sidecarPath = options.validationResult ? resolve(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const maxSampleGapS = options.maxSampleGapS ?? DEFAULT_MAX_SAMPLE_GAP_S;
  const findings = new Findings();
  const log = { stdout: [], stderr: [] };
  let telemetryPath;
  let searched = [];
  if (options.csv) telemetryPath = resolve(options.cwd, options.csv);
  else ({ path: telemetryPath, searched } = resolveTelemetryPath(options.env, options.cwd));
  const bench = await loadBench(benchResult);
  findings.addAll(bench.findings);
  if (!Number.isInteger(options.expectedNumGpus) || options.expectedNumGpus <= 0) {
    findings.add(
      "invalid_expected_gpu_count",
      `expected-num-gpus is ${options.expectedNumGpus}; pass the node's GPU count (TP x PP x PCP), a positive integer.`
    );
  }
  if (!Number.isFinite(maxSampleGapS) || maxSampleGapS <= 0) {
    findings.add(
      "invalid_max_sample_gap",
      `the maximum sample gap is ${maxSampleGapS} s; give a positive number of seconds.`
    );
  }
  let devices = { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  let scan;
  let feed;
  let windowResults;
  if (bench.window && !findings.has("invalid_max_sample_gap")) {
    const window = {
      start: bench.window.startUnix,
      end: bench.window.endUnix,
      maxSampleGapS,
      expectedGpus: options.expectedNumGpus
    };
    feed = new InsightFeed({
      ...window,
      outputTokens: bench.window.totalOutputTokens,
      ...bench.window.maxConcurrency !== void 0 ? { concurrency: bench.window.maxConcurrency } : {},
      ...options.expectedNumGpus > 0 ? { expectedGpus: options.expectedNumGpus } : {}
    });
    const telemetry = await readTelemetry(telemetryPath, telemetryPath, window, feed);
    scan = telemetry.scan;
    windowResults = telemetry.devices;
    for (const finding of telemetry.findings) {
      const message = finding.code === "telemetry_file_missing" && searched.length > 0 ? `no telemetry CSV found; looked at ${searched.join(", ")}. Start the GPU monitor before the benchmark, set GPU_METRICS_CSV, or set the csv option.` : finding.message;
      findings.add(finding.code, message);
    }
    if (telemetry.scan?.schema) {
      devices = summariseDevices(
        telemetry.devices,
        {
          start: bench.window.startUnix,
          end: bench.window.endUnix,
          maxSampleGapS,
          expectedGpus: options.expectedNumGpus > 0 ? options.expectedNumGpus : void 0,
          telemetrySpan: telemetry.scan.timeSpan(),
          timeZone: options.env.TZ
        },
        findings,
        telemetryPath
      );
    }
  }
  let valid = findings.size === 0 && devices.totalEnergyJ !== void 0 && bench.window !== void 0;
  let metrics = valid ? derivePowerMetrics(devices.totalEnergyJ, devices.gpuIds.length, bench.window) : {};
  const overflowed = Object.entries(metrics).find(([, value]) => !Number.isFinite(value));
  if (overflowed) {
    findings.add(
      "power_value_out_of_range",
      `${telemetryPath}: ${overflowed[0]} is not a finite number (power values too large for the window); check the power column and its unit.`
    );
    valid = false;
    metrics = {};
  }
  const accumulatorCheck = await readAccumulatorCheck(telemetryPath);
  let insights = null;
  let insightLines = [];
  try {
    insights = feed && bench.window ? withSnapshotCounter(feed.finish(devices.totalEnergyJ, windowResults), accumulatorCheck) : null;
    if (insights && bench.window) insightLines = renderInsights(insights, bench.window.startUnix, bench.window.endUnix);
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: energy insights left out (${error.message}).`);
  }
  const aggPatched = await patchAggPower(
    aggResult,
    valid,
    metrics,
    findings,
    options.aggInsights && insights ? insightAggFigures(insights) : []
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
    maxSampleGapS
  });
  const sidecarWritten = await writeSidecar(
    sidecarPath,
    { ...record, schema_version: SIDECAR_SCHEMA_VERSION, insights },
    "aggregate",
    log.stderr,
    accumulatorCheck
  );
  if (valid) {
    const m = metrics;
    log.stdout.push(
      `sweep-power aggregate: avg_power_w=${m.avg_power_w.toFixed(2)} avg_total_gpu_power_w=${m.avg_total_gpu_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)} joules_per_output_token=${m.joules_per_output_token.toFixed(6)} (n=${devices.gpuIds.length}) -> ${aggResult}`
    );
  }
  if (insights && bench.window) log.stdout.push(...renderInsightText(insights, bench.window.startUnix));
  if (!valid) log.stderr.push(...powerFailureLines("aggregate", reasons, sidecarPath));
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
    insightLines
  };
}

export {
  pyIntOfText,
  pyFloatOfText,
  measureNodePower
};
//# sourceMappingURL=chunk-3HMOC6ZE.js.map
