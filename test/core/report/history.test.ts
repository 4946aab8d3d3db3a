import { describe, expect, it } from 'vitest';
import {
  appendPush,
  configHash,
  emptyHistory,
  encodeHistoryBlock,
  HISTORY_MARKER,
  MAX_PUSHES,
  readHistoryBlock,
  sparkline,
} from '../../../src/core/report/history.js';

const sha = (n: number): string => n.toString(16).padStart(40, 'a');
const block = (data: unknown): string =>
  `text\n<!-- ${HISTORY_MARKER} ${Buffer.from(JSON.stringify(data)).toString('base64')} -->`;

describe('history block', () => {
  it('carries J/token per config across three pushes and draws them as a sparkline', () => {
    const a = configHash('["config a"]');
    const b = configHash('["config b"]');
    let history = emptyHistory();
    const figures: Array<Map<string, number>> = [
      new Map([
        [a, 9.6],
        [b, 5],
      ]),
      new Map([[a, 10.8]]),
      new Map([
        [a, 12],
        [b, 5.5],
      ]),
    ];
    let body: string | undefined;
    figures.forEach((f, i) => {
      const read = readHistoryBlock(body);
      expect(read.problem).toBeUndefined();
      history = appendPush(read.history!, { commit: sha(i), run: String(100 + i) }, f);
      body = `comment\n\n${encodeHistoryBlock(history).block}`;
    });
    const read = readHistoryBlock(body);
    expect(read.history!.pushes.map((p) => p.run)).toEqual(['100', '101', '102']);
    expect(read.history!.values.get(a)).toEqual([9.6, 10.8, 12]);
    expect(read.history!.values.get(b)).toEqual([5, null, 5.5]);
    // 9.6 → lowest bar, 10.8 halfway (index round(0.5 × 7) = 4), 12 → highest.
    expect(sparkline([9.6, 10.8, 12])).toBe('▁▅█');
    expect(sparkline([5, null, 5.5])).toBe('▁·█');
    expect(sparkline([7])).toBe('');
  });

  it('replaces the entry of a rerun of the same commit and keeps at most the last pushes', () => {
    const a = configHash('a');
    let h = appendPush(emptyHistory(), { commit: sha(1), run: '1' }, new Map([[a, 1]]));
    h = appendPush(h, { commit: sha(1), run: '2' }, new Map([[a, 2]]));
    expect(h.pushes).toEqual([{ commit: sha(1), run: '2' }]);
    expect(h.values.get(a)).toEqual([2]);
    for (let i = 2; i < MAX_PUSHES + 5; i++) h = appendPush(h, { commit: sha(i), run: String(i) }, new Map([[a, i]]));
    expect(h.pushes).toHaveLength(MAX_PUSHES);
    expect(h.values.get(a)![MAX_PUSHES - 1]).toBe(MAX_PUSHES + 4);
  });

  it('reads a hostile block as no history with a reason, never as data', () => {
    const good = { v: 1, p: [[sha(1), '5']], c: [[configHash('x'), [1.5]]] };
    expect(readHistoryBlock(block(good)).history!.values.size).toBe(1);
    const cases: Array<[string, string]> = [
      [block({ ...good, v: 2 }), 'unknown version'],
      [block({ ...good, extra: 1 }), 'unknown fields'],
      [block({ ...good, p: [['not-a-sha', '5']] }), 'malformed push'],
      [block({ ...good, p: [[sha(1), '5; rm']] }), 'malformed push'],
      [block({ ...good, c: [[configHash('x'), [1.5, 2]]] }), 'malformed series'],
      [block({ ...good, c: [[configHash('x'), [-1]]] }), 'malformed series'],
      [block({ ...good, c: [['<script>', [1]]] }), 'malformed config'],
      [
        block({
          ...good,
          c: [
            [configHash('x'), [1]],
            [configHash('x'), [2]],
          ],
        }),
        'malformed config',
      ],
      [block({ v: 1, p: Array.from({ length: MAX_PUSHES + 1 }, (_, i) => [sha(i), '1']), c: [] }), 'pushes'],
      [`<!-- ${HISTORY_MARKER} not*base64 -->`, 'not base64'],
      [`<!-- ${HISTORY_MARKER} ${Buffer.from('{').toString('base64')} -->`, 'not JSON'],
      [`<!-- ${HISTORY_MARKER} ${'A'.repeat(30_000)} -->`, 'larger than'],
      [`<!-- ${HISTORY_MARKER} AAAA`, 'not closed'],
    ];
    for (const [body, problem] of cases) {
      const read = readHistoryBlock(body);
      expect(read.history, problem).toBeUndefined();
      expect(read.problem).toContain(problem);
    }
    expect(readHistoryBlock('no block here').history!.pushes).toEqual([]);
  });

  it('bounds the block for 2,000 configs and keeps the given configs first', () => {
    let h = emptyHistory();
    const hashes = Array.from({ length: 2000 }, (_, i) => configHash(`config ${i}`));
    for (let p = 0; p < 5; p++)
      h = appendPush(h, { commit: sha(p), run: String(p) }, new Map(hashes.map((x, i) => [x, 1 + i / 1000 + p / 7])));
    const priority = [hashes[1999]!, hashes[1500]!];
    const encoded = encodeHistoryBlock(h, priority, 12_000);
    expect(encoded.block.length).toBeLessThanOrEqual(12_000);
    expect(encoded.configsLeftOut).toBeGreaterThan(0);
    const read = readHistoryBlock(encoded.block);
    expect(read.history!.values.size).toBe(2000 - encoded.configsLeftOut);
    expect([...read.history!.values.keys()].slice(0, 2)).toEqual(priority);
  });
});
