import fc from 'fast-check';

/**
 * Seeding for property tests: FUZZ_SEED=<integer> reproduces a run, FUZZ_SEED=random explores a
 * fresh one, unset uses a fixed seed so CI is deterministic. FUZZ_RUNS_SCALE multiplies run counts.
 */
function chooseSeed(): number {
  const raw = process.env.FUZZ_SEED?.trim();
  if (raw === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  if (raw && /^-?\d+$/.test(raw)) return Number(raw) | 0;
  return 20_260_520;
}

export const FUZZ_SEED = chooseSeed();
const SCALE = Math.max(0.01, Number(process.env.FUZZ_RUNS_SCALE ?? '1') || 1);

/** Parameters for fc.assert: the shared seed, scaled runs, and a failure message naming the seed to rerun with. */
export function fuzzParams<T>(numRuns: number): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(numRuns * SCALE)),
    includeErrorInReport: true,
    reporter: (details) => {
      if (!details.failed) return;
      throw new Error(
        `${fc.defaultReportMessage(details)}\nReproduce with FUZZ_SEED=${details.seed} (path ${details.counterexamplePath ?? '?'}).`,
      );
    },
  };
}

/** Deterministic PRNG (mulberry32) for the bulk randomness inside one generated case. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** |actual - expected| within `rel` of the expected magnitude (absolute near zero). */
export function closeTo(actual: number, expected: number, rel = 1e-9): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-6);
}
