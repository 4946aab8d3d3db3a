/**
 * Python-compatible number output for the agg JSON contract: dashboards compare values written
 * by the reference (Python `round(x, n)` and `json.dumps` float repr) with ours.
 */

/**
 * Python's round(x, n): the decimal nearest to the exact binary value of x, ties to even.
 * `toFixed` is exact except that it breaks ties upwards, so exact ties are detected and fixed.
 */
export function pyRound(x: number, digits: number): number {
  // Zero is its own rounding; returning it keeps -0.0, which toFixed would turn into 0.
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15 || x === 0) return x;
  const rounded = Number(x.toFixed(digits));
  // An exact tie has exactly digits+1 fractional decimal digits, the last a 5; toFixed(100) is exact for those.
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const kept = exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(kept[kept.length - 1] === '.' ? kept[kept.length - 2] : kept[kept.length - 1]);
  const down = Number(kept);
  const magnitude = lastDigit % 2 === 0 ? down : Number((down + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}

/** Python's repr(float), as json.dumps writes it: `600.0`, `9.6`, `1e-05`, `1.5e+16`. */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${x} cannot be written to JSON`);
  if (Object.is(x, -0)) return '-0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exponent = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent >= -4 && exponent < 16) {
    let intPart: string;
    let fracPart: string;
    if (exponent >= 0) {
      const padded = digits.padEnd(exponent + 1, '0');
      intPart = padded.slice(0, exponent + 1);
      fracPart = padded.slice(exponent + 1);
    } else {
      intPart = '0';
      fracPart = '0'.repeat(-exponent - 1) + digits;
    }
    return `${sign}${intPart}.${fracPart === '' ? '0' : fracPart}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${mant}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
