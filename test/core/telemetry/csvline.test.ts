import { describe, expect, it } from 'vitest';
import { cellAt, splitCsvLine } from '../../../src/core/telemetry/csvline.js';

describe('splitCsvLine', () => {
  it('trims the cells of a plain line', () => {
    expect(splitCsvLine(' 2026/05/20 12:00:01 , 0,612.5 W ')).toEqual(['2026/05/20 12:00:01', '0', '612.5 W']);
    expect(splitCsvLine('a,,b')).toEqual(['a', '', 'b']);
  });

  it('keeps a quote inside an unquoted cell', () => {
    expect(splitCsvLine('0,612 "W"')).toEqual(['0', '612 "W"']);
  });

  it('keeps spaces inside quotes but not around them', () => {
    expect(splitCsvLine(' " a " , b')).toEqual([' a ', 'b']);
  });

  it('splits a line with an unbalanced quote on commas and strips the quotes at the cell ends', () => {
    expect(splitCsvLine('"0", 612 W, "x')).toEqual(['0', '612 W', 'x']);
    expect(splitCsvLine('"0", 6"1, "x')).toEqual(['0', '6"1', 'x']);
  });
});

describe('cellAt', () => {
  const line = '2026/05/20 12:00:01, 3 , 612.5 W';

  it.each([
    [0, '2026/05/20 12:00:01'],
    [1, '3'],
    [2, '612.5 W'],
  ])('reads cell %i trimmed', (index, cell) => {
    expect(cellAt(line, index)).toBe(cell);
  });

  it('has no cell past the last one', () => {
    expect(cellAt(line, 3)).toBeUndefined();
    expect(cellAt('a', 1)).toBeUndefined();
  });

  it('reads empty cells as empty', () => {
    expect(cellAt('a,,b,', 1)).toBe('');
    expect(cellAt('a,,b,', 3)).toBe('');
    expect(cellAt(',b', 0)).toBe('');
    expect(cellAt(',b', 1)).toBe('b');
  });
});
