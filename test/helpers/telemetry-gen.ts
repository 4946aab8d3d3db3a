import fc from 'fast-check';
import { prng } from './fuzz.js';
import { BASE } from './workspace.js';

/**
 * Well-formed telemetry in the shapes the monitors write, with the values each row means, so a
 * test can integrate them independently of the parser.
 */

export type TelemetryShape = 'nvidia-smi' | 'amd-smi-epoch' | 'amd-smi-iso' | 'generic-ms';

export interface TelemetryRow {
  /** Epoch seconds the row's timestamp cell denotes. */
  t: number;
  gpu: string;
  watts: number;
  line: string;
}

export interface GeneratedTelemetry {
  shape: TelemetryShape;
  header: string;
  /** Lines before the header (amd-smi prints a tool banner). */
  preamble: string[];
  rows: TelemetryRow[];
  /** The file's lines in order: preamble, header, rows, with repeated headers mixed in. */
  lines: string[];
  gpus: number;
  start: number;
  end: number;
}

export interface TelemetryParams {
  shape: TelemetryShape;
  gpus: number;
  /** Window start offset from BASE, seconds (any double). */
  startOffset: number;
  durationS: number;
  periodMs: number;
  /** Seconds of samples before the window start and after its end (under 0 = the window is not bracketed). */
  leadS: number;
  tailS: number;
  dropRate: number;
  dupRate: number;
  order: 'sorted' | 'swaps' | 'shuffled';
  repeatedHeaders: number;
  seed: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isoLocal(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

function nvidiaStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Whole seconds plus the millisecond fraction as a decimal: what a `HH:MM:SS.mmm` cell denotes (TZ=UTC). */
function secondsAndMillis(ms: number): number {
  return Math.floor(ms / 1000) + (ms % 1000) / 1000;
}

const HEADERS: Record<TelemetryShape, string> = {
  'nvidia-smi': 'timestamp, index, power.draw [W], temperature.gpu',
  'amd-smi-epoch': 'timestamp,gpu,gfx_activity,umc_activity,socket_power,gfx_voltage,power_management,edge',
  'amd-smi-iso': 'timestamp,gpu,socket_power,temperature',
  'generic-ms': 'time_ms,device,power (W)',
};

/** One row for a sample at absolute epoch milliseconds `ms` (an integer). */
function formatRow(
  shape: TelemetryShape,
  ms: number,
  gpu: number,
  centiwatts: number,
  rand: () => number,
): TelemetryRow {
  const id = String(gpu);
  switch (shape) {
    case 'nvidia-smi': {
      const watts = centiwatts / 100;
      return {
        t: secondsAndMillis(ms),
        gpu: id,
        watts: Number(watts.toFixed(2)),
        line: `${nvidiaStamp(ms)}, ${id}, ${watts.toFixed(2)} W, ${40 + gpu}`,
      };
    }
    case 'amd-smi-epoch': {
      // amd-smi stamps whole seconds; samples within one second share a timestamp and are averaged.
      const seconds = Math.floor(ms / 1000);
      const watts = centiwatts / 100;
      const cell = rand() < 0.2 ? watts.toExponential() : String(watts);
      return {
        t: seconds,
        gpu: id,
        watts,
        line: `${seconds},${id},${Math.floor(rand() * 100)},0,${cell},N/A,ENABLED,${40 + gpu}`,
      };
    }
    case 'amd-smi-iso': {
      const watts = Math.round(centiwatts / 10) / 10;
      const zone = rand() < 0.5 ? 'Z' : '';
      return { t: secondsAndMillis(ms), gpu: id, watts, line: `${isoLocal(ms)}${zone},${id},${watts},${40 + gpu}` };
    }
    case 'generic-ms':
      return { t: ms / 1000, gpu: `GPU-${id}`, watts: centiwatts, line: `${ms},GPU-${id},${centiwatts}` };
  }
}

export function generateTelemetry(p: TelemetryParams): GeneratedTelemetry {
  const rand = prng(p.seed);
  const start = BASE + p.startOffset;
  const end = start + p.durationS;
  const fromMs = Math.round((start - p.leadS) * 1000);
  const toMs = Math.round((end + p.tailS) * 1000);
  const rows: TelemetryRow[] = [];
  for (let round = 0; fromMs + round * p.periodMs <= toMs; round++) {
    const baseMs = fromMs + round * p.periodMs;
    // Per-round jitter shared by the GPUs of one query, plus a little per GPU.
    const roundJitter = Math.round((rand() - 0.5) * p.periodMs * 0.4);
    for (let gpu = 0; gpu < p.gpus; gpu++) {
      const ms = Math.min(
        toMs,
        Math.max(fromMs, baseMs + roundJitter + (rand() < 0.3 ? Math.round((rand() - 0.5) * 20) : 0)),
      );
      if (rand() < p.dropRate) continue;
      const centiwatts = Math.round(rand() * 100_000);
      rows.push(formatRow(p.shape, ms, gpu, centiwatts, rand));
      if (rand() < p.dupRate) rows.push(formatRow(p.shape, ms, gpu, Math.round(rand() * 100_000), rand));
    }
  }
  reorder(rows, p.order, rand);
  const header = HEADERS[p.shape];
  const preamble =
    p.shape.startsWith('amd-smi') && rand() < 0.5
      ? [
          'WARNING: User is missing the following required groups: render, video',
          'AMDSMI Tool: 26.2.0+unknown | AMDSMI Library version: 26.2.0 | ROCm version: 7.0.0',
        ]
      : [];
  const lines = [...preamble, header];
  const repeatAt = new Set(Array.from({ length: p.repeatedHeaders }, () => Math.floor(rand() * rows.length)));
  rows.forEach((row, i) => {
    if (repeatAt.has(i)) lines.push(header);
    lines.push(row.line);
  });
  return { shape: p.shape, header, preamble, rows, lines, gpus: p.gpus, start, end };
}

function reorder(rows: TelemetryRow[], order: TelemetryParams['order'], rand: () => number): void {
  if (order === 'sorted' || rows.length < 2) return;
  if (order === 'swaps') {
    for (let k = 0; k < Math.max(1, rows.length / 20); k++) {
      const i = Math.floor(rand() * rows.length);
      const j = Math.min(rows.length - 1, i + 1 + Math.floor(rand() * 8));
      [rows[i], rows[j]] = [rows[j] as TelemetryRow, rows[i] as TelemetryRow];
    }
    return;
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as TelemetryRow, rows[i] as TelemetryRow];
  }
}

/** Small telemetry cases: 1-16 GPUs, jittered sampling, drops, duplicates, any order. */
/** Mostly a bracketing margin of up to 6 s; sometimes none or a window edge left uncovered. */
const margin = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0.3, max: 6, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 0.3, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 0, noNaN: true }) },
);

export function telemetryParams(
  overrides: Partial<Record<keyof TelemetryParams, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<TelemetryParams> {
  return fc.record({
    shape: fc.constantFrom<TelemetryShape>('nvidia-smi', 'amd-smi-epoch', 'amd-smi-iso', 'generic-ms'),
    gpus: fc.integer({ min: 1, max: 16 }),
    startOffset: fc.double({ min: 0, max: 5, noNaN: true }),
    durationS: fc.double({ min: 0.5, max: 12, noNaN: true }),
    periodMs: fc.integer({ min: 150, max: 2500 }),
    leadS: margin,
    tailS: margin,
    dropRate: fc.constantFrom(0, 0, 0, 0.02, 0.3),
    dupRate: fc.constantFrom(0, 0, 0.05, 0.5),
    order: fc.constantFrom<TelemetryParams['order']>('sorted', 'sorted', 'swaps', 'shuffled'),
    repeatedHeaders: fc.constantFrom(0, 0, 1, 3),
    seed: fc.integer(),
    ...overrides,
  }) as fc.Arbitrary<TelemetryParams>;
}
