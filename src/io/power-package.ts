import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readLines } from './lines.js';
import { escapesRoot } from './workspace.js';
import { MAX_JSON_BYTES, readJsonBounded } from './json.js';
import {
  completedWindows,
  MAX_SAMPLE_ROWS,
  parseSampleRow,
  SAMPLES_HEADER,
  SampleTable,
  scanWindows,
  type PackageFiles,
  type SampleSummary,
  type WindowEntry,
} from '../core/multinode/index.js';

/** Manifests and window files are small; a larger one is not the producer's. */
const MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function splitRow(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  try {
    return (parseCsv(line, { relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

/** samples.csv streamed into a per-device table; the reasons name every contract break found. */
async function readSamples(path: string): Promise<{ summary: SampleSummary; reasons: string[] }> {
  const table = new SampleTable();
  const reasons = new Set<string>();
  const empty = (): SampleSummary => new SampleTable().summarise();
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { summary: empty(), reasons: ['samples_csv_missing'] };
  let headerOk: boolean | undefined;
  try {
    await readLines(path, {
      line: (text, lineNo) => {
        if (lineNo === 1) {
          const header = splitRow(text);
          headerOk = header.length === SAMPLES_HEADER.length && header.every((c, i) => c === SAMPLES_HEADER[i]);
          return;
        }
        const row = parseSampleRow(splitRow(text));
        if (row) table.add(row);
        else reasons.add('samples_csv_malformed');
      },
      overlong: () => reasons.add('samples_csv_malformed'),
      wantsMore: () => headerOk !== false && table.totalRows < MAX_SAMPLE_ROWS,
    });
  } catch {
    reasons.add('samples_csv_malformed');
  }
  if (headerOk !== true) return { summary: empty(), reasons: ['samples_csv_header_mismatch'] };
  if (table.totalRows >= MAX_SAMPLE_ROWS) reasons.add('samples_csv_too_large');
  const summary = table.summarise();
  if (summary.duplicateRows > 0) reasons.add('duplicate_sample_row');
  if (summary.nonMonotonic) reasons.add('timestamp_non_monotonic');
  return { summary, reasons: [...reasons] };
}

/** windows/: each entry as found, never following a symlink; result paths checked under the logs root. */
async function readWindowEntries(
  powerDir: string,
  logsRoot: string,
): Promise<{ folder: 'absent' | 'escapes' | 'inside'; entries: WindowEntry[] }> {
  const windowsDir = join(powerDir, 'windows');
  if (!(await isDirectory(windowsDir))) return { folder: 'absent', entries: [] };
  if (escapesRoot(powerDir, windowsDir) !== undefined) return { folder: 'escapes', entries: [] };
  const entries: WindowEntry[] = [];
  for (const name of (await readdir(windowsDir)).sort()) {
    const info = await lstat(join(windowsDir, name)).catch(() => undefined);
    if (!info || info.isSymbolicLink() || !info.isFile()) {
      entries.push({ name, isPlainFile: false, readable: false, resultPathStaysBelow: false });
      continue;
    }
    const payload = await readJsonBounded(join(windowsDir, name), MAX_PACKAGE_JSON_BYTES, { python: true });
    const candidate = (payload.value as { result_path?: unknown } | null | undefined)?.result_path;
    const staysBelow = typeof candidate === 'string' && escapesRoot(logsRoot, join(logsRoot, candidate)) === undefined;
    entries.push({
      name,
      isPlainFile: true,
      readable: payload.error === undefined,
      payload: payload.value,
      resultPathStaysBelow: staysBelow,
    });
  }
  return { folder: 'inside', entries };
}

const emptySamples = (reason: string): { summary: SampleSummary; reasons: string[] } => ({
  summary: new SampleTable().summarise(),
  reasons: [reason],
});

/**
 * Reads one power package (manifest.json, samples.csv, windows/*.json, the windows' original
 * results) and the processed bench result, for the pure audit. A file reached through a symlink
 * out of the package is refused, named, and not read.
 */
export async function readPowerPackage(powerDir: string, logsRoot: string, benchResult: string): Promise<PackageFiles> {
  const manifestPath = join(powerDir, 'manifest.json');
  const samplesPath = join(powerDir, 'samples.csv');
  const files: PackageFiles = {
    powerDir,
    manifestPath,
    samplesPath,
    samples: emptySamples('samples_csv_missing'),
    windows: scanWindows('absent', []),
    originals: new Map(),
    processed: {},
  };
  const closed = (code: string, message: string): PackageFiles => ({ ...files, unreadable: { code, message } });
  if (!(await isDirectory(powerDir)))
    return closed(
      'power_artifacts_missing',
      `${powerDir}: no power package folder. Enable the dcgm power collector for the job, or set the power-dir option (POWER_ARTIFACT_DIR).`,
    );
  const manifestInfo = await stat(manifestPath).catch(() => undefined);
  if (!manifestInfo?.isFile())
    return closed(
      'manifest_missing',
      `${manifestPath}: no such file; the collector did not finish writing its package.`,
    );
  const manifestEscape = escapesRoot(powerDir, manifestPath);
  if (manifestEscape !== undefined) return closed('telemetry_path_outside_workspace', manifestEscape);
  const read = await readJsonBounded(manifestPath, MAX_PACKAGE_JSON_BYTES, { python: true });
  if (read.error !== undefined || typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
    return closed('manifest_malformed', `${manifestPath}: ${read.error ?? 'not a JSON object'}.`);
  files.manifest = read.value as Record<string, unknown>;

  files.samplesEscape = escapesRoot(powerDir, samplesPath);
  files.samples =
    files.samplesEscape === undefined ? await readSamples(samplesPath) : emptySamples('samples_csv_missing');
  const windows = await readWindowEntries(powerDir, logsRoot);
  files.windows = scanWindows(windows.folder, windows.entries);
  const originals = new Map<string, { path: string; value?: unknown }>();
  for (const window of completedWindows(files.windows)) {
    if (originals.has(window.resultPath)) continue;
    const path = join(logsRoot, window.resultPath);
    const original = await readJsonBounded(path, MAX_JSON_BYTES, { python: true });
    originals.set(window.resultPath, { path, value: original.value });
  }
  files.originals = originals;
  const processed = await readJsonBounded(benchResult, MAX_JSON_BYTES, { python: true });
  files.processed = { value: processed.value, error: processed.error };
  return files;
}
