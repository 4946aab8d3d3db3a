import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParams } from '../helpers/fuzz.js';
import { runCore } from '../helpers/core-run.js';
import { readTelemetry } from '../../src/io/telemetry.js';
import { summariseDevices } from '../../src/core/power.js';
import { Findings } from '../../src/core/reasons.js';
import { BASE, tempWorkspace, writeFile } from '../helpers/workspace.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** An nvidia-smi stamp with `digits` fraction digits (0: none), from integer microseconds (TZ=UTC). */
function stamp(us: number, digits: number): string {
  const d = new Date(Math.floor(us / 1000));
  const base = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (digits === 0) return base;
  return `${base}.${pad(us % 1_000_000, 6).slice(0, digits)}`;
}

/**
 * The byte-level reader (readTelemetry on a file) and the string-level reader (TelemetryScan fed
 * decoded lines) must agree exactly: same reasons, same per-GPU energies to the last bit. Rows are
 * stamped per GPU a few µs-ms apart, across second and minute boundaries, with 0-6 fraction digits,
 * extra columns, rows out of order, and now and then a row the byte path must hand to the string path.
 */
async function bothReaders(
  lines: string[],
  window: { start: number; end: number; maxSampleGapS: number; expectedGpus: number },
) {
  const byString = runCore(lines, window);
  const dir = tempWorkspace();
  const path = writeFile(dir, 'gpu.csv', `${lines.join('\n')}\n`);
  const read = await readTelemetry(path, 'gpu_metrics.csv', window);
  const findings = new Findings();
  findings.addAll(read.findings);
  const byBytes = summariseDevices(read.devices, window, findings, 'gpu_metrics.csv');
  return { byString, byBytes, reasons: findings.codes() };
}

describe('byte reader and string reader agree', () => {
  it('when a row goes back across a second boundary after a row of the next second', async () => {
    // GPU 1's 12:00:01.100 row comes before GPU 0's 12:00:00.950 row; each GPU's own rows stay in order.
    const lines = [
      'timestamp, index, power.draw [W]',
      '2026/05/20 12:00:00.050, 1, 150.00 W',
      '2026/05/20 12:00:00.100, 0, 100.00 W',
      '2026/05/20 12:00:00.900, 1, 200.00 W',
      '2026/05/20 12:00:01.100, 1, 300.00 W',
      '2026/05/20 12:00:00.950, 0, 400.00 W',
      '2026/05/20 12:00:02.000, 0, 500.00 W',
      '2026/05/20 12:00:02.000, 1, 600.00 W',
    ];
    const { byString, byBytes, reasons } = await bothReaders(lines, {
      start: BASE + 0.5,
      end: BASE + 1.5,
      maxSampleGapS: 3,
      expectedGpus: 2,
    });
    expect(reasons).toEqual([]);
    expect(byBytes.energyJ).toEqual(byString.summary?.energyJ);
    // GPU 0 over 12:00:00.5..01.5: 100 W at .100 -> 400 W at .950 -> 500 W at 2.000, interpolated at the edges
    // (epoch seconds near 1.8e9 carry the stamps to about 1e-7 s, hence 5 digits).
    expect(byBytes.energyJ['0']).toBeCloseTo(
      (0.45 * (100 + (300 * 0.4) / 0.85 + 400)) / 2 + (0.55 * (400 + (400 + (100 * 0.55) / 1.05))) / 2,
      5,
    );
  });
});

describe('byte reader and string reader agree (property)', () => {
  it('gives identical energies and reasons on nvidia-smi rows with per-row timestamps', async () => {
    const caseArb = fc.record({
      gpus: fc.integer({ min: 1, max: 8 }),
      startUs: fc.integer({ min: 0, max: 120_000_000 }),
      periodUs: fc.integer({ min: 50_000, max: 1_500_000 }),
      stepUs: fc.integer({ min: 0, max: 5_000 }),
      digits: fc.constantFrom(0, 1, 2, 3, 3, 3, 6),
      rows: fc.integer({ min: 4, max: 120 }),
      odd: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom(' "7.5 W"', ' [N/A]', ' 1e2 W', ' 12.5 W ', ' 0012.50 W', '\t9 W')),
        { maxLength: 3 },
      ),
      swaps: fc.array(fc.nat(), { maxLength: 6 }),
      window: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    });
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const lines = ['timestamp, index, name, pci.bus_id, power.draw [W], temperature.gpu'];
        const t0 = BASE * 1_000_000 + c.startUs;
        for (let k = 0; k < c.rows; k++) {
          for (let g = 0; g < c.gpus; g++) {
            const us = t0 + k * c.periodUs + g * c.stepUs;
            lines.push(
              `${stamp(us, c.digits)}, ${g}, NVIDIA H100 80GB HBM3, 00000000:${18 + g}:00.0, ${(100 + ((k * 37 + g * 11) % 600) + ((k + g) % 100) / 100).toFixed(2)} W, ${50 + g}`,
            );
          }
        }
        // Neighbours that trade places: stamps then go back, and repeat ones seen two rows earlier.
        for (const at of c.swaps) {
          const i = 1 + (at % (lines.length - 2));
          [lines[i], lines[i + 1]] = [lines[i + 1] as string, lines[i] as string];
        }
        for (const [at, cell] of c.odd) {
          const i = 1 + (at % (lines.length - 1));
          const cells = (lines[i] as string).split(',');
          cells[4] = cell;
          lines[i] = cells.join(',');
        }
        const span = ((c.rows - 1) * c.periodUs) / 1e6;
        const [a, b] = c.window;
        const start = BASE + c.startUs / 1e6 + span * Math.min(a, b);
        const end = BASE + c.startUs / 1e6 + span * Math.max(a, b) + 1e-3;
        const window = { start, end, maxSampleGapS: 3, expectedGpus: c.gpus };
        const byString = runCore(lines, window);
        const dir = tempWorkspace();
        const path = writeFile(dir, 'gpu.csv', `${lines.join('\n')}\n`);
        const read = await readTelemetry(path, 'gpu_metrics.csv', window);
        const findings = new Findings();
        findings.addAll(read.findings);
        const summary = summariseDevices(read.devices, window, findings, 'gpu_metrics.csv');
        expect(findings.codes()).toEqual(byString.reasons);
        expect(summary.energyJ).toEqual(byString.summary?.energyJ);
        expect(summary.sampleCounts).toEqual(byString.summary?.sampleCounts);
        expect(summary.maxGapS).toEqual(byString.summary?.maxGapS);
      }),
      fuzzParams(300),
    );
  });
});
