/**
 * Cell parsers for telemetry values. Hand-written rather than Date.parse/regex per row because they
 * run once per CSV row on files of millions of rows; `npm run bench` measures the whole read path.
 */

const NVIDIA_TS = /^(\d{4})\/(\d{1,2})\/(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const ISO_TS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/** Milliseconds epochs are told apart from seconds by magnitude (1e12 s is the year 33658). */
const EPOCH_MS_THRESHOLD = 1e12;

function fraction(digits: string | undefined): number {
  return digits ? Number(`0.${digits}`) : 0;
}

function validCalendar(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Local wall-clock time (the process's TZ) to epoch seconds, as the sampling machine wrote it. */
function localEpoch(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(year, month - 1, day, hour, minute, second, 0);
  // Years 0..99 would be read as 1900+; telemetry never has them but keep the value honest.
  if (year < 100) date.setFullYear(year);
  return date.getTime() / 1000;
}

/** Local wall-clock minute to epoch milliseconds. */
export function localMinuteMs(year: number, month: number, day: number, hour: number, minute: number): number {
  return localEpoch(year, month, day, hour, minute, 0) * 1000;
}

/** An nvidia-smi timestamp from its minute, second and fraction; the fast path uses the same sum. */
export function nvidiaEpoch(minuteMs: number, second: number, fractionS: number): number {
  return (minuteMs + second * 1000) / 1000 + fractionS;
}

/** The minute of a fixed-width nvidia-smi timestamp `YYYY/MM/DD HH:MM:SS...`, or undefined. */
export function nvidiaMinute(value: string): number | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):\d{2}/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  return validCalendar(year, month, day, hour, minute, 0) ? localMinuteMs(year, month, day, hour, minute) : undefined;
}

/**
 * Parses a telemetry timestamp to Unix epoch seconds, or returns undefined.
 * - nvidia-smi `2026/05/20 12:00:01.123` (local time, no zone)
 * - ISO 8601, naive (local time) or with `Z` / offset
 * - epoch seconds or milliseconds
 */
export function parseTimestamp(raw: string): number | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (EPOCH.test(value)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    return n > EPOCH_MS_THRESHOLD ? n / 1000 : n;
  }
  let m = NVIDIA_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validCalendar(year, month, day, hour, minute, second)) return undefined;
    return nvidiaEpoch(localMinuteMs(year, month, day, hour, minute), second, fraction(m[7]));
  }
  m = ISO_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
    const second = m[6] ? Number(m[6]) : 0;
    if (!validCalendar(year, month, day, hour, minute, second)) return undefined;
    const zone = m[8];
    if (!zone) return localEpoch(year, month, day, hour, minute, second) + fraction(m[7]);
    let offsetMin = 0;
    if (zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offsetMin * 60 + fraction(m[7]);
  }
  return undefined;
}

/**
 * A parser that remembers the previous cell: consecutive rows of one sample share a timestamp
 * string (one row per GPU), so most rows cost one string comparison.
 */
export function cachedTimestampParser(): (raw: string) => number | undefined {
  let lastRaw: string | undefined;
  let lastValue: number | undefined;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    lastRaw = raw;
    lastValue = parseTimestamp(raw);
    return lastValue;
  };
}

// A fast path only: none of these starts with a number, so LEADING_NUMBER refuses each of them too.
// Stryker disable next-line ArrayDeclaration,StringLiteral: equivalent, see above
const NOT_AVAILABLE = new Set(['', '[n/a]', 'n/a', 'na', '[not supported]', 'not supported', 'unknown', 'nan', '-']);
const LEADING_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Parses a power cell in watts: `612.34 W`, `612.34`, `6.1234e2 W`. Returns undefined for
 * `[N/A]`, `Unknown`, text, or a number that does not start the cell.
 */
export function parsePower(raw: string): number | undefined {
  const value = raw.trim();
  // Stryker disable next-line ConditionalExpression,MethodExpression: skipping the fast path gives the same answer
  if (NOT_AVAILABLE.has(value.toLowerCase())) return undefined;
  const m = LEADING_NUMBER.exec(value);
  if (!m) return undefined;
  const rest = value.slice(m[0].length).trim();
  if (rest !== '' && rest !== 'W' && rest !== 'w') {
    // Milliwatts or kilowatts would silently be off by 1000x; refuse any other unit.
    return undefined;
  }
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : undefined;
}
