import { describe, expect, it } from 'vitest';
import { compareHistory, deepEqual, type ChangelogSide } from '../../../src/core/changelog/history.js';
import { parseChangelog } from '../../../src/core/changelog/parse.js';
import { bytes, changelog, entry, link, REPO } from '../../helpers/changelog.js';

// compareHistory on its own, with sides parsed from text: append-only history, pr-link-only corrections.

function side(file: string, text: string): ChangelogSide {
  // Parse problems (a missing final newline, say) are the parser's to report; only the entries matter here.
  const parsed = parseChangelog(file, bytes(text));
  expect(parsed.entries).toBeDefined();
  return { positions: parsed.positions, entries: parsed.entries ?? [] };
}

function compare(base: string, head: string, repo: string | undefined = REPO) {
  return compareHistory(side('perf-changelog.yaml@base', base), side('perf-changelog.yaml', head), repo);
}

const A = entry('dsr1-fp8-h200-sglang', link(1));
const B = entry('gptoss-fp4-h100-vllm', link(2));
const C = entry('dsv4-fp4-b200-vllm', link(3));
const BASE = changelog(A, B);

describe('deepEqual', () => {
  it('compares YAML values structurally', () => {
    expect(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual(new Date(0), new Date(0))).toBe(true);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});

describe('compareHistory', () => {
  it('takes entries appended after one empty line as additions, with no problem', () => {
    const result = compare(BASE, changelog(BASE, C));
    expect(result.problems).toEqual([]);
    expect(result.additions.map((e) => e.index)).toEqual([2]);
    expect(result.corrections).toEqual([]);
  });

  it('names an entry inserted before the history rather than every entry after it', () => {
    const result = compare(BASE, changelog(A, C, B));
    expect(result.problems.map((p) => p.code)).toEqual(['history_inserted']);
    expect(result.problems[0]?.message).toContain('inserted before history entry 2');
    // A is lines 1-5 and an empty line 6: the inserted entry starts on line 7.
    expect(result.problems[0]?.line).toBe(7);
  });

  it('reports a deleted history entry', () => {
    const result = compare(BASE, A);
    expect(result.problems.map((p) => p.code)).toEqual(['history_deleted']);
    expect(result.additions).toEqual([]);
  });

  it('accepts a pr-link-only correction to a canonical link as a correction', () => {
    const result = compare(BASE, changelog(A, entry('gptoss-fp4-h100-vllm', link(22))));
    expect(result.problems).toEqual([]);
    expect(result.corrections.map((e) => e.index)).toEqual([1]);
    expect(result.additions).toEqual([]);
  });

  it('refuses a correction to a link that is not canonical, and corrections mixed with new entries', () => {
    const odd = compare(BASE, changelog(A, entry('gptoss-fp4-h100-vllm', 'https://example.com/pull/22')));
    expect(odd.problems.map((p) => p.code)).toEqual(['correction_not_canonical']);
    const mixed = compare(BASE, changelog(A, entry('gptoss-fp4-h100-vllm', link(22)), C));
    expect(mixed.problems.map((p) => p.code)).toContain('corrections_mixed_with_additions');
  });

  it('reports an edit to a history entry other than its pr-link, at the differing field', () => {
    const result = compare(BASE, changelog(A, entry('gptoss-fp4-h100-vllm', link(2), '', 'Rewritten')));
    expect(result.problems.map((p) => p.code)).toEqual(['history_entry_changed']);
    expect(result.problems[0]?.message).toContain('its description differs from the base');
    // B starts on line 7: config-keys (7), its item (8), description (9), the item that changed (10).
    expect(result.problems[0]?.line).toBe(10);
  });

  it('reports text that adds no entry, and a reformatted history line', () => {
    const blank = compare(BASE, `${BASE}\n# note\n`);
    expect(blank.problems.map((p) => p.code)).toEqual(['no_new_entry']);
    const reformatted = compare(BASE, BASE.replace('  pr-link: ', '  pr-link:  '));
    expect(reformatted.problems.map((p) => p.code)).toEqual(['history_reformatted']);
  });

  it('checks the separator before appended entries and the end of the file', () => {
    const tight = compare(BASE, `${BASE}${C}`);
    expect(tight.problems.map((p) => p.code)).toEqual(['separator']);
    const trailing = compare(BASE, `${changelog(BASE, C)}\n\n`);
    expect(trailing.problems.map((p) => p.code)).toEqual(['trailing_empty_lines']);
  });

  it('lets a base without a final newline gain only that newline', () => {
    const unterminated = BASE.slice(0, -1);
    expect(compare(unterminated, BASE).problems).toEqual([]);
    expect(compare(unterminated, changelog(BASE, C)).problems.map((p) => p.code)).toContain('history_line_deleted');
  });
});
