import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/core/changelog/linediff.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Length of the longest common subsequence of two line lists, by the textbook table. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    b.forEach((y, j) => {
      const above = row[j + 1] as number;
      row[j + 1] = x === y ? diagonal + 1 : Math.max(above, row[j] as number);
      diagonal = above;
    });
  }
  return row[b.length] as number;
}

const linesOf = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

describe('diffLines', () => {
  it('counts a line that gains its missing terminator as rewritten, as git does', () => {
    const change = diffLines(bytes('a\nlast'), bytes('a\nlast\n\nnew\n'));
    expect([...change.touched].sort()).toEqual([2, 3, 4]);
    expect(change.removed).toEqual([{ line: 2, text: 'last' }]);
  });

  it('leaves lines between two edits untouched', () => {
    const change = diffLines(bytes('a\nb\nc\nd\ne\n'), bytes('a\nB\nc\nd\nE\n'));
    expect([...change.touched].sort()).toEqual([2, 5]);
    expect(change.removed.map((r) => r.text)).toEqual(['b', 'e']);
  });

  it('keeps as many lines as the longest common subsequence', () => {
    const text = fc.array(fc.constantFrom('x\n', 'y\n', 'z\n', '\n', 'w'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (base, head) => {
        const a = linesOf(base);
        const b = linesOf(head);
        const change = diffLines(bytes(base), bytes(head));
        expect(b.length - change.touched.size).toBe(lcsLength(a, b));
        expect(a.length - change.removed.length).toBe(lcsLength(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
