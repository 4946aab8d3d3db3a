import { describe, expect, it } from 'vitest';
import { changelog, check, entry, link } from '../../helpers/changelog.js';

const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));
const NEW = entry('dsv4-fp4-b200-vllm', 'XXX');
const WITH_PLACEHOLDER = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', 'XXX'));

/** Pipelines grep for the sweep tooling's wording; each message opens with it, then says where and how to fix. */
const cases: Array<[string, string, string, number | undefined, string]> = [
  ['missing final newline', HISTORY, changelog(HISTORY, NEW).slice(0, -1), 7, 'does not end with a newline'],
  ['CR', HISTORY, changelog(HISTORY, NEW.replace('description:\n', 'description:\r\n')), 7, 'contains CR characters'],
  ['tab', HISTORY, changelog(HISTORY, NEW.replace('"Update"', '"Up\tdate"')), 7, 'contains tabs'],
  ['root', 'a: 1\n', 'a: 2\n', 7, 'root must be a YAML list'],
  ['not a mapping', HISTORY, changelog(HISTORY, '- config-keys:\n\n- just text\n'), 7, 'entry 4 is not a mapping'],
  [
    'schema',
    HISTORY,
    changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX', '  evals-onyl: true\n')),
    7,
    'entry 3 fails ChangelogEntry validation',
  ],
  ['main-branch link', HISTORY, changelog(HISTORY, NEW), undefined, 'new main-branch entry has invalid pr-link: "XXX"'],
  [
    'PR link',
    HISTORY,
    changelog(HISTORY, entry('dsv4-fp4-b200-vllm', link(6))),
    7,
    'new PR entry must use https://github.com/acme/sweeps/pull/7 or an XXX placeholder',
  ],
  ['deleted', HISTORY, entry('dsr1-fp8-h200-sglang', link(1)), 7, 'perf-changelog.yaml entries were deleted'],
  [
    'mixed',
    WITH_PLACEHOLDER,
    changelog(HISTORY, NEW),
    7,
    'do not mix historical pr-link corrections with new changelog entries',
  ],
  [
    'correction',
    WITH_PLACEHOLDER,
    WITH_PLACEHOLDER.replace('pr-link: XXX', 'pr-link: https://example.com/pull/2'),
    7,
    'entry 2 pr-link correction is not canonical',
  ],
  [
    'lines added in a correction',
    WITH_PLACEHOLDER,
    `${HISTORY}# note\n`.replace('\n\n', '\n# note\n\n'),
    7,
    'pr-link corrections may not add or delete lines',
  ],
  [
    'reformatted with an append',
    HISTORY,
    changelog(HISTORY.replace('"Update"', '"Update"  '), NEW),
    7,
    'appended entries changed historical perf-changelog.yaml bytes',
  ],
  [
    'reformatted alone',
    HISTORY,
    HISTORY.replace('"Update"', '"Update"  '),
    7,
    'changelog diff has no appended entry or pr-link correction; historical whitespace and formatting are immutable',
  ],
  [
    'nothing appended',
    HISTORY,
    `${HISTORY}\n# later\n`,
    7,
    'changelog diff has no appended entry or pr-link correction',
  ],
  [
    'separator',
    HISTORY,
    `${HISTORY}${NEW}`,
    7,
    'new changelog entries must be separated from history by one empty line',
  ],
  [
    'between entries',
    HISTORY,
    `${HISTORY}\n${NEW}\n\n${NEW}`,
    7,
    'appended changelog entries must have exactly one empty separator line',
  ],
  ['trailing', HISTORY, `${HISTORY}\n${NEW}\n`, 7, 'the final appended changelog entry must end with one newline'],
  [
    'literal key',
    HISTORY,
    changelog(HISTORY, entry('dsv4-fp4-b200-vlm', 'XXX')),
    7,
    "Config key 'dsv4-fp4-b200-vlm' not found in master configs",
  ],
  [
    'wildcard',
    HISTORY,
    changelog(HISTORY, entry('dsv9-*', 'XXX')),
    7,
    "No config keys matched the wildcard pattern 'dsv9-*' in master configs",
  ],
];

describe("messages start with the sweep tooling's phrase", () => {
  it.each(cases)('%s', (_, base, head, prNumber, phrase) => {
    const messages = check(base, head, { prNumber }).problems.map((p) => p.message);
    expect(
      messages.some((m) => m.startsWith(phrase)),
      messages.join('\n'),
    ).toBe(true);
  });
});
