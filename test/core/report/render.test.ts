import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT_CHARS,
  formatJoulesPerToken,
  renderReport,
  visualizerLinks,
} from '../../../src/core/report/render.js';
import { rowFromAgg, topologyOf, type ReportRow } from '../../../src/core/report/rows.js';
import { gateComment, parseLabels, pullRequestFromEvent, DEFAULT_LABELS } from '../../../src/core/report/gate.js';
import { gpuCountOf, renderJobSummary } from '../../../src/core/report/job.js';

function agg(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hw: 'h200',
    conc: 4 * (i + 1),
    model: 'deepseek-ai/DeepSeek-R1',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    is_multinode: false,
    disagg: false,
    power_valid: 1,
    avg_power_w: 600.04,
    joules_per_output_token: 9.6,
    ...extra,
  };
}

function rows(n: number, make: (i: number) => Record<string, unknown> = (i) => agg(i)): ReportRow[] {
  return Array.from({ length: n }, (_, i) => rowFromAgg(`r/agg_${i}.json`, make(i)));
}

describe('rows', () => {
  it('reads the fields, topology and status of an agg JSON', () => {
    const row = rowFromAgg('agg_a.json', agg(0));
    expect(row).toMatchObject({
      model: 'deepseek-ai/DeepSeek-R1',
      hardware: 'h200',
      conc: '4',
      topology: 'single-node',
      avgPowerW: 600.04,
      joulesPerOutputToken: 9.6,
      status: 'valid',
    });
    expect(topologyOf({ is_multinode: true, disagg: true })).toBe('multi-node disagg');
    expect(topologyOf({ is_multinode: 'True', disagg: 'false' })).toBe('multi-node');
    expect(rowFromAgg('x', agg(0, { power_valid: undefined })).status).toBe('missing');
  });

  it('takes reasons from the sidecar and hides metrics of invalid rows', () => {
    const row = rowFromAgg('x', agg(0, { power_valid: 0 }), {
      reasons: ['sampling_gap_exceeded', 'sampling_gap_exceeded', { code: 'insufficient_power_samples' }],
    });
    expect(row.status).toBe('invalid');
    expect(row.reasons).toEqual(['sampling_gap_exceeded', 'insufficient_power_samples']);
    expect(row.avgPowerW).toBeUndefined();
  });

  it("keeps reason messages only for the row's own twenty codes, each cut to 400 characters", () => {
    const codes = Array.from({ length: 30 }, (_, k) => `code_${k}`);
    const reason_messages = Object.fromEntries(
      [...codes, 'unlisted'].map((code) => [code, `${code}: ${'x'.repeat(10_000)}`]),
    );
    const row = rowFromAgg('x', agg(0, { power_valid: 0 }), { reasons: codes, reason_messages });
    expect(row.reasons).toEqual(codes.slice(0, 20));
    expect(Object.keys(row.reasonMessages ?? {})).toEqual(codes.slice(0, 20));
    // 400 kept characters and the ellipsis.
    expect(row.reasonMessages?.code_0).toBe(`code_0: ${'x'.repeat(400 - 'code_0: '.length)}…`);
    // A code that names an Object.prototype member finds no message.
    expect(
      rowFromAgg('x', agg(0, { power_valid: 0 }), { reasons: ['constructor'], reason_messages: {} }).reasonMessages
        ?.constructor,
    ).toBeUndefined();
  });
});

describe('renderReport', () => {
  it('renders header links, counts, table and the invalid section', () => {
    const input = rows(3, (i) =>
      i === 1 ? agg(i, { power_valid: 0 }) : i === 2 ? agg(i, { power_valid: undefined }) : agg(i),
    );
    input[1]!.reasons = ['sampling_gap_exceeded'];
    const out = renderReport(
      {
        rows: input,
        runId: '42',
        runUrl: 'https://github.com/o/r/actions/runs/42',
        visualizerUrl: 'https://inferencex.semianalysis.com/',
      },
      { limit: COMMENT_LIMIT_CHARS },
    );
    expect(out.markdown).toContain('sweep run [42](https://github.com/o/r/actions/runs/42)');
    expect(out.markdown).toContain('[inference](https://inferencex.semianalysis.com/inference?unofficialRun=42)');
    expect(out.markdown).toContain('[evaluation](https://inferencex.semianalysis.com/evaluation?unofficialRun=42)');
    expect(out.markdown).toContain('**3 configs** · ✅ 1 valid · ❌ 1 invalid · ➖ 1 without power data');
    expect(out.markdown).toContain(
      '| h200 | 1024/1024 | 4 | single\\-node | – | 9.6 | 0.104 | 600.0 | – | [↗](https://inferencex.semianalysis.com/inference?unofficialRun=42) |',
    );
    expect(out.markdown).toContain('| h200 | 1024/1024 | 8 | single\\-node | – | ❌ invalid | – | – | – |');
    expect(out.markdown).toContain('<details><summary>Invalid power: 1 config</summary>');
    expect(out.markdown).toContain('conc 8 · single\\-node: **sampling\\_gap\\_exceeded**');
    expect(out.rowsLeftOut).toBe(0);
  });

  it('stays under the limit with 3,000 rows and says how many rows it left out', () => {
    const many = rows(3000, (i) =>
      agg(i, { model: `model-${i}-${'x'.repeat(40)}`, power_valid: i % 10 === 0 ? 0 : 1 }),
    );
    for (const r of many) if (r.status === 'invalid') r.reasons = ['sampling_gap_exceeded'];
    const out = renderReport(
      { rows: many, runId: '1', visualizerUrl: 'https://v.test' },
      { limit: COMMENT_LIMIT_CHARS, reserve: 200 },
    );
    expect(out.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS - 200);
    expect(out.rowsLeftOut).toBeGreaterThan(0);
    expect(out.rowsShown + out.rowsLeftOut).toBe(3000);
    expect(out.markdown).toContain(
      `_${out.rowsLeftOut.toLocaleString('en-US')} rows left out to stay under the size limit`,
    );
    expect(out.markdown).toContain('Invalid power: 300 configs, by reason');
    expect(out.markdown).toContain('- sampling\\_gap\\_exceeded: 300 configs');
    expect(out.markdown).toContain('**3,000 configs**');
    // Groups are kept or left out whole: each one shown has all its rows.
    const shownRows = out.markdown.split('\n').filter((l) => l.startsWith('| h200 |'));
    expect(shownRows).toHaveLength(out.rowsShown);
  });

  it('fits any small limit by leaving rows out', () => {
    for (const limit of [600, 1000, 5000]) {
      const out = renderReport({ rows: rows(200) }, { limit });
      expect(out.markdown.length).toBeLessThanOrEqual(limit);
    }
  });

  it('measures in bytes when asked', () => {
    const out = renderReport(
      { rows: rows(500, (i) => agg(i, { model: 'ü'.repeat(50) })) },
      { limit: 20_000, measure: (s) => Buffer.byteLength(s) },
    );
    expect(Buffer.byteLength(out.markdown)).toBeLessThanOrEqual(20_000);
    expect(out.rowsLeftOut).toBeGreaterThan(0);
  });

  it('leaves the links out for a run id or URL that is not safe', () => {
    expect(visualizerLinks('https://v.test', '12; rm')).toBeUndefined();
    expect(visualizerLinks('javascript:alert(1)', '12')).toBeUndefined();
    expect(formatJoulesPerToken(0.012345)).toBe('0.0123');
    expect(formatJoulesPerToken(1234.56)).toBe('1234.6');
  });

  it('lists unreadable files escaped', () => {
    const out = renderReport(
      { rows: [], unreadable: [{ source: 'a/[x](y).json', reason: 'Unexpected token <' }] },
      { limit: COMMENT_LIMIT_CHARS },
    );
    expect(out.markdown).toContain('- a/⁠\\[x\\]\\(y\\)\\.json: Unexpected token &lt;');
    expect(out.markdown).toContain('⚠️ 1 unreadable file');
  });
});

describe('gate', () => {
  const pr = (labels: string[], draft = false) =>
    pullRequestFromEvent({ pull_request: { number: 7, draft, labels: labels.map((name) => ({ name })) } });

  it('comments on a non-draft pull request with a sweep label', () => {
    expect(gateComment('pull_request', pr(['full-sweep-enabled']), DEFAULT_LABELS)).toEqual({
      comment: true,
      pullRequest: { number: 7, draft: false, labels: ['full-sweep-enabled'] },
    });
  });

  it('says why it does not comment', () => {
    expect(gateComment('push', undefined, DEFAULT_LABELS)).toEqual({
      comment: false,
      why: 'the event is `push`; the report comments only on pull requests',
    });
    expect(gateComment('pull_request', pr(['sweep-enabled'], true), DEFAULT_LABELS)).toEqual({
      comment: false,
      why: 'pull request #7 is a draft',
    });
    const noLabel = gateComment('pull_request', pr(['docs']), DEFAULT_LABELS);
    expect(noLabel.comment).toBe(false);
    expect(!noLabel.comment && noLabel.why).toContain('has none of the labels `sweep-enabled`');
    expect(gateComment('pull_request', pr([]), []).comment).toBe(true);
  });

  it('parses label lists', () => {
    expect(parseLabels('sweep-enabled, full-sweep-enabled,\nx')).toEqual(['sweep-enabled', 'full-sweep-enabled', 'x']);
    expect(parseLabels('')).toEqual([]);
  });
});

describe('renderJobSummary', () => {
  it('shows the job metrics, validity and links', () => {
    const md = renderJobSummary({
      agg: { ...agg(0), tp: 8, total_gpu_energy_j: 288000 },
      resultFilename: 'dsr1_fp8',
      runId: '9',
      visualizerUrl: 'https://v.test',
      artifacts: [
        { name: 'bmk_dsr1_fp8', id: 3, files: ['a'] },
        { name: 'power_audit_dsr1_fp8', files: ['a', 'b'], error: 'artifact power_audit_dsr1_fp8: HTTP 409' },
      ],
    });
    expect(md).toContain('| GPUs | 8 |');
    expect(md).toContain('| Avg power per GPU | 600.0 W |');
    expect(md).toContain('| Total GPU energy | 288,000 J |');
    expect(md).toContain('| Energy per output token | 9.6 J |');
    expect(md).toContain('| Output tokens per joule | 0.1042 |');
    expect(md).toContain('| Power | ✅ valid |');
    expect(md).toContain('[inference](https://v.test/inference?unofficialRun=9)');
    expect(md).toContain('| bmk\\_dsr1\\_fp8 | 1 | ✅ id 3 |');
    expect(md).toContain('⚠️ artifact power\\_audit\\_dsr1\\_fp8\\: HTTP 409');
  });

  it('shows reasons of invalid power and counts multinode GPUs', () => {
    const md = renderJobSummary({
      agg: { hw: 'gb200', power_valid: 0, is_multinode: true, disagg: true, num_prefill_gpu: 4, num_decode_gpu: 8 },
      sidecar: { reasons: ['telemetry_file_missing'] },
    });
    expect(md).toContain('| Power | ❌ invalid: telemetry\\_file\\_missing |');
    expect(md).toContain('| GPUs | 12 |');
    expect(md).toContain('| Topology | multi\\-node disagg |');
    expect(gpuCountOf({ tp: 4, pp: 2 }, { observed_gpu_count: 16 })).toBe(16);
  });
});
