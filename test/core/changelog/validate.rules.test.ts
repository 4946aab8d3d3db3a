import { describe, expect, it } from 'vitest';
import { changelog, check, entry, link, located } from '../../helpers/changelog.js';

const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));
// HISTORY spans lines 1-11: entry 1 on lines 1-5, an empty line 6, entry 2 on lines 7-11.

describe('file rules', () => {
  it('accepts a well-formed append', () => {
    const verdict = check(HISTORY, changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX')));
    expect(verdict.problems).toEqual([]);
    expect(verdict.newEntries.map((e) => e.line)).toEqual([13]);
    expect(verdict.triggeredConfigs).toEqual(['dsv4-fp4-b200-vllm']);
  });

  it('rejects a missing final newline at the last line', () => {
    const head = changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX')).slice(0, -1);
    expect(located(check(HISTORY, head))).toContain('17:15 missing_final_newline');
  });

  it('rejects CR, tab and NUL at their first occurrence, each once', () => {
    const head = changelog(
      HISTORY,
      entry('dsv4-fp4-b200-vllm', 'XXX')
        .replace('description:\n', 'description:\r\n')
        .replace('"Update"', '"Up\tdate"'),
    );
    const verdict = check(HISTORY, head);
    expect(located(verdict)).toEqual(expect.arrayContaining(['15:15 carriage_return', '16:10 tab_character']));
    expect(verdict.problems.filter((p) => p.code === 'tab_character')).toHaveLength(1);
    const withNul = check(HISTORY, `${HISTORY}\n- config-keys:\n    - a\u0000\n`);
    expect(located(withNul)).toContain('14:8 nul_byte');
  });

  it('rejects bytes that are not UTF-8, naming the byte and its line', () => {
    const head = new Uint8Array([...new TextEncoder().encode(`${HISTORY}\n- config-keys:\n    - caf`), 0xe9, 0x0a]);
    const verdict = check(HISTORY, head);
    expect(located(verdict)).toEqual(['14:10 not_utf8']);
    expect(verdict.problems[0]?.message).toContain('0xE9');
  });

  it('rejects an entry that is not a mapping', () => {
    expect(located(check(HISTORY, changelog(HISTORY, '- config-keys:\n\n- just text\n')))).toEqual(
      expect.arrayContaining(['15:1 entry_not_mapping']),
    );
  });

  it('rejects a root that is not a list', () => {
    expect(located(check('a: 1\n', 'a: 1\n'))).toEqual(['1:1 root_not_list']);
  });

  it('rejects duplicate keys at the second occurrence', () => {
    const head = changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX', '  description:\n    - "again"\n'));
    const verdict = check(HISTORY, head);
    expect(located(verdict)).toContain('17:3 duplicate_key');
    expect(verdict.problems.find((p) => p.code === 'duplicate_key')?.message).toContain('duplicate key description');
  });

  it('rejects an entry that does not start with "- config-keys:" (the count the sweep tooling uses)', () => {
    const reordered = '- description:\n    - "x"\n  config-keys:\n    - dsv4-fp4-b200-vllm\n  pr-link: XXX\n';
    expect(located(check(HISTORY, changelog(HISTORY, reordered)))).toContain('13:1 entry_start_line');
  });

  it('reports YAML syntax errors at their line', () => {
    const broken = '- config-keys:\n    - a\n  description:\n    - x\n  pr-link: XXX\n  - config-keys:\n    - b\n';
    const verdict = check(HISTORY, changelog(HISTORY, broken));
    expect(verdict.problems[0]?.code).toBe('yaml_syntax');
    expect(verdict.problems[0]?.line).toBe(18);
  });
});

describe('entry schema', () => {
  const head = (extra: string, keys: string | string[] = 'dsv4-fp4-b200-vllm') =>
    changelog(HISTORY, entry(keys, 'XXX', extra));

  it('accepts every optional field with valid values', () => {
    const verdict = check(
      HISTORY,
      head(
        '  evals-only: true\n  all-evals: false\n  eval-min-prefill-ep: 2\n  scenario-type:\n    - agentic-coding\n',
      ),
    );
    expect(verdict.problems).toEqual([]);
    expect(verdict.newEntries[0]?.entry).toMatchObject({
      evalsOnly: true,
      allEvals: false,
      evalMinPrefillEp: 2,
      scenarioType: ['agentic-coding'],
    });
  });

  it('rejects an unknown key and suggests the known one', () => {
    const verdict = check(HISTORY, head('  evals_only: true\n'));
    expect(located(verdict)).toEqual(['17:3 unknown_field']);
    expect(verdict.problems[0]?.message).toContain("did you mean 'evals-only'");
  });

  it('rejects a missing required key at the entry line', () => {
    const noDescription = '- config-keys:\n    - dsv4-fp4-b200-vllm\n  pr-link: XXX\n';
    const verdict = check(HISTORY, changelog(HISTORY, noDescription));
    expect(located(verdict)).toEqual(['13:1 missing_field']);
    expect(verdict.problems[0]?.message).toContain("no 'description'");
  });

  it('rejects empty lists, non-string items, non-boolean flags, bad integers and unknown scenarios at their values', () => {
    const bad =
      '- config-keys: []\n  description:\n    - 12\n  evals-only: "yes"\n  eval-min-prefill-ep: 0\n  scenario-type:\n    - agentic\n  pr-link: XXX\n';
    expect(located(check(HISTORY, changelog(HISTORY, bad)))).toEqual([
      '13:16 invalid_field',
      '15:7 invalid_field',
      '16:15 invalid_field',
      '17:24 invalid_field',
      '19:7 invalid_field',
    ]);
  });

  it('rejects append-only combined with eval selection', () => {
    expect(located(check(HISTORY, head('  append-only: true\n  evals-only: true\n')))).toEqual([
      '17:3 append_only_with_evals',
    ]);
    expect(check(HISTORY, head('  append-only: true\n')).problems).toEqual([]);
  });

  it('rejects append-only entries mixed with regular ones in one change', () => {
    const headText = changelog(
      HISTORY,
      entry('dsv4-fp4-b200-vllm', 'XXX', '  append-only: true\n'),
      entry('dsr1-fp4-b200-trt', 'XXX'),
    );
    expect(located(check(HISTORY, headText))).toEqual(['17:3 append_only_mixed']);
  });
});

describe('append-only history', () => {
  it('accepts several appended entries separated by one empty line', () => {
    const verdict = check(
      HISTORY,
      changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX'), entry('dsr1-fp4-b200-trt', link(7))),
    );
    expect(verdict.problems).toEqual([]);
    expect(verdict.newEntries.map((e) => e.line)).toEqual([13, 19]);
  });

  it('rejects a missing separator after the history', () => {
    expect(located(check(HISTORY, HISTORY + entry('dsv4-fp4-b200-vllm', 'XXX')))).toEqual(['12:1 separator']);
  });

  it('rejects a separator line holding spaces', () => {
    const verdict = check(HISTORY, `${HISTORY}  \n${entry('dsv4-fp4-b200-vllm', 'XXX')}`);
    expect(located(verdict)).toEqual(['12:1 separator']);
    expect(verdict.problems[0]?.message).toContain('holds only spaces');
  });

  it('rejects two empty lines between new entries, and trailing empty lines', () => {
    const headText = `${changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX'))}\n${changelog('', entry('dsr1-fp4-b200-trt', 'XXX'))}\n`;
    const verdict = check(HISTORY, headText);
    expect(located(verdict)).toEqual(['20:1 separator', '25:1 trailing_empty_lines']);
    expect(verdict.problems[0]?.message).toContain('2 empty lines');
  });

  it('rejects an edit to a history entry at the first character that differs from the base', () => {
    const edited = HISTORY.replace('gptoss-fp4-h100-vllm', 'gptoss-fp4-b200-vllm');
    const verdict = check(HISTORY, edited);
    // Line 8 is '    - gptoss-fp4-h100-vllm': 17 characters agree, the 18th ('h' in the base, 'b' here) differs.
    expect(located(verdict)).toEqual(['8:18 history_entry_changed']);
    expect(verdict.problems[0]?.message).toMatch(
      /^entry 2 changed; existing entries are immutable except for pr-link-only corrections: its config-keys differs from the base here \(base line 8, column 18: " {4}- gptoss-fp4-h100-vllm"\)/,
    );
  });

  it('locates an edit inside a multi-line field at its line, and a deleted field where the entries part', () => {
    const base = changelog(
      entry('dsr1-fp8-h200-sglang', link(1), '  evals-only: true\n'),
      entry(['gptoss-fp4-h100-vllm', 'gptoss-fp4-b200-vllm'], link(2)),
    );
    // Entry 2: line 8 '- config-keys:', 9 and 10 its two keys; the second key is edited after '    - gptoss-fp4-b' (18 characters).
    const edited = base.replace('gptoss-fp4-b200-vllm', 'gptoss-fp4-b300-vllm');
    expect(located(check(base, edited))).toEqual(['10:19 history_entry_changed']);
    // Entry 1 loses 'evals-only' (base line 5); line 5 here is the pr-link line, which differs from column 3.
    const dropped = base.replace('  evals-only: true\n', '');
    const verdict = check(base, dropped);
    expect(located(verdict)).toEqual(['5:3 history_entry_changed']);
    expect(verdict.problems[0]?.message).toContain(
      'its evals-only differs from the base here (base line 5, column 3: "  evals-only: true")',
    );
  });

  it('rejects whitespace-only changes to history at the changed line', () => {
    const verdict = check(
      HISTORY,
      HISTORY.replace(
        '    - "Update"\n  pr-link: https://github.com/acme/sweeps/pull/2',
        '    - "Update"  \n  pr-link: https://github.com/acme/sweeps/pull/2',
      ),
    );
    expect(located(verdict)).toEqual(['10:15 history_reformatted']);
    expect(verdict.problems[0]?.message).toContain('from column 15 (base has the line end, here "  ")');
  });

  it('rejects an entry inserted in the middle and names its lines', () => {
    const inserted = changelog(
      entry('dsr1-fp8-h200-sglang', link(1)),
      entry('dsv4-fp4-b200-vllm', 'XXX'),
      entry('gptoss-fp4-h100-vllm', link(2)),
    );
    const verdict = check(HISTORY, inserted);
    expect(located(verdict)).toEqual(['7:1 history_inserted']);
    expect(verdict.problems[0]?.message).toContain('1 entry (lines 7-12) was inserted before history entry 2');
  });

  it('rejects a deleted history entry', () => {
    const verdict = check(HISTORY, entry('dsr1-fp8-h200-sglang', link(1)));
    expect(located(verdict)).toEqual(['6:1 history_deleted']);
    expect(verdict.problems[0]?.message).toContain('gptoss-fp4-h100-vllm');
  });

  it('accepts a pr-link-only correction to a canonical link', () => {
    const base = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', 'XXX'));
    const verdict = check(base, HISTORY, { prNumber: 99 });
    expect(verdict.problems).toEqual([]);
    expect(verdict.corrections).toBe(1);
    expect(verdict.triggeredConfigs).toEqual([]);
  });

  it('rejects a correction to a non-canonical link', () => {
    const verdict = check(HISTORY, HISTORY.replace(link(2), 'https://github.com/acme/sweeps/issues/2'));
    expect(located(verdict)).toEqual(['11:12 correction_not_canonical']);
  });

  it('does not take an edit of a pr-link together with another field for a correction', () => {
    const base = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', 'XXX'));
    // Entry 2's pr-link gets its canonical link, and its description (line 10, '    - "Update"') gains a 'd' at column 14.
    const head = changelog(
      entry('dsr1-fp8-h200-sglang', link(1)),
      entry('gptoss-fp4-h100-vllm', link(2), '', 'Updated'),
    );
    const verdict = check(base, head);
    expect(verdict.corrections).toBe(0);
    expect(located(verdict)).toEqual(['10:14 history_entry_changed']);
    expect(verdict.problems[0]?.message).toContain('its description differs from the base');
  });

  it('rejects a correction that also changes other lines', () => {
    const base = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', 'XXX'));
    const head = HISTORY.replace(
      '- config-keys:\n    - dsr1-fp8-h200-sglang',
      '- config-keys:\n    -  dsr1-fp8-h200-sglang',
    );
    const verdict = check(base, head);
    expect(located(verdict)).toEqual(['2:1 correction_line']);
    expect(verdict.problems[0]?.message).toContain('historical bytes changed outside a pr-link line at line 2');
  });

  it('rejects a correction mixed with new entries', () => {
    const base = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', 'XXX'));
    const verdict = check(base, changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX')));
    expect(located(verdict)).toEqual(['13:1 corrections_mixed_with_additions']);
  });

  it('rejects appended text that continues the last history entry', () => {
    const verdict = check(HISTORY, `${HISTORY}  evals-only: true\n`);
    expect(located(verdict)).toEqual(['12:3 history_entry_changed']);
    expect(verdict.problems[0]?.message).toContain('the appended text continues it (line 7), changing its evals-only');
  });

  it('rejects appended text that adds no entry', () => {
    expect(located(check(HISTORY, `${HISTORY}\n# note\n`))).toEqual(['12:1 no_new_entry']);
  });

  it('accepts an unchanged changelog', () => {
    const verdict = check(HISTORY, HISTORY);
    expect(verdict.problems).toEqual([]);
    expect(verdict.newEntries).toEqual([]);
  });
});

describe('pr-link rules', () => {
  const append = (prLink: string) => changelog(HISTORY, entry('dsv4-fp4-b200-vllm', prLink));

  it("accepts the pull request's own link and the placeholders on a pull request", () => {
    for (const ok of [link(7), 'XXX', link('XXX')])
      expect(check(HISTORY, append(ok), { prNumber: 7 }).problems).toEqual([]);
  });

  it('rejects a link to another pull request, naming both numbers', () => {
    const verdict = check(HISTORY, append(link(6)), { prNumber: 7 });
    expect(located(verdict)).toEqual(['17:12 pr_link']);
    expect(verdict.problems[0]?.message).toContain('#6, but this change is pull request #7');
  });

  it('on the main branch accepts only canonical links', () => {
    expect(check(HISTORY, append(link(7)), { prNumber: undefined }).problems).toEqual([]);
    expect(located(check(HISTORY, append('XXX'), { prNumber: undefined }))).toEqual(['17:12 pr_link']);
    expect(located(check(HISTORY, append('https://github.com/other/repo/pull/7'), { prNumber: undefined }))).toEqual([
      '17:12 pr_link',
    ]);
  });

  it('takes the repository from the caller and says when it is unknown', () => {
    expect(check(HISTORY, append('https://github.com/other/repo/pull/7'), { repo: 'other/repo' }).problems).toEqual([]);
    expect(located(check(HISTORY, append(link(7)), { repo: null }))).toEqual(['17:12 repository_unknown']);
  });
});

describe('config keys', () => {
  it('expands globs to the master keys they match', () => {
    const verdict = check(HISTORY, changelog(HISTORY, entry(['dsr1-fp8-*-sglang', 'dsv4-fp4-b200-vllm'], 'XXX')));
    expect(verdict.problems).toEqual([]);
    expect(verdict.triggeredConfigs).toEqual(['dsr1-fp8-h200-sglang', 'dsr1-fp8-b200-sglang', 'dsv4-fp4-b200-vllm']);
  });

  it('rejects a key that matches nothing and names the closest keys', () => {
    const verdict = check(HISTORY, changelog(HISTORY, entry(['dsv4-fp4-b200-vllm', 'dsv4-fp4-b200-vlm'], 'XXX')));
    expect(located(verdict)).toEqual(['15:7 config_key_unmatched']);
    expect(verdict.problems[0]?.message).toContain('closest: dsv4-fp4-b200-vllm');
  });

  it('rejects a glob that matches nothing and suggests keys it nearly matches', () => {
    const verdict = check(HISTORY, changelog(HISTORY, entry('dsv4-fp8-*-vllm', 'XXX')));
    expect(located(verdict)).toEqual(['14:7 config_key_unmatched']);
    expect(verdict.problems[0]?.message).toMatch(
      /pattern 'dsv4-fp8-\*-vllm'.*closest: dsv4-fp4-b200-vllm, dsv4-fp4-gb200-vllm/,
    );
  });

  it('treats characters other than * literally, as the sweep tooling does', () => {
    expect(located(check(HISTORY, changelog(HISTORY, entry('dsv4-fp4-b?00-vllm', 'XXX'))))).toEqual([
      '14:7 config_key_unmatched',
    ]);
  });

  it('checks only new entries against the master configs', () => {
    const base = changelog(entry('retired-config', link(1)));
    expect(check(base, changelog(base, entry('dsv4-fp4-b200-vllm', 'XXX'))).problems).toEqual([]);
  });

  it('reports a key defined in two master configs', () => {
    const verdict = check(HISTORY, changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX')), {
      configFiles: [
        { file: 'configs/a-master.yaml', text: 'dsv4-fp4-b200-vllm:\n  x: 1\n' },
        { file: 'configs/b-master.yaml', text: 'other:\n  x: 1\ndsv4-fp4-b200-vllm:\n  x: 2\n' },
      ],
    });
    expect(verdict.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'configs/b-master.yaml:3 master_config_invalid',
    ]);
  });
});
