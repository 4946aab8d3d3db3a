import { describe, expect, it } from 'vitest';
import {
  type ChangelogProblem,
  plainExcerpt,
  plural,
  quoteExcerpt,
  SourcePositions,
  sortProblems,
} from '../../../src/core/changelog/problems.js';

describe('SourcePositions', () => {
  const text = 'ab\n\ncdé\nlast';
  const positions = new SourcePositions('c.yaml', text);

  it('turns an offset into a 1-based line and column', () => {
    expect(positions.at(0)).toEqual({ line: 1, column: 1 });
    expect(positions.at(2)).toEqual({ line: 1, column: 3 }); // the first newline
    expect(positions.at(3)).toEqual({ line: 2, column: 1 }); // the empty line
    expect(positions.at(6)).toEqual({ line: 3, column: 3 }); // 'é'
    expect(positions.at(8)).toEqual({ line: 4, column: 1 });
  });

  it('clamps offsets outside the text to its ends', () => {
    expect(positions.at(-5)).toEqual({ line: 1, column: 1 });
    // text.length = 12: one past 'last' on line 4.
    expect(positions.at(1_000)).toEqual({ line: 4, column: 5 });
  });

  it('gives the start offset and the text of a line', () => {
    expect([1, 2, 3, 4].map((line) => positions.lineStart(line))).toEqual([0, 3, 4, 8]);
    expect([1, 2, 3, 4].map((line) => positions.lineText(line))).toEqual(['ab', '', 'cdé', 'last']);
    expect(positions.lineStart(0)).toBe(0);
    // Past the last line: the end of the text, an empty line.
    expect(positions.lineStart(9)).toBe(12);
    expect(positions.lineText(9)).toBe('');
  });

  it('builds a located problem', () => {
    expect(positions.problem('yaml_syntax', 5, 'bad')).toEqual({
      code: 'yaml_syntax',
      file: 'c.yaml',
      line: 3,
      column: 2,
      message: 'bad',
    });
  });

  it('counts a final newline as the start of an empty last line', () => {
    const ended = new SourcePositions('c.yaml', 'a\n');
    expect(ended.at(2)).toEqual({ line: 2, column: 1 });
    expect(ended.lineText(2)).toBe('');
  });
});

describe('quoteExcerpt', () => {
  it('quotes as JSON on one line', () => {
    expect(quoteExcerpt('a "b"\nc')).toBe('"a \\"b\\"\\\\nc"');
    expect(quoteExcerpt('a\nb\nc')).toBe('"a\\\\nb\\\\nc"');
  });

  it('cuts after max characters, newlines counted as their two-character escape', () => {
    expect(quoteExcerpt('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(quoteExcerpt('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…"`);
    // 'ab\ncd' becomes 'ab\\ncd', 6 characters; max 4 keeps 'ab\\n'.
    expect(quoteExcerpt('ab\ncd', 4)).toBe('"ab\\\\n…"');
  });
});

describe('plainExcerpt', () => {
  it('drops invisible controls and direction marks', () => {
    expect(plainExcerpt('a\u0000b\u001bc\u007fd\u0085e\u200bf\u202eg\u2066h\ufeffi\tj\u2060k')).toBe('abcdefghijk');
  });

  it('breaks the runner command marker ##[ with a word joiner', () => {
    expect(plainExcerpt('x ##[error]y ##[group]')).toBe('x #\u2060#[error]y #\u2060#[group]');
  });

  it('cuts after max characters', () => {
    expect(plainExcerpt('y'.repeat(120))).toBe('y'.repeat(120));
    expect(plainExcerpt('y'.repeat(121))).toBe(`${'y'.repeat(120)}…`);
    // Cut after dropping controls: 5 letters with 5 NULs between are still 5 characters.
    expect(plainExcerpt('a\u0000b\u0000c\u0000d\u0000e\u0000', 5)).toBe('abcde');
  });
});

describe('plural', () => {
  it('uses the singular only for one', () => {
    expect(plural(1, 'line')).toBe('1 line');
    expect(plural(0, 'line')).toBe('0 lines');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});

describe('sortProblems', () => {
  const p = (file: string, line: number, column: number): ChangelogProblem => ({
    code: 'yaml_syntax',
    file,
    line,
    column,
    message: `${file}:${line}:${column}`,
  });

  it('orders by file, then line, then column, without changing the input', () => {
    const input = [p('b.yaml', 1, 1), p('a.yaml', 10, 2), p('a.yaml', 2, 9), p('a.yaml', 10, 1)];
    const sorted = sortProblems(input);
    // Lines compare as numbers: 2 before 10.
    expect(sorted.map((x) => x.message)).toEqual(['a.yaml:2:9', 'a.yaml:10:1', 'a.yaml:10:2', 'b.yaml:1:1']);
    expect(input.map((x) => x.message)).toEqual(['b.yaml:1:1', 'a.yaml:10:2', 'a.yaml:2:9', 'a.yaml:10:1']);
  });

  it('keeps problems at the same place in their order', () => {
    const first = { ...p('a.yaml', 3, 1), message: 'first' };
    const second = { ...p('a.yaml', 3, 1), message: 'second' };
    expect(sortProblems([first, second]).map((x) => x.message)).toEqual(['first', 'second']);
    expect(sortProblems([second, first]).map((x) => x.message)).toEqual(['second', 'first']);
  });
});
