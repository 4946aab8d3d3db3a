import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  escapeMarkdown,
  safeUrl
} from "./chunk-2AMLPUIF.js";

// src/cli-run.ts
import { parseArgs } from "node:util";
import { resolve as resolve6 } from "node:path";

// src/commands/aggregate.ts
import { mkdir } from "node:fs/promises";
import { dirname as dirname2, join as join2, parse as parsePath, resolve as resolve2 } from "node:path";

// src/io/files.ts
import { open, stat } from "node:fs/promises";
import { statSync } from "node:fs";
import { resolve } from "node:path";
async function readTextBounded(path, maxBytes) {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new Error(`${path} is ${info.size} bytes, over the ${maxBytes}-byte limit`);
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new Error(`${path} grew over the ${maxBytes}-byte limit while being read`);
    }
    return buffer.toString("utf8", 0, filled);
  } finally {
    await handle.close();
  }
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function resolveTelemetryPath(env, cwd) {
  const candidates = [];
  const fromEnv = env.GPU_METRICS_CSV;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(resolve(cwd, "gpu_metrics.csv"), "/workspace/gpu_metrics.csv");
  const found = candidates.find(isFile);
  return { path: found ?? candidates[candidates.length - 1], searched: candidates };
}

// src/io/atomic.ts
import { open as open2, rename, unlink, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
var TEMP_TAG = ".sweep-power-";
function tempPrefix(path) {
  return `.${basename(path)}${TEMP_TAG}`;
}
async function removeStaleTemps(path) {
  const dir = dirname(path);
  const prefix = tempPrefix(path);
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith(".tmp")).map((n) => unlink(join(dir, n)).catch(() => void 0)));
}
async function writeFileAtomic(path, content) {
  await removeStaleTemps(path);
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open2(temp, "wx", 420);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = void 0;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => void 0);
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  try {
    const dir = await open2(dirname(path), "r");
    await dir.sync().catch(() => void 0);
    await dir.close();
  } catch {
  }
}

// src/io/telemetry.ts
import { stat as stat2 } from "node:fs/promises";

// src/io/lines.ts
import { closeSync, openSync, readSync } from "node:fs";
var MAX_LINE_BYTES = 1 << 20;
var READ_BYTES = 1 << 20;
var CR = 13;
var LF = 10;
async function readLineBytes(path, sink) {
  const buf = Buffer.allocUnsafe(MAX_LINE_BYTES + READ_BYTES);
  const fd = openSync(path, "r");
  let filled = 0;
  let lineNo = 0;
  let skipping = false;
  let eof = false;
  const emit = (start, end, unterminated) => {
    lineNo += 1;
    if (end > start && buf[end - 1] === CR) end -= 1;
    for (let cr3 = buf.indexOf(CR, start); cr3 >= 0 && cr3 < end; cr3 = buf.indexOf(CR, start)) {
      sink.line(buf, start, cr3, lineNo, false);
      lineNo += 1;
      start = cr3 + 1;
    }
    sink.line(buf, start, end, lineNo, unterminated);
  };
  try {
    while (!eof) {
      const bytesRead = readSync(fd, buf, filled, buf.length - filled, null);
      if (bytesRead === 0) eof = true;
      const scanFrom = filled;
      filled += bytesRead;
      let pos = 0;
      if (skipping) {
        const nl3 = buf.indexOf(LF, scanFrom);
        if (nl3 < 0 || nl3 >= filled) {
          filled = 0;
          continue;
        }
        skipping = false;
        lineNo += 1;
        pos = nl3 + 1;
      }
      const blockHasCr = buf.indexOf(CR, pos) >= 0 && buf.indexOf(CR, pos) < filled;
      for (let nl3 = buf.indexOf(LF, pos); nl3 >= 0 && nl3 < filled; nl3 = buf.indexOf(LF, pos)) {
        if (blockHasCr) emit(pos, nl3, false);
        else {
          lineNo += 1;
          sink.line(buf, pos, nl3, lineNo, false);
        }
        pos = nl3 + 1;
      }
      if (eof) {
        if (pos < filled) emit(pos, filled, true);
        break;
      }
      let tail = filled - pos;
      if (tail > MAX_LINE_BYTES) {
        const lastCr = buf.lastIndexOf(CR, filled - 2);
        if (lastCr >= pos) {
          emit(pos, lastCr, false);
          pos = lastCr + 1;
          tail = filled - pos;
        } else {
          sink.overlong(lineNo + 1);
          skipping = true;
          tail = 0;
        }
      }
      if (tail > 0 && pos > 0) buf.copyWithin(0, pos, filled);
      filled = tail;
      if (sink.wantsMore && !sink.wantsMore()) return;
    }
  } finally {
    closeSync(fd);
  }
}
async function readLines(path, sink) {
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => sink.line(buf.toString("utf8", start, end), lineNo, unterminated),
    overlong: (lineNo) => sink.overlong(lineNo),
    wantsMore: sink.wantsMore ? () => sink.wantsMore() : void 0
  });
}

// src/core/reasons.ts
var Findings = class {
  byCode = /* @__PURE__ */ new Map();
  add(code, message) {
    if (!this.byCode.has(code)) this.byCode.set(code, { code, message });
  }
  has(code) {
    return this.byCode.has(code);
  }
  addAll(other) {
    for (const finding of other) this.add(finding.code, finding.message);
  }
  get size() {
    return this.byCode.size;
  }
  codes() {
    return [...this.byCode.keys()];
  }
  list() {
    return [...this.byCode.values()];
  }
};

// src/core/gpuids.ts
function compareGpuIds(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

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
var PREFERRED_POWER = [/^power\.draw(\s*\[w\])?$/, /^power\.draw\.instant/, /^socket_power/, /^current_socket_power/, /^average_socket_power/, /^power(\s*\(w\))?$/];
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

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.slice(0, this.length).toString(encoding);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var np = 12;
var cr = 13;
var nl = 10;
var space = 32;
var tab = 9;
var init_state = function(options) {
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter.map((delimiter) => delimiter.length),
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([nl], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([np], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([space], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([tab], "utf8").toString(), options.encoding)
    ]
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (!Array.isArray(options.delimiter))
    options.delimiter = [options.delimiter];
  if (options.delimiter.length === 0) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER",
      [
        "Invalid option delimiter:",
        "delimiter must be a non empty string or buffer or array of string|buffer,",
        `got ${delimiter_json}`
      ],
      options
    );
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (delimiter === void 0 || delimiter === null || delimiter === false) {
      return Buffer.from(",", options.encoding);
    }
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr2 = 13;
var nl2 = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const { bomSkipped, previousBuf, rawBuffer, escapeIsQuote } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr2 || chr === nl2) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && obj[columns[i].name] !== void 0) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              obj[columns[i].name] = record[i];
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    },
    // Helper to test if a character is a space or a line delimiter
    __isCharTrimable: function(buf, pos) {
      const isTrim = (buf2, pos2) => {
        const { timchars } = this.state;
        loop1: for (let i = 0; i < timchars.length; i++) {
          const timchar = timchars[i];
          for (let j = 0; j < timchar.length; j++) {
            if (timchar[j] !== buf2[pos2 + j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      };
      return isTrim(buf, pos);
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {
  };
  const error = parser.parse(data, true, push, close);
  if (error !== void 0) throw error;
  return records;
};

// src/core/telemetry/csvline.ts
function splitCsvLine(line) {
  if (!line.includes('"')) return line.split(",").map((cell) => cell.trim());
  try {
    const rows = parse(line, { relax_quotes: true, relax_column_count: true, trim: true, skip_empty_lines: false });
    return rows[0] ?? [""];
  } catch {
    return line.split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  }
}

// src/core/telemetry/integrate.ts
var DeviceIntegrator = class {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }
  start;
  end;
  pendingTime = Number.NaN;
  pendingSum = 0;
  pendingCount = 0;
  prevTime = Number.NaN;
  prevPower = 0;
  firstTime = Number.NaN;
  lastTime = Number.NaN;
  distinctSamples = 0;
  energy = 0;
  maxGap = 0;
  maxGapAt = Number.NaN;
  /** Last timestamp accepted; a sample earlier than this is out of order. */
  get latestTime() {
    return this.pendingCount > 0 ? this.pendingTime : this.prevTime;
  }
  push(time, power) {
    if (this.pendingCount > 0 && time === this.pendingTime) {
      this.pendingSum += power;
      this.pendingCount += 1;
      return;
    }
    this.flush();
    this.pendingTime = time;
    this.pendingSum = power;
    this.pendingCount = 1;
  }
  flush() {
    if (this.pendingCount === 0) return;
    const time = this.pendingTime;
    const power = this.pendingSum / this.pendingCount;
    this.pendingCount = 0;
    this.distinctSamples += 1;
    if (Number.isNaN(this.firstTime)) this.firstTime = time;
    this.lastTime = time;
    if (!Number.isNaN(this.prevTime)) this.addSegment(this.prevTime, this.prevPower, time, power);
    this.prevTime = time;
    this.prevPower = power;
  }
  addSegment(a, pa, b, pb) {
    if (!(b > this.start && a < this.end)) return;
    const gap = b - a;
    if (gap > this.maxGap) {
      this.maxGap = gap;
      this.maxGapAt = a;
    }
    const left = Math.max(a, this.start);
    const right = Math.min(b, this.end);
    const slope = (pb - pa) / gap;
    const pLeft = left === a ? pa : pa + slope * (left - a);
    const pRight = right === b ? pb : pa + slope * (right - a);
    this.energy += (right - left) * (pLeft + pRight) / 2;
  }
  finish() {
    this.flush();
    const sampleCount = this.distinctSamples;
    if (sampleCount < 2) return { sampleCount, issue: "insufficient_power_samples" };
    if (this.firstTime > this.start || this.lastTime < this.end) {
      return { sampleCount, issue: "benchmark_window_not_bracketed", firstTime: this.firstTime, lastTime: this.lastTime };
    }
    return { sampleCount, energyJ: this.energy, maxGapS: this.maxGap, maxGapAt: this.maxGapAt };
  }
};
function integrateSamples(times, powers, start, end) {
  const order = Array.from({ length: times.length }, (_, i) => i).sort((x, y) => times[x] - times[y]);
  const integrator = new DeviceIntegrator(start, end);
  for (const i of order) integrator.push(times[i], powers[i]);
  return integrator.finish();
}

// src/core/telemetry/scan.ts
var HEADER_SEARCH_LINES = 64;
var MAX_GPU_IDS = 65536;
var TelemetryScan = class {
  constructor(options) {
    this.options = options;
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
  }
  options;
  findings = new Findings();
  schema;
  firstContentLine;
  firstContentLineNo = 0;
  headerLine = "";
  nonEmptySeen = 0;
  gpus = /* @__PURE__ */ new Map();
  collected = /* @__PURE__ */ new Map();
  parseTs = cachedTimestampParser();
  low;
  high;
  lastInferredTsRaw;
  inferredPosition = 0;
  columnsNeeded = 0;
  /** Fast path state: the last timestamp cell's bytes and value, and GPU id strings by index. */
  lastTsBytes = new Uint8Array(64);
  lastTsLength = -1;
  lastTsValue = Number.NaN;
  smallGpuIds = [];
  statesByIndex = [];
  /** nvidia-smi timestamps change every sample but their first 16 bytes (`YYYY/MM/DD HH:MM`) rarely do. */
  minutePrefix = new Uint8Array(16);
  minuteMs = Number.NaN;
  cellStarts = [];
  cellEnds = [];
  notes = { preambleLines: 0, repeatedHeaderLines: 0, truncatedLastLine: false, outOfOrderGpus: [], overlongLines: 0 };
  /** A line longer than the reader's bound: its content was dropped. */
  acceptOverlongLine(lineNo) {
    this.notes.overlongLines += 1;
    if (this.schema) this.findings.add("invalid_timestamp_sample", `${this.options.source}:${lineNo}: line is longer than the reader's limit and was not read; check the telemetry writer.`);
  }
  /**
   * @param line the line without its terminator
   * @param lineNo 1-based line number
   * @param isUnterminatedLast true for a final line that has no newline (possibly cut off mid-write)
   */
  acceptLine(line, lineNo, isUnterminatedLast = false) {
    if (lineNo === 1 && line.charCodeAt(0) === 65279) line = line.slice(1);
    if (line.trim() === "") return;
    if (!this.schema) {
      this.findHeader(line, lineNo);
      return;
    }
    if (line === this.headerLine || line.trim() === this.headerLine.trim()) {
      this.notes.repeatedHeaderLines += 1;
      return;
    }
    const cells = splitCsvLine(line);
    if (isUnterminatedLast && cells.length < (this.schema.header.length || this.columnsNeeded)) {
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
    const needed = this.columnsNeeded;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    const lastLength = this.lastTsLength;
    const repeatsTimestamp = schema.timestampIndex === 0 && lastLength > 0 && buf[start + lastLength] === 44 && sameBytes(buf, start, this.lastTsBytes, lastLength);
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
      while (comma < end && buf[comma] !== 44) comma++;
      if (comma === end && cell !== needed - 1) return false;
      starts[cell] = cellStart;
      ends[cell] = comma;
      cellStart = comma + 1;
    }
    for (let k = 0; k < needed; k++) {
      if (k === schema.timestampIndex || k === schema.powerIndex || k === schema.gpuIndex) continue;
      for (let i = starts[k]; i < ends[k]; i++) if (buf[i] === 34) return false;
    }
    let ts0 = starts[schema.timestampIndex];
    let ts1 = ends[schema.timestampIndex];
    while (ts0 < ts1 && (buf[ts0] === 32 || buf[ts0] === 9)) ts0++;
    while (ts1 > ts0 && (buf[ts1 - 1] === 32 || buf[ts1 - 1] === 9)) ts1--;
    const tsLength = ts1 - ts0;
    let time;
    if (repeatsTimestamp || tsLength === lastLength && sameBytes(buf, ts0, this.lastTsBytes, tsLength)) {
      time = this.lastTsValue;
    } else {
      let parsed = tsLength >= 19 && !Number.isNaN(this.minuteMs) && sameBytes(buf, ts0, this.minutePrefix, 16) ? this.sameMinute(buf, ts0, ts1) : void 0;
      if (parsed === void 0) {
        const text2 = tsLength > 0 && tsLength <= 64 ? decodeAscii(buf, ts0, ts1) : "";
        parsed = this.parseTs(text2);
        if (parsed === void 0 || !Number.isFinite(parsed)) return false;
        this.minuteMs = nvidiaMinute(text2) ?? Number.NaN;
        if (!Number.isNaN(this.minuteMs)) this.minutePrefix.set(buf.subarray(ts0, ts0 + 16));
      }
      time = parsed;
      this.lastTsBytes.set(buf.subarray(ts0, ts1));
      this.lastTsLength = tsLength;
      this.lastTsValue = time;
    }
    if (time < this.low || time > this.high) {
      return true;
    }
    const power = parsePlainWatts(buf, starts[schema.powerIndex], ends[schema.powerIndex]);
    if (power < 0) return false;
    let g0 = starts[schema.gpuIndex];
    let g1 = ends[schema.gpuIndex];
    while (g0 < g1 && (buf[g0] === 32 || buf[g0] === 9)) g0++;
    while (g1 > g0 && (buf[g1 - 1] === 32 || buf[g1 - 1] === 9)) g1--;
    if (g1 === g0) return false;
    let gpuId;
    if (g1 - g0 <= 3) {
      let index = 0;
      for (let i = g0; i < g1 && index >= 0; i++) {
        const c = buf[i];
        index = c >= 48 && c <= 57 ? index * 10 + (c - 48) : -1;
      }
      if (index >= 0 && !(buf[g0] === 48 && g1 - g0 > 1)) {
        const state = this.statesByIndex[index];
        if (state !== void 0) {
          if (!state.outOfOrder) {
            if (time < state.integrator.latestTime) state.outOfOrder = true;
            else state.integrator.push(time, power);
          }
          return true;
        }
        gpuId = this.smallGpuIds[index] ??= String(index);
        this.pushSample(gpuId, time, power, lineNo);
        this.statesByIndex[index] = this.gpus.get(gpuId);
        return true;
      }
    }
    if (gpuId === void 0) {
      for (let i = g0; i < g1; i++) if (buf[i] > 126 || buf[i] < 32 || buf[i] === 34) return false;
      gpuId = decodeAscii(buf, g0, g1);
    }
    this.pushSample(gpuId, time, power, lineNo);
    return true;
  }
  /** `:SS` or `:SS.fff` after a cached minute prefix, or undefined for any other shape. */
  sameMinute(buf, ts0, ts1) {
    const d1 = buf[ts0 + 17] - 48;
    const d2 = buf[ts0 + 18] - 48;
    if (buf[ts0 + 16] !== 58 || d1 < 0 || d1 > 6 || d2 < 0 || d2 > 9) return void 0;
    const second = d1 * 10 + d2;
    if (second > 60) return void 0;
    let fractionS = 0;
    if (ts1 > ts0 + 19) {
      if (buf[ts0 + 19] !== 46 || ts1 - ts0 - 20 < 1 || ts1 - ts0 - 20 > 9) return void 0;
      let digits = 0;
      for (let i = ts0 + 20; i < ts1; i++) {
        const c = buf[i] - 48;
        if (c < 0 || c > 9) return void 0;
        digits = digits * 10 + c;
      }
      fractionS = digits / POW10[ts1 - ts0 - 20];
    }
    return nvidiaEpoch(this.minuteMs, second, fractionS);
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
    } else if (this.nonEmptySeen >= HEADER_SEARCH_LINES) {
      this.headerSearchFailed();
    }
  }
  headerSearchFailed() {
    if (this.findings.size > 0) return;
    const header = this.firstContentLine ?? [];
    const probe = probeHeader(header);
    const where = `${this.options.source}:${this.firstContentLineNo || 1}`;
    const shown = header.slice(0, 8).join(",").slice(0, 200);
    if (probe.timestampIndex < 0) this.findings.add("timestamp_column_missing", `${where}: no header column names a time (header: "${shown}"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.`);
    if (probe.powerIndex < 0) this.findings.add("power_column_missing", `${where}: no header column holds power draw (header: "${shown}"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).`);
  }
  acceptRow(cells, lineNo, isLast) {
    const schema = this.schema;
    const tsRaw = cells[schema.timestampIndex] ?? "";
    const time = this.parseTs(tsRaw);
    if (time === void 0 || !Number.isFinite(time)) {
      this.findings.add("invalid_timestamp_sample", `${this.options.source}:${lineNo}: timestamp "${clip(tsRaw)}" cannot be read${isLast ? " (last line, possibly cut off)" : ""}; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`);
      return;
    }
    let gpuId;
    if (schema.gpuIndex >= 0) {
      gpuId = cells[schema.gpuIndex] ?? "";
    } else {
      if (tsRaw !== this.lastInferredTsRaw) {
        this.lastInferredTsRaw = tsRaw;
        this.inferredPosition = 0;
      }
      gpuId = String(this.inferredPosition++);
    }
    if (time < this.low || time > this.high) return;
    const powerRaw = cells[schema.powerIndex] ?? "";
    const power = parsePower(powerRaw);
    if (power === void 0 || power < 0) {
      this.findings.add("invalid_power_sample", `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? "")}" is not a non-negative number of watts near the benchmark window.`);
      return;
    }
    if (gpuId === "") {
      this.findings.add("gpu_identity_missing", `${this.options.source}:${lineNo}: the GPU column "${clip(schema.header[schema.gpuIndex] ?? "")}" is empty; every row must name its GPU.`);
      return;
    }
    this.pushSample(gpuId, time, power, lineNo);
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
        this.findings.add("too_many_gpu_ids", `${this.options.source}:${lineNo}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`);
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
    if (!this.schema) {
      if (this.firstContentLine) this.headerSearchFailed();
      else if (this.notes.overlongLines > 0) {
        const message = `${this.options.source}: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point --csv at the monitor's CSV output.`;
        this.findings.add("timestamp_column_missing", message);
        this.findings.add("power_column_missing", message);
      } else this.findings.add("telemetry_file_empty", `${this.options.source}: the file has no content. Check that the GPU monitor started before the benchmark.`);
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
function clip(text2) {
  const oneLine = text2.replace(/[\u0000-\u001f\u007f]/g, "?");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
function sameBytes(buf, start, other, length) {
  for (let i = 0; i < length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
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
async function readTelemetry(path, source, window) {
  try {
    const info = await stat2(path);
    if (!info.isFile()) {
      return { devices: /* @__PURE__ */ new Map(), findings: [{ code: "telemetry_file_missing", message: `${source}: is not a regular file. Point --csv at the monitor's CSV.` }] };
    }
    if (info.size === 0) {
      return { devices: /* @__PURE__ */ new Map(), findings: [{ code: "telemetry_file_empty", message: `${source}: the file is empty (0 bytes). Check that the GPU monitor started before the benchmark.` }] };
    }
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return { devices: /* @__PURE__ */ new Map(), findings: [{ code: "telemetry_file_missing", message: `${source}: no such file. Start the GPU monitor before the benchmark, or pass --csv.` }] };
    }
    return { devices: /* @__PURE__ */ new Map(), findings: [{ code: "telemetry_file_unreadable", message: `${source}: cannot be read (${code ?? String(error)}).` }] };
  }
  const scan = new TelemetryScan({ source, ...window });
  let replayed;
  try {
    await scanFile(path, scan);
    const outOfOrder = scan.outOfOrderGpus();
    if (outOfOrder.size > 0) {
      const collector = new TelemetryScan({ source, ...window, collectGpus: outOfOrder });
      await scanFile(path, collector);
      replayed = collector.collectedSamples();
    }
  } catch (error) {
    const code = error.code;
    return { scan, devices: /* @__PURE__ */ new Map(), findings: [...scan.findings.list(), { code: "telemetry_file_unreadable", message: `${source}: read failed (${code ?? String(error)}).` }] };
  }
  const devices = scan.deviceResults(replayed);
  return { scan, devices, findings: scan.findings.list() };
}
async function scanFile(path, scan) {
  let nonEmpty = 0;
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => {
      if (!scan.schema && end > start) nonEmpty += 1;
      scan.acceptLineBytes(buf, start, end, lineNo, unterminated);
    },
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    // A file with no header in its first lines is not telemetry: stop instead of reading gigabytes.
    wantsMore: () => scan.schema !== void 0 || nonEmpty < HEADER_SEARCH_LINES2 && scan.notes.overlongLines < 2
  });
  scan.endOfInput();
}

// src/core/bench.ts
function isNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
function positiveCount(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
function readBenchWindow(bench, source) {
  if (typeof bench !== "object" || bench === null || Array.isArray(bench)) {
    return { findings: [{ code: "invalid_benchmark_result", message: `${source}: the benchmark result is not a JSON object.` }] };
  }
  const b = bench;
  const start = b.benchmark_start_time_unix;
  const end = b.benchmark_end_time_unix;
  const duration = b.duration;
  if (!isNumber(start) || !isNumber(end) || !isNumber(duration) || end <= start || duration <= 0) {
    return {
      findings: [
        {
          code: "invalid_benchmark_window",
          message: `${source}: benchmark_start_time_unix (${show(start)}), benchmark_end_time_unix (${show(end)}) and duration (${show(duration)}) must be numbers with end > start and duration > 0. Use a benchmark client that records the window.`
        }
      ]
    };
  }
  const findings = [];
  const integrationDuration = end - start;
  const tolerance = Math.max(0.5, integrationDuration * 0.01);
  if (Math.abs(duration - integrationDuration) > tolerance) {
    findings.push({ code: "benchmark_duration_mismatch", message: `${source}: duration ${duration} s differs from end - start = ${integrationDuration} s by more than ${tolerance} s.` });
  }
  const count = (key, code) => {
    const value = b[key];
    if (positiveCount(value)) return value;
    findings.push({ code, message: `${source}: ${key} is ${show(value)}; a positive integer is needed to normalise energy.` });
    return 0;
  };
  const completed = count("completed", "invalid_successful_query_count");
  const totalInputTokens = count("total_input_tokens", "invalid_input_token_count");
  const totalOutputTokens = count("total_output_tokens", "invalid_output_token_count");
  return { window: { startUnix: start, endUnix: end, reportedDurationS: duration, completed, totalInputTokens, totalOutputTokens }, findings };
}
function show(value) {
  if (value === void 0) return "missing";
  const text2 = JSON.stringify(value) ?? String(value);
  return text2.length > 40 ? `${text2.slice(0, 37)}...` : text2;
}

// src/core/pynum.ts
function pyRound(x, digits) {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const rounded = Number(x.toFixed(digits));
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf(".");
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const kept = exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(kept[kept.length - 1] === "." ? kept[kept.length - 2] : kept[kept.length - 1]);
  const down = Number(kept);
  const magnitude = lastDigit % 2 === 0 ? down : Number((down + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}
function pyFloatRepr(x) {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${x} cannot be written to JSON`);
  if (Object.is(x, -0)) return "-0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    let intPart;
    let fracPart;
    if (exponent >= 0) {
      const padded = digits.padEnd(exponent + 1, "0");
      intPart = padded.slice(0, exponent + 1);
      fracPart = padded.slice(exponent + 1);
    } else {
      intPart = "0";
      fracPart = "0".repeat(-exponent - 1) + digits;
    }
    return `${sign}${intPart}.${fracPart === "" ? "0" : fracPart}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? "-" : "+";
  return `${sign}${mant}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

// src/core/power.ts
var POWER_METRIC_SCHEMA_VERSION = 2;
var DEFAULT_MAX_SAMPLE_GAP_S = 3;
var INTEGRATION_METHOD = "per_device_trapezoidal_with_linear_boundary_interpolation";
var POWER_METRIC_KEYS = [
  "avg_power_w",
  "avg_total_gpu_power_w",
  "total_gpu_energy_j",
  "joules_per_successful_query",
  "joules_per_input_token",
  "joules_per_output_token",
  "joules_per_total_token"
];
var ROLE_METRIC_KEYS = [
  "prefill_gpu_energy_j",
  "decode_gpu_energy_j",
  "prefill_avg_power_w",
  "decode_avg_power_w",
  "prefill_joules_per_input_token",
  "decode_joules_per_output_token"
];
function summariseDevices(results, window, findings, source) {
  const gpuIds = [...results.keys()].sort(compareGpuIds);
  const summary = { gpuIds, sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  if (gpuIds.length === 0) {
    findings.add("no_usable_power_samples", `${source}: no power samples near the benchmark window ${window.start}..${window.end}. Check that the monitor ran during the benchmark and that its clock matches the benchmark's.`);
    return summary;
  }
  if (window.expectedGpus !== void 0 && window.expectedGpus > 0 && gpuIds.length !== window.expectedGpus) {
    findings.add("expected_gpu_count_mismatch", `${source}: telemetry has ${gpuIds.length} GPU(s) (${gpuIds.slice(0, 16).join(", ")}${gpuIds.length > 16 ? ", ..." : ""}) but the configuration expects ${window.expectedGpus}. Check CUDA_VISIBLE_DEVICES / the monitor's GPU list, or the TP x PP x PCP product.`);
  }
  for (const gpuId of gpuIds) {
    const result = results.get(gpuId);
    summary.sampleCounts[gpuId] = result.sampleCount;
    if (result.issue === "insufficient_power_samples") {
      summary.issues[gpuId] = [result.issue];
      findings.add(result.issue, `${source}: GPU ${gpuId} has ${result.sampleCount} sample(s) near the window; at least 2 are needed. Sample at 1 Hz or faster.`);
      continue;
    }
    if (result.issue === "benchmark_window_not_bracketed") {
      summary.issues[gpuId] = [result.issue];
      findings.add(result.issue, `${source}: GPU ${gpuId} samples span ${result.firstTime}..${result.lastTime} but the window is ${window.start}..${window.end}; start the monitor before the benchmark and stop it after.`);
      continue;
    }
    summary.maxGapS[gpuId] = result.maxGapS;
    summary.energyJ[gpuId] = result.energyJ;
    if (result.maxGapS > window.maxSampleGapS) {
      summary.issues[gpuId] = ["sampling_gap_exceeded"];
      findings.add("sampling_gap_exceeded", `${source}: GPU ${gpuId} has a ${round3(result.maxGapS)} s gap between samples starting at ${result.maxGapAt} inside the window (limit ${window.maxSampleGapS} s). The monitor stalled or dropped rows.`);
    }
  }
  if (Object.keys(summary.energyJ).length === gpuIds.length) {
    summary.totalEnergyJ = gpuIds.reduce((sum, id) => sum + summary.energyJ[id], 0);
  }
  return summary;
}
function round3(x) {
  return Math.round(x * 1e3) / 1e3;
}
function derivePowerMetrics(totalEnergyJ, gpuCount, bench) {
  const durationS = bench.endUnix - bench.startUnix;
  const avgTotal = totalEnergyJ / durationS;
  return {
    avg_power_w: avgTotal / gpuCount,
    avg_total_gpu_power_w: avgTotal,
    total_gpu_energy_j: totalEnergyJ,
    joules_per_successful_query: totalEnergyJ / bench.completed,
    joules_per_input_token: totalEnergyJ / bench.totalInputTokens,
    joules_per_output_token: totalEnergyJ / bench.totalOutputTokens,
    joules_per_total_token: totalEnergyJ / (bench.totalInputTokens + bench.totalOutputTokens)
  };
}
function metricDigits(key) {
  return key.endsWith("_w") || key.endsWith("_j") ? 3 : 6;
}
function aggPowerPatch(valid, metrics) {
  const remove = /* @__PURE__ */ new Set([...POWER_METRIC_KEYS, ...ROLE_METRIC_KEYS, "power_invalid_reasons"]);
  const set = [
    ["power_metric_schema_version", String(POWER_METRIC_SCHEMA_VERSION)],
    ["power_valid", valid ? "1" : "0"]
  ];
  if (valid) {
    for (const [key, value] of Object.entries(metrics)) {
      if (value === void 0) continue;
      if (!Number.isFinite(value)) throw new RangeError(`non-finite power metric ${key}`);
      set.push([key, pyFloatRepr(pyRound(value, metricDigits(key)))]);
    }
  }
  return { remove, set };
}
function buildSidecar(input) {
  const bench = input.bench;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.findings.map((f) => f.code),
    reason_messages: Object.fromEntries(input.findings.map((f) => [f.code, f.message])),
    telemetry_source: input.telemetrySource,
    telemetry_format: input.telemetryFormat ?? null,
    gpu_identity: input.gpuIdentity ?? null,
    benchmark_result: input.benchResult,
    benchmark_window: bench ? {
      start_time_unix: bench.startUnix,
      end_time_unix: bench.endUnix,
      reported_duration_s: bench.reportedDurationS,
      integration_duration_s: bench.endUnix - bench.startUnix,
      completed: bench.completed,
      total_input_tokens: bench.totalInputTokens,
      total_output_tokens: bench.totalOutputTokens
    } : null,
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: input.maxSampleGapS,
    expected_gpu_count: input.expectedGpus ?? null,
    observed_gpu_count: input.devices.gpuIds.length,
    observed_gpu_ids: input.devices.gpuIds,
    per_gpu_sample_counts: input.devices.sampleCounts,
    per_gpu_max_sample_gap_s: input.devices.maxGapS,
    per_gpu_energy_j: input.devices.energyJ,
    device_issues: input.devices.issues,
    telemetry_notes: input.notes ? {
      preamble_lines: input.notes.preambleLines,
      repeated_header_lines: input.notes.repeatedHeaderLines,
      truncated_last_line: input.notes.truncatedLastLine,
      out_of_order_gpus: input.notes.outOfOrderGpus,
      overlong_lines: input.notes.overlongLines
    } : null,
    metrics: Object.fromEntries(
      Object.entries(input.metrics).filter((e) => typeof e[1] === "number" && Number.isFinite(e[1])).map(([k, v]) => [k, pyRound(v, 6)])
    )
  };
}

// src/core/jsonmembers.ts
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var LITERALS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];
function lineCol(text2, index) {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < index && i < text2.length; i++) {
    if (text2.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return `line ${line} column ${index - lastBreak}`;
}
function scanString(text2, i) {
  for (let j = i + 1; j < text2.length; j++) {
    const c = text2.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 32) return -1;
    if (c === 92) {
      const next = text2[j + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text2.slice(j + 2, j + 6))) return -1;
        j += 5;
      } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) {
        j += 1;
      } else {
        return -1;
      }
    }
  }
  return -1;
}
function scanScalar(text2, i) {
  const c = text2[i];
  if (c === '"') return scanString(text2, i);
  for (const literal of LITERALS) {
    if (text2.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text2);
  return m ? i + m[0].length : -1;
}
function skipWs(text2, i) {
  while (i < text2.length) {
    const c = text2.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}
function readTopLevelObject(text2) {
  const fail2 = (index, what) => ({ ok: false, error: `${what} at ${lineCol(text2, index)}` });
  let i = skipWs(text2, text2.charCodeAt(0) === 65279 ? 1 : 0);
  if (text2[i] !== "{") {
    return { ok: false, error: i >= text2.length ? "the file is empty" : "the top-level JSON value is not an object" };
  }
  const stack = [];
  const members = [];
  let state = "value";
  let keyRaw = "";
  let valueStart = 0;
  let done = false;
  const afterValue = (end) => {
    if (stack.length === 0) {
      done = true;
      return;
    }
    if (stack.length === 1) members.push({ key: JSON.parse(keyRaw), keyRaw, valueRaw: text2.slice(valueStart, end) });
    state = "commaOrEnd";
  };
  while (!done) {
    i = skipWs(text2, i);
    if (i >= text2.length) return fail2(i, "unexpected end of input");
    const c = text2[i];
    switch (state) {
      case "value":
        if (c === "{") {
          stack.push("o");
          state = "keyOrEnd";
          i++;
        } else if (c === "[") {
          stack.push("a");
          state = "valueOrEnd";
          i++;
        } else {
          const end = scanScalar(text2, i);
          if (end < 0) return fail2(i, "invalid value");
          i = end;
          afterValue(i);
        }
        break;
      case "keyOrEnd":
        if (c === "}") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = "key";
        }
        break;
      case "key": {
        if (c !== '"') return fail2(i, "expected a string key");
        const end = scanString(text2, i);
        if (end < 0) return fail2(i, "invalid string");
        if (stack.length === 1) keyRaw = text2.slice(i, end);
        i = end;
        state = "colon";
        break;
      }
      case "colon":
        if (c !== ":") return fail2(i, "expected ':'");
        i = skipWs(text2, i + 1);
        if (stack.length === 1) valueStart = i;
        state = "value";
        break;
      case "valueOrEnd":
        if (c === "]") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = "value";
        }
        break;
      case "commaOrEnd": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          state = top === "o" ? "key" : "value";
          i++;
        } else if (c === "}" && top === "o" || c === "]" && top === "a") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          return fail2(i, `expected ',' or '${top === "o" ? "}" : "]"}'`);
        }
        break;
      }
    }
  }
  i = skipWs(text2, i);
  if (i < text2.length) return fail2(i, "unexpected data after the JSON value");
  return { ok: true, members };
}
function renderTopLevelObject(members) {
  if (members.length === 0) return "{}";
  return `{
${members.map((m) => `  ${m.keyRaw}: ${m.valueRaw}`).join(",\n")}
}`;
}
function patchMembers(members, remove, set) {
  const patched = members.filter((m) => !remove.has(m.key));
  for (const [key, valueRaw] of set) {
    const existing = patched.findIndex((m) => m.key === key);
    if (existing >= 0) {
      patched[existing] = { ...patched[existing], valueRaw };
      for (let j = patched.length - 1; j > existing; j--) if (patched[j].key === key) patched.splice(j, 1);
    } else {
      patched.push({ key, keyRaw: JSON.stringify(key), valueRaw });
    }
  }
  return patched;
}

// src/core/pyjson.ts
var SHORT_ESCAPES = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "	": "\\t", "\b": "\\b", "\f": "\\f" };
function pyJsonString(text2) {
  let out = '"';
  for (let i = 0; i < text2.length; i++) {
    const ch = text2[i];
    const code = text2.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== void 0) out += short;
    else if (code < 32 || code > 126) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
function pyJsonFloat(x) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return pyFloatRepr(x);
}
function pyJsonInt(x) {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${x} is not a safe integer`);
  return String(x === 0 ? 0 : x);
}
function pyJsonStringObject(entries, depth) {
  if (entries.length === 0) return "{}";
  const inner = "  ".repeat(depth + 1);
  const outer = "  ".repeat(depth);
  return `{
${entries.map(([k, v]) => `${inner}${pyJsonString(k)}: ${pyJsonString(v)}`).join(",\n")}
${outer}}`;
}
var PyRawValue = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
};
function parsePyJsonObject(text2) {
  try {
    const value = JSON.parse(text2);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
  }
  const members = readTopLevelObject(text2);
  if (!members.ok) return void 0;
  const out = {};
  for (const { key, valueRaw } of members.members) {
    if (valueRaw === "NaN") out[key] = Number.NaN;
    else if (valueRaw === "Infinity") out[key] = Infinity;
    else if (valueRaw === "-Infinity") out[key] = -Infinity;
    else {
      try {
        out[key] = JSON.parse(valueRaw);
      } catch {
        out[key] = new PyRawValue(valueRaw);
      }
    }
  }
  return out;
}

// src/commands/aggregate.ts
var MAX_JSON_BYTES = 256 * 1024 * 1024;
function defaultSidecarPath(benchResult) {
  return join2(dirname2(benchResult), `power_validation_${parsePath(benchResult).name}.json`);
}
async function loadBench(path) {
  let text2;
  try {
    text2 = await readTextBounded(path, MAX_JSON_BYTES);
  } catch (error) {
    return { findings: [{ code: "invalid_benchmark_result", message: `${path}: cannot be read (${error.message}).` }] };
  }
  let parsed = parsePyJsonObject(text2);
  if (parsed === void 0) {
    try {
      parsed = JSON.parse(text2);
    } catch (error) {
      return { findings: [{ code: "invalid_benchmark_result", message: `${path}: not valid JSON (${error.message}).` }] };
    }
  }
  return readBenchWindow(parsed, path);
}
async function patchAggPower(aggResult, valid, metrics, findings) {
  const aggText = await readTextBounded(aggResult, MAX_JSON_BYTES).catch((error) => error);
  if (aggText instanceof Error) {
    const missing = aggText.code === "ENOENT" || aggText.code === "ENOTDIR";
    findings.add(missing ? "aggregate_result_missing" : "aggregate_result_unwritable", missing ? `${aggResult}: no such file. Run process-result first, or pass the agg JSON it wrote as --agg-result.` : `${aggResult}: cannot be read (${aggText.message}).`);
    return false;
  }
  const members = readTopLevelObject(aggText);
  if (!members.ok) {
    findings.add("aggregate_result_unwritable", `${aggResult}: ${members.error}; the file was left unchanged. Regenerate it with process-result.`);
    return false;
  }
  try {
    const patch = aggPowerPatch(valid, metrics);
    await writeFileAtomic(aggResult, renderTopLevelObject(patchMembers(members.members, patch.remove, patch.set)));
    return true;
  } catch (error) {
    findings.add("aggregate_result_unwritable", `${aggResult}: cannot be written (${error.message}); the previous file is intact.`);
    return false;
  }
}
async function runAggregate(options) {
  const benchResult = resolve2(options.cwd, options.benchResult);
  const aggResult = resolve2(options.cwd, options.aggResult);
  const sidecarPath = options.validationResult ? resolve2(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const maxSampleGapS = options.maxSampleGapS ?? DEFAULT_MAX_SAMPLE_GAP_S;
  const findings = new Findings();
  const log = { stdout: [], stderr: [] };
  let telemetryPath;
  let searched = [];
  if (options.csv) telemetryPath = resolve2(options.cwd, options.csv);
  else ({ path: telemetryPath, searched } = resolveTelemetryPath(options.env, options.cwd));
  const bench = await loadBench(benchResult);
  findings.addAll(bench.findings);
  if (!Number.isInteger(options.expectedNumGpus) || options.expectedNumGpus <= 0) {
    findings.add("invalid_expected_gpu_count", `--expected-num-gpus is ${options.expectedNumGpus}; pass the node's GPU count (TP x PP x PCP), a positive integer.`);
  }
  if (!Number.isFinite(maxSampleGapS) || maxSampleGapS <= 0) {
    findings.add("invalid_max_sample_gap", `--max-sample-gap is ${maxSampleGapS}; pass a positive number of seconds.`);
  }
  let devices = { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  let scan;
  if (bench.window && !findings.has("invalid_max_sample_gap")) {
    const telemetry = await readTelemetry(telemetryPath, telemetryPath, { start: bench.window.startUnix, end: bench.window.endUnix, maxSampleGapS });
    scan = telemetry.scan;
    for (const finding of telemetry.findings) {
      const message = finding.code === "telemetry_file_missing" && searched.length > 0 ? `no telemetry CSV found; looked at ${searched.join(", ")}. Start the GPU monitor before the benchmark, set GPU_METRICS_CSV, or pass --csv.` : finding.message;
      findings.add(finding.code, message);
    }
    if (telemetry.scan?.schema) {
      devices = summariseDevices(
        telemetry.devices,
        { start: bench.window.startUnix, end: bench.window.endUnix, maxSampleGapS, expectedGpus: options.expectedNumGpus > 0 ? options.expectedNumGpus : void 0 },
        findings,
        telemetryPath
      );
    }
  }
  let valid = findings.size === 0 && devices.totalEnergyJ !== void 0 && bench.window !== void 0;
  let metrics = valid ? derivePowerMetrics(devices.totalEnergyJ, devices.gpuIds.length, bench.window) : {};
  const aggPatched = await patchAggPower(aggResult, valid, metrics, findings);
  if (!aggPatched) {
    valid = false;
    metrics = {};
  }
  const reasons = findings.list();
  let sidecarWritten = false;
  try {
    const sidecar = buildSidecar({
      telemetrySource: telemetryPath,
      telemetryFormat: scan?.schema?.format,
      gpuIdentity: scan?.schema ? scan.schema.gpuIndex >= 0 ? "column" : "inferred_from_row_order" : void 0,
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
    await mkdir(dirname2(sidecarPath), { recursive: true });
    await writeFileAtomic(sidecarPath, `${JSON.stringify(sidecar, null, 2)}
`);
    sidecarWritten = true;
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: cannot write the validation sidecar ${sidecarPath}: ${error.message}`);
  }
  if (valid) {
    const m = metrics;
    log.stdout.push(
      `sweep-power aggregate: avg_power_w=${m.avg_power_w.toFixed(2)} avg_total_gpu_power_w=${m.avg_total_gpu_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)} joules_per_output_token=${m.joules_per_output_token.toFixed(6)} (n=${devices.gpuIds.length}) -> ${aggResult}`
    );
  } else {
    log.stderr.push(`sweep-power aggregate: power invalid: ${reasons.map((r) => r.code).join(", ")} (details: ${sidecarPath})`);
    for (const reason of reasons) log.stderr.push(`  ${reason.code}: ${reason.message}`);
  }
  const exitCode = (!valid || !sidecarWritten) && options.requirePower ? 1 : 0;
  return { valid, reasons, metrics, gpuCount: devices.gpuIds.length, aggResult, aggPatched, sidecarPath, sidecarWritten, telemetryPath, exitCode, log };
}

// src/commands/aggregateMultinode.ts
import { lstat, readdir as readdir2, realpath, stat as stat3 } from "node:fs/promises";
import { dirname as dirname3, join as join3, relative, resolve as resolve3, sep, isAbsolute } from "node:path";

// src/core/multinode.ts
var PACKAGE_SCHEMA_VERSION = 1;
var WIRE_CONTRACT = [
  ["schema_version", PACKAGE_SCHEMA_VERSION],
  ["producer", "srt-slurm.dcgm-power"],
  ["source_metric", "DCGM_FI_DEV_POWER_USAGE"],
  ["unit", "W"],
  ["power_scope", "gpu_device_board_as_reported_by_dcgm"],
  ["timestamp_source", "head_node_unix_clock"]
];
var CLOCK_SOURCE = "head_node_unix_clock";
var SAMPLES_HEADER = ["schema_version", "timestamp_unix", "scrape_seq", "hostname", "gpu_index", "gpu_uuid", "power_w"];
var PACKAGE_MAX_SAMPLE_GAP_S = 3;
var WORKER_ROLES = ["prefill", "decode", "agg"];
var FATAL_LIFECYCLE_REASONS = ["exporter_exited", "collector_exception", "collector_interrupted", "collector_join_timeout", "benchmark_child_reap_timeout"];
var STARTUP_FAILURE_REASONS = ["exporter_startup_timeout", "exporter_launch_failed", "endpoint_resolution_failed"];
var WINDOW_STATUSES = ["running", "completed", "failed", "interrupted"];
var isFiniteNumber = (v) => typeof v === "number" && Number.isFinite(v);
var isWhole = (v, minimum) => typeof v === "number" && Number.isInteger(v) && v >= minimum;
var show2 = (v) => {
  const text2 = v === void 0 ? "missing" : JSON.stringify(v) ?? String(v);
  return text2.length > 60 ? `${text2.slice(0, 57)}...` : text2;
};
var ManifestError = class extends Error {
};
var deviceKey = (hostname, gpuIndex) => `${hostname}\0${gpuIndex}`;
function parseExpectedDevices(manifest) {
  const entries = manifest.expected_devices ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_devices is not a list: ${show2(entries)}`);
  return entries.map((entry, i) => {
    if (typeof entry !== "object" || entry === null) throw new ManifestError(`expected_devices[${i}] is not an object`);
    const e = entry;
    const assignments = e.assignments;
    if (!Array.isArray(assignments) || assignments.length === 0) throw new ManifestError(`expected_devices[${i}].assignments is not a non-empty list`);
    const roles = [];
    const hetGroups = [];
    for (const a of assignments) {
      const assignment = typeof a === "object" && a !== null ? a : {};
      if (!WORKER_ROLES.includes(assignment.worker_role)) throw new ManifestError(`expected_devices[${i}] worker_role is not one of ${WORKER_ROLES.join("/")}: ${show2(assignment.worker_role)}`);
      for (const key of ["worker_index", "worker_process"]) {
        if (!isWhole(assignment[key], 0)) throw new ManifestError(`expected_devices[${i}] ${key} is not an integer >= 0: ${show2(assignment[key])}`);
      }
      const het = assignment.het_group ?? null;
      if (het !== null && !isWhole(het, 0)) throw new ManifestError(`expected_devices[${i}] het_group is not an integer >= 0: ${show2(het)}`);
      roles.push(assignment.worker_role);
      hetGroups.push(het);
    }
    if (typeof e.hostname !== "string" || e.hostname === "") throw new ManifestError(`expected_devices[${i}].hostname is not a non-empty string`);
    if (!isWhole(e.gpu_index, 0)) throw new ManifestError(`expected_devices[${i}].gpu_index is not an integer >= 0: ${show2(e.gpu_index)}`);
    return { hostname: e.hostname, gpuIndex: e.gpu_index, roles, hetGroups };
  });
}
function parseExpectedWindows(manifest) {
  const entries = manifest.expected_windows ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_windows is not a list: ${show2(entries)}`);
  return entries.map((entry, i) => {
    const e = typeof entry === "object" && entry !== null ? entry : {};
    if (typeof e.benchmark_type !== "string" || e.benchmark_type === "") throw new ManifestError(`expected_windows[${i}].benchmark_type is not a non-empty string`);
    if (!isWhole(e.concurrency, 1)) throw new ManifestError(`expected_windows[${i}].concurrency is not an integer >= 1: ${show2(e.concurrency)}`);
    return { benchmarkType: e.benchmark_type, concurrency: e.concurrency };
  });
}
function checkWireContract(manifest) {
  const failures = [];
  for (const [key, expected] of WIRE_CONTRACT) {
    if (manifest[key] !== expected) failures.push(`manifest ${key} is ${show2(manifest[key])}, expected ${show2(expected)}`);
  }
  if (manifest.status !== "complete") failures.push(`manifest status is ${show2(manifest.status)}, expected "complete"`);
  if (!isFiniteNumber(manifest.started_at_unix)) failures.push("manifest started_at_unix is not a finite number");
  if (!isFiniteNumber(manifest.stopped_at_unix)) failures.push("manifest stopped_at_unix is not a finite number in a terminal manifest");
  for (const key of ["sample_interval_seconds", "request_timeout_seconds"]) {
    if (!(isFiniteNumber(manifest[key]) && manifest[key] > 0)) failures.push(`manifest ${key} is not finite and positive`);
  }
  for (const key of ["scrape_count", "sample_row_count"]) {
    if (!isWhole(manifest[key], 0)) failures.push(`manifest ${key} is not a non-negative integer`);
  }
  const required = manifest.required;
  if (typeof required !== "boolean") failures.push(`manifest required is ${show2(required)}, expected a boolean`);
  const reasons = manifest.reason_codes;
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === "string")) {
    failures.push("manifest reason_codes is not a list of strings");
  } else {
    const blocking = /* @__PURE__ */ new Set([...FATAL_LIFECYCLE_REASONS, ...required === true ? STARTUP_FAILURE_REASONS : []]);
    const incompatible = [...new Set(reasons)].filter((r) => blocking.has(r)).sort();
    if (incompatible.length > 0) failures.push(`complete manifest carries lifecycle-failure reasons: ${incompatible.join(", ")}`);
  }
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter !== "object" || exporter === null || Array.isArray(exporter)) failures.push("manifest dcgm_exporter is not an object");
  else if (!exporter.container_image_resolved) failures.push("manifest dcgm_exporter.container_image_resolved is empty");
  return failures;
}
var INT_CELL = /^\s*[+-]?\d+\s*$/;
var FLOAT_CELL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
function parseSampleRow(cells) {
  if (cells.length !== SAMPLES_HEADER.length) return void 0;
  const [schema, ts, seq, hostname, gpu, uuid, watts] = cells;
  if (!INT_CELL.test(schema) || !FLOAT_CELL.test(ts) || !INT_CELL.test(seq) || !INT_CELL.test(gpu) || !FLOAT_CELL.test(watts)) return void 0;
  const row = { time: Number(ts), seq: Number(seq), hostname, gpuIndex: Number(gpu), uuid, watts: Number(watts) };
  if (Number(schema) !== PACKAGE_SCHEMA_VERSION || hostname === "" || uuid === "") return void 0;
  if (!Number.isFinite(row.time) || !Number.isFinite(row.watts) || row.watts < 0 || row.seq < 0 || row.gpuIndex < 0) return void 0;
  if (!Number.isSafeInteger(row.seq) || !Number.isSafeInteger(row.gpuIndex)) return void 0;
  return row;
}
var MAX_SAMPLE_ROWS = 2e7;
var SampleTable = class {
  totalRows = 0;
  byDevice = /* @__PURE__ */ new Map();
  add(row) {
    const key = deviceKey(row.hostname, row.gpuIndex);
    let device = this.byDevice.get(key);
    if (!device) this.byDevice.set(key, device = { hostname: row.hostname, gpuIndex: row.gpuIndex, seqs: [], times: [], watts: [], uuidIndex: [], uuids: [] });
    let uuid = device.uuids.indexOf(row.uuid);
    if (uuid < 0) uuid = device.uuids.push(row.uuid) - 1;
    device.seqs.push(row.seq);
    device.times.push(row.time);
    device.watts.push(row.watts);
    device.uuidIndex.push(uuid);
    this.totalRows += 1;
  }
  summarise() {
    const summary = { rowCount: 0, duplicateRows: 0, maxSeq: -1, nonMonotonic: false, devices: [] };
    const list = [...this.byDevice.values()].sort((a, b) => a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.gpuIndex - b.gpuIndex);
    for (const d of list) {
      const bySeq = Array.from(d.seqs.keys()).sort((x, y) => d.seqs[x] - d.seqs[y]);
      const kept = [];
      for (const i of bySeq) {
        const previous = kept[kept.length - 1];
        if (previous !== void 0 && d.seqs[previous] === d.seqs[i]) {
          summary.duplicateRows += 1;
          continue;
        }
        if (previous !== void 0 && d.times[i] <= d.times[previous]) summary.nonMonotonic = true;
        kept.push(i);
      }
      summary.rowCount += kept.length;
      summary.maxSeq = Math.max(summary.maxSeq, d.seqs[kept[kept.length - 1]]);
      const uuids = [...new Set(kept.map((i) => d.uuids[d.uuidIndex[i]]))];
      const byTime = [...kept].sort((x, y) => d.times[x] - d.times[y] || d.watts[x] - d.watts[y]);
      summary.devices.push({ hostname: d.hostname, gpuIndex: d.gpuIndex, uuids, times: byTime.map((i) => d.times[i]), powers: byTime.map((i) => d.watts[i]) });
    }
    return summary;
  }
};
function observedDeviceRecord(device) {
  return {
    hostname: device.hostname,
    gpu_index: device.gpuIndex,
    gpu_uuids: device.uuids,
    first_sample_time_unix: device.times[0],
    last_sample_time_unix: device.times[device.times.length - 1]
  };
}
function deviceLabel(hostname, gpuIndex, observed) {
  return observed && observed.uuids.length === 1 ? `${hostname}/${observed.uuids[0]}` : `${hostname}/${gpuIndex}`;
}
function checkDeviceIdentity(expected, observed) {
  const reasons = [];
  const expectedKeys = new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  const observedKeys = new Set(observed.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  if (expectedKeys.size === 0 || [...expectedKeys].some((k) => !observedKeys.has(k))) reasons.push("expected_device_missing");
  if ([...observedKeys].some((k) => !expectedKeys.has(k))) reasons.push("unexpected_device");
  const uuids = observed.map((d) => d.uuids[0]);
  if (observed.some((d) => d.uuids.length !== 1) || new Set(uuids).size !== uuids.length) reasons.push("gpu_uuid_changed");
  const roles = /* @__PURE__ */ new Map();
  let roleConflict = false;
  for (const device of expected) {
    const distinct = new Set(device.roles);
    if (distinct.size !== 1) roleConflict = true;
    else roles.set(deviceKey(device.hostname, device.gpuIndex), device.roles[0]);
  }
  if (roleConflict) {
    reasons.push("conflicting_worker_roles");
    roles.clear();
  }
  if (!hetGroupsByHost(expected).ok) reasons.push("conflicting_het_groups");
  return { reasons, roles };
}
function hetGroupsByHost(expected) {
  const groups = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const distinct = new Set(device.hetGroups);
    if (distinct.size !== 1) return { ok: false, groups };
    const group = device.hetGroups[0];
    if (groups.has(device.hostname) && groups.get(device.hostname) !== group) return { ok: false, groups };
    groups.set(device.hostname, group);
  }
  return { ok: true, groups };
}
function checkRoleTopology(expected, roles, expectedRoles) {
  const failures = [];
  const counts = /* @__PURE__ */ new Map();
  for (const role of roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
  const found = [...counts.keys()].sort();
  const wanted = [...expectedRoles.keys()].sort();
  if (found.join(",") !== wanted.join(",")) failures.push(`expected roles [${wanted.join(", ")}], the manifest assigns [${found.join(", ")}]`);
  for (const role of wanted) {
    if ((counts.get(role) ?? 0) !== expectedRoles.get(role)) failures.push(`expected ${expectedRoles.get(role)} ${role} GPUs, the manifest assigns ${counts.get(role) ?? 0}`);
  }
  const het = hetGroupsByHost(expected);
  if (!het.ok) return [...failures, "conflicting_het_groups (topology)"];
  const perRole = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const role = roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role === void 0) continue;
    let set = perRole.get(role);
    if (!set) perRole.set(role, set = /* @__PURE__ */ new Set());
    set.add(het.groups.get(device.hostname) ?? null);
  }
  const plainJob = [...het.groups.values()].every((g) => g === null);
  const assigned = [];
  for (const role of [...perRole.keys()].sort()) {
    const groups = perRole.get(role);
    if (groups.size !== 1) {
      failures.push(`role ${role} spans het groups [${[...groups].map(String).sort().join(", ")}], expected exactly one`);
      continue;
    }
    const group = [...groups][0];
    if (group === null) {
      if (!plainJob) failures.push(`role ${role} has het group None while other devices report real het groups`);
      continue;
    }
    assigned.push(group);
  }
  if (new Set(assigned).size !== assigned.length) failures.push("roles share a het group");
  return failures;
}
function isSafeRelativeSubpath(value) {
  if (value === "" || value.startsWith("/") || value.startsWith("~") || value.includes("\0")) return false;
  const parts = value.split("/").filter((p) => p !== "" && p !== ".");
  return parts.length > 0 && !parts.includes("..");
}
var stem = (name) => {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
};
function parseWindow(payload, fileName, staysBelow) {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { reason: "measurement_window_malformed" };
  const p = payload;
  const { status, concurrency, benchmark_type: benchmarkType, benchmark_start_time_unix: start } = p;
  if (p.schema_version !== PACKAGE_SCHEMA_VERSION || p.clock_source !== CLOCK_SOURCE || !WINDOW_STATUSES.includes(status) || typeof benchmarkType !== "string" || !Number.isInteger(concurrency) || !isFiniteNumber(start)) {
    return { reason: "measurement_window_malformed" };
  }
  const resultPath = p.result_path;
  if (typeof resultPath !== "string" || !isSafeRelativeSubpath(resultPath) || !staysBelow(resultPath) || stem(resultPath) !== stem(fileName)) {
    return { reason: "measurement_window_result_path_invalid" };
  }
  const end = p.benchmark_end_time_unix ?? null;
  const duration = p.duration ?? null;
  const reason = p.reason ?? null;
  let ok;
  if (status === "running") ok = end === null && duration === null && reason === null;
  else if (status === "interrupted") ok = end === null && duration === null && typeof reason === "string" && reason !== "";
  else if (!isFiniteNumber(end) || !isFiniteNumber(duration) || duration <= 0) ok = false;
  else ok = status === "completed" ? reason === null : typeof reason === "string" && reason !== "";
  if (!ok) return { reason: "measurement_window_malformed" };
  return {
    window: { relativePath: `windows/${fileName}`, benchmarkType, concurrency, resultPath, status, start, end, duration }
  };
}
function checkWindowResult(window, result) {
  if (result === void 0) return ["measurement_window_result_missing"];
  if (typeof result !== "object" || result === null || Array.isArray(result)) return ["measurement_window_result_mismatch"];
  const r = result;
  if (r.benchmark_start_time_unix !== window.start || r.benchmark_end_time_unix !== window.end || r.duration !== window.duration) return ["measurement_window_result_mismatch"];
  const wall = window.end - window.start;
  const tolerance = Math.max(0.5, 0.01 * window.duration);
  return Math.abs(wall - window.duration) > tolerance ? ["measurement_window_clock_mismatch"] : [];
}
function integrateDevice(device, start, end) {
  const integrator = new DeviceIntegrator(start, end);
  for (let i = 0; i < device.times.length; i++) integrator.push(device.times[i], device.powers[i]);
  return integrator.finish();
}
function checkCoverage(start, end, expected, observed) {
  const gaps = {};
  const reasons = [];
  const keys = [...new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)))].sort();
  for (const key of keys) {
    const device = observed.get(key);
    if (!device) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    if (device.uuids.length !== 1) {
      reasons.push("gpu_uuid_changed");
      continue;
    }
    const result = integrateDevice(device, start, end);
    if (result.issue !== void 0) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    gaps[`${device.hostname}/${device.uuids[0]}`] = result.maxGapS;
    if (result.maxGapS > PACKAGE_MAX_SAMPLE_GAP_S) reasons.push("sample_gap_exceeded");
  }
  return { gaps, reasons };
}
function pyEqual(a, b) {
  const scalar = (v) => typeof v === "boolean" ? Number(v) : v;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && pyEqual(a[k], b[k]));
  }
  return scalar(a) === scalar(b);
}
function canonicalJson(value) {
  if (value instanceof PyRawValue) return value.raw;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/commands/aggregateMultinode.ts
var MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;
function fail(audit, code, message) {
  audit.findings.add(code, message);
  audit.failures.push(message);
}
async function isDirectory(path) {
  return stat3(path).then((s) => s.isDirectory(), () => false);
}
async function readJson(path, maxBytes) {
  let text2;
  try {
    text2 = await readTextBounded(path, maxBytes);
  } catch (error) {
    return { error: error.message };
  }
  const object = parsePyJsonObject(text2);
  if (object !== void 0) return { value: object };
  try {
    return { value: JSON.parse(text2) };
  } catch (error) {
    return { error: error.message };
  }
}
async function resolvesUnder(root, target) {
  const realRoot = await realpath(root).catch(() => resolve3(root));
  let existing = resolve3(target);
  let tail = "";
  for (; ; ) {
    const real = await realpath(existing).catch(() => void 0);
    if (real !== void 0) {
      existing = join3(real, tail);
      break;
    }
    const parent = dirname3(existing);
    if (parent === existing) break;
    tail = join3(existing.slice(parent.length + 1), tail);
    existing = parent;
  }
  const rel = relative(realRoot, existing);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function splitRow(line) {
  if (!line.includes('"')) return line.split(",");
  try {
    return parse(line, { relax_column_count: true })[0] ?? [];
  } catch {
    return [];
  }
}
async function readSamples(path) {
  const table = new SampleTable();
  const reasons = /* @__PURE__ */ new Set();
  const empty = () => new SampleTable().summarise();
  const info = await stat3(path).catch(() => void 0);
  if (!info?.isFile()) return { samples: empty(), reasons: ["samples_csv_missing"] };
  let headerOk;
  try {
    await readLines(path, {
      line: (text2, lineNo) => {
        if (lineNo === 1) {
          const header = splitRow(text2);
          headerOk = header.length === SAMPLES_HEADER.length && header.every((c, i) => c === SAMPLES_HEADER[i]);
          return;
        }
        const row = parseSampleRow(splitRow(text2));
        if (row) table.add(row);
        else reasons.add("samples_csv_malformed");
      },
      overlong: () => reasons.add("samples_csv_malformed"),
      wantsMore: () => headerOk !== false && table.totalRows < MAX_SAMPLE_ROWS
    });
  } catch {
    reasons.add("samples_csv_malformed");
  }
  if (headerOk !== true) return { samples: empty(), reasons: ["samples_csv_header_mismatch"] };
  if (table.totalRows >= MAX_SAMPLE_ROWS) reasons.add("samples_csv_too_large");
  const samples = table.summarise();
  if (samples.duplicateRows > 0) reasons.add("duplicate_sample_row");
  if (samples.nonMonotonic) reasons.add("timestamp_non_monotonic");
  return { samples, reasons: [...reasons] };
}
var windowKey = (benchmarkType, concurrency) => JSON.stringify([benchmarkType, concurrency]);
async function scanWindows(powerDir, logsRoot) {
  const scan = { parsed: /* @__PURE__ */ new Map(), duplicates: /* @__PURE__ */ new Set(), artifactErrors: [] };
  const windowsDir = join3(powerDir, "windows");
  if (!await isDirectory(windowsDir)) return scan;
  if (!await resolvesUnder(powerDir, windowsDir)) {
    scan.artifactErrors.push({ path: "windows", reason_codes: ["measurement_window_artifact_path_invalid"] });
    return scan;
  }
  const names = (await readdir2(windowsDir)).sort();
  for (const name of names) {
    const relativePath = `windows/${name}`;
    const info = await lstat(join3(windowsDir, name)).catch(() => void 0);
    if (!info || info.isSymbolicLink() || !info.isFile()) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_artifact_path_invalid"] });
      continue;
    }
    const payload = await readJson(join3(windowsDir, name), MAX_PACKAGE_JSON_BYTES);
    const staysBelow = /* @__PURE__ */ new Map();
    let result = { reason: "measurement_window_malformed" };
    if (payload.error === void 0) {
      const candidate = payload.value?.result_path;
      if (typeof candidate === "string") staysBelow.set(candidate, await resolvesUnder(logsRoot, join3(logsRoot, candidate)));
      result = parseWindow(payload.value, name, (rel) => staysBelow.get(rel) === true);
    }
    if (!result.window) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: [result.reason] });
      continue;
    }
    const key = windowKey(result.window.benchmarkType, result.window.concurrency);
    const earlier = scan.parsed.get(key);
    if (earlier || scan.duplicates.has(key)) {
      scan.duplicates.add(key);
      if (earlier) scan.artifactErrors.push({ path: earlier.relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.parsed.delete(key);
      continue;
    }
    scan.parsed.set(key, result.window);
  }
  return scan;
}
async function readOriginalResult(logsRoot, resultPath) {
  const read = await readJson(join3(logsRoot, resultPath), MAX_JSON_BYTES);
  return read.error === void 0 ? read.value : void 0;
}
async function validateWindows(logsRoot, scan, expectedWindows, expected, observed) {
  const expectedKeys = new Set(expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency)));
  const unexpected = [...scan.parsed.values()].filter((w) => !expectedKeys.has(windowKey(w.benchmarkType, w.concurrency)));
  unexpected.sort((a, b) => a.benchmarkType < b.benchmarkType ? -1 : a.benchmarkType > b.benchmarkType ? 1 : a.concurrency - b.concurrency);
  for (const w of unexpected) scan.artifactErrors.push({ path: w.relativePath, reason_codes: ["measurement_window_unexpected"] });
  const validations = [];
  for (const want of expectedWindows) {
    const key = windowKey(want.benchmarkType, want.concurrency);
    const window = scan.parsed.get(key);
    if (!window) {
      validations.push({ benchmark_type: want.benchmarkType, concurrency: want.concurrency, window_file: null, power_coverage_valid: false, reason_codes: [scan.duplicates.has(key) ? "measurement_window_duplicate" : "measurement_window_missing"], per_device_max_sample_gap_seconds: {} });
      continue;
    }
    const reasons = [];
    if (window.status !== "completed") reasons.push("measurement_window_incomplete");
    else reasons.push(...checkWindowResult(window, await readOriginalResult(logsRoot, window.resultPath)));
    let gaps = {};
    if (reasons.length === 0) {
      const coverage = checkCoverage(window.start, window.end, expected, observed);
      reasons.push(...coverage.reasons);
      if (coverage.reasons.length === 0) gaps = coverage.gaps;
    }
    validations.push({ benchmark_type: want.benchmarkType, concurrency: want.concurrency, window_file: window.relativePath, power_coverage_valid: reasons.length === 0, reason_codes: [...new Set(reasons)], per_device_max_sample_gap_seconds: gaps });
  }
  return validations;
}
function emptyDevices() {
  return { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
}
async function auditPackage(options) {
  const audit = { findings: new Findings(), failures: [], storedValid: null, recomputedValid: null, producerCommit: null, exporterImageSha256: null, selectedWindow: null, perGpuRole: {}, devices: emptyDevices(), expectedGpuCount: 0, observedGpuCount: 0, metrics: {} };
  const { powerDir, logsRoot } = options;
  if (!await isDirectory(powerDir)) {
    fail(audit, "power_artifacts_missing", `${powerDir}: no power package folder. Enable the dcgm power collector for the job, or pass --power-dir (POWER_ARTIFACT_DIR).`);
    return audit;
  }
  const manifestPath = join3(powerDir, "manifest.json");
  const manifestInfo = await stat3(manifestPath).catch(() => void 0);
  if (!manifestInfo?.isFile()) {
    fail(audit, "manifest_missing", `${manifestPath}: no such file; the collector did not finish writing its package.`);
    return audit;
  }
  const read = await readJson(manifestPath, MAX_PACKAGE_JSON_BYTES);
  if (read.error !== void 0 || typeof read.value !== "object" || read.value === null || Array.isArray(read.value)) {
    fail(audit, "manifest_malformed", `${manifestPath}: ${read.error ?? "not a JSON object"}.`);
    return audit;
  }
  const manifest = read.value;
  audit.storedValid = typeof manifest.publication_valid === "boolean" ? manifest.publication_valid : null;
  audit.producerCommit = typeof manifest.producer_git_commit === "string" ? manifest.producer_git_commit : null;
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter === "object" && exporter !== null && typeof exporter.container_image_sha256 === "string") audit.exporterImageSha256 = exporter.container_image_sha256;
  if (!options.expectedProducerSha) fail(audit, "producer_pin_missing", "no expected producer commit; set POWER_PRODUCER_SHA or pass --expected-producer-sha.");
  else if (audit.producerCommit !== options.expectedProducerSha) fail(audit, "producer_commit_mismatch", `${manifestPath}: producer_git_commit ${JSON.stringify(audit.producerCommit)} is not the expected ${options.expectedProducerSha}.`);
  const recompute = checkWireContract(manifest);
  let expected;
  let expectedWindows;
  try {
    expected = parseExpectedDevices(manifest);
    expectedWindows = parseExpectedWindows(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(audit, "manifest_malformed", `${manifestPath}: ${error.message}.`);
    audit.recomputedValid = false;
    return audit;
  }
  const samplesPath = join3(powerDir, "samples.csv");
  const samples = await readSamples(samplesPath);
  recompute.push(...samples.reasons.map((r) => `${r} in samples.csv`));
  const observed = samples.samples.devices;
  const observedByKey = new Map(observed.map((d) => [deviceKey(d.hostname, d.gpuIndex), d]));
  const identity = checkDeviceIdentity(expected, observed);
  recompute.push(...identity.reasons.map((r) => `${r} (device identity/topology)`));
  const scan = await scanWindows(powerDir, logsRoot);
  const validations = await validateWindows(logsRoot, scan, expectedWindows, expected, observedByKey);
  if (expectedWindows.length === 0) recompute.push("no expected measurement window");
  for (const v of validations) recompute.push(...v.reason_codes.map((r) => `${r} (window ${String(v.benchmark_type)}/${String(v.concurrency)})`));
  for (const e of scan.artifactErrors) recompute.push(...e.reason_codes.map((r) => `${r} (${e.path})`));
  const rowCount = samples.samples.rowCount;
  if (manifest.sample_row_count !== rowCount) recompute.push(`sample_row_count is ${JSON.stringify(manifest.sample_row_count)}, samples.csv has ${rowCount} rows`);
  if (rowCount > 0) {
    const least = samples.samples.maxSeq + 1;
    const scrapes = manifest.scrape_count;
    if (!(typeof scrapes === "number" && Number.isInteger(scrapes) && scrapes >= least)) recompute.push(`scrape_count is ${JSON.stringify(scrapes)}, samples.csv needs at least ${least}`);
  }
  if (observed.length === 0) recompute.push("observed_devices is empty");
  if (!pyEqual(manifest.observed_devices, observed.map(observedDeviceRecord))) recompute.push("observed_devices does not match the devices derived from samples.csv");
  if (!pyEqual(manifest.window_validations, validations)) recompute.push("window_validations does not match the recomputed window audit");
  if (!pyEqual(manifest.artifact_errors, scan.artifactErrors)) recompute.push("artifact_errors does not match the recomputed artifact scan");
  const deviceKeys = expected.map((d) => deviceKey(d.hostname, d.gpuIndex));
  if (new Set(deviceKeys).size !== deviceKeys.length) recompute.push("expected_devices contains duplicate keys");
  const windowKeys = expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency));
  if (new Set(windowKeys).size !== windowKeys.length) recompute.push("expected_windows contains duplicate keys");
  audit.recomputedValid = recompute.length === 0;
  audit.failures.push(...recompute);
  if (recompute.length > 0) {
    audit.findings.add("package_recompute_invalid", `${powerDir}: the package does not pass its own contract: ${recompute.slice(0, 5).join("; ")}${recompute.length > 5 ? `; and ${recompute.length - 5} more (see failures)` : ""}.`);
  }
  if (audit.storedValid !== audit.recomputedValid) {
    fail(audit, "producer_verdict_mismatch", `${manifestPath}: stored publication_valid=${String(audit.storedValid)} but the recomputation says ${String(audit.recomputedValid)}.`);
  } else if (audit.storedValid !== true) {
    fail(audit, "package_recompute_invalid", `${manifestPath}: stored and recomputed verdicts are both invalid.`);
  }
  const expectedRoles = /* @__PURE__ */ new Map();
  if (options.decodeGpus > 0) {
    if (options.prefillGpus > 0) expectedRoles.set("prefill", options.prefillGpus);
    expectedRoles.set("decode", options.decodeGpus);
  } else if (options.prefillGpus > 0) {
    expectedRoles.set("agg", options.prefillGpus);
  }
  if (expectedRoles.size === 0) fail(audit, "topology_env_mismatch", "PREFILL_GPUS and DECODE_GPUS are both zero; pass the job GPU counts.");
  else if (identity.roles.size > 0) {
    for (const failure of checkRoleTopology(expected, identity.roles, expectedRoles)) fail(audit, "topology_env_mismatch", `${manifestPath}: ${failure} (--prefill-gpus ${options.prefillGpus}, --decode-gpus ${options.decodeGpus}).`);
  }
  audit.expectedGpuCount = expected.length;
  audit.observedGpuCount = observed.length;
  for (const device of expected) {
    const role = identity.roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role) audit.perGpuRole[deviceLabel(device.hostname, device.gpuIndex, observedByKey.get(deviceKey(device.hostname, device.gpuIndex)))] = role;
  }
  const window = await selectWindow(audit, scan, logsRoot, options.benchResult, options.bench);
  if (!window || !options.bench || expected.length === 0) return audit;
  const results = /* @__PURE__ */ new Map();
  const roleOf = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const key = deviceKey(device.hostname, device.gpuIndex);
    const seen = observedByKey.get(key);
    const label = deviceLabel(device.hostname, device.gpuIndex, seen);
    results.set(label, seen ? integrateDevice(seen, window.start, window.end) : { sampleCount: 0, issue: "insufficient_power_samples" });
    roleOf.set(label, identity.roles.get(key));
  }
  audit.devices = summariseDevices(results, { start: window.start, end: window.end, maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S, expectedGpus: options.prefillGpus + options.decodeGpus }, audit.findings, join3(powerDir, "samples.csv"));
  if (audit.findings.size > 0 || audit.devices.totalEnergyJ === void 0) return audit;
  const bench = options.bench;
  const durationS = window.end - window.start;
  const total = audit.devices.totalEnergyJ;
  const roleEnergy = (role) => audit.devices.gpuIds.filter((id) => roleOf.get(id) === role).reduce((sum, id) => sum + audit.devices.energyJ[id], 0);
  const metrics = {
    avg_power_w: total / durationS / expected.length,
    avg_total_gpu_power_w: total / durationS,
    total_gpu_energy_j: total,
    joules_per_successful_query: total / bench.completed,
    joules_per_input_token: total / bench.totalInputTokens,
    joules_per_output_token: total / bench.totalOutputTokens,
    joules_per_total_token: total / (bench.totalInputTokens + bench.totalOutputTokens)
  };
  if (options.decodeGpus > 0 && options.prefillGpus > 0) {
    const prefill = roleEnergy("prefill");
    metrics.prefill_gpu_energy_j = prefill;
    metrics.prefill_avg_power_w = prefill / durationS / options.prefillGpus;
    metrics.prefill_joules_per_input_token = prefill / bench.totalInputTokens;
  }
  if (options.decodeGpus > 0) {
    const decode = roleEnergy("decode");
    metrics.decode_gpu_energy_j = decode;
    metrics.decode_avg_power_w = decode / durationS / options.decodeGpus;
    metrics.decode_joules_per_output_token = decode / bench.totalOutputTokens;
  }
  const nonFinite = Object.keys(metrics).filter((k) => !Number.isFinite(metrics[k]));
  if (nonFinite.length > 0) {
    fail(audit, "non_finite_power_metric", `${join3(powerDir, "samples.csv")}: ${nonFinite.join(", ")} overflowed; the samples hold absurd power values.`);
    return audit;
  }
  audit.metrics = metrics;
  return audit;
}
async function selectWindow(audit, scan, logsRoot, benchResult, bench) {
  const processed = await readJson(benchResult, MAX_JSON_BYTES);
  if (processed.error !== void 0 || typeof processed.value !== "object" || processed.value === null || Array.isArray(processed.value)) {
    fail(audit, "invalid_benchmark_result", `${benchResult}: ${processed.error ?? "not a JSON object"}.`);
    return void 0;
  }
  const concurrency = processed.value.max_concurrency;
  const matches = [...scan.parsed.values()].filter((w) => w.status === "completed" && w.concurrency === concurrency);
  if (matches.length !== 1) {
    fail(audit, "window_for_result_missing", `found ${matches.length} completed measurement windows for max_concurrency ${JSON.stringify(concurrency)} in the power package; expected exactly one.`);
    return void 0;
  }
  const window = matches[0];
  const original = await readOriginalResult(logsRoot, window.resultPath);
  if (original === void 0) {
    fail(audit, "measurement_window_result_missing", `${join3(logsRoot, window.resultPath)}: the original result of ${window.relativePath} cannot be read.`);
    return void 0;
  }
  if (canonicalJson(original) !== canonicalJson(processed.value)) {
    fail(audit, "result_content_mismatch", `${benchResult} differs from the original ${window.resultPath} that ${window.relativePath} measured.`);
    return void 0;
  }
  if (bench && (bench.startUnix !== window.start || bench.endUnix !== window.end)) {
    fail(audit, "measurement_window_result_mismatch", `${benchResult}: benchmark window ${bench.startUnix}..${bench.endUnix} is not ${window.relativePath}'s ${window.start}..${window.end}.`);
    return void 0;
  }
  audit.selectedWindow = { window_file: window.relativePath, result_path: window.resultPath, benchmark_type: window.benchmarkType, concurrency: window.concurrency, start_time_unix: window.start, end_time_unix: window.end, duration: window.duration };
  return window;
}
async function runAggregateMultinode(options) {
  const benchResult = resolve3(options.cwd, options.benchResult);
  const aggResult = resolve3(options.cwd, options.aggResult);
  const powerDir = resolve3(options.cwd, options.powerDir ?? (options.env.POWER_ARTIFACT_DIR || "LOGS/power"));
  const logsRoot = resolve3(options.cwd, options.logsRoot ?? (options.env.POWER_RESULT_ROOT || "LOGS"));
  const sidecarPath = options.validationResult ? resolve3(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const expectedProducerSha = options.expectedProducerSha ?? (options.env.POWER_PRODUCER_SHA || void 0);
  const log = { stdout: [], stderr: [] };
  const bench = await loadBench(benchResult);
  const effective = bench.findings.length === 0 ? bench.window : void 0;
  const audit = await auditPackage({ powerDir, logsRoot, benchResult, bench: effective, prefillGpus: options.prefillGpus, decodeGpus: options.decodeGpus, expectedProducerSha });
  for (const finding of bench.findings) {
    audit.findings.add(finding.code, finding.message);
    audit.failures.push(finding.message);
  }
  let valid = audit.findings.size === 0 && Object.keys(audit.metrics).length > 0;
  if (!valid) audit.metrics = {};
  if (!await patchAggPower(aggResult, valid, audit.metrics, audit.findings)) {
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
      benchmark_window: bench.window ? { start_time_unix: bench.window.startUnix, end_time_unix: bench.window.endUnix, reported_duration_s: bench.window.reportedDurationS, integration_duration_s: bench.window.endUnix - bench.window.startUnix, completed: bench.window.completed, total_input_tokens: bench.window.totalInputTokens, total_output_tokens: bench.window.totalOutputTokens } : null,
      selected_window: audit.selectedWindow,
      integration_method: INTEGRATION_METHOD,
      max_sample_gap_s: PACKAGE_MAX_SAMPLE_GAP_S,
      producer: {
        producer_git_commit: audit.producerCommit,
        expected_producer_git_commit: expectedProducerSha ?? null,
        exporter_image_sha256: audit.exporterImageSha256,
        stored_publication_valid: audit.storedValid,
        recomputed_publication_valid: audit.recomputedValid
      },
      expected_gpu_count: audit.expectedGpuCount,
      observed_gpu_count: audit.observedGpuCount,
      per_gpu_role: audit.perGpuRole,
      per_gpu_sample_counts: audit.devices.sampleCounts,
      per_gpu_max_sample_gap_s: audit.devices.maxGapS,
      // Overflowed energies become null: strict JSON parsers reject Infinity.
      per_gpu_energy_j: Object.fromEntries(Object.entries(audit.devices.energyJ).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
      device_issues: audit.devices.issues,
      metrics: Object.fromEntries(Object.entries(audit.metrics).map(([k, v]) => [k, pyRound(v, 6)]))
    };
    await writeFileAtomic(sidecarPath, `${JSON.stringify(sidecar, null, 2)}
`);
    sidecarWritten = true;
  } catch (error) {
    log.stderr.push(`sweep-power aggregate-multinode: cannot write the validation sidecar ${sidecarPath}: ${error.message}`);
  }
  if (valid) {
    const m = audit.metrics;
    const role = (key) => m[key] === void 0 ? "" : ` ${key}=${m[key].toFixed(2)}`;
    log.stdout.push(`sweep-power aggregate-multinode: avg_power_w=${m.avg_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)}${role("prefill_gpu_energy_j")}${role("decode_gpu_energy_j")} (n=${audit.expectedGpuCount}) -> ${aggResult}`);
  } else {
    log.stderr.push(`sweep-power aggregate-multinode: power invalid: ${reasons.map((r) => r.code).join(", ")} (details: ${sidecarPath})`);
    for (const reason of reasons) log.stderr.push(`  ${reason.code}: ${reason.message}`);
  }
  const exitCode = (!valid || !sidecarWritten) && options.requirePower ? 1 : 0;
  return { valid, reasons: reasons.map((r) => r.code), metrics: audit.metrics, aggResult, sidecarPath, sidecarWritten, exitCode, log };
}

// src/commands/processResult.ts
import { join as join4, resolve as resolve4 } from "node:path";

// src/core/topology.ts
function envFlag(value) {
  return (value ?? "").toLowerCase() === "true";
}
var INTEGER = /^\s*[+-]?\d+\s*$/;
var EnvReader = class {
  constructor(env) {
    this.env = env;
  }
  env;
  problems = [];
  has(name) {
    return this.env[name] !== void 0;
  }
  text(name, what) {
    const value = this.env[name];
    if (value === void 0) {
      this.problems.push({ variable: name, problem: `missing; expected ${what}` });
      return "";
    }
    return value;
  }
  /** An integer >= minimum; absent uses `fallback` when one is given, else it is a problem. */
  integer(name, minimum, what, fallback) {
    const raw = this.env[name];
    const expected = `${what}, an integer >= ${minimum}`;
    if (raw === void 0) {
      if (fallback !== void 0) return fallback;
      this.problems.push({ variable: name, problem: `missing; expected ${expected}` });
      return Number.NaN;
    }
    if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
      this.problems.push({ variable: name, problem: `is "${clip2(raw)}"; expected ${expected}` });
      return Number.NaN;
    }
    const value = Number(raw);
    if (value < minimum) {
      this.problems.push({ variable: name, problem: `is ${value}; expected ${expected}` });
      return Number.NaN;
    }
    return value === 0 ? 0 : value;
  }
};
function clip2(text2) {
  const shown = text2.replace(/[\u0000-\u001f\u007f]/g, "?");
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}
function pool(env, role, gpus) {
  const name = role.toLowerCase();
  return {
    gpus,
    numWorkers: env.integer(`${role}_NUM_WORKERS`, 1, `the number of ${name} workers`),
    tp: env.integer(`${role}_TP`, 1, `the ${name} workers' tensor-parallel size`),
    pp: env.integer(`${role}_PP_SIZE`, 1, `the ${name} pipeline-parallel size (default 1)`, 1),
    dcpSize: env.integer(`${role}_DCP_SIZE`, 1, `the ${name} decode-context-parallel size (default 1)`, 1),
    pcpSize: env.integer(`${role}_PCP_SIZE`, 1, `the ${name} prefill-context-parallel size (default 1)`, 1),
    ep: env.integer(`${role}_EP`, 0, `the ${name} workers' expert-parallel size`),
    dpAttention: env.text(`${role}_DP_ATTN`, `the ${name} workers' data-parallel attention flag (true/false)`)
  };
}
function absentDecodePool(env) {
  env.integer("DECODE_TP", 0, "the decode workers' tensor-parallel size", 0);
  env.integer("DECODE_EP", 0, "the decode workers' expert-parallel size", 0);
  for (const size of ["PP_SIZE", "DCP_SIZE", "PCP_SIZE"]) env.integer(`DECODE_${size}`, 1, `the decode ${size.replace("_SIZE", "")} size (default 1)`, 1);
  return {
    gpus: 0,
    numWorkers: env.integer("DECODE_NUM_WORKERS", 0, "the number of decode workers (0 in an aggregated run)", 0),
    tp: 0,
    pp: 1,
    dcpSize: 1,
    pcpSize: 1,
    ep: 0,
    dpAttention: env.has("DECODE_DP_ATTN") ? env.text("DECODE_DP_ATTN", "") : ""
  };
}
function classifyTopology(envMap) {
  const env = new EnvReader(envMap);
  const hardware = { prefill: envMap.PREFILL_HARDWARE ?? "", decode: envMap.DECODE_HARDWARE ?? "" };
  if (hardware.prefill === "" !== (hardware.decode === "")) {
    const [set, unset] = hardware.prefill === "" ? ["DECODE_HARDWARE", "PREFILL_HARDWARE"] : ["PREFILL_HARDWARE", "DECODE_HARDWARE"];
    env.problems.push({ variable: unset, problem: `missing while ${set} is set; expected both hardware names (heterogeneous deployment) or neither` });
  }
  if (!envFlag(envMap.IS_MULTINODE)) {
    if (envFlag(envMap.DISAGG)) {
      env.problems.push({ variable: "DISAGG", problem: "is true but IS_MULTINODE is not; a disaggregated run needs separate prefill and decode nodes (set IS_MULTINODE=true with PREFILL_*/DECODE_*, or DISAGG=false)" });
    }
    const tp = env.integer("TP", 1, "the tensor-parallel size");
    const ep = env.integer("EP_SIZE", 0, "the expert-parallel size");
    const dpAttention = env.text("DP_ATTENTION", "the data-parallel attention flag (true/false)");
    const pp = env.integer("PP_SIZE", 1, "the pipeline-parallel size (default 1)", 1);
    const dcpSize = env.integer("DCP_SIZE", 1, "the decode-context-parallel size (default 1)", 1);
    const pcpSize = env.integer("PCP_SIZE", 1, "the prefill-context-parallel size (default 1)", 1);
    if (env.problems.length > 0) return { ok: false, problems: env.problems };
    return { ok: true, topology: { kind: "single-node", disagg: false, tp, pp, dcpSize, pcpSize, ep, dpAttention, gpuCount: tp * pp * pcpSize } };
  }
  const prefillGpus = env.integer("PREFILL_GPUS", 1, "the number of prefill GPUs (all GPUs in an aggregated run)");
  const decodeGpus = env.integer("DECODE_GPUS", 0, "the number of decode GPUs (0 for an aggregated run)");
  const prefill = pool(env, "PREFILL", prefillGpus);
  const aggregated = decodeGpus === 0;
  const decode = aggregated ? absentDecodePool(env) : pool(env, "DECODE", decodeGpus);
  if (env.problems.length > 0) return { ok: false, problems: env.problems };
  const topology = {
    kind: aggregated ? "multinode-agg" : "multinode-disagg",
    disagg: !aggregated,
    prefill,
    decode,
    totalGpus: prefillGpus + decodeGpus
  };
  if (hardware.prefill !== "") {
    topology.prefillHardware = hardware.prefill;
    topology.decodeHardware = hardware.decode;
  }
  return { ok: true, topology };
}

// src/core/processResult.ts
var REQUIRED_ENV = ["RUNNER_TYPE", "FRAMEWORK", "PRECISION", "SPEC_DECODING", "RESULT_FILENAME", "ISL", "OSL", "DISAGG", "MODEL_PREFIX", "IMAGE"];
var COMPONENT_METADATA_ENV = [["ROUTER_METADATA", "router"]];
function checkResultFilename(name) {
  if (name === "") return "is empty; expected the benchmark result file name without .json";
  if (/[/\\]/.test(name) || name === "." || name === ".." || name.includes("\0")) {
    return `is "${name.replace(/[\u0000-\u001f]/g, "?")}"; expected a plain file name in the result folder (no path separators, no "..")`;
  }
  return void 0;
}
function componentMetadata(env, variable, problems) {
  const raw = env[variable];
  if (raw === void 0 || raw === "" || raw === "null") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({ subject: variable, problem: 'is not valid JSON; expected {"name": "...", "version": "..."}' });
    return void 0;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    problems.push({ subject: variable, problem: 'is not a JSON object; expected exactly {"name": "...", "version": "..."}' });
    return void 0;
  }
  const keys = Object.keys(parsed);
  if (keys.length !== 2 || !keys.includes("name") || !keys.includes("version")) {
    problems.push({ subject: variable, problem: `has keys [${keys.join(", ")}]; expected exactly "name" and "version"` });
    return void 0;
  }
  const entries = Object.entries(parsed);
  if (!entries.every(([, v]) => typeof v === "string" && v !== "")) {
    problems.push({ subject: variable, problem: "name and version must be non-empty strings" });
    return void 0;
  }
  return entries;
}
var NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
function numberOf(raw) {
  if (raw === "NaN") return Number.NaN;
  if (raw === "Infinity") return Infinity;
  if (raw === "-Infinity") return -Infinity;
  return NUMBER_TEXT.test(raw) ? Number(raw) : void 0;
}
function describe(raw) {
  const kind = raw.startsWith('"') ? "a string" : raw.startsWith("[") ? "a list" : raw.startsWith("{") ? "an object" : raw;
  return kind.length > 40 ? `${kind.slice(0, 37)}...` : kind;
}
function processResult(env, benchSource, benchText) {
  const problems = [];
  for (const name of REQUIRED_ENV) {
    if (env[name] === void 0) problems.push({ subject: name, problem: "missing; it is required for every run" });
  }
  const resultFilename = env.RESULT_FILENAME ?? "";
  if (env.RESULT_FILENAME !== void 0) {
    const bad = checkResultFilename(resultFilename);
    if (bad) problems.push({ subject: "RESULT_FILENAME", problem: bad });
  }
  const sequence = (name) => {
    const raw = env[name];
    if (raw === void 0) return Number.NaN;
    if (!/^\s*\+?\d+\s*$/.test(raw) || !(Number(raw) > 0) || !Number.isSafeInteger(Number(raw))) {
      problems.push({ subject: name, problem: `is "${raw.slice(0, 40)}"; expected the ${name === "ISL" ? "input" : "output"} sequence length, a positive integer` });
      return Number.NaN;
    }
    return Number(raw);
  };
  const isl = sequence("ISL");
  const osl = sequence("OSL");
  const metadata = [];
  for (const [variable, key] of COMPONENT_METADATA_ENV) {
    const entries = componentMetadata(env, variable, problems);
    if (entries) metadata.push([key, entries]);
  }
  const classified = classifyTopology(env);
  if (!classified.ok) problems.push(...classified.problems.map((p) => ({ subject: p.variable, problem: p.problem })));
  if (benchText === void 0) return { ok: false, problems };
  const bench = readBench(benchText, benchSource, problems);
  if (problems.length > 0 || !bench || !classified.ok) return { ok: false, problems };
  const topology = classified.topology;
  const members = [
    ["hw", pyJsonString(env.RUNNER_TYPE)],
    ["conc", pyJsonInt(bench.concurrency)],
    ["image", pyJsonString(env.IMAGE)],
    ["model", pyJsonString(bench.modelId)],
    ["infmax_model_prefix", pyJsonString(env.MODEL_PREFIX)],
    ["framework", pyJsonString(env.FRAMEWORK)],
    ["precision", pyJsonString(env.PRECISION)],
    ["spec_decoding", pyJsonString(env.SPEC_DECODING)],
    // The topology decides: a multinode run without a decode pool is aggregated whatever DISAGG says.
    ["disagg", String(topology.disagg)],
    ["recipe_fingerprint", pyJsonString(env.RECIPE_FINGERPRINT ?? "")],
    ["isl", pyJsonInt(isl)],
    ["osl", pyJsonInt(osl)]
  ];
  for (const [key, entries] of metadata) members.push([key, pyJsonStringObject(entries, 1)]);
  if (env.KV_P2P_TRANSFER) members.push(["kv_p2p_transfer", pyJsonString(env.KV_P2P_TRANSFER)]);
  const inputThroughput = bench.totalThroughput - bench.outputThroughput;
  if (topology.kind === "single-node") {
    const gpus = topology.gpuCount;
    members.push(
      ["is_multinode", "false"],
      ["tp", pyJsonInt(topology.tp)],
      ["pp", pyJsonInt(topology.pp)],
      ["dcp_size", pyJsonInt(topology.dcpSize)],
      ["pcp_size", pyJsonInt(topology.pcpSize)],
      ["ep", pyJsonInt(topology.ep)],
      ["dp_attention", pyJsonString(topology.dpAttention)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / gpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / gpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / gpus)]
    );
  } else {
    const { prefill, decode } = topology;
    const outputGpus = decode.gpus > 0 ? decode.gpus : topology.totalGpus;
    members.push(
      ["is_multinode", "true"],
      ["prefill_tp", pyJsonInt(prefill.tp)],
      ["prefill_pp", pyJsonInt(prefill.pp)],
      ["prefill_dcp_size", pyJsonInt(prefill.dcpSize)],
      ["prefill_pcp_size", pyJsonInt(prefill.pcpSize)],
      ["prefill_ep", pyJsonInt(prefill.ep)],
      ["prefill_dp_attention", pyJsonString(prefill.dpAttention)],
      ["prefill_num_workers", pyJsonInt(prefill.numWorkers)],
      ["decode_tp", pyJsonInt(decode.tp)],
      ["decode_pp", pyJsonInt(decode.pp)],
      ["decode_dcp_size", pyJsonInt(decode.dcpSize)],
      ["decode_pcp_size", pyJsonInt(decode.pcpSize)],
      ["decode_ep", pyJsonInt(decode.ep)],
      ["decode_dp_attention", pyJsonString(decode.dpAttention)],
      ["decode_num_workers", pyJsonInt(decode.numWorkers)],
      ["num_prefill_gpu", pyJsonInt(prefill.gpus)],
      ["num_decode_gpu", pyJsonInt(decode.gpus)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / topology.totalGpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / outputGpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / prefill.gpus)]
    );
    if (topology.prefillHardware !== void 0) {
      members.push(["prefill_hw", pyJsonString(topology.prefillHardware)], ["decode_hw", pyJsonString(topology.decodeHardware)]);
    }
  }
  const ordered = new Map(members);
  for (const [key, value] of bench.conversions) ordered.set(key, value);
  const rendered = [...ordered].map(([key, valueRaw]) => ({ key, keyRaw: pyJsonString(key), valueRaw }));
  return { ok: true, agg: { text: renderTopLevelObject(rendered), topology, resultFilename } };
}
function readBench(text2, source, problems) {
  const parsed = readTopLevelObject(text2);
  if (!parsed.ok) {
    const trimmed = text2.replace(/^\uFEFF/, "").trimStart();
    const what = trimmed.startsWith("[") ? "is a JSON list; expected one benchmark result object" : `is not a JSON object (${parsed.error})`;
    problems.push({ subject: source, problem: `${what}. Point RESULT_FILENAME at the benchmark client's --save-result output.` });
    return void 0;
  }
  const values = /* @__PURE__ */ new Map();
  for (const member of parsed.members) values.set(member.key, member.valueRaw);
  const before = problems.length;
  const field = (key) => {
    const raw = values.get(key);
    if (raw === void 0) problems.push({ subject: `${source}: ${key}`, problem: "missing; the benchmark client writes it in every result" });
    return raw;
  };
  const finite2 = (key) => {
    const raw = field(key);
    if (raw === void 0) return Number.NaN;
    const n = numberOf(raw);
    if (n === void 0 || !Number.isFinite(n)) {
      problems.push({ subject: `${source}: ${key}`, problem: `is ${describe(raw)}; expected a finite number` });
      return Number.NaN;
    }
    return n;
  };
  let concurrency = Number.NaN;
  const concRaw = field("max_concurrency");
  if (concRaw !== void 0) {
    const n = numberOf(concRaw);
    if (n === void 0 || !Number.isSafeInteger(n) || n <= 0) problems.push({ subject: `${source}: max_concurrency`, problem: `is ${describe(concRaw)}; expected a positive integer` });
    else concurrency = n;
  }
  let modelId = "";
  const modelRaw = field("model_id");
  if (modelRaw !== void 0) {
    const value = modelRaw.startsWith('"') ? JSON.parse(modelRaw) : void 0;
    if (typeof value !== "string" || value === "") problems.push({ subject: `${source}: model_id`, problem: `is ${describe(modelRaw)}; expected the model name as a non-empty string` });
    else modelId = value;
  }
  const totalThroughput = finite2("total_token_throughput");
  const outputThroughput = finite2("output_throughput");
  const conversions = [];
  for (const [key, raw] of values) {
    const isMs = key.endsWith("ms");
    const isTpot = key.includes("tpot");
    if (!isMs && !isTpot) continue;
    const n = numberOf(raw);
    if (n === void 0) {
      problems.push({ subject: `${source}: ${key}`, problem: `is ${describe(raw)}; keys ending in "ms" or naming "tpot" must hold a number (milliseconds)` });
      continue;
    }
    if (isMs) conversions.push([key.replaceAll("_ms", ""), pyJsonFloat(n / 1e3)]);
    if (isTpot) {
      if (n === 0) {
        problems.push({ subject: `${source}: ${key}`, problem: "is 0; interactivity is 1000 / tpot, so tpot must be non-zero" });
        continue;
      }
      conversions.push([key.replaceAll("_ms", "").replaceAll("tpot", "intvty"), pyJsonFloat(1e3 / n)]);
    }
  }
  if (problems.length > before) return void 0;
  return { concurrency, modelId, totalThroughput, outputThroughput, conversions };
}

// src/commands/processResult.ts
var EXIT_CONFIG = 1;
var requiresPower = (env) => ["1", "true", "yes"].includes((env.REQUIRE_POWER ?? "").trim().toLowerCase());
async function runProcessResult(options, steps = { aggregate: runAggregate, aggregateMultinode: runAggregateMultinode }) {
  const log = { stdout: [], stderr: [] };
  const dir = resolve4(options.cwd, options.resultDir ?? ".");
  const env = options.env;
  const name = env.RESULT_FILENAME;
  const readProblems = [];
  let benchPath = join4(dir, `${name ?? "<RESULT_FILENAME>"}.json`);
  let benchText;
  if (name !== void 0 && checkResultFilename(name) === void 0) {
    benchPath = join4(dir, `${name}.json`);
    try {
      benchText = await readTextBounded(benchPath, MAX_JSON_BYTES);
    } catch (error) {
      const code = error.code;
      readProblems.push({ subject: benchPath, problem: code === "ENOENT" ? "no such file; check RESULT_FILENAME (without .json) and --result-dir" : `cannot be read (${error.message})` });
    }
  }
  const outcome = processResult(env, benchPath, benchText);
  if (!outcome.ok || readProblems.length > 0) {
    const problems = [...readProblems, ...outcome.ok ? [] : outcome.problems];
    log.stderr.push(`sweep-power process-result: ${problems.length} configuration problem(s); nothing was written:`);
    for (const p of problems) log.stderr.push(`  ${p.subject}: ${p.problem}`);
    return { exitCode: EXIT_CONFIG, aggWritten: false, problems, log };
  }
  const { agg } = outcome;
  const aggPath = join4(dir, `agg_${agg.resultFilename}.json`);
  const sidecarPath = join4(dir, `power_validation_${agg.resultFilename}.json`);
  try {
    await writeFileAtomic(aggPath, agg.text);
  } catch (error) {
    log.stderr.push(`sweep-power process-result: cannot write ${aggPath}: ${error.message}`);
    return { exitCode: 1, topology: agg.topology.kind, aggResult: aggPath, aggWritten: false, problems: [], log };
  }
  log.stdout.push(`sweep-power process-result: ${agg.topology.kind} -> ${aggPath}`);
  const requirePower = requiresPower(env);
  const topology = agg.topology;
  const expectedGpus = topology.kind === "single-node" ? topology.gpuCount : topology.totalGpus;
  let power;
  let exitCode = 0;
  try {
    if (topology.kind === "single-node") {
      const result = await steps.aggregate({ benchResult: benchPath, aggResult: aggPath, expectedNumGpus: expectedGpus, validationResult: sidecarPath, requirePower, cwd: dir, env });
      power = { valid: result.valid, reasons: result.reasons.map((r) => r.code), sidecarPath };
      log.stdout.push(...result.log.stdout);
      log.stderr.push(...result.log.stderr);
      exitCode = result.exitCode;
    } else {
      const result = await steps.aggregateMultinode({ benchResult: benchPath, aggResult: aggPath, prefillGpus: topology.prefill.gpus, decodeGpus: topology.decode.gpus, validationResult: sidecarPath, requirePower, cwd: dir, env });
      power = { valid: result.valid, reasons: result.reasons, sidecarPath };
      log.stdout.push(...result.log.stdout);
      log.stderr.push(...result.log.stderr);
      exitCode = result.exitCode;
    }
  } catch (error) {
    log.stderr.push(`sweep-power process-result: power aggregation failed: ${error?.message ?? String(error)}`);
    const telemetrySource = topology.kind === "single-node" ? resolveTelemetryPath(env, dir).path : resolve4(dir, env.POWER_ARTIFACT_DIR || "LOGS/power");
    await recordInternalError(aggPath, sidecarPath, benchPath, telemetrySource, expectedGpus, error, log);
    power = { valid: false, reasons: ["aggregation_internal_error"], sidecarPath };
    exitCode = requirePower ? 1 : 0;
  }
  return { exitCode, topology: topology.kind, aggResult: aggPath, aggWritten: true, problems: [], power, log };
}
async function recordInternalError(aggPath, sidecarPath, benchPath, telemetrySource, expectedGpus, error, log) {
  const message = error instanceof Error ? error.message : String(error);
  const findings = new Findings();
  findings.add("aggregation_internal_error", `power aggregation failed unexpectedly (${message.slice(0, 200)}); the agg JSON keeps power_valid 0. Report this with the telemetry attached.`);
  const patched = await patchAggPower(aggPath, false, {}, findings);
  if (!patched) log.stderr.push(`sweep-power process-result: could not mark ${aggPath} power_valid 0: ${findings.list().slice(1).map((f) => f.message).join("; ")}`);
  try {
    const sidecar = buildSidecar({
      telemetrySource,
      benchResult: benchPath,
      valid: false,
      findings: findings.list().slice(0, 1),
      expectedGpus,
      devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
      metrics: {},
      maxSampleGapS: DEFAULT_MAX_SAMPLE_GAP_S
    });
    sidecar.internal_error = { type: error instanceof Error ? error.name : typeof error, message: message.slice(0, 500) };
    await writeFileAtomic(sidecarPath, `${JSON.stringify(sidecar, null, 2)}
`);
  } catch (sidecarError) {
    log.stderr.push(`sweep-power process-result: cannot write the validation sidecar ${sidecarPath}: ${sidecarError.message}`);
  }
}

// src/io/results.ts
import { readdir as readdir4 } from "node:fs/promises";
import { basename as basename2, dirname as dirname4, join as join6, relative as relative3 } from "node:path";

// src/io/workspace.ts
import { readdir as readdir3, realpath as realpath2, stat as stat4 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join5, relative as relative2, resolve as resolve5, sep as sep2 } from "node:path";
var OutsideWorkspaceError = class extends Error {
  code = "path_outside_workspace";
};
function inside(root, path) {
  const rel = relative2(root, path);
  return rel === "" || !rel.startsWith(`..${sep2}`) && rel !== ".." && !isAbsolute2(rel);
}
async function confinePath(workspace, input) {
  const root = resolve5(workspace);
  if (input.split(/[\\/]/).includes("..")) throw new OutsideWorkspaceError(`"${input}" contains "..": paths must stay inside the workspace ${root}`);
  const path = resolve5(root, input);
  if (!inside(root, path)) throw new OutsideWorkspaceError(`"${input}" is outside the workspace ${root}`);
  let real;
  try {
    real = await realpath2(path);
  } catch {
    return path;
  }
  const realRoot = await realpath2(root).catch(() => root);
  if (!inside(realRoot, real)) throw new OutsideWorkspaceError(`"${input}" resolves through a symlink to ${real}, outside the workspace ${realRoot}`);
  return path;
}
function hasGlob(pattern) {
  return /[*?[\]{}]/.test(pattern);
}
function globToRegExp(pattern) {
  let out = "";
  let i = 0;
  let braces = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        const slashAfter = pattern[i + 2] === "/";
        out += slashAfter ? "(?:[^/]+/)*" : ".*";
        i += slashAfter ? 3 : 2;
        continue;
      }
      out += "[^/]*";
    } else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) out += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === "{") {
      braces += 1;
      out += "(?:";
    } else if (ch === "}" && braces > 0) {
      braces -= 1;
      out += ")";
    } else if (ch === "," && braces > 0) out += "|";
    else out += ch.replace(/[.+^$()|\\]/g, "\\$&");
    i += 1;
  }
  return new RegExp(`^${out}$`);
}
async function findFiles(workspace, input, options) {
  const root = resolve5(workspace);
  const confine = options.confine ?? true;
  const normalized = input.replace(/\\/g, "/");
  let base;
  let pattern;
  if (hasGlob(normalized)) {
    const parts = normalized.split("/");
    const firstGlob = parts.findIndex(hasGlob);
    const prefix = parts.slice(0, firstGlob).join("/");
    base = prefix === "" ? normalized.startsWith("/") ? "/" : "." : prefix;
    pattern = parts.slice(firstGlob).join("/");
  } else {
    base = normalized;
    pattern = options.defaultPattern ?? "**/*.json";
  }
  const baseDir = confine ? await confinePath(root, base) : resolve5(root, base);
  const info = await stat4(baseDir).catch(() => void 0);
  if (!info) throw new Error(`"${input}": ${baseDir} does not exist`);
  if (info.isFile() && !hasGlob(normalized)) return { files: [baseDir], refused: [], truncated: false };
  const matcher = globToRegExp(pattern);
  const realRoot = confine ? await realpath2(root).catch(() => root) : "";
  const files = [];
  const refused = [];
  let truncated = false;
  const walk = async (dir, rel) => {
    if (truncated) return;
    const entries = await readdir3(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const relPath = rel === "" ? entry.name : `${rel}/${entry.name}`;
      const full = join5(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile2 = entry.isFile();
      if (entry.isSymbolicLink()) {
        const real = await realpath2(full).catch(() => void 0);
        if (real === void 0) continue;
        if (confine && !inside(realRoot, real)) {
          if (matcher.test(relPath)) refused.push(full);
          continue;
        }
        const target = await stat4(real);
        isDir = false;
        isFile2 = target.isFile();
      }
      if (isDir) {
        if (entry.name !== ".git") await walk(full, relPath);
      } else if (isFile2 && matcher.test(relPath)) {
        if (files.length >= options.maxFiles) {
          truncated = true;
          return;
        }
        files.push(full);
      }
      if (truncated) return;
    }
  };
  await walk(baseDir, "");
  return { files, refused, truncated };
}

// src/core/report/rows.ts
function text(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return "";
}
function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function flag(value) {
  return value === true || typeof value === "string" && value.trim().toLowerCase() === "true";
}
function topologyOf(agg) {
  const multinode = flag(agg.is_multinode);
  const disagg = flag(agg.disagg);
  if (multinode) return disagg ? "multi-node disagg" : "multi-node";
  return disagg ? "single-node disagg" : "single-node";
}
function powerStatusOf(agg) {
  const v = agg.power_valid;
  if (v === 1 || v === true) return "valid";
  if (v === 0 || v === false) return "invalid";
  return "missing";
}
function reasonsOf(...sources) {
  const codes = [];
  for (const source of sources) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const code = typeof item === "string" ? item : typeof item === "object" && item !== null ? text(item.code) : "";
      if (code !== "" && !codes.includes(code)) codes.push(code);
    }
    if (codes.length > 0) break;
  }
  return codes;
}
function rowFromAgg(source, agg, sidecar) {
  const status = powerStatusOf(agg);
  return {
    source,
    model: text(agg.model) || text(agg.infmax_model_prefix),
    hardware: text(agg.hw),
    framework: text(agg.framework),
    precision: text(agg.precision),
    isl: text(agg.isl),
    osl: text(agg.osl),
    conc: text(agg.conc),
    topology: topologyOf(agg),
    avgPowerW: status === "valid" ? finite(agg.avg_power_w) : void 0,
    joulesPerOutputToken: status === "valid" ? finite(agg.joules_per_output_token) : void 0,
    status,
    reasons: status === "invalid" ? reasonsOf(sidecar?.reasons, agg.power_invalid_reasons) : []
  };
}
function numericOrText(a, b) {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareRows(a, b) {
  return numericOrText(a.model, b.model) || numericOrText(a.hardware, b.hardware) || numericOrText(a.framework, b.framework) || numericOrText(a.precision, b.precision) || numericOrText(a.isl, b.isl) || numericOrText(a.osl, b.osl) || numericOrText(a.conc, b.conc) || numericOrText(a.topology, b.topology) || numericOrText(a.source, b.source);
}

// src/io/results.ts
var MAX_RESULT_BYTES = 4 * 1024 * 1024;
var MAX_RESULT_FILES = 5e4;
var READ_CONCURRENCY = 64;
var SIDECAR_PREFIX = "power_validation_";
function sidecarNameFor(aggPath) {
  const name = basename2(aggPath);
  const stem2 = name.replace(/^agg_/, "").replace(/\.json$/, "");
  return `${SIDECAR_PREFIX}${stem2}.json`;
}
function isAggResult(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value;
  return "hw" in v || "power_valid" in v || "is_multinode" in v;
}
async function mapBounded(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
async function loadResults(root, input, options) {
  const found = await findFiles(root, input, { maxFiles: options.maxFiles ?? MAX_RESULT_FILES, confine: options.confine });
  const candidates = found.files.filter((f) => !basename2(f).startsWith(SIDECAR_PREFIX));
  const folderListings = /* @__PURE__ */ new Map();
  const namesIn = (dir) => {
    let listing = folderListings.get(dir);
    if (!listing) {
      listing = readdir4(dir).then((n) => new Set(n), () => /* @__PURE__ */ new Set());
      folderListings.set(dir, listing);
    }
    return listing;
  };
  const rows = [];
  const unreadable = [];
  let skipped = found.files.length - candidates.length;
  const display = (path) => relative3(root, path) || basename2(path);
  const results = await mapBounded(candidates, READ_CONCURRENCY, async (path) => {
    let agg;
    try {
      agg = JSON.parse(await readTextBounded(path, MAX_RESULT_BYTES));
    } catch (error) {
      return { unreadable: { source: display(path), reason: error.message.replace(path, display(path)) } };
    }
    if (!isAggResult(agg)) return { skipped: true };
    let sidecar;
    const sidecarName = sidecarNameFor(path);
    if ((await namesIn(dirname4(path))).has(sidecarName)) {
      try {
        const parsed = JSON.parse(await readTextBounded(join6(dirname4(path), sidecarName), MAX_RESULT_BYTES));
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) sidecar = parsed;
      } catch {
      }
    }
    return { row: rowFromAgg(display(path), agg, sidecar) };
  });
  for (const r of results) {
    if ("row" in r && r.row) rows.push(r.row);
    else if ("unreadable" in r && r.unreadable) unreadable.push(r.unreadable);
    else skipped += 1;
  }
  return { rows, unreadable, skipped, refused: found.refused.map(display), truncated: found.truncated };
}

// src/core/report/render.ts
var COMMENT_LIMIT_CHARS = 65536;
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function visualizerLinks(visualizerUrl, runId) {
  if (!visualizerUrl || !runId || !/^\d+$/.test(runId)) return void 0;
  const base = visualizerUrl.replace(/\/+$/, "");
  const inference = safeUrl(`${base}/inference?unofficialRun=${runId}`);
  const evaluation = safeUrl(`${base}/evaluation?unofficialRun=${runId}`);
  return inference && evaluation ? { inference, evaluation } : void 0;
}
function countRows(rows, unreadable = 0) {
  const counts = { total: rows.length, valid: 0, invalid: 0, missing: 0, unreadable };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
function formatWatts(w) {
  return w === void 0 ? "\u2013" : w.toFixed(1);
}
function formatJoulesPerToken(j) {
  if (j === void 0) return "\u2013";
  return Math.abs(j) >= 100 ? j.toFixed(1) : String(Number(j.toPrecision(3)));
}
var STATUS_CELL = { valid: "\u2705 valid", invalid: "\u274C invalid", missing: "\u2796 no data" };
function islOsl(row) {
  return row.isl === "" && row.osl === "" ? "" : `${escapeMarkdown(row.isl)}/${escapeMarkdown(row.osl)}`;
}
function tableRow(row) {
  return `| ${escapeMarkdown(row.model)} | ${escapeMarkdown(row.hardware)} | ${escapeMarkdown(row.framework)} | ${escapeMarkdown(row.precision)} | ${islOsl(row)} | ${escapeMarkdown(row.conc)} | ${escapeMarkdown(row.topology)} | ${formatWatts(row.avgPowerW)} | ${formatJoulesPerToken(row.joulesPerOutputToken)} | ${STATUS_CELL[row.status]} |`;
}
function invalidItem(row) {
  const config = [row.model, row.hardware, row.framework, row.precision].map(escapeMarkdown).join(" \xB7 ");
  const reasons = row.reasons.length > 0 ? row.reasons.map(escapeMarkdown).join(", ") : "no reason recorded";
  return `- ${config} \xB7 ${islOsl(row)} \xB7 conc ${escapeMarkdown(row.conc)}: ${reasons}`;
}
function groupedReasons(rows) {
  const byCode = /* @__PURE__ */ new Map();
  for (const row of rows) for (const code of row.reasons.length > 0 ? row.reasons : ["(no reason recorded)"]) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  return [...byCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `- ${escapeMarkdown(code)}: ${n} config${n === 1 ? "" : "s"}`);
}
var UNREADABLE_SHOWN_WHEN_SHRUNK = 20;
function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
function renderReport(input, options) {
  const measure = options.measure ?? ((s) => s.length);
  const limit = options.limit - (options.reserve ?? 0);
  const rows = [...input.rows].sort(compareRows);
  const unreadable = input.unreadable ?? [];
  const counts = countRows(rows, unreadable.length);
  const invalidRows = rows.filter((r) => r.status === "invalid");
  const hint = options.fullListHint ?? "the job summary and the `bmk_*` artifacts of this run";
  const head = [];
  const runLink = input.runId && /^\d+$/.test(input.runId) ? input.runUrl && safeUrl(input.runUrl) ? `[${input.runId}](${safeUrl(input.runUrl)})` : input.runId : void 0;
  head.push(`### GPU power${runLink ? ` \xB7 sweep run ${runLink}` : ""}`, "");
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  if (links) head.push(`Visualizer: [inference](${links.inference}) \xB7 [evaluation](${links.evaluation})`, "");
  const tally = [`**${plural(counts.total, "config")}**`, `\u2705 ${counts.valid} valid`, `\u274C ${counts.invalid} invalid`, `\u2796 ${counts.missing} without power data`];
  if (counts.unreadable > 0) tally.push(`\u26A0\uFE0F ${plural(counts.unreadable, "unreadable file")}`);
  head.push(tally.join(" \xB7 "), "");
  const tableHead = ["| Model | Hardware | Framework | Precision | ISL/OSL | Conc | Topology | Avg W/GPU | J/output token | Power |", "|---|---|---|---|---|--:|---|--:|--:|---|"];
  const tableRows = rows.map(tableRow);
  const section = (title, items) => items.length === 0 ? [] : ["", `<details><summary>${title}</summary>`, "", ...items, "", "</details>"];
  const invalidFull = section(`Invalid power: ${plural(invalidRows.length, "config")}`, invalidRows.map(invalidItem));
  const invalidShrunk = section(`Invalid power: ${plural(invalidRows.length, "config")}, by reason`, groupedReasons(invalidRows));
  const unreadableItems = unreadable.map((u) => `- ${escapeMarkdown(u.source)}: ${escapeMarkdown(u.reason)}`);
  const unreadableFull = section(`Unreadable result files: ${unreadable.length}`, unreadableItems);
  const unreadableShrunk = section(
    `Unreadable result files: ${unreadable.length}`,
    unreadableItems.length > UNREADABLE_SHOWN_WHEN_SHRUNK ? [...unreadableItems.slice(0, UNREADABLE_SHOWN_WHEN_SHRUNK), `- \u2026 and ${unreadableItems.length - UNREADABLE_SHOWN_WHEN_SHRUNK} more`] : unreadableItems
  );
  const size = (lines) => lines.reduce((sum, line) => sum + measure(line) + 1, 0);
  const table = rows.length > 0 ? tableHead : [];
  const assemble = (shown2, note, tail2) => [...head, ...shown2.length > 0 ? [...table, ...shown2] : [], ...note, ...tail2].join("\n");
  const fullTail = [...invalidFull, ...unreadableFull];
  if (size([...head, ...table, ...tableRows, ...fullTail]) <= limit) {
    return { markdown: assemble(tableRows, [], fullTail), counts, rowsShown: rows.length, rowsLeftOut: 0, shrunk: false };
  }
  const tail = [...invalidShrunk, ...unreadableShrunk];
  if (size([...head, ...table, ...tableRows, ...tail]) <= limit) {
    return { markdown: assemble(tableRows, [], tail), counts, rowsShown: rows.length, rowsLeftOut: 0, shrunk: true };
  }
  const noteFor = (left2) => ["", `_${plural(left2, "row")} left out to stay under the size limit (rows with invalid or missing power are kept first); the full table is in ${hint}._`];
  const noteMax = size(noteFor(rows.length));
  let finalTail = tail;
  if (size([...head, ...table, ...tail]) + noteMax > limit) finalTail = [];
  let used = size([...head, ...table, ...finalTail]) + noteMax;
  const priority = [...rows.keys()].sort((a, b) => Number(rows[a].status === "valid") - Number(rows[b].status === "valid") || a - b);
  const kept = /* @__PURE__ */ new Set();
  for (const index of priority) {
    const next = used + measure(tableRows[index]) + 1;
    if (next > limit) break;
    used = next;
    kept.add(index);
  }
  const shown = kept.size;
  const left = rows.length - shown;
  const keptRows = tableRows.filter((_, index) => kept.has(index));
  return { markdown: assemble(keptRows, noteFor(left), finalTail), counts, rowsShown: shown, rowsLeftOut: left, shrunk: true };
}

// src/core/report/gate.ts
var DEFAULT_LABELS = ["sweep-enabled", "full-sweep-enabled", "non-canary-full-sweep-enabled", "full-sweep-fail-fast", "full-sweep-fail-fast-no-canary"];
function parseLabels(input) {
  return input.split(/[,\n]/).map((l) => l.trim()).filter((l) => l !== "");
}
function labelNames(labels) {
  if (!Array.isArray(labels)) return [];
  return labels.map((l) => typeof l === "string" ? l : typeof l === "object" && l !== null ? String(l.name ?? "") : "").filter((n) => n !== "");
}
function pullRequestFromEvent(payload) {
  const pr = payload.pull_request;
  if (!pr || typeof pr.number !== "number") return void 0;
  return { number: pr.number, draft: pr.draft === true, labels: labelNames(pr.labels) };
}
function gateComment(eventName, pullRequest, requiredLabels) {
  if (eventName !== "pull_request" && eventName !== "workflow_run") {
    return { comment: false, why: `the event is \`${eventName || "unknown"}\`; the report comments only on pull requests` };
  }
  if (!pullRequest) return { comment: false, why: "the event carries no pull request" };
  if (pullRequest.draft) return { comment: false, why: `pull request #${pullRequest.number} is a draft` };
  if (requiredLabels.length > 0 && !pullRequest.labels.some((l) => requiredLabels.includes(l))) {
    return { comment: false, why: `pull request #${pullRequest.number} has none of the labels ${requiredLabels.map((l) => `\`${l}\``).join(", ")}` };
  }
  return { comment: true, pullRequest };
}

// src/commands/report.ts
var MARKER_RESERVE = 200;
var utf8Bytes = (text2) => Buffer.byteLength(text2, "utf8");
async function buildReport(options) {
  const loaded = await loadResults(options.root, options.results, { confine: options.confine });
  const input = { rows: loaded.rows, unreadable: loaded.unreadable, runId: options.runId, runUrl: options.runUrl, visualizerUrl: options.visualizerUrl };
  const comment = renderReport(input, { limit: COMMENT_LIMIT_CHARS, reserve: MARKER_RESERVE });
  const summary = renderReport(input, { limit: SUMMARY_LIMIT_BYTES / 2, measure: utf8Bytes, fullListHint: "the `bmk_*` artifacts of this run" });
  return { loaded, comment, summary };
}
function commentFailureMessage(number, error) {
  const e = error;
  const status = typeof e?.status === "number" ? e.status : void 0;
  const detail = `${status ? `HTTP ${status}: ` : ""}${(e?.message ?? String(error)).split("\n")[0]}`;
  if (status === 403 || status === 401) {
    return `Could not comment on pull request #${number} (${detail}). The token needs the \`pull-requests: write\` permission; pull requests from forks only get a read-only token (see the workflow_run pattern in the README). The report is in the job summary.`;
  }
  if (status === 404) return `Could not comment on pull request #${number} (${detail}): the pull request was not found or the token cannot see it (it needs \`pull-requests: write\`). The report is in the job summary.`;
  return `Could not comment on pull request #${number} after retries (${detail}). The report is in the job summary.`;
}
async function runReportAction(options, ports) {
  const built = await buildReport(options);
  const { loaded } = built;
  if (loaded.refused.length > 0) ports.warning(`Left out ${loaded.refused.length} result file(s) that link outside the workspace: ${loaded.refused.slice(0, 5).join(", ")}`);
  if (loaded.truncated) ports.warning(`Stopped after ${loaded.rows.length + loaded.unreadable.length + loaded.skipped} result files; narrow the \`results\` input.`);
  if (loaded.rows.length === 0) ports.warning(`No agg result JSON found in "${options.results}".`);
  let decision;
  let pullRequest = options.event.pullRequest;
  let outcome = "skipped";
  let why;
  let commentId;
  let commentUrl;
  try {
    if (!pullRequest && options.event.pullRequestNumber !== void 0 && ports.comment) pullRequest = await ports.comment.getPullRequest(options.event.pullRequestNumber);
    decision = gateComment(options.event.name, pullRequest, options.labels);
  } catch (error) {
    decision = { comment: false, why: `the pull request could not be read (${error.message.split("\n")[0]})` };
  }
  if (!decision.comment) {
    why = decision.why;
  } else if (!ports.comment) {
    why = "no token (input `github-token`) or repository (GITHUB_REPOSITORY) to comment with";
  } else {
    try {
      const result = await ports.comment.upsert(decision.pullRequest.number, built.comment.markdown);
      outcome = result.action;
      commentId = result.commentId;
      commentUrl = result.url === void 0 ? void 0 : safeUrl(result.url);
    } catch (error) {
      outcome = "failed";
      why = commentFailureMessage(decision.pullRequest.number, error);
      ports.warning(why);
    }
  }
  const note = outcome === "skipped" ? `_No pull request comment: ${why}._` : outcome === "failed" ? "_The pull request comment could not be written; see the warning in the log._" : `_Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}._`;
  if (outcome === "skipped") ports.info(`No pull request comment: ${why}.`);
  else if (outcome !== "failed") ports.info(`Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}.`);
  await ports.writeSummary(`${built.summary.markdown}

${note}
`);
  return { counts: built.comment.counts, comment: outcome, why, commentId, commentUrl, rowsLeftOut: built.comment.rowsLeftOut, loaded };
}

// src/cli-run.ts
var EXIT_USAGE = 2;
var USAGE = `Usage: sweep-power <command> [flags]

Commands:
  aggregate   Measured GPU power over the benchmark window, patched into the agg JSON.
              --bench-result BENCH.json     raw benchmark result (window and token counts)   (required)
              --agg-result AGG.json         agg JSON to patch in place                       (required)
              --expected-num-gpus N         GPUs of the node: TP x PP x PCP                  (required)
              --csv CSV                     telemetry CSV (default: $GPU_METRICS_CSV, ./gpu_metrics.csv,
                                            /workspace/gpu_metrics.csv)
              --validation-result FILE      sidecar path (default: power_validation_<bench stem>.json
                                            beside the bench result)
              --max-sample-gap SECONDS      largest allowed gap between samples (default 3.0)
              --require-power               exit 1 when power is invalid (also REQUIRE_POWER=1|true|yes)

  process-result
              Benchmark result + job environment -> agg_<RESULT_FILENAME>.json, then measured power
              (single node: the telemetry CSV; multinode: the power package). Reads RUNNER_TYPE,
              FRAMEWORK, PRECISION, SPEC_DECODING, RESULT_FILENAME, ISL, OSL, DISAGG, MODEL_PREFIX,
              IMAGE, TP/EP_SIZE/DP_ATTENTION or IS_MULTINODE=true with PREFILL_*/DECODE_* (see README).
              --result-dir DIR              folder of <RESULT_FILENAME>.json and the outputs (default .)

  aggregate-multinode
              Multinode power package (manifest.json, samples.csv, windows/) -> whole-deployment and
              role energy, patched into the agg JSON.
              --bench-result BENCH.json     raw benchmark result                                 (required)
              --agg-result AGG.json         agg JSON to patch in place                           (required)
              --prefill-gpus N              PREFILL_GPUS (all GPUs of an aggregated run)         (required)
              --decode-gpus N               DECODE_GPUS (0: aggregated, no decode pool)          (required)
              --power-dir DIR               power package (default: $POWER_ARTIFACT_DIR or LOGS/power)
              --logs-root DIR               where window result_path values resolve
                                            (default: $POWER_RESULT_ROOT or LOGS)
              --expected-producer-sha SHA   trusted producer commit (default: $POWER_PRODUCER_SHA)
              --validation-result FILE      sidecar path (default: power_validation_<bench stem>.json)
              --require-power               exit 1 when power is invalid (also REQUIRE_POWER=1|true|yes)

  report      The sweep's power report as markdown, as the pull request comment shows it.
              --results DIR_OR_GLOB         folder of agg JSONs (searched recursively) or a glob (required)
              --run-id N                    workflow run id for the visualizer links
              --visualizer-url URL          default https://inferencex.semianalysis.com
              --out FILE                    write the markdown here instead of stdout

Run 'sweep-power <command> --help' for one command.`;
var UsageError = class extends Error {
};
function requireString(values, flag2) {
  const value = values[flag2];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${flag2} is required`);
  return value;
}
function parseInteger(text2, flag2) {
  if (!/^[+-]?\d+$/.test(text2.trim())) throw new UsageError(`--${flag2} must be an integer, got "${text2}"`);
  return Number(text2);
}
function parseNumber(text2, flag2) {
  const n = Number(text2);
  if (text2.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${flag2} must be a number, got "${text2}"`);
  return n;
}
function envRequiresPower(env) {
  return ["1", "true", "yes"].includes((env.REQUIRE_POWER ?? "").trim().toLowerCase());
}
async function aggregateCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      csv: { type: "string" },
      "bench-result": { type: "string" },
      "agg-result": { type: "string" },
      "expected-num-gpus": { type: "string" },
      "validation-result": { type: "string" },
      "max-sample-gap": { type: "string" },
      "require-power": { type: "boolean" }
    }
  });
  const benchResult = requireString(values, "bench-result");
  const aggResult = requireString(values, "agg-result");
  const expectedNumGpus = parseInteger(requireString(values, "expected-num-gpus"), "expected-num-gpus");
  const result = await runAggregate({
    csv: values.csv,
    benchResult,
    aggResult,
    expectedNumGpus,
    validationResult: values["validation-result"],
    maxSampleGapS: values["max-sample-gap"] === void 0 ? void 0 : parseNumber(values["max-sample-gap"], "max-sample-gap"),
    requirePower: values["require-power"] === true || envRequiresPower(io.env),
    cwd: io.cwd,
    env: io.env
  });
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}
async function processResultCommand(args, io) {
  const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: { "result-dir": { type: "string" } } });
  const result = await runProcessResult({ resultDir: values["result-dir"], cwd: io.cwd, env: io.env });
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}
function parseCount(text2, flag2) {
  const n = parseInteger(text2, flag2);
  if (n < 0) throw new UsageError(`--${flag2} must be >= 0, got "${text2}"`);
  return n;
}
async function aggregateMultinodeCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      "power-dir": { type: "string" },
      "logs-root": { type: "string" },
      "bench-result": { type: "string" },
      "agg-result": { type: "string" },
      "prefill-gpus": { type: "string" },
      "decode-gpus": { type: "string" },
      "expected-producer-sha": { type: "string" },
      "validation-result": { type: "string" },
      "require-power": { type: "boolean" }
    }
  });
  const benchResult = requireString(values, "bench-result");
  const aggResult = requireString(values, "agg-result");
  const prefillGpus = parseCount(requireString(values, "prefill-gpus"), "prefill-gpus");
  const decodeGpus = parseCount(requireString(values, "decode-gpus"), "decode-gpus");
  const result = await runAggregateMultinode({
    powerDir: values["power-dir"],
    logsRoot: values["logs-root"],
    benchResult,
    aggResult,
    prefillGpus,
    decodeGpus,
    expectedProducerSha: values["expected-producer-sha"],
    validationResult: values["validation-result"],
    requirePower: values["require-power"] === true || envRequiresPower(io.env),
    cwd: io.cwd,
    env: io.env
  });
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}
async function reportCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      results: { type: "string" },
      "run-id": { type: "string" },
      "visualizer-url": { type: "string" },
      out: { type: "string" }
    }
  });
  const results = requireString(values, "results");
  const runId = values["run-id"];
  if (runId !== void 0 && !/^\d+$/.test(runId)) throw new UsageError(`--run-id must be a workflow run id (digits), got "${runId}"`);
  const visualizerUrl = values["visualizer-url"] ?? "https://inferencex.semianalysis.com";
  if (!/^https?:\/\//i.test(visualizerUrl)) throw new UsageError(`--visualizer-url must be an http(s) URL, got "${visualizerUrl}"`);
  let built;
  try {
    built = await buildReport({ results, root: io.cwd, confine: false, runId, visualizerUrl });
  } catch (error) {
    io.stderr(`sweep-power report: ${error.message}`);
    return 1;
  }
  const { counts, rowsLeftOut } = built.comment;
  if (values.out) {
    await writeFileAtomic(resolve6(io.cwd, values.out), `${built.comment.markdown}
`);
    io.stdout(`sweep-power report: ${counts.total} configs (${counts.valid} valid, ${counts.invalid} invalid, ${counts.missing} without power data, ${counts.unreadable} unreadable files)${rowsLeftOut > 0 ? `, ${rowsLeftOut} rows left out` : ""} -> ${values.out}`);
  } else {
    io.stdout(built.comment.markdown);
  }
  return 0;
}
var COMMANDS = {
  aggregate: aggregateCommand,
  "process-result": processResultCommand,
  "aggregate-multinode": aggregateMultinodeCommand,
  report: reportCommand
};
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command === void 0 ? EXIT_USAGE : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`sweep-power: unknown command "${command}".

${USAGE}`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`sweep-power ${command}: ${error.message}. See 'sweep-power ${command} --help'.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export {
  runAggregate,
  runAggregateMultinode,
  runProcessResult,
  DEFAULT_LABELS,
  parseLabels,
  pullRequestFromEvent,
  runReportAction,
  envRequiresPower,
  runCli
};
//# sourceMappingURL=chunk-LO5477XE.js.map
