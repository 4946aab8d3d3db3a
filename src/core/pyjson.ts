/**
 * Value text as Python's json.dumps writes it (ensure_ascii, float repr, NaN/Infinity tokens),
 * so an agg JSON written here is byte-identical to the reference's for the same inputs.
 */
import { pyFloatRepr } from './pynum.js';
import { readTopLevelObject } from './jsonmembers.js';

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

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
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
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
