import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParams } from '../helpers/fuzz.js';
import { pyFloatRepr, pyRound } from '../../src/core/pynum.js';

/**
 * Python's round(x, n) stated exactly: x is m * 2^e; scale by 10^n, round the exact rational to
 * the nearest integer with ties to even, and return the double nearest to that decimal.
 */
function exactRound(x: number, digits: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  let numerator = mantissa * 10n ** BigInt(digits);
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  const magnitude = Number(`${quotient}e-${digits}`);
  return x < 0 ? -magnitude : magnitude;
}

describe('Python-compatible numbers written into the agg JSON', () => {
  it('pyRound(x, 3|6) equals exact round-half-even of the binary value, for metric-sized values and exact ties', () => {
    const metric = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      // Exact binary ties such as 84000 / 4096 = 20.5078125.
      fc
        .tuple(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 1, max: 12 }))
        .map(([k, shift]) => k / 2 ** shift),
    );
    fc.assert(
      fc.property(metric, fc.constantFrom(3, 6), (x, digits) => {
        expect(
          Object.is(pyRound(x, digits), exactRound(x, digits)) || pyRound(x, digits) === exactRound(x, digits),
        ).toBe(true);
      }),
      fuzzParams(700),
    );
  });

  it('pyFloatRepr round-trips and always looks like a Python float (a dot or an exponent)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = pyFloatRepr(x);
        expect(Number(text)).toBe(x);
        expect(text).toMatch(/^-?\d+\.\d+$|^-?\d(\.\d+)?e[+-]\d{2,3}$/);
        expect(JSON.parse(text)).toBe(x);
      }),
      fuzzParams(700),
    );
  });
});
