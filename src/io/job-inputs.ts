import { readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { resolveTelemetryPath } from './files.js';
import { readJsonBounded } from './json.js';
import { confinePath, escapesRoot, findFiles } from './workspace.js';
import { hasGlob } from '../core/glob.js';

/** A job input that could not be located; the message names the input and every place looked at. */
export class JobInputError extends Error {
  constructor(
    readonly code: 'telemetry_file_missing' | 'bench_result_missing' | 'bench_result_ambiguous' | 'input_matches_many',
    message: string,
  ) {
    super(message);
  }
}

/** One file from an input that may be a glob; inside the workspace; exactly one match. */
export async function resolveSingleInput(workspace: string, inputName: string, value: string): Promise<string> {
  if (!hasGlob(value)) return confinePath(workspace, value);
  const { files } = await findFiles(workspace, value, { maxFiles: 2 });
  if (files.length === 0)
    throw new JobInputError(
      'telemetry_file_missing',
      `input '${inputName}': "${value}" matches no file in the workspace`,
    );
  if (files.length > 1)
    throw new JobInputError(
      'input_matches_many',
      `input '${inputName}': "${value}" matches more than one file (${files.map((f) => basename(f)).join(', ')}, …); make it match exactly one`,
    );
  return files[0] as string;
}

/**
 * The telemetry CSV: input `gpu-metrics` (a path or glob inside the workspace), else
 * `$GPU_METRICS_CSV` if that file exists, `./gpu_metrics.csv`, `/workspace/gpu_metrics.csv`.
 */
export async function locateTelemetry(
  workspace: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; searched: string[]; found: boolean; refused: string[] }> {
  if (input) {
    const path = await resolveSingleInput(workspace, 'gpu-metrics', input);
    return { path, searched: [path], found: existsSync(path), refused: [] };
  }
  return resolveTelemetryPath(env, workspace);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The raw benchmark result: input `result-filename` (or `$RESULT_FILENAME`) as `<name>.json`,
 * else the single `*.json` at the top of the workspace that has `benchmark_start_time_unix`.
 */
export async function locateBenchResult(
  workspace: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; resultFilename: string; refused: string[] }> {
  const named = input ?? env.RESULT_FILENAME;
  if (named) {
    const file = named.endsWith('.json') ? named : `${named}.json`;
    const path = await confinePath(workspace, file);
    if (!isFile(path))
      throw new JobInputError(
        'bench_result_missing',
        `${input ? "input 'result-filename'" : 'RESULT_FILENAME'}: ${path} does not exist`,
      );
    return { path, resultFilename: basename(file).replace(/\.json$/, ''), refused: [] };
  }
  const candidates: string[] = [];
  const refused: string[] = [];
  for (const name of (await readdir(workspace)).sort()) {
    if (!name.endsWith('.json') || name.startsWith('agg_') || name.startsWith('power_validation_')) continue;
    const path = join(workspace, name);
    const why = escapesRoot(workspace, path);
    if (why !== undefined) {
      refused.push(why);
      continue;
    }
    // A file that cannot be read or parsed is not a result.
    const parsed = (await readJsonBounded(path, 64 * 1024 * 1024)).value;
    if (typeof parsed === 'object' && parsed !== null && 'benchmark_start_time_unix' in parsed) candidates.push(path);
  }
  if (candidates.length === 0)
    throw new JobInputError(
      'bench_result_missing',
      `no benchmark result in ${workspace}: set input 'result-filename' or RESULT_FILENAME, or write one *.json with benchmark_start_time_unix${refused.length > 0 ? ` (refused: ${refused.join('; ')})` : ''}`,
    );
  if (candidates.length > 1)
    throw new JobInputError(
      'bench_result_ambiguous',
      `more than one benchmark result in ${workspace} (${candidates.map((c) => basename(c)).join(', ')}); set input 'result-filename'`,
    );
  const path = candidates[0] as string;
  return { path, resultFilename: basename(path).replace(/\.json$/, ''), refused };
}

/** The multinode power package manifest, `power/manifest.json`, when the job wrote one. */
export async function locateMultinodeManifest(
  workspace: string,
  input = 'power/manifest.json',
): Promise<string | undefined> {
  const path = await confinePath(workspace, input);
  return isFile(path) ? path : undefined;
}

/** Files the reference keeps beside the telemetry CSV for the audit bundle, when present. */
export const AUDIT_SIDE_FILES = [
  'gpu_metrics_energy_start.csv',
  'gpu_metrics_energy_end.csv',
  'gpu_metrics_identity.json',
];

/** The side files present in `folder`; one that links out of `root` is refused, never uploaded. */
export function auditSideFiles(folder: string, root: string): { files: string[]; refused: string[] } {
  const files: string[] = [];
  const refused: string[] = [];
  for (const path of AUDIT_SIDE_FILES.map((name) => join(folder, name)).filter(isFile)) {
    const why = escapesRoot(root, path);
    if (why === undefined) files.push(path);
    else refused.push(why);
  }
  return { files, refused };
}
