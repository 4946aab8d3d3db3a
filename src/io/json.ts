import { readTextBounded } from './files.js';
import { parsePyJsonObject } from '../core/pyjson.js';

/** Benchmark results carry per-request arrays and can be large; anything bigger is not one. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** `error` is the reader's or the parser's own message; `failed` says which step refused. */
export type JsonRead =
  | { value: unknown; error?: undefined; failed?: undefined }
  | { value?: undefined; error: string; failed: 'read' | 'parse' };

/**
 * The one bounded JSON file reader: refuses files over `maxBytes`, never throws. With `python`,
 * an object holding NaN/Infinity (written by Python clients) is read as Python reads it.
 */
export async function readJsonBounded(
  path: string,
  maxBytes: number,
  options: { python?: boolean } = {},
): Promise<JsonRead> {
  let text: string;
  try {
    text = await readTextBounded(path, maxBytes);
  } catch (error) {
    return { error: (error as Error).message, failed: 'read' };
  }
  if (options.python) {
    const object = parsePyJsonObject(text);
    if (object !== undefined) return { value: object };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message, failed: 'parse' };
  }
}

/** A JSON object, or undefined when the file is missing, too large, not JSON or not an object. */
export async function readJsonObject(path: string, maxBytes: number): Promise<Record<string, unknown> | undefined> {
  const read = await readJsonBounded(path, maxBytes);
  const value = read.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
