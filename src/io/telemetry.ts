import { stat } from 'node:fs/promises';
import { readLineBytes } from './lines.js';
import { TelemetryScan, type TelemetryRowSink } from '../core/telemetry/scan.js';
import type { DeviceResult } from '../core/telemetry/integrate.js';
import type { Finding } from '../core/reasons.js';

export interface TelemetryReadResult {
  scan?: TelemetryScan;
  devices: Map<string, DeviceResult>;
  findings: Finding[];
}

/** Non-empty lines read while looking for a header before a file is judged headerless. */
const HEADER_SEARCH_LINES = 64;

/**
 * Streams a telemetry CSV through a TelemetryScan. GPUs whose rows arrive out of time order are
 * integrated from a second pass that collects only their in-range samples, so the common, ordered
 * case keeps O(GPUs) memory. `rows` sees every row of the first pass (the insights read the whole
 * recording).
 */
export async function readTelemetry(
  path: string,
  source: string,
  window: { start: number; end: number; maxSampleGapS: number; expectedGpus?: number },
  rows?: TelemetryRowSink,
): Promise<TelemetryReadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return {
        devices: new Map(),
        findings: [
          {
            code: 'telemetry_file_missing',
            message: `${source}: is not a regular file. Point the csv option at the monitor's CSV.`,
          },
        ],
      };
    }
    if (info.size === 0) {
      return {
        devices: new Map(),
        findings: [
          {
            code: 'telemetry_file_empty',
            message: `${source}: the file is empty (0 bytes). Check that the GPU monitor started before the benchmark.`,
          },
        ],
      };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        devices: new Map(),
        findings: [
          {
            code: 'telemetry_file_missing',
            message: `${source}: no such file. Start the GPU monitor before the benchmark, or set the csv option.`,
          },
        ],
      };
    }
    return {
      devices: new Map(),
      findings: [
        { code: 'telemetry_file_unreadable', message: `${source}: cannot be read (${code ?? String(error)}).` },
      ],
    };
  }
  const scan = new TelemetryScan({ source, ...window, ...(rows ? { rows } : {}) });
  let replayed: ReturnType<TelemetryScan['collectedSamples']> | undefined;
  try {
    await scanFile(path, source, scan);
    const outOfOrder = scan.outOfOrderGpus();
    if (outOfOrder.size > 0) {
      const collector = new TelemetryScan({ source, ...window, collectGpus: outOfOrder });
      await scanFile(path, source, collector);
      replayed = collector.collectedSamples();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      scan,
      devices: new Map(),
      findings: [
        ...scan.findings.list(),
        { code: 'telemetry_file_unreadable', message: `${source}: read failed (${code ?? String(error)}).` },
      ],
    };
  }
  const devices = scan.deviceResults(replayed);
  return { scan, devices, findings: scan.findings.list() };
}

/** Chunks (1 MiB each) read without a single line break before the rest of the file is given up. */
const MAX_CHUNKS_WITHOUT_LINE = 64;

async function scanFile(path: string, source: string, scan: TelemetryScan): Promise<void> {
  let nonEmpty = 0;
  let lastLineNo = 0;
  let chunksWithoutLine = 0;
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => {
      if (!scan.schema && end > start) nonEmpty += 1;
      lastLineNo = lineNo;
      chunksWithoutLine = 0;
      scan.acceptLineBytes(buf, start, end, lineNo, unterminated);
    },
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => {
      // A crash can leave gigabytes of NUL bytes (a sparse hole) with no line break: stop, the file is already invalid.
      if (++chunksWithoutLine > MAX_CHUNKS_WITHOUT_LINE) {
        if (scan.schema)
          scan.findings.add(
            'telemetry_file_unreadable',
            `${source}: no line break in the ${MAX_CHUNKS_WITHOUT_LINE} MiB after line ${lastLineNo} (NUL bytes left by a crash, or binary data); the rest of the file was not read.`,
          );
        return false;
      }
      // A file with no header in its first lines is not telemetry: stop instead of reading gigabytes.
      return scan.schema !== undefined || (nonEmpty < HEADER_SEARCH_LINES && scan.notes.overlongLines < 2);
    },
  });
  scan.endOfInput();
}
