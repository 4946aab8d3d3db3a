import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ENTRY_FIELDS } from '../../../src/core/changelog/schema.js';
import type { ChangelogVerdict } from '../../../src/core/changelog/validate.js';
import { bytes, changelog, check, entry, link, masterConfig } from '../../helpers/changelog.js';
import { cli, tempWorkspace, writeFile } from '../../helpers/workspace.js';
import { fuzzParams } from '../../helpers/fuzz.js';

// Properties of the perf-changelog gate (src/core/changelog): whatever the head holds, the gate
// returns a verdict and never throws; every problem points at a real place in the file it names.

const FILE = 'perf-changelog.yaml';
const BASE_LABEL = 'perf-changelog.yaml@base';
const BASE = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));
const VALID_HEAD = changelog(BASE, entry('dsv4-fp4-b200-vllm', 'XXX'));

/** Lines of a file as bytes, split at LF: problems count lines by LF and columns in characters (≤ bytes). */
function byteLines(content: Uint8Array): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === 0x0a) {
      lengths.push(i - start);
      start = i + 1;
    }
  }
  lengths.push(content.length - start);
  return lengths;
}

/** Every problem names the head or the base, with a 1-based line and column inside that file. */
function expectLocated(verdict: ChangelogVerdict, base: Uint8Array, head: Uint8Array): void {
  const files = new Map([
    [FILE, byteLines(head)],
    [BASE_LABEL, byteLines(base)],
  ]);
  for (const problem of verdict.problems) {
    const where = `${problem.file}:${problem.line}:${problem.column} ${problem.code}`;
    const lines = files.get(problem.file);
    expect(lines, where).toBeDefined();
    expect(
      Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= (lines as number[]).length,
      where,
    ).toBe(true);
    expect(
      Number.isInteger(problem.column) &&
        problem.column >= 1 &&
        problem.column <= ((lines as number[])[problem.line - 1] as number) + 1,
      where,
    ).toBe(true);
    expect(problem.message.trim(), where).not.toBe('');
  }
  // A verdict without problems is a pass: every added entry is typed and located.
  if (verdict.problems.length === 0)
    for (const added of verdict.newEntries) expect(added.line).toBeGreaterThanOrEqual(1);
  else expect(verdict.problems.map((p) => p.code).every((code) => typeof code === 'string')).toBe(true);
}

function run(base: string | Uint8Array, head: string | Uint8Array): void {
  const b = bytes(base);
  const h = bytes(head);
  expectLocated(check(b, h), b, h);
}

/** Pieces of YAML syntax, changelog vocabulary and hostile bytes, joined into documents. */
const TOKENS = [
  '- ',
  '- config-keys:',
  'config-keys:',
  'description:',
  'pr-link:',
  'evals-only:',
  'append-only: true',
  'scenario-type:',
  'eval-min-prefill-ep: ',
  '\n',
  '\n',
  '\n',
  '  ',
  '    - ',
  '  - ',
  ' ',
  ':',
  ': ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '&b [*a,*a,*a]',
  '<<: *a',
  '!!str ',
  '!!binary ',
  '!tag ',
  '"',
  "'",
  '\\',
  '#',
  '# comment',
  '|',
  '>-',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '%TAG ! tag:x,2000:\n',
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\ufeff',
  '\u2028',
  '\u0085',
  'XXX',
  link(7),
  'https://github.com/other/repo/pull/7',
  'dsr1-fp8-*-sglang',
  '*',
  'true',
  'yes',
  '~',
  'null',
  '0x1F',
  '1e999',
  '.nan',
  '2026-05-20',
  '12:30:00',
  'é',
  '😀',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));

const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('dsr1-fp8-h200-sglang', 'dsv4-fp4-*-vllm', 'no-such-config', 'agentic-coding'),
    ),
    { maxLength: 4 },
  ),
  fc.constantFrom(
    'XXX',
    link(7),
    link(6),
    'https://github.com/acme/sweeps/pull/7#x',
    'not a link',
    true,
    false,
    0,
    2,
    -1,
    null,
  ),
);
const fieldKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ENTRY_FIELDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** An appended entry with random fields, written as `- config-keys:` first when it has that key (as the tooling expects). */
const randomEntry = fc.dictionary(fieldKey, fieldValue, { maxKeys: 8 }).map((fields) => {
  const ordered = 'config-keys' in fields ? { 'config-keys': fields['config-keys'], ...fields } : fields;
  return stringify([ordered], { lineWidth: 0 });
});

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'flip'; at: number; byte: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);

function applyEdits(text: string, edits: Edit[]): Uint8Array {
  let content = Buffer.from(text);
  for (const e of edits) {
    const at = content.length === 0 ? 0 : e.at % (content.length + 1);
    if (e.kind === 'insert')
      content = Buffer.concat([content.subarray(0, at), Buffer.from(e.text), content.subarray(at)]);
    else if (e.kind === 'delete') content = Buffer.concat([content.subarray(0, at), content.subarray(at + e.length)]);
    else if (at < content.length) content[at] = e.byte;
  }
  return new Uint8Array(content);
}

describe('changelog gate properties', () => {
  it('arbitrary YAML documents as head never throw and give located problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.array(fc.dictionary(fieldKey, fieldValue, { maxKeys: 6 }), { maxLength: 4 }),
        ),
        fc.boolean(),
        (value, afterHistory) => {
          const document = stringify(value, { lineWidth: 0 });
          run(BASE, afterHistory && Array.isArray(value) ? `${BASE}\n${document}` : document);
        },
      ),
      fuzzParams(600),
    );
  });

  it('arbitrary strings and bytes as head (and as base) never throw and give located problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          tokenText,
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }),
          tokenText.map((t) => `${BASE}\n${t}`),
        ),
        fc.boolean(),
        (head, asBase) => {
          run(BASE, head);
          if (asBase) run(head, VALID_HEAD);
        },
      ),
      fuzzParams(800),
    );
  });

  it('arbitrary edits of a valid change (insertions, deletions, byte flips) never throw and give located problems', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, historyToo) => {
        run(BASE, applyEdits(VALID_HEAD, edits));
        // Edits that reach into the history text exercise the history rules from the other side.
        if (historyToo) run(applyEdits(BASE, edits.slice(0, 1)), VALID_HEAD);
      }),
      fuzzParams(800),
    );
  });

  it('appended entries with random fields never throw, give located problems, and pass only when well-formed', () => {
    fc.assert(
      fc.property(fc.array(randomEntry, { minLength: 1, maxLength: 3 }), (entries) => {
        const head = changelog(BASE, ...entries);
        const verdict = check(BASE, head);
        expectLocated(verdict, bytes(BASE), bytes(head));
        if (verdict.problems.length === 0) {
          expect(verdict.newEntries).toHaveLength(entries.length);
          for (const added of verdict.newEntries) {
            expect(added.entry.configKeys.length).toBeGreaterThan(0);
            expect(added.entry.description.length).toBeGreaterThan(0);
          }
        }
      }),
      fuzzParams(500),
    );
  });

  it('a history defect the change leaves alone never fails a clean append, and the same defect written by the change does', () => {
    const lines = BASE.slice(0, -1).split('\n');
    // Defects the sweep tooling reads past: a tab or CR inside a line, trailing spaces, a separator of spaces.
    const defect = fc.record({
      line: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('tab', 'cr', 'trailing', 'spaces'),
    });
    fc.assert(
      fc.property(fc.array(defect, { minLength: 1, maxLength: 4 }), (defects) => {
        const damaged = [...lines];
        for (const { line, kind } of defects) {
          const text = damaged[line] as string;
          if (kind === 'spaces' && text === '') damaged[line] = '  ';
          else if (kind === 'trailing' && text !== '') damaged[line] = `${text}  `;
          else if (kind === 'tab' && text.includes('"')) damaged[line] = text.replace('"', '"\t');
          else if (kind === 'cr' && text !== '' && !text.endsWith('\r')) damaged[line] = `${text}\r`;
        }
        const base = `${damaged.join('\n')}\n`;
        const verdict = check(base, changelog(base, entry('dsv4-fp4-b200-vllm', 'XXX')));
        // Only a base that cannot be read is reported, and then against the base.
        expect(verdict.problems.filter((p) => p.file !== BASE_LABEL)).toEqual([]);
        if (verdict.problems.length === 0) expect(verdict.newEntries).toHaveLength(1);
        const written = check(base, changelog(base, entry('dsv4-fp4-b200-vllm', 'XXX', '', 'Up\tdate')));
        if (written.problems.every((p) => p.file !== BASE_LABEL))
          expect(written.problems.map((p) => p.code)).toContain('tab_character');
      }),
      fuzzParams(300),
    );
  });

  it('the CLI prints every problem as file:line:col and exits 0 or 1 on arbitrary heads', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'configs/a-master.yaml', masterConfig());
    writeFile(dir, 'base.yaml', BASE);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          tokenText.map((t) => `${BASE}\n${t}`),
          fc.array(edit, { minLength: 1, maxLength: 4 }).map((e) => applyEdits(VALID_HEAD, e)),
        ),
        async (head) => {
          writeFile(dir, FILE, typeof head === 'string' ? head : Buffer.from(head));
          const out = await cli(
            [
              'validate-changelog',
              '--base-file',
              'base.yaml',
              '--head-file',
              FILE,
              '--pr-number',
              '7',
              '--repo',
              'acme/sweeps',
            ],
            dir,
          );
          expect([0, 1]).toContain(out.code);
          if (out.code === 1) {
            const lines = out.stderr.split('\n');
            expect(lines.at(-1)).toMatch(/problems?; the change is rejected\.$/);
            for (const line of lines.slice(0, -1))
              expect(line).toMatch(/^(perf-changelog\.yaml|base\.yaml):[1-9]\d*:[1-9]\d*: \S/);
          } else expect(out.stderr).toBe('');
        },
      ),
      fuzzParams(100),
    );
  });
});
