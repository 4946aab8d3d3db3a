import { describe, expect, it } from 'vitest';
import { assignRowPositions, type PositionInput } from '../../../src/core/telemetry/identity.js';
import { runCore } from '../../helpers/core-run.js';
import { BASE, nvidiaTimestamp } from '../../helpers/workspace.js';

/** Rows given as epoch seconds, all touching the window, lines numbered from 2 (after the header). */
function input(times: number[], expectedGpus: number | undefined, extra: Partial<PositionInput> = {}): PositionInput {
  return {
    times,
    lineNos: times.map((_, i) => i + 2),
    relevant: times.map(() => 1),
    stepBefore: Number.NaN,
    stepAfter: Number.NaN,
    expectedGpus,
    ...extra,
  };
}

/** `groups` samples 1 s apart; within a sample, GPU g's row is stamped at +stepsMs[g] ms. */
function bursts(groups: number, stepsMs: number[], periodS = 1): number[] {
  const times: number[] = [];
  for (let k = 0; k < groups; k++) for (const ms of stepsMs) times.push(BASE + k * periodS + ms / 1000);
  return times;
}

describe('assignRowPositions', () => {
  it('reads the k-th row of each shared timestamp as GPU k', () => {
    const verdict = assignRowPositions(input(bursts(3, [0, 0, 0, 0]), 4));
    expect(verdict).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 3,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: 1,
    });
    if (verdict.ok) expect([...verdict.positions]).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it('reads bursts of rows stamped a few ms apart, one burst per sample', () => {
    // nvidia-smi stamping each of 8 GPUs as it reads it: .001 .. .009, then the next burst 1 s later.
    const verdict = assignRowPositions(input(bursts(4, [1, 2, 3, 4, 6, 7, 8, 9]), 8));
    expect(verdict).toMatchObject({ ok: true, method: 'row_position_per_burst', groups: 4 });
    if (verdict.ok) {
      expect([...verdict.positions.subarray(8, 16)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(verdict.maxStepWithinGroupS).toBeCloseTo(0.002, 6);
      expect(verdict.minStepBetweenGroupsS).toBeCloseTo(0.992, 6);
    }
  });

  it('tolerates jitter within a burst and between bursts', () => {
    const times: number[] = [];
    const jitter = [0, 0.013, -0.021, 0.034, -0.008];
    for (let k = 0; k < 5; k++)
      for (const ms of [0, 1, 2, 9, 15]) times.push(BASE + k + (jitter[k] as number) + ms / 1000);
    expect(assignRowPositions(input(times, 5))).toMatchObject({
      ok: true,
      method: 'row_position_per_burst',
      groups: 5,
    });
  });

  it('refuses two rows of a burst stamped in the same ms: they could have traded places unseen', () => {
    const verdict = assignRowPositions(input(bursts(3, [0, 1, 1, 9, 15]), 5));
    expect(verdict).toMatchObject({ ok: false, line: 4 });
    if (!verdict.ok) expect(verdict.cause).toContain('share a timestamp inside a burst');
  });

  it('keeps a monitor stall as a boundary, in bursts and in shared timestamps', () => {
    const shared = [...bursts(80, [0, 0]), ...bursts(80, [0, 0]).map((t) => t + 82.5)];
    expect(assignRowPositions(input(shared, 2))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 160,
    });
    const times = [...bursts(3, [1, 2, 3, 4]), ...bursts(3, [1, 2, 3, 4]).map((t) => t + 30)];
    expect(assignRowPositions(input(times, 4))).toMatchObject({
      ok: true,
      method: 'row_position_per_burst',
      groups: 6,
    });
  });

  it('refuses a sample that lost a row, naming its line', () => {
    const times = bursts(3, [0, 0, 0, 0]);
    times.splice(5, 1); // the second sample keeps 3 rows
    const verdict = assignRowPositions(input(times, 4));
    expect(verdict).toMatchObject({ ok: false, line: 6 });
    if (!verdict.ok) expect(verdict.cause).toContain('has 3 row(s) where 4 GPU(s) are expected');
  });

  it('refuses a repeated row in a burst', () => {
    const times = bursts(3, [1, 2, 3, 4]);
    times.splice(6, 0, times[5] as number);
    // Rows 5 and 6 (lines 7 and 8) now carry the same stamp inside a burst.
    const verdict = assignRowPositions(input(times, 4));
    expect(verdict).toMatchObject({ ok: false, line: 8 });
    if (!verdict.ok) expect(verdict.cause).toContain('lines 7 and 8 share a timestamp');
  });

  it('refuses per-row timestamps that fold 4 GPUs into one when 1 GPU is expected', () => {
    const verdict = assignRowPositions(input(bursts(5, [1, 3, 5, 7]), 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.cause).toContain(
        'burst of rows stamped a few ms apart at line 2 has 4 row(s) where 1 GPU(s) are expected',
      );
  });

  it('refuses 2 GPUs stamped a fifth of the period apart when 1 GPU is expected', () => {
    // Steps alternate 20 ms and 80 ms: no regular pace, and no 10x jump between the two.
    expect(assignRowPositions(input(bursts(6, [0, 20], 0.1), 1)).ok).toBe(false);
  });

  it('accepts one GPU at 1 Hz that stalls for 4 s every 12 samples (steps that long are never within a burst)', () => {
    const times: number[] = [];
    for (let k = 0, t = BASE; k < 60; k++) times.push((t += k % 12 === 11 ? 3.9 : 1.003));
    expect(assignRowPositions(input(times, 1))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 60,
    });
  });

  it('refuses rows 30 ms apart in threes every 200 ms when 1 GPU is expected', () => {
    // Steps 30, 30, 140 ms: long steps are a third of all, too frequent for stalls of one GPU.
    expect(assignRowPositions(input(bursts(8, [0, 30, 60], 0.2), 1)).ok).toBe(false);
  });

  it('accepts one GPU sampled regularly (every row is its own sample)', () => {
    const times = Array.from({ length: 10 }, (_, i) => BASE + i + (i % 3) * 0.004);
    expect(assignRowPositions(input(times, 1))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 10,
    });
  });

  it('refuses rows that go back in time: within a burst the row order is the GPU order', () => {
    const times = bursts(2, [1, 2, 3, 4]);
    [times[1], times[2]] = [times[2] as number, times[1] as number];
    const verdict = assignRowPositions(input(times, 4));
    // Rows stamped +1, +3, +2, +4 ms: the third row (line 4) goes back.
    expect(verdict).toMatchObject({ ok: false, line: 4 });
    if (!verdict.ok) expect(verdict.cause).toContain('earlier than the row before it');
  });

  it('refuses steps that spread without a clear gap between within-sample and between-sample steps', () => {
    // Steps of 2, 5, 12, 30, 70, 160, 400 ms: no jump of 10x anywhere, but 200x from end to end.
    const times = [0, 2, 7, 19, 49, 119, 279, 679].map((ms) => BASE + ms / 1000);
    const verdict = assignRowPositions(input(times, 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.cause).toContain('no clear gap');
  });

  it('ignores an incomplete sample that does not touch the window', () => {
    const times = bursts(3, [0, 0, 0, 0]);
    times.splice(1, 1);
    const relevant = times.map((_, i) => (i < 3 ? 0 : 1));
    const verdict = assignRowPositions(input(times, 4, { relevant }));
    expect(verdict).toMatchObject({ ok: true, groups: 2 });
    if (verdict.ok) expect([...verdict.positions]).toEqual([-1, -1, -1, 0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it('refuses a sample that touches the window but continues beyond the rows read', () => {
    const times = bursts(2, [1, 2, 3, 4]);
    expect(assignRowPositions(input(times.slice(1), 4, { stepBefore: 0.001 }))).toMatchObject({ ok: false, line: 2 });
    expect(assignRowPositions(input(times.slice(0, 7), 4, { stepAfter: 0.001 }))).toMatchObject({ ok: false, line: 6 });
    expect(assignRowPositions(input(times, 4, { stepBefore: 0.997, stepAfter: 0.997 }))).toMatchObject({
      ok: true,
      groups: 2,
    });
  });

  it('accepts no rows near the window: there is nothing to place', () => {
    expect(assignRowPositions(input([], 4))).toEqual({
      ok: true,
      method: 'row_position_per_timestamp',
      positions: new Int32Array(0),
      groups: 0,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: null,
    });
  });

  it('refuses when the rows just outside those read go back in time', () => {
    // Lines 2..5: two shared timestamps of 2 GPUs.
    const times = bursts(2, [0, 0]);
    const order = 'without a GPU column the order of rows is the only identity';
    expect(assignRowPositions(input(times, 2, { stepBefore: -0.5 }))).toEqual({
      ok: false,
      cause: `the row at line 2 is earlier than the row before it; ${order}`,
      line: 2,
    });
    expect(assignRowPositions(input(times, 2, { stepAfter: -0.5 }))).toEqual({
      ok: false,
      cause: `the row after line 5 is earlier than it; ${order}`,
      line: 5,
    });
  });

  it('refuses a shared timestamp that continues beyond the rows read', () => {
    // The row before the first one read has the same stamp: that sample may have more rows.
    const times = bursts(2, [0, 0]);
    expect(assignRowPositions(input(times, 2, { stepBefore: 0 }))).toEqual({
      ok: false,
      cause: 'the sample group at line 2 extends beyond the rows read around the benchmark window',
      line: 2,
    });
    expect(assignRowPositions(input(times, 2, { stepAfter: 0 }))).toMatchObject({ ok: false, line: 4 });
    expect(assignRowPositions(input(times, 2, { stepBefore: 1, stepAfter: 1 }))).toMatchObject({ ok: true, groups: 2 });
  });

  it('accepts bursts cut at the edge of the rows read when the cut burst is away from the window', () => {
    // Bursts of 4 rows 1 ms apart; the first and the last are cut (3 rows each) and continue beyond.
    const times = bursts(4, [1, 2, 3, 4]).slice(1, -1);
    const relevant = times.map((_, i) => (i >= 3 && i < 11 ? 1 : 0));
    const verdict = assignRowPositions(input(times, 4, { relevant, stepBefore: 0.001, stepAfter: 0.001 }));
    expect(verdict).toMatchObject({ ok: true, method: 'row_position_per_burst', groups: 2 });
    if (verdict.ok) expect([...verdict.positions]).toEqual([-1, -1, -1, 0, 1, 2, 3, 0, 1, 2, 3, -1, -1, -1]);
  });

  it('checks a burst whose only row near the window is its last', () => {
    // The margin edge falls just before the last row of the first burst, which lost a row.
    const times = bursts(3, [1, 2, 3, 4]);
    times.splice(1, 1);
    const relevant = times.map((_, i) => (i >= 2 ? 1 : 0));
    const verdict = assignRowPositions(input(times, 4, { relevant }));
    expect(verdict).toEqual({
      ok: false,
      cause:
        'the burst of rows stamped a few ms apart at line 2 has 3 row(s) where 4 GPU(s) are expected (a row was dropped or repeated, or the GPU count is wrong)',
      line: 2,
    });
  });

  it('refuses a step of 250 ms within a sample: no GPU query takes that long', () => {
    // Rows at +0, 1/32, 2/32, 3/32 and 3/32 + 0.25 s every 10 s: the steps of 1/32 s and 0.25 s are
    // less than 10x apart, so both lie within a sample (0.25 s, exact in binary, is the limit).
    const times = bursts(3, [0, 31.25, 62.5, 93.75, 343.75], 10);
    expect(assignRowPositions(input(times, 5))).toEqual({
      ok: false,
      cause: 'steps of up to 0.25 s between rows would have to lie within one sample, longer than any GPU query takes',
    });
  });

  it('names the range of steps when they spread without a clear gap', () => {
    // Steps of 2 ms .. 400 ms, each less than 10x the one below.
    const times = [0, 2, 7, 19, 49, 119, 279, 679].map((ms) => BASE + ms / 1000);
    expect(assignRowPositions(input(times, 1))).toEqual({
      ok: false,
      cause:
        'the time steps between rows range from 0.002 s to 0.4 s with no clear gap between steps within a sample and steps between samples',
    });
  });

  it('reports the smallest step between samples and the largest within one', () => {
    // Shared timestamps of 2 GPUs at +0, +1, +1.5 and +3.5 s: steps of 1, 0.5 and 2 s between them.
    const shared = [0, 1, 1.5, 3.5].flatMap((s) => [BASE + s, BASE + s]);
    expect(assignRowPositions(input(shared, 2))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 4,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: 0.5,
    });
    // Bursts with in-burst steps of 1/64 s, 1/32 s and 1/64 s; bursts start at 0, 1, 1.5 and 3.5 s.
    const burst = [0, 1, 1.5, 3.5].flatMap((s) => [0, 1 / 64, 3 / 64, 4 / 64].map((d) => BASE + s + d));
    expect(assignRowPositions(input(burst, 4))).toMatchObject({
      ok: true,
      method: 'row_position_per_burst',
      groups: 4,
      maxStepWithinGroupS: 1 / 32,
      minStepBetweenGroupsS: 0.5 - 4 / 64,
    });
  });

  it('takes one GPU whose shortest step is exactly 0.4 of the median step as sampled regularly', () => {
    // Steps of 0.625 s and one of 0.25 s = 0.4 x 0.625 s (all exact in binary).
    const times = [0, 0.625, 1.25, 1.5, 2.125, 2.75, 3.375, 4].map((s) => BASE + s);
    expect(assignRowPositions(input(times, 1))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 8,
    });
  });

  it('takes one GPU at 8 Hz with one stall in 64 steps as regular, and two stalls as not', () => {
    // Steps of 0.125 s; a stall is a step of twice that or more (0.25 s here, exactly twice).
    const sampled = (stalls: number): number[] => {
      const times = [BASE];
      for (let k = 0; k < 64; k++) times.push((times[k] as number) + (k < stalls ? 0.25 : 0.125));
      return times;
    };
    expect(assignRowPositions(input(sampled(1), 1))).toMatchObject({ ok: true, groups: 65 });
    // Two long steps in 64: too many for stalls of one GPU, and 0.125 s to 0.25 s is no 10x gap.
    const verdict = assignRowPositions(input(sampled(2), 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.cause).toContain('range from 0.125 s to 0.25 s with no clear gap');
    // The steps to the rows just outside those read count too: a stall there is the second one.
    expect(assignRowPositions(input(sampled(1), 1, { stepBefore: 0.25 })).ok).toBe(false);
    expect(assignRowPositions(input(sampled(1), 1, { stepAfter: 0.25 })).ok).toBe(false);
    expect(assignRowPositions(input(sampled(1), 1, { stepBefore: 0.125, stepAfter: 0.125 })).ok).toBe(true);
  });

  it('refuses one GPU at 1 Hz with one row 100 ms after another: the shortest step decides', () => {
    // Steps of 1 s and one of 0.1 s (a tenth of the median): not regular, and 0.1 s .. 1 s
    // has no 10x jump (0.1 s, 0.9 s, 1 s), so the extra row cannot be placed.
    const times = Array.from({ length: 20 }, (_, i) => BASE + i);
    times.splice(5, 0, BASE + 4.1);
    const verdict = assignRowPositions(input(times, 1));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.cause).toContain('range from 0.1 s to 1 s with no clear gap');
  });

  it('lets one GPU sampled every 250 ms or slower stall as often as it likes', () => {
    // Steps of 0.25 s with a stall of 0.5 s every fourth step: a third of the steps are long.
    const times = [BASE];
    for (let k = 0; k < 40; k++) times.push((times[k] as number) + (k % 4 === 3 ? 0.5 : 0.25));
    expect(assignRowPositions(input(times, 1))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 41,
    });
  });

  it('takes the lower of the two middle steps as the median of an even count', () => {
    // One GPU at 1 s, then 0.5 s, then 0.25 s: steps 0.25, 0.5, 1, 1. Against the lower median
    // (0.5 s) the shortest step is half, so sampling is regular; against 1 s it would not be.
    const times = [0, 1, 2, 2.5, 2.75].map((s) => BASE + s);
    expect(assignRowPositions(input(times, 1))).toMatchObject({ ok: true, groups: 5 });
  });

  it('splits bursts from samples at a jump of exactly 10x', () => {
    // Bursts of 4 rows 1/64 s apart, the next burst 10/64 s after the last row (exact in binary).
    const times = bursts(
      5,
      [0, 1, 2, 3].map((j) => (j * 1000) / 64),
      13 / 64,
    );
    expect(assignRowPositions(input(times, 4))).toMatchObject({
      ok: true,
      method: 'row_position_per_burst',
      groups: 5,
      maxStepWithinGroupS: 1 / 64,
      minStepBetweenGroupsS: 10 / 64,
    });
  });

  it('accepts rows of a single timestamp', () => {
    expect(assignRowPositions(input([BASE, BASE, BASE, BASE], 4))).toMatchObject({
      ok: true,
      method: 'row_position_per_timestamp',
      groups: 1,
      minStepBetweenGroupsS: null,
    });
  });

  it.each([undefined, 0, -4, 2.5])('refuses when the expected GPU count is %s', (expected) => {
    const verdict = assignRowPositions(input(bursts(2, [0, 0]), expected));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.cause).toContain('not a positive integer');
  });
});

describe('TelemetryScan without a GPU column', () => {
  const window = { start: BASE, end: BASE + 60, maxSampleGapS: 3 };
  /** `timestamp, power.draw [W]` rows for GPUs whose power is 100 W x (GPU + 1); offsetsMs per GPU. */
  function implicitLines(offsetsMs: number[], skip?: (t: number, gpu: number) => boolean): string[] {
    const lines = ['timestamp, power.draw [W]'];
    for (let t = BASE - 5; t <= BASE + 65; t++) {
      offsetsMs.forEach((ms, gpu) => {
        if (!skip?.(t, gpu)) lines.push(`${nvidiaTimestamp(t + ms / 1000)}, ${(100 * (gpu + 1)).toFixed(2)} W`);
      });
    }
    return lines;
  }

  it('integrates shared-timestamp groups: 4 GPUs at 100..400 W for 60 s = 60,000 J', () => {
    const outcome = runCore(implicitLines([0, 0, 0, 0]), { ...window, expectedGpus: 4 });
    expect(outcome.reasons).toEqual([]);
    // Per GPU: 100 W x 60 s = 6,000 J, 12,000 J, 18,000 J, 24,000 J.
    expect(outcome.summary?.energyJ).toEqual({ 0: 6000, 1: 12_000, 2: 18_000, 3: 24_000 });
    // Groups that touch the window plus the 3 s gap margin: BASE-3..BASE+63, 67 of them.
    expect(outcome.identity).toEqual({
      method: 'row_position_per_timestamp',
      rows_per_group: 4,
      groups: 67,
      max_step_within_group_s: null,
      min_step_between_groups_s: 1,
    });
  });

  it('integrates per-row timestamps of 4 GPUs as 4 GPUs, not one', () => {
    const outcome = runCore(implicitLines([1, 3, 5, 7]), { ...window, expectedGpus: 4 });
    expect(outcome.reasons).toEqual([]);
    // Constant power: each GPU's integral is its power x 60 s whatever its ms offset.
    for (const [gpu, joules] of Object.entries({ 0: 6000, 1: 12_000, 2: 18_000, 3: 24_000 }))
      expect(outcome.summary?.energyJ[gpu]).toBeCloseTo(joules, 6);
    expect(outcome.identity).toMatchObject({ method: 'row_position_per_burst', rows_per_group: 4 });
  });

  it('refuses per-row timestamps of 4 GPUs when 1 GPU is expected, instead of a quarter of the energy', () => {
    const outcome = runCore(implicitLines([1, 3, 5, 7]), { ...window, expectedGpus: 1 });
    expect(outcome.valid).toBe(false);
    expect(outcome.reasons).toEqual(['gpu_identity_column_missing']);
    expect(outcome.summary?.energyJ).toEqual({});
    expect(outcome.messages[0]).toContain('no GPU column');
    expect(outcome.messages[0]).toContain('nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000');
  });

  it('refuses a timestamp that lost one GPU row instead of shifting the next GPU into its place', () => {
    const outcome = runCore(
      implicitLines([0, 0, 0, 0], (t, gpu) => t === BASE + 30 && gpu === 1),
      { ...window, expectedGpus: 4 },
    );
    expect(outcome.reasons).toEqual(['gpu_identity_column_missing']);
    // Line 1 is the header; BASE-5 starts at line 2, so BASE+30 starts at line 2 + 35 x 4.
    expect(outcome.messages[0]).toContain(
      `the timestamp at line ${2 + 35 * 4} has 3 row(s) where 4 GPU(s) are expected`,
    );
    expect(outcome.identity).toMatchObject({ method: 'none' });
  });

  it('ignores a lost row far from the window', () => {
    const outcome = runCore(
      implicitLines([0, 0, 0, 0], (t, gpu) => t === BASE - 5 && gpu === 1),
      { ...window, expectedGpus: 4 },
    );
    // BASE-5 is outside the window plus the 3 s margin, where rows cannot change the energy.
    expect(outcome.reasons).toEqual([]);
    expect(outcome.summary?.totalEnergyJ).toBe(60_000);
  });

  it('keeps positions across a burst that straddles the edge of the gap margin, equal to the explicit reading', () => {
    // Bursts span 0..30 ms; the window minus the 3 s margin starts 10 ms into the burst at BASE + 3 s.
    const implicit = ['timestamp, power.draw [W]'];
    const explicit = ['timestamp, index, power.draw [W]'];
    for (let t = BASE - 5; t <= BASE + 70; t++) {
      for (const [gpu, ms] of [0, 10, 20, 30].entries()) {
        const watts = (100 * (gpu + 1) + (t % 7)).toFixed(2);
        implicit.push(`${nvidiaTimestamp(t + ms / 1000)}, ${watts} W`);
        explicit.push(`${nvidiaTimestamp(t + ms / 1000)}, ${gpu}, ${watts} W`);
      }
    }
    const edges = { start: BASE + 6.01, end: BASE + 63, maxSampleGapS: 3, expectedGpus: 4 };
    const byPosition = runCore(implicit, edges);
    const byColumn = runCore(explicit, edges);
    expect(byPosition.reasons).toEqual([]);
    expect(byColumn.reasons).toEqual([]);
    expect(byPosition.summary?.energyJ).toEqual(byColumn.summary?.energyJ);
    // Sanity against first principles: GPU g averages about 100 (g+1) + 3 W over 56.99 s.
    for (let gpu = 0; gpu < 4; gpu++)
      expect(
        Math.abs((byPosition.summary?.energyJ[String(gpu)] as number) / 56.99 - (100 * (gpu + 1) + 3)),
      ).toBeLessThan(0.5);
  });

  it('records the GPU column by name when there is one', () => {
    const lines = [
      'timestamp, index, power.draw [W]',
      `${nvidiaTimestamp(BASE - 1)}, 0, 1 W`,
      `${nvidiaTimestamp(BASE + 61)}, 0, 1 W`,
    ];
    expect(runCore(lines, { ...window, expectedGpus: 1 }).identity).toEqual({ method: 'column', column: 'index' });
  });
});
