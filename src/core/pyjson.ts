/**
 * Value text as Python's json.dumps writes it (ensure_ascii, float repr, NaN/Infinity tokens),
 * so an agg JSON written here is byte-identical to the reference's for the same inputs.
 */
import { pyFloatRepr } from './pynum.js';
import { readTopLevelObject } from './jsonmembers.js';

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A JSON string with every non-ASCII or control character escaped as \uXXXX (UTF-16 units). */
export function pyJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Python float: repr for finite values, the NaN/Infinity tokens json.dumps writes otherwise. */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pyFloatRepr(x);
}

/** A Python int (the value must be a safe integer). */
export function pyJsonInt(x: number): string {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${x} is not a safe integer`);
  return String(x === 0 ? 0 : x);
}

/** A flat object of strings nested at `depth` (indent 2), as json.dumps(indent=2) lays it out. */
export function pyJsonStringObject(entries: Array<[string, string]>, depth: number): string {
  if (entries.length === 0) return '{}';
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  return `{\n${entries.map(([k, v]) => `${inner}${pyJsonString(k)}: ${pyJsonString(v)}`).join(',\n')}\n${outer}}`;
}

/** A top-level value that strict JSON cannot hold (it nests Python's NaN/Infinity); kept as source text. */
export class PyRawValue {
  constructor(readonly raw: string) {}
}

/**
 * Parses a JSON object as Python's json module reads it: NaN, Infinity and -Infinity are numbers,
 * and a duplicated key keeps its last value. Benchmark clients written in Python emit these tokens
 * (a mean over no requests is NaN), and the reference reads such files without complaint.
 * Top-level values that hold the tokens deeper down are kept as PyRawValue. Undefined when the
 * text is not one JSON object.
 */
export function parsePyJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // Fall through to the member scanner, which accepts the Python tokens.
  }
  const members = readTopLevelObject(text);
  if (!members.ok) return undefined;
  const out: Record<string, unknown> = {};
  for (const { key, valueRaw } of members.members) {
    if (valueRaw === 'NaN') out[key] = Number.NaN;
    else if (valueRaw === 'Infinity') out[key] = Infinity;
    else if (valueRaw === '-Infinity') out[key] = -Infinity;
    else {
      try {
        out[key] = JSON.parse(valueRaw) as unknown;
      } catch {
        out[key] = new PyRawValue(valueRaw);
      }
    }
  }
  return out;
}

/** A number Python holds as a float: written `7737.0`, never `7737`, in JSON written by pyJsonDumps. */
export class PyFloat {
  constructor(readonly value: number) {}
  /** Plain JSON.stringify sees the number. */
  toJSON(): number {
    return this.value;
  }
}

/**
 * JSON.stringify(value, null, indent) with PyFloat values in Python's float repr. Other values are
 * written exactly as JSON.stringify writes them (non-finite plain numbers become null).
 */
export function pyJsonDumps(value: unknown, indent = 2): string {
  const write = (v: unknown, depth: number): string | undefined => {
    if (v instanceof PyFloat) return Number.isFinite(v.value) ? pyJsonFloat(v.value) : 'null';
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const inner = ' '.repeat(indent * (depth + 1));
    const outer = ' '.repeat(indent * depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((item) => `${inner}${write(item, depth + 1) ?? 'null'}`).join(',\n')}\n${outer}]`;
    }
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v);
    const members = Object.entries(v as Record<string, unknown>)
      .map(([key, item]) => [key, write(item, depth + 1)] as const)
      .filter((member): member is readonly [string, string] => member[1] !== undefined);
    if (members.length === 0) return '{}';
    return `{\n${members.map(([key, text]) => `${inner}${JSON.stringify(key)}: ${text}`).join(',\n')}\n${outer}}`;
  };
  return write(value, 0) ?? 'null';
}
