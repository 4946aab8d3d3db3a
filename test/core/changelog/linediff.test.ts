import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writtenLines } from '../../../src/core/changelog/linediff.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const linesOf = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const written = (base: string, head: string) => {
  const lines = writtenLines(bytes(base), bytes(head));
  return linesOf(head)
    .map((_, i) => i + 1)
    .filter((line) => lines.has(line));
};

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

describe('writtenLines', () => {
  it('counts a line that gains its missing terminator as written, as git does', () => {
    expect(written('a\nlast', 'a\nlast\n\nnew\n')).toEqual([2, 3, 4]);
  });

  it('leaves lines between two edits unwritten', () => {
    expect(written('a\nb\nc\nd\ne\n', 'a\nB\nc\nd\nE\n')).toEqual([2, 5]);
  });

  it('keeps as many lines unwritten as the longest common subsequence, each equal to a base line', () => {
    const text = fc
      .array(fc.constantFrom('x\n', 'y\n', 'z\n', '\n', 'w'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (base, head) => {
        const a = linesOf(base);
        const b = linesOf(head);
        const lines = writtenLines(bytes(base), bytes(head));
        expect(b.length - lines.size).toBe(lcsLength(a, b));
        b.forEach((line, i) => {
          if (!lines.has(i + 1)) expect(a).toContain(line);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('marks a rewrite past the edit bound as written throughout, in bounded time', () => {
    const count = 40_000;
    const base = Array.from({ length: count }, (_, i) => `line ${i}\n`).join('');
    const head = Array.from({ length: count }, (_, i) => `Line ${i}\n`).join('');
    const started = performance.now();
    const lines = writtenLines(bytes(base), bytes(head));
    expect(lines.size).toBe(count);
    expect(performance.now() - started).toBeLessThan(5000); // quadratic in the line count would take minutes
  });
});
