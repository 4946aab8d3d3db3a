import { describe, expect, it } from 'vitest';
import { pyFloatRepr, pyRound } from '../../src/core/pynum.js';

describe('pyRound (Python round(x, n))', () => {
  it('breaks exact binary ties to even', () => {
    // 84000 / 4096 = 20.5078125 exactly: the 7th decimal is an exact 5, and 2 is even.
    expect(pyRound(84000 / 4096, 6)).toBe(20.507812);
    // 0.375 = 3/8 exactly: a tie at 2 decimals, 8 is even -> 0.38 ; 0.125 -> 0.12.
    expect(pyRound(0.375, 2)).toBe(0.38);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(-0.125, 2)).toBe(-0.12);
    expect(pyRound(2.5, 0)).toBe(2);
  });

  it('keeps the sign of zero, as round(-0.0, n) gives -0.0', () => {
    expect(Object.is(pyRound(-0, 3), -0)).toBe(true);
    expect(Object.is(pyRound(-0, 0), -0)).toBe(true);
    // A small negative value rounds to -0.0 in Python too.
    expect(Object.is(pyRound(-1e-10, 3), -0)).toBe(true);
    expect(Object.is(pyRound(0, 3), 0)).toBe(true);
  });

  it('rounds the exact binary value, not the decimal text', () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    expect(pyRound(2.675, 2)).toBe(2.67);
    // 1.0005 is stored just below 1.0005.
    expect(pyRound(1.0005, 3)).toBe(1);
    expect(pyRound(9.6, 6)).toBe(9.6);
  });

  it('leaves huge and non-finite values alone', () => {
    expect(pyRound(1e20, 3)).toBe(1e20);
    expect(Number.isNaN(pyRound(Number.NaN, 3))).toBe(true);
  });
});

describe('pyFloatRepr (json.dumps float)', () => {
  it.each([
    [600, '600.0'],
    [9.6, '9.6'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [123456789012345.6, '123456789012345.6'],
    [-2.5, '-2.5'],
    [-0, '-0.0'],
    [288000, '288000.0'],
  ])('%s -> %s', (value, text) => {
    expect(pyFloatRepr(value)).toBe(text);
  });

  it('refuses NaN and Infinity, which are not JSON', () => {
    expect(() => pyFloatRepr(Number.NaN)).toThrow(RangeError);
    expect(() => pyFloatRepr(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
