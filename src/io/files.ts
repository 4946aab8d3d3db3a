import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapesRoot, rootFor } from './workspace.js';

/**
 * Reads a whole text file, refusing files above `maxBytes` so hostile inputs cannot exhaust memory.
 * With `strictUtf8`, bytes that are not UTF-8 are an error instead of U+FFFD: a file rewritten
 * from such text would silently lose them.
 */
export async function readTextBounded(path: string, maxBytes: number, strictUtf8 = false): Promise<string> {
  const bytes = readBoundedBytes(path, maxBytes);
  if (!strictUtf8) return bytes.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${path} is not valid UTF-8 (byte ${firstInvalidUtf8(bytes)})`);
  }
}

export interface SmallFileOptions {
  /** Refuse a symlink as the last component (the caller has not vetted where it leads). */
  noFollow?: boolean;
  /** Called with the file's size before it is read; false refuses the file with `refusal`. */
  reserve?: (bytes: number) => boolean;
  refusal?: string;
}

/** readTextBounded without the promise, for loops over thousands of small files (see readBoundedBytes). */
export function readSmallTextFile(path: string, maxBytes: number, options: SmallFileOptions = {}): string {
  return readBoundedBytes(path, maxBytes, options).toString('utf8');
}

/**
 * The one bounded read behind both: open, fstat, read, close on the open descriptor, with blocking
 * calls. For thousands of KiB-sized files this is several times faster than the promise API, whose
 * every call is a round trip through the thread pool. The size is checked on the descriptor actually
 * read (no window between a stat and the open), and O_NONBLOCK keeps a FIFO from blocking the open;
 * fstat then refuses it as not a regular file.
 */
function readBoundedBytes(path: string, maxBytes: number, options: SmallFileOptions = {}): Buffer {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new Error(`${path} is a symlink: refused, not read`);
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(`${path} is not a regular file`);
    if (info.size > maxBytes) throw new Error(`${path} is ${info.size} bytes, over the ${maxBytes}-byte limit`);
    if (options.reserve && !options.reserve(info.size))
      throw new Error(`${path} was not read: ${options.refusal ?? 'over the byte limit'}`);
    // One byte more than the size: a file that grew while being read is noticed, not cut short.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let filled = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new Error(`${path} grew over the ${maxBytes}-byte limit while being read`);
      if (filled === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Offset of the first byte of the first sequence that is not UTF-8 (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const extra =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    if (extra < 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The telemetry CSV when no path is given: `$GPU_METRICS_CSV` if that file exists, then
 * `./gpu_metrics.csv`, then `/workspace/gpu_metrics.csv`. Returns the first existing candidate, or
 * the last one tried with the list, so a missing-file message can name every place looked at.
 * A candidate that is a symlink leading out of its folder (`cwd` for the relative ones) is refused
 * and listed as such: the benchmark wrote these folders, and the file is echoed and uploaded.
 */
export function resolveTelemetryPath(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; searched: string[]; found: boolean; refused: string[] } {
  const candidates: string[] = [];
  const fromEnv = env.GPU_METRICS_CSV;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(resolve(cwd, 'gpu_metrics.csv'), '/workspace/gpu_metrics.csv');
  const searched: string[] = [];
  const refused: string[] = [];
  for (const candidate of candidates) {
    const why = isFile(candidate) ? escapesRoot(rootFor(cwd, candidate), candidate) : undefined;
    if (why === undefined && isFile(candidate))
      return { path: candidate, searched: [...searched, candidate], found: true, refused };
    if (why !== undefined) refused.push(why);
    // A refused link is named so, and under a name that does not exist: nothing reads it.
    searched.push(why === undefined ? candidate : `${candidate} (refused: a symlink out of its folder)`);
  }
  return { path: searched[searched.length - 1] as string, searched, found: false, refused };
}
