/** Small statistics for comparing benchmark figures across runs. */

/** Two-sided 95 % quantiles of Student's t (t₀.₉₇₅) for 1 to 30 degrees of freedom, from the standard tables. */
const T975: readonly number[] = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z975 = 1.959963984540054;

/**
 * t₀.₉₇₅ for `df` degrees of freedom: the table up to 30, then the Cornish–Fisher expansion of t
 * around the normal quantile, which is within 0.001 of the exact value from 30 on.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  const whole = Math.floor(df);
  if (whole <= T975.length) return T975[whole - 1] as number;
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * whole) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * whole ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * whole ** 3)
  );
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation with Bessel's correction (n − 1); undefined below two values. */
export function sampleSd(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * Half-width of the 95 % prediction interval for one new observation, relative to the mean:
 * t₀.₉₇₅(n−1) · s · √(1 + 1/n) / mean (the t-test threshold model of continuous benchmarking
 * tools such as Bencher). Undefined below two values or for a mean that is not positive.
 */
export function relativePredictionInterval(values: readonly number[]): number | undefined {
  const s = sampleSd(values);
  const m = mean(values);
  if (s === undefined || !(m > 0)) return undefined;
  return (tQuantile975(values.length - 1) * s * Math.sqrt(1 + 1 / values.length)) / m;
}
