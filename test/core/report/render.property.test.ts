import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COMMENT_LIMIT_CHARS,
  SUMMARY_LIMIT_BYTES,
  renderReport,
  type ReportInput,
} from '../../../src/core/report/render.js';
import { rowFromAgg } from '../../../src/core/report/rows.js';
import { renderJobSummary } from '../../../src/core/report/job.js';
import { markerFor } from '../../../src/github/comment.js';
import { fuzzParams, prng } from '../../helpers/fuzz.js';

// Properties of the PR comment and job summary (src/core/report): values from result files are
// attacker-controlled on a pull request; whatever they hold, the rendered markdown shows them as
// text and stays within GitHub's limits.

const RUN_ID = '4242';
const RUN_URL = 'https://github.com/acme/sweeps/actions/runs/4242';
const VISUALIZER = 'https://inferencex.semianalysis.com';
/** The only links and URLs the report writes itself, removed before looking for injected ones. */
const OWN_LINKS = [
  `[${RUN_ID}](${RUN_URL})`,
  `[inference](${VISUALIZER}/inference?unofficialRun=${RUN_ID})`,
  `[evaluation](${VISUALIZER}/evaluation?unofficialRun=${RUN_ID})`,
  `[↗](${VISUALIZER}/inference?unofficialRun=${RUN_ID})`,
];
/** The only HTML the report writes itself. */
const OWN_TAGS = /<\/?(details|summary|b)>/g;
/** Keeps a comment under the limit with the marker line; the command reserves the same. */
const MARKER_RESERVE = 200;

const HOSTILE_PIECES = [
  '[x](http://evil)',
  '![img](https://evil.test/p.png)',
  '[ref]: https://evil.test',
  '<https://evil.test>',
  'https://evil.test/a',
  'http://x',
  'www.evil.com',
  'WWW.EVIL.COM',
  '<img src=x onerror=1>',
  '<script>alert(1)</script>',
  '<a href="x">',
  '</details>',
  '<details>',
  '<summary>',
  '<!-- sweep-power:report key=Run_sweep -->',
  '<!--',
  '-->',
  '--!>',
  '@octocat',
  '@acme/team',
  'a@b.co',
  '#123',
  'GH-123',
  'gh-7',
  'acme/sweeps#1',
  'acme#1',
  '&lt;img&gt;',
  '&#60;b&#62;',
  '&#x3C;',
  '&amp;',
  '\\',
  '\\|',
  '|',
  '||',
  '`',
  '```',
  '*',
  '_',
  '~~',
  '$x$',
  '$$',
  ':smile:',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u0000',
  '\u202e',
  '\u2060',
  '\ufeff',
  ' ',
  '    ',
  '- ',
  '1. ',
  '> ',
  '# ',
  '---',
  '===',
  '\t',
  'javascript:alert(1)',
  'data:text/html,x',
  'deepseek-ai/DeepSeek-R1',
  'h200',
  'fp8',
  '😀',
  'é',
  '𝕏',
];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 12 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
/** Any JSON value a result field may hold. */
const fieldValue = fc.oneof({ weight: 6, arbitrary: hostile }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

interface GeneratedResult {
  agg: Record<string, unknown>;
  sidecar?: Record<string, unknown>;
}

const result: fc.Arbitrary<GeneratedResult> = fc.record({
  agg: fc.record(
    {
      model: fieldValue,
      infmax_model_prefix: fieldValue,
      hw: fieldValue,
      framework: fieldValue,
      precision: fieldValue,
      isl: fieldValue,
      osl: fieldValue,
      conc: fieldValue,
      is_multinode: fc.oneof(fc.boolean(), fieldValue),
      disagg: fc.oneof(fc.boolean(), fieldValue),
      power_valid: fc.constantFrom(0, 1, true, false, '1', null),
      avg_power_w: fc.oneof(fc.double(), fieldValue),
      joules_per_output_token: fc.oneof(fc.double(), fieldValue),
      power_invalid_reasons: fc.array(fieldValue, { maxLength: 3 }),
    },
    { requiredKeys: ['power_valid'] },
  ),
  sidecar: fc.option(
    fc.record({
      reasons: fc.oneof(fc.array(fc.oneof(fieldValue, fc.record({ code: fieldValue })), { maxLength: 4 }), fieldValue),
    }),
    { nil: undefined },
  ),
});

function inputOf(
  results: GeneratedResult[],
  sources: string[],
  unreadable: { source: string; reason: string }[],
): ReportInput {
  const rows = results.map((r, i) =>
    rowFromAgg(sources[i % Math.max(1, sources.length)] ?? `r/agg_${i}.json`, r.agg, r.sidecar),
  );
  return { rows, unreadable, runId: RUN_ID, runUrl: RUN_URL, visualizerUrl: VISUALIZER };
}

/** Whether `ch` occurs in `text` without an escaping backslash before it. */
function unescaped(text: string, ch: string): boolean {
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) return true;
  }
  return false;
}

function unescapedCount(line: string, ch: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== ch) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) count++;
  }
  return count;
}

/** What GitHub would turn into something other than the text: links, images, autolinks, mentions, references, HTML, broken rows. */
function expectInert(markdown: string, rowsShown: number): void {
  let text = markdown;
  for (const own of OWN_LINKS) text = text.split(own).join('');
  text = text.replace(OWN_TAGS, '');
  expect(unescaped(text, '[')).toBe(false); // links, images, reference definitions
  expect(unescaped(text, ']')).toBe(false);
  expect(text).not.toMatch(/<[A-Za-z/!?]/); // HTML tags, comments, <autolinks>
  expect(text).not.toContain('-->');
  expect(text).not.toMatch(/:\/\//); // scheme autolinks
  expect(text).not.toMatch(/www\\?\./i); // www. autolinks
  expect(text).not.toMatch(/@[\p{L}\p{N}_]/u); // @mentions, team mentions, e-mail autolinks
  expect(text).not.toMatch(/#\d/); // #123 and owner/repo#123 references
  expect(text).not.toMatch(/\bgh\\?-\d/i); // GH-123 references
  // No entity but the escapes (and, in group titles, the numeric references of [ ] ( ) ! ` * _ ~ | \), so no &#60; decoding to <.
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#x(?:5B|5D|28|29|21|60|2A|5F|7E|7C|5C);)/);
  expect(text).not.toMatch(/[\r\u2028\u2029\u0000]/);
  // The marker appears nowhere in the body: only the line the action puts on top can match it.
  expect(markdown).not.toContain('sweep-power:report');
  // Every row of every group table is one line with its header's separators.
  const lines = markdown.split('\n');
  let rows = 0;
  lines.forEach((line, at) => {
    if (!line.startsWith('| Hardware |')) return;
    const columns = unescapedCount(line, '|');
    let i = at + 2;
    for (; i < lines.length && (lines[i] as string).startsWith('|'); i++) {
      expect(unescapedCount(lines[i] as string, '|'), lines[i]).toBe(columns);
      rows++;
    }
  });
  expect(rows).toBe(rowsShown);
}

describe('report rendering properties', () => {
  it('hostile values in every agg and sidecar field render as inert text in one table row each', () => {
    fc.assert(
      fc.property(
        fc.array(result, { maxLength: 6 }),
        fc.array(hostile, { maxLength: 3 }),
        fc.array(fc.record({ source: hostile, reason: hostile }), { maxLength: 2 }),
        (results, sources, unreadable) => {
          const rendered = renderReport(inputOf(results, sources, unreadable), {
            limit: COMMENT_LIMIT_CHARS,
            reserve: MARKER_RESERVE,
          });
          // Results of one config collapse to its latest; every config is shown.
          expect(rendered.rowsShown).toBe(rendered.counts.total);
          expect(rendered.counts.total).toBeLessThanOrEqual(results.length);
          expectInert(rendered.markdown, rendered.rowsShown);
        },
      ),
      fuzzParams(800),
    );
  });

  it('the per-job summary renders hostile values inert', () => {
    fc.assert(
      fc.property(
        result,
        fc.option(hostile, { nil: undefined }),
        fc.array(fc.record({ name: hostile, error: fc.option(hostile, { nil: undefined }) }), { maxLength: 2 }),
        (r, resultFilename, artifacts) => {
          const markdown = renderJobSummary({
            agg: r.agg,
            sidecar: r.sidecar,
            resultFilename,
            runId: RUN_ID,
            visualizerUrl: VISUALIZER,
            artifacts: artifacts.map((a) => ({ ...a, files: ['x'] })),
          });
          // Two tables, the metrics (2 columns) and the artifacts (3 columns): no injected row or column.
          const lines = markdown.split('\n');
          const artifactsAt = lines.indexOf('| Artifact | Files | Upload |');
          lines.forEach((line, i) => {
            if (line.startsWith('|'))
              expect(unescapedCount(line, '|'), line).toBe(artifactsAt !== -1 && i >= artifactsAt ? 4 : 3);
          });
          expect(lines.filter((l) => l.startsWith('|'))).toHaveLength(
            10 + (artifacts.length > 0 ? 2 + artifacts.length : 0),
          );
          expectInert(markdown.replace(/^\| Model \|/m, ''), 0);
        },
      ),
      fuzzParams(300),
    );
  });

  it('the comment with its marker never exceeds 65,536 characters, and the summary 512 KiB, for up to thousands of long hostile rows', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(hostile, { minLength: 1, maxLength: 12 }),
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1_000, max: 3_000 })),
        fc.integer({ min: 0, max: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (seed, pool, count, longest, key) => {
          const random = prng(seed);
          const pick = (): string => {
            const target = longest * random();
            let s = '';
            while (s.length < target) s += (pool[Math.floor(random() * pool.length)] as string) || 'x';
            return s;
          };
          const results: GeneratedResult[] = Array.from({ length: count }, () => ({
            agg: {
              model: pick(),
              hw: pick(),
              framework: pick(),
              precision: pick(),
              isl: pick(),
              osl: pick(),
              conc: pick(),
              power_valid: random() < 0.3 ? 0 : random() < 0.9 ? 1 : null,
            },
            sidecar: { reasons: [pick(), pick()] },
          }));
          const unreadable = Array.from({ length: Math.floor(random() * 40) }, () => ({
            source: pick(),
            reason: pick(),
          }));
          const input = inputOf(results, [], unreadable);
          const comment = renderReport(input, { limit: COMMENT_LIMIT_CHARS, reserve: MARKER_RESERVE });
          expect(`${markerFor(key)}\n${comment.markdown}`.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
          expect(comment.rowsShown + comment.rowsLeftOut).toBe(comment.counts.total);
          if (comment.rowsLeftOut > 0)
            expect(comment.markdown).toContain(
              `${comment.rowsLeftOut.toLocaleString('en-US')} row${comment.rowsLeftOut === 1 ? '' : 's'} left out`,
            );
          expectInert(comment.markdown, comment.rowsShown);
          const summary = renderReport(input, { limit: SUMMARY_LIMIT_BYTES / 2, measure: (s) => Buffer.byteLength(s) });
          expect(Buffer.byteLength(summary.markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES / 2);
        },
      ),
      fuzzParams(12),
    );
  });
});
