/**
 * GPU identity for telemetry without a GPU column (`nvidia-smi --query-gpu=timestamp,power.draw`).
 *
 * The k-th row of a sample group is read as GPU k only when the grouping cannot be wrong in a way
 * that changes the energy: every group near the window has exactly the expected number of rows.
 * Otherwise the file is refused (`gpu_identity_column_missing`): a dropped row would hand the next
 * GPU's reading to the missing one, and rows stamped a few ms apart would fold every GPU into one.
 *
 * A sample group is one of:
 * - one timestamp: nvidia-smi writes one stamp per query for all GPUs;
 * - one burst: nvidia-smi (other versions) stamps each GPU's row as it reads it, a few ms apart,
 *   and the next burst comes a sampling period later.
 *
 * Only groups that touch the rows that can be integrated (the window plus the gap margin) are
 * checked; rows one more margin beyond are kept so that a group straddling that edge is seen
 * whole, and a group that runs past the rows kept is refused. A dropped row far from the window
 * changes nothing and is ignored.
 *
 * How bursts are found. Take the time steps between consecutive rows (file order) around the
 * window. A step below zero means the file order is not the sampling order, and the file order is
 * the only identity left: refuse. Steps of zero stay inside a group. Sort the positive steps:
 * - if sampling is regular, every positive step starts a new group (one timestamp per group).
 *   Regular: no step under REGULAR_MIN_FRACTION of the median step, and, unless the median step
 *   is too long to be a step within a burst (BURST_STEP_MAX_S), steps of twice the median or more
 *   (monitor stalls) rarer than 1 in LONG_STEP_RARITY;
 * - otherwise the lowest place where one sorted step is at least SEPARATION x the one below it
 *   splits steps within a burst from steps between bursts; steps at or below the split stay in a
 *   burst. A spread with no such jump (1, 2, 5, 20, 60 ms ...) has no clear boundary: refuse.
 * Bursts of k rows are never regular: k-1 of every k steps are short, one is long. The split is the
 * lowest clear jump, not the largest, so a stall in a burst file (a step of many periods) stays a
 * boundary between bursts. Jitter only needs to stay within a factor SEPARATION: in-burst steps of
 * 1-10 ms against a 1 s period separate by 100x.
 * The limit of any such rule: rows of several GPUs stamped evenly across the period (2 GPUs 50 ms
 * apart at 10 Hz) look exactly like one GPU sampled at twice the rate. With an expected count
 * above 1 such files are refused (every timestamp has one row); with 1 expected GPU they cannot be
 * told from one GPU. nvidia-smi's bursts span a few ms of a period of 100 ms or more.
 *
 * Within a burst the row order is the GPU order: nvidia-smi reads GPUs in index order and stamps
 * each row as it reads it, so its rows come out in strictly increasing time. Rows that go back in
 * time were reordered after sampling, and two rows of a burst with the same stamp could have traded
 * places unseen (and a repeated row looks the same): both are refused.
 *
 * What no check can see: when a shared-timestamp group loses one GPU's row and repeats another
 * GPU's row, its count stays right. The rows of such a group can also come in any order; per-GPU
 * energies then follow the tool's row order, while the total is unchanged (every GPU of the group
 * has the same times, and the trapezoid is linear in the powers).
 */

/** Steps within a burst must be this many times smaller than steps between bursts. */
export const SEPARATION = 10;
/** Regular sampling: no step between timestamps is shorter than this fraction of the median step. */
export const REGULAR_MIN_FRACTION = 0.4;
/** Regular sampling: at most one step in this many is twice the median or longer (monitor stalls). */
export const LONG_STEP_RARITY = 64;
/**
 * SMI tools read one GPU in milliseconds, so a step this long is between samples, never inside a
 * burst: sampling at this pace or slower may stall as often as it likes.
 */
export const BURST_STEP_MAX_S = 0.25;

export interface PositionInput {
  /** Epoch seconds of the rows read around the window, in file order. */
  times: ArrayLike<number>;
  /** Line numbers of the same rows, for messages. */
  lineNos: ArrayLike<number>;
  /** Non-zero for rows that can affect the window (their group must then be complete). */
  relevant: ArrayLike<number>;
  /** Time step from the data row before the first one read (NaN when it is the file's first). */
  stepBefore: number;
  /** Time step to the data row after the last one read (NaN when it is the file's last). */
  stepAfter: number;
  /** The GPU count the configuration expects; positions can be checked only against it. */
  expectedGpus: number | undefined;
}

export type PositionMethod = 'row_position_per_timestamp' | 'row_position_per_burst';

export type PositionVerdict =
  | {
      ok: true;
      method: PositionMethod;
      /** Position of each row in its group; -1 for rows of groups that do not touch the window. */
      positions: Int32Array;
      /** Groups that touch the window. */
      groups: number;
      /** Largest non-zero step inside a group, seconds (null when every group has one timestamp). */
      maxStepWithinGroupS: number | null;
      /** Smallest step between two groups, seconds (null with fewer than two groups). */
      minStepBetweenGroupsS: number | null;
    }
  | { ok: false; cause: string; line?: number };

export function assignRowPositions(input: PositionInput): PositionVerdict {
  const { times, lineNos, relevant, expectedGpus } = input;
  const n = times.length;
  const positions = new Int32Array(n).fill(-1);
  if (expectedGpus === undefined || !Number.isInteger(expectedGpus) || expectedGpus <= 0) {
    return {
      ok: false,
      cause: `the expected GPU count (${String(expectedGpus)}) is not a positive integer, so row positions cannot be checked against it`,
    };
  }
  if (n === 0)
    return {
      ok: true,
      method: 'row_position_per_timestamp',
      positions,
      groups: 0,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: null,
    };

  if (input.stepBefore < 0)
    return {
      ok: false,
      cause: `the row at line ${lineNos[0]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
      line: lineNos[0],
    };
  if (input.stepAfter < 0)
    return {
      ok: false,
      cause: `the row after line ${lineNos[n - 1]} is earlier than it; without a GPU column the order of rows is the only identity`,
      line: lineNos[n - 1],
    };
  const positive: number[] = [];
  if (input.stepBefore > 0) positive.push(input.stepBefore);
  if (input.stepAfter > 0) positive.push(input.stepAfter);
  for (let i = 1; i < n; i++) {
    const step = (times[i] as number) - (times[i - 1] as number);
    if (step < 0)
      return {
        ok: false,
        cause: `the row at line ${lineNos[i]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
        line: lineNos[i],
      };
    if (step > 0) positive.push(step);
  }
  positive.sort((a, b) => a - b);

  // Steps at or below `split` stay inside a group.
  let split = 0;
  let method: PositionMethod = 'row_position_per_timestamp';
  if (!isRegular(positive)) {
    let k = 0;
    while (k + 1 < positive.length && (positive[k + 1] as number) < SEPARATION * (positive[k] as number)) k++;
    if (k + 1 >= positive.length) {
      return {
        ok: false,
        cause: `the time steps between rows range from ${fmt(positive[0] as number)} s to ${fmt(positive[positive.length - 1] as number)} s with no clear gap between steps within a sample and steps between samples`,
      };
    }
    split = positive[k] as number;
    if (split >= BURST_STEP_MAX_S) {
      return {
        ok: false,
        cause: `steps of up to ${fmt(split)} s between rows would have to lie within one sample, longer than any GPU query takes`,
      };
    }
    method = 'row_position_per_burst';
  }

  let groups = 0;
  let maxWithin = Number.NaN;
  let minBetween = Number.NaN;
  let first = 0;
  const opensBefore = input.stepBefore <= split;
  while (first < n) {
    let last = first;
    while (last + 1 < n) {
      const step = (times[last + 1] as number) - (times[last] as number);
      if (step > split) {
        if (!(step >= minBetween)) minBetween = step;
        break;
      }
      if (step > 0 && !(step <= maxWithin)) maxWithin = step;
      if (step === 0 && method === 'row_position_per_burst') {
        return {
          ok: false,
          cause: `the rows at lines ${lineNos[last]} and ${lineNos[last + 1]} share a timestamp inside a burst of rows stamped a few ms apart, so their order does not tell which GPU each is`,
          line: lineNos[last + 1],
        };
      }
      last++;
    }
    let touches = false;
    for (let i = first; i <= last && !touches; i++) touches = relevant[i] !== 0;
    if (touches) {
      const size = last - first + 1;
      if ((first === 0 && opensBefore) || (last === n - 1 && input.stepAfter <= split)) {
        return {
          ok: false,
          cause: `the sample group at line ${lineNos[first]} extends beyond the rows read around the benchmark window`,
          line: lineNos[first],
        };
      }
      if (size !== expectedGpus) {
        const kind = method === 'row_position_per_burst' ? 'burst of rows stamped a few ms apart' : 'timestamp';
        return {
          ok: false,
          cause: `the ${kind} at line ${lineNos[first]} has ${size} row(s) where ${expectedGpus} GPU(s) are expected (a row was dropped or repeated, or the GPU count is wrong)`,
          line: lineNos[first],
        };
      }
      for (let i = first; i <= last; i++) positions[i] = i - first;
      groups++;
    }
    first = last + 1;
  }
  return {
    ok: true,
    method,
    positions,
    groups,
    maxStepWithinGroupS: Number.isNaN(maxWithin) ? null : maxWithin,
    minStepBetweenGroupsS: Number.isNaN(minBetween) ? null : minBetween,
  };
}

/**
 * Sampling that steps from one timestamp to the next at a steady pace: no step is much shorter
 * than the typical one, and steps of twice the typical one (monitor stalls) are rare. Rows stamped
 * in bursts fail both ways: within-burst steps are short, and every burst ends with a long step.
 */
function isRegular(sortedSteps: number[]): boolean {
  const m = sortedSteps.length;
  if (m === 0) return true;
  const median = sortedSteps[Math.floor((m - 1) / 2)] as number;
  if ((sortedSteps[0] as number) < REGULAR_MIN_FRACTION * median) return false;
  if (median >= BURST_STEP_MAX_S) return true;
  let long = 0;
  for (let i = m - 1; i >= 0 && (sortedSteps[i] as number) >= 2 * median; i--) long++;
  return long * LONG_STEP_RARITY <= m;
}

function fmt(seconds: number): string {
  return String(Number(seconds.toPrecision(3)));
}
