import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelog, check, entry, link, located } from '../../helpers/changelog.js';

const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));
// HISTORY spans lines 1-11: entry 1 on lines 1-5, an empty line 6, entry 2 on lines 7-11.
const NEW = entry('dsv4-fp4-b200-vllm', 'XXX');

describe("problems are the change's, never the base's", () => {
  it("on InferenceX PR 1717 names the rewritten pr-link line and the spaces-only separator, not the base's missing newline", () => {
    const dir = join(import.meta.dirname, '../../fixtures/changelog-pr1717');
    const base = readFileSync(join(dir, 'base.yaml'));
    const head = readFileSync(join(dir, 'head.yaml'));
    const verdict = check(base, head, {
      repo: 'SemiAnalysisAI/InferenceX',
      prNumber: 1717,
      keys: ['dsv4-fp4-mi355x-atom'],
    });
    // Line 17 is the base's last line (no newline); line 18 holds two spaces; the new entry starts at 19.
    expect(located(verdict)).toEqual(['17:1 history_line_deleted', '18:1 separator']);
    expect(verdict.problems[0]?.message).toMatch(
      /^Found deleted line: {3}pr-link: https:\/\/github\.com\/SemiAnalysisAI\/InferenceX\/pull\/1798 /,
    );
    expect(verdict.problems[1]?.message).toMatch(
      /^new changelog entries must be separated from history by one empty line: the separator line after the history holds only spaces/,
    );
  });

  it("accepts a change that only adds the base's missing final newline", () => {
    const base = HISTORY.slice(0, -1);
    expect(check(base, HISTORY).problems).toEqual([]);
  });

  it('counts the empty line after a base without a final newline once', () => {
    const verdict = check(HISTORY.slice(0, -1), `${HISTORY}\n\n${NEW}`);
    expect(located(verdict)).toEqual(['11:1 history_line_deleted', '14:1 separator']);
    expect(verdict.problems[1]?.message).toContain('after 2 empty lines');
  });

  it('does not report a tab or CR on a history line the change left alone', () => {
    const base = HISTORY.replace('"Update"', '"Up\tdate"').replace(
      '  pr-link: https://github.com/acme/sweeps/pull/2\n',
      '  pr-link: https://github.com/acme/sweeps/pull/2\r\n',
    );
    expect(check(base, changelog(base, NEW)).problems).toEqual([]);
  });

  it('reports a tab on a written line even when the history has one earlier', () => {
    const base = HISTORY.replace('"Update"', '"Up\tdate"');
    const head = changelog(base, NEW.replace('"Update"', '"New\tone"'));
    expect(located(check(base, head))).toEqual(['16:11 tab_character']);
  });

  it('does not report a history entry that fails the schema when the change leaves it as it was', () => {
    const base = changelog(
      entry('dsr1-fp8-h200-sglang', link(1), '  retired-field: true\n'),
      entry('gptoss-fp4-h100-vllm', link(2)),
    );
    expect(check(base, changelog(base, NEW)).problems).toEqual([]);
    const edited = base.replace('retired-field: true', 'retired-field: false');
    expect(located(check(base, changelog(edited, NEW)))).toContain('5:3 unknown_field');
  });

  it('still reports a base that cannot be read, as nothing can be compared with it', () => {
    const base = `${HISTORY}- [broken\n`;
    const verdict = check(base, changelog(HISTORY, NEW));
    expect(verdict.problems.map((p) => p.file)).toContain('perf-changelog.yaml@base');
    expect(verdict.problems.some((p) => p.message.includes('in the base version'))).toBe(true);
  });
});
