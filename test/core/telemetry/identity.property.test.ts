import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { fuzzParams, prng } from '../../helpers/fuzz.js';
import { runCore } from '../../helpers/core-run.js';
import { BASE, benchJson, cli, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from '../../helpers/workspace.js';

/**
 * A valid verdict on telemetry without a GPU column carries exactly the energy of the same rows
 * with the GPU written out. Each case samples N GPUs (shared timestamps, or each GPU's row a few
 * ms apart), damages the rows one way (drop, repeat, swap neighbours, shift times), and writes the
 * same rows twice: with an `index` column holding each row's true GPU, and without it.
 *
 * One damage kind per case: a group that loses one GPU's row and repeats another's keeps its
 * count, and no reading without identity can see that (documented in src/core/telemetry/identity.ts).
 * Two rows of a shared-timestamp group that trade places cannot be seen either: the per-GPU
 * energies then follow the row order while the total stays the same, which is what is checked there.
 */

type Damage = 'none' | 'drop' | 'repeat' | 'swap' | 'shift';

interface Case {
  gpus: number;
  /** The count passed as --expected-num-gpus: usually right, sometimes 1 or one too many. */
  expected: number;
  periodMs: number;
  /** Per-row stamps: GPU g's row at +g x stepMs (+ jitter); 0 = one shared timestamp per sample. */
  stepMs: number;
  startOffsetMs: number;
  durationS: number;
  damage: Damage;
  damageCount: number;
  shiftMs: number;
  seed: number;
}

interface Row {
  ms: number;
  gpu: number;
  centiwatts: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    gpus: fc.integer({ min: 1, max: 8 }),
    expectedKind: fc.constantFrom('right', 'right', 'right', 'one', 'more'),
    periodMs: fc.integer({ min: 100, max: 2000 }),
    stepMs: fc.constantFrom(0, 0, 1, 2, 5, 20),
    startOffsetMs: fc.integer({ min: 0, max: 3000 }),
    durationS: fc.integer({ min: 1, max: 8 }),
    damage: fc.constantFrom<Damage>('none', 'drop', 'repeat', 'swap', 'shift'),
    damageCount: fc.integer({ min: 1, max: 3 }),
    shiftMs: fc.integer({ min: -60, max: 60 }),
    seed: fc.integer(),
  })
  .map(({ expectedKind, ...c }) => ({
    ...c,
    // Bursts span at most a fifth of the period: rows spread evenly across the period look like
    // one GPU sampled faster, which no reading without identity can tell apart (see identity.ts).
    stepMs: c.gpus > 1 ? Math.min(c.stepMs, Math.floor((c.periodMs / 5 - 1) / (c.gpus - 1))) : c.stepMs,
    expected: expectedKind === 'right' ? c.gpus : expectedKind === 'one' ? 1 : c.gpus + 1,
  }));

const MAX_GAP = 3;

function sampleRows(c: Case): { rows: Row[]; start: number; end: number; equalTimeSwap: boolean } {
  const rand = prng(c.seed);
  const start = BASE + c.startOffsetMs / 1000;
  const end = start + c.durationS;
  const rows: Row[] = [];
  const fromMs = (BASE - 8) * 1000;
  const toMs = Math.round((end + 8) * 1000);
  for (let base = fromMs; base <= toMs; base += c.periodMs) {
    const jitter = Math.round((rand() - 0.5) * c.periodMs * 0.2);
    for (let gpu = 0; gpu < c.gpus; gpu++) {
      const within = c.stepMs === 0 ? 0 : gpu * c.stepMs + Math.floor(rand() * 2);
      rows.push({ ms: base + jitter + within, gpu, centiwatts: 5000 + Math.floor(rand() * 70_000) });
    }
  }
  // Damage lands near the window, where it can matter.
  const near = (): number => {
    const candidates = rows
      .map((r, i) => [r, i] as const)
      .filter(([r]) => r.ms >= (start - 2 * MAX_GAP) * 1000 && r.ms <= (end + 2 * MAX_GAP) * 1000);
    return (candidates[Math.floor(rand() * candidates.length)] as readonly [Row, number])[1];
  };
  let equalTimeSwap = false;
  for (let k = 0; k < c.damageCount && c.damage !== 'none'; k++) {
    const i = near();
    const row = rows[i] as Row;
    if (c.damage === 'drop') rows.splice(i, 1);
    else if (c.damage === 'repeat') rows.splice(i, 0, { ...row });
    else if (c.damage === 'swap' && i + 1 < rows.length) {
      equalTimeSwap ||= (rows[i + 1] as Row).ms === row.ms;
      [rows[i], rows[i + 1]] = [rows[i + 1] as Row, row];
    } else if (c.damage === 'shift') rows[i] = { ...row, ms: row.ms + c.shiftMs };
  }
  return { rows, start, end, equalTimeSwap };
}

function csv(rows: Row[], withIndex: boolean): string[] {
  const stamp = (ms: number): string => nvidiaTimestamp(ms / 1000);
  return [
    withIndex ? 'timestamp, index, power.draw [W]' : 'timestamp, power.draw [W]',
    ...rows.map((r) => `${stamp(r.ms)}, ${withIndex ? `${r.gpu}, ` : ''}${(r.centiwatts / 100).toFixed(2)} W`),
  ];
}

describe('GPU identity without a GPU column (property)', () => {
  it('either the verdict is invalid or the energy equals the explicit-identity reading of the same rows', () => {
    const tally = { valid: 0, refused: 0, damagedValid: 0, damagedRefused: 0 };
    const params = fuzzParams<[Parameters<typeof sampleRows>[0]]>(1500);
    // Thresholds follow the run count, which FUZZ_RUNS_SCALE changes (1,500 runs unscaled).
    const share = (params.numRuns ?? 1500) / 1500;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rows, start, end, equalTimeSwap } = sampleRows(c);
        const window = { start, end, maxSampleGapS: MAX_GAP, expectedGpus: c.expected };
        const implicit = runCore(csv(rows, false), window);
        const explicit = runCore(csv(rows, true), window);
        if (!implicit.valid) {
          tally.refused += 1;
          if (c.damage !== 'none') tally.damagedRefused += 1;
          return;
        }
        tally.valid += 1;
        if (c.damage !== 'none') tally.damagedValid += 1;
        expect(explicit.valid, `explicit reading invalid: ${explicit.reasons.join(', ')}`).toBe(true);
        if (equalTimeSwap) {
          const a = implicit.summary?.totalEnergyJ as number;
          const b = explicit.summary?.totalEnergyJ as number;
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));
        } else {
          expect(implicit.summary?.energyJ).toEqual(explicit.summary?.energyJ);
          expect(implicit.summary?.totalEnergyJ).toBe(explicit.summary?.totalEnergyJ);
        }
      }),
      params,
    );
    // Both outcomes occur, with and without damage, or the property says little.
    expect(tally.valid).toBeGreaterThan(150 * share);
    expect(tally.refused).toBeGreaterThan(150 * share);
    expect(tally.damagedValid).toBeGreaterThan(30 * share);
    expect(tally.damagedRefused).toBeGreaterThan(100 * share);
  });

  it('the same holds through the CLI: agg JSON and per-GPU energies equal those of the file with an index column', async () => {
    let valid = 0;
    const cliParams = fuzzParams<[Parameters<typeof sampleRows>[0]]>(150);
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { rows, start, end, equalTimeSwap } = sampleRows(c);
        const run = async (withIndex: boolean) => {
          const dir = tempWorkspace();
          writeFile(dir, 'gpu_metrics.csv', `${csv(rows, withIndex).join('\n')}\n`);
          writeFile(
            dir,
            'bench.json',
            benchJson({ benchmark_start_time_unix: start, benchmark_end_time_unix: end, duration: end - start }),
          );
          writeFile(dir, 'agg.json', '{"hw": "h100"}');
          await cli(
            [
              'aggregate',
              '--bench-result',
              'bench.json',
              '--agg-result',
              'agg.json',
              '--expected-num-gpus',
              String(c.expected),
            ],
            dir,
          );
          return { agg: readJson(join(dir, 'agg.json')), sidecar: readJson(join(dir, 'power_validation_bench.json')) };
        };
        const implicit = await run(false);
        if (implicit.agg.power_valid !== 1) {
          expect(implicit.sidecar.reasons).not.toEqual([]);
          return;
        }
        valid += 1;
        const explicit = await run(true);
        if (!equalTimeSwap) {
          expect(implicit.agg).toEqual(explicit.agg);
          expect(implicit.sidecar.per_gpu_energy_j).toEqual(explicit.sidecar.per_gpu_energy_j);
        } else {
          expect(explicit.agg.power_valid).toBe(1);
          expect(
            Math.abs((implicit.agg.total_gpu_energy_j as number) - (explicit.agg.total_gpu_energy_j as number)),
          ).toBeLessThanOrEqual(0.001);
        }
      }),
      cliParams,
    );
    // Scaled down (FUZZ_RUNS_SCALE < 1) a few runs give too few valid cases for a share: one must still occur.
    expect(valid).toBeGreaterThanOrEqual((cliParams.numRuns ?? 150) < 150 ? 1 : 16);
  });
});
