import { open, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads a whole text file, refusing files above `maxBytes` so hostile inputs cannot exhaust memory. */
export async function readTextBounded(path: string, maxBytes: number): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new Error(`${path} is ${info.size} bytes, over the ${maxBytes}-byte limit`);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new Error(`${path} grew over the ${maxBytes}-byte limit while being read`);
    }
    return buffer.toString('utf8', 0, filled);
  } finally {
    await handle.close();
  }
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
 */
export function resolveTelemetryPath(env: NodeJS.ProcessEnv, cwd: string): { path: string; searched: string[] } {
  const candidates: string[] = [];
  const fromEnv = env.GPU_METRICS_CSV;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(resolve(cwd, 'gpu_metrics.csv'), '/workspace/gpu_metrics.csv');
  const found = candidates.find(isFile);
  return { path: found ?? (candidates[candidates.length - 1] as string), searched: candidates };
}

