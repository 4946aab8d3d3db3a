import { stat } from 'node:fs/promises';
import { dirname, join, parse as parsePath } from 'node:path';
import { readTextBounded } from './files.js';
import { readLineBytes } from './lines.js';
import { TelemetryScan } from '../core/telemetry/scan.js';
import { crossCheckAccumulator, type AccumulatorCheck, type StreamSamples } from '../core/accumulator.js';

/** One `amd-smi metric -E --csv` snapshot has a line per GPU; anything larger is not one. */
const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024;

/** Every GPU: the scan's second-pass mode collects the samples of the GPUs in this set. */
const EVERY_GPU: ReadonlySet<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();

/** `<csv stem>_energy_start.csv` and `_energy_end.csv` beside the telemetry CSV, as the GPU monitor names them. */
export function energySnapshotPaths(csvPath: string): { start: string; end: string } {
  const stem = parsePath(csvPath).name;
  return {
    start: join(dirname(csvPath), `${stem}_energy_start.csv`),
    end: join(dirname(csvPath), `${stem}_energy_end.csv`),
  };
}

async function readIfFile(path: string): Promise<string | undefined> {
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  return isFile ? readTextBounded(path, MAX_SNAPSHOT_BYTES) : undefined;
}

/** Every sample of every GPU over the monitor's life; empty without a GPU identity column. */
async function readWholeStream(csvPath: string): Promise<Map<string, StreamSamples>> {
  const scan = new TelemetryScan({
    source: csvPath,
    start: -Infinity,
    end: Infinity,
    maxSampleGapS: 1,
    collectGpus: EVERY_GPU,
  });
  await readLineBytes(csvPath, {
    line: (buf, start, end, lineNo, unterminated) => scan.acceptLineBytes(buf, start, end, lineNo, unterminated),
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => true,
  });
  scan.endOfInput();
  // Rows without an identity column cannot be matched to a counter's GPU.
  if (!scan.schema || scan.schema.gpuIndex < 0) return new Map();
  return scan.collectedSamples();
}

/**
 * The advisory `accumulator_check` for a telemetry CSV: null without snapshots, an error object
 * when they or the stream cannot be read. Never throws; never affects the power verdict.
 */
export async function readAccumulatorCheck(csvPath: string): Promise<AccumulatorCheck | null> {
  try {
    const paths = energySnapshotPaths(csvPath);
    const start = await readIfFile(paths.start);
    const end = await readIfFile(paths.end);
    if (start === undefined || end === undefined) return crossCheckAccumulator(start, end, new Map());
    const pending = crossCheckAccumulator(start, end, new Map());
    if (pending === null || !pending.available) return pending;
    return crossCheckAccumulator(start, end, await readWholeStream(csvPath));
  } catch {
    return { available: false, reason: 'cross_check_error' };
  }
}
