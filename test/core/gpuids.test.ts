import { describe, expect, it } from 'vitest';
import { compareGpuIds } from '../../src/core/gpuids.js';

describe('compareGpuIds', () => {
  it('puts numeric ids first in numeric order, then the other ids in string order', () => {
    const ids = ['b', '10', 'GPU-1', '2', 'a', '0'];
    // Numeric: 0 < 2 < 10 (a string sort would give '10' < '2'); then 'GPU-1' < 'a' < 'b' by code unit.
    expect([...ids].sort(compareGpuIds)).toEqual(['0', '2', '10', 'GPU-1', 'a', 'b']);
  });

  it('orders a numeric id before a non-numeric one, whichever side it is on', () => {
    expect(compareGpuIds('7', 'a')).toBeLessThan(0);
    expect(compareGpuIds('a', '7')).toBeGreaterThan(0);
  });

  it('counts only plain digit strings as numeric', () => {
    // '-1' and ' 3' are strings, so they sort after every numeric id even though their values are smaller.
    expect(['-1', ' 3', '5'].sort(compareGpuIds)).toEqual(['5', ' 3', '-1']);
  });

  it('breaks a tie of equal numbers by the text, so the order is total', () => {
    // Number('01') === Number('1'); '0' (0x30) < '1' (0x31) puts '01' first.
    expect(compareGpuIds('01', '1')).toBeLessThan(0);
    expect(compareGpuIds('1', '01')).toBeGreaterThan(0);
  });

  it('is zero only for the same id', () => {
    expect(compareGpuIds('3', '3')).toBe(0);
    expect(compareGpuIds('x', 'x')).toBe(0);
    expect(compareGpuIds('x', 'y')).toBeLessThan(0);
    expect(compareGpuIds('y', 'x')).toBeGreaterThan(0);
    // 9 - 10 < 0 numerically, though '9' > '10' as strings.
    expect(compareGpuIds('9', '10')).toBeLessThan(0);
    expect(compareGpuIds('10', '9')).toBeGreaterThan(0);
  });
});
