import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareRuns } from '../../../src/core/report/compare.js';
import { COMMENT_LIMIT_CHARS, renderReport, type ReportInput } from '../../../src/core/report/render.js';
import { rowFromAgg, type ReportRow } from '../../../src/core/report/rows.js';
import { chartLines } from '../../../src/core/report/layout.js';
import { mermaidBlocks, parseMermaid } from '../../helpers/mermaid.js';

function agg(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    hw: 'h200',
    conc: 64,
    model: 'deepseek-ai/DeepSeek-R1',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    is_multinode: false,
    disagg: false,
    tp: 8,
    ep: 1,
    power_valid: 1,
    avg_power_w: 600,
    ...extra,
  };
}

/** J/token `j` from 30,000 output tokens: energy = 30,000 × j. */
function row(
  source: string,
  j: number,
  extra: Record<string, unknown> = {},
  sidecar?: Record<string, unknown>,
): ReportRow {
  return rowFromAgg(source, agg({ total_gpu_energy_j: 30_000 * j, joules_per_output_token: j, ...extra }), sidecar);
}

const SHA = '0123456789abcdef0123456789abcdef01234567';

function sweep(n: number, jOf: (i: number) => number, tag: string): ReportRow[] {
  return Array.from({ length: n }, (_, i) =>
    row(`${tag}/agg_${i}.json`, jOf(i), {
      model: `org/model-${i % 40}`,
      hw: i % 2 === 0 ? 'h200' : 'b200',
      conc: i + 1,
      isl: 1024,
      osl: 1024,
    }),
  );
}

describe('report layout with a baseline', () => {
  const now = [
    row('n/a', 12, { conc: 4 }),
    row('n/b', 8, { conc: 8 }),
    row('n/c', 9.7, { conc: 16 }),
    row(
      'n/d',
      5,
      { conc: 32, power_valid: 0 },
      {
        reasons: ['sampling_gap_exceeded'],
        reason_messages: { sampling_gap_exceeded: 'gap of 9.0 s between samples' },
      },
    ),
  ];
  const base = [
    row('b/a', 10, { conc: 4 }),
    row('b/b', 10, { conc: 8 }),
    row('b/c', 9.6, { conc: 16 }),
    row('b/d', 5, { conc: 32 }),
  ];
  const input: ReportInput = {
    rows: now,
    comparison: compareRuns(now, base),
    runId: '42',
    runUrl: 'https://github.com/o/r/actions/runs/42',
    commit: { sha: SHA, url: `https://github.com/o/r/commit/${SHA}` },
    baseline: {
      runId: '41',
      runUrl: 'https://github.com/o/r/actions/runs/41',
      commit: 'fedcba9876543210fedcba9876543210fedcba98',
    },
    visualizerUrl: 'https://v.test',
  };

  it('leads with the commit, the baseline, the verdict counts and the Changes table, biggest change first', () => {
    const md = renderReport(input, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(md.split('\n')[0]).toBe(
      `### GPU power · commit [\`0123456\`](https://github.com/o/r/commit/${SHA}) · sweep run [42](https://github.com/o/r/actions/runs/42)`,
    );
    expect(md).toContain('Baseline: run [41](https://github.com/o/r/actions/runs/41) · commit `fedcba9`');
    expect(md).toContain(
      '**Verdicts:** 🔴 1 regression · 🟢 1 improvement · ⚪ 1 within noise · ⊘ 1 not comparable · 🆕 0 new · 0 gone (threshold 5.0 %)',
    );
    const changes = md.slice(md.indexOf('#### Changes'), md.indexOf('```mermaid'));
    // +20 % (10 → 12) before −20 % (10 → 8): equal size, then config order; 10 → 12 is conc 4.
    const lines = changes.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟢'));
    expect(lines[0]).toContain('| 🔴 ↑ |');
    expect(lines[0]).toContain('| 10 → 12 | +20.0 % | −16.7 % | ±5.0 % (threshold) |');
    expect(lines[1]).toContain('| 🟢 ↓ |');
    expect(lines[1]).toContain('| 10 → 8 | −20.0 % | +25.0 % |');
    expect(md.indexOf('#### Changes')).toBeLessThan(md.indexOf('<details><summary><b>'));
    expect(md).toContain('_Energy error bound unknown for 3 compared configs: counted as 0 in the tolerance');
  });

  it('groups rows by model × framework × precision with Δ, tokens/J, W/GPU and energy', () => {
    const md = renderReport(input, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(md).toContain(
      '<details><summary><b>deepseek-ai/⁠DeepSeek-R1</b> · vllm · fp8 · 4 configs · 🔴 1 🟢 1 ⚪ 1 ⊘ 1</summary>',
    );
    // 12 J/token: 1/12 = 0.0833 tokens/J; 8 GPUs (TP8); 360,000 J.
    expect(md).toContain(
      '| h200 | 1024/1024 | 4 | single\\-node · TP8 EP1 | 8 | 12 | +20.0 % 🔴↑ | 0.0833 | 600.0 | 360.0 kJ | [↗](https://v.test/inference?unofficialRun=42) |',
    );
    expect(md).toContain('| 32 | single\\-node · TP8 EP1 | 8 | ❌ invalid | ⊘ not comparable |');
    expect(md).toContain('**sampling\\_gap\\_exceeded** gap of 9\\.0 s between samples');
    expect(md).toContain('this run\\: invalid power \\(sampling\\_gap\\_exceeded\\)');
  });

  it('shows the energy bound next to J/output-token when the sidecar has one', () => {
    const bounded = [row('n/a', 12, { conc: 4 }, { insights: { quality: { energy_bound_j: 3600 } } })];
    // 3,600 J of 360,000 J is 1 %: ± 0.12 J/token.
    const md = renderReport({ rows: bounded }, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(md).toContain('| 12 ± 0.12 |');
  });

  it('draws a chart of the changed configs that Mermaid parses', async () => {
    const md = renderReport(input, { limit: COMMENT_LIMIT_CHARS }).markdown;
    const [chart] = mermaidBlocks(md);
    expect(chart).toContain('x-axis ["1 h200 1024/1024 c4 TP8 EP1", "2 h200 1024/1024 c8 TP8 EP1"]');
    expect(chart).toContain('bar [10, 10]');
    expect(chart).toContain('line [12, 8]');
    await expect(parseMermaid(chart!)).resolves.toBeTruthy();
  });

  it('emits charts Mermaid parses for hostile labels and extreme values', async () => {
    const odd = [
      row('n/x', 1.5e-7, { hw: 'h"2]0[0 -->', conc: '4"; click', model: 'x' }),
      row('n/y', 123456.789, { hw: 'b200\n%%{init}%%', model: 'x' }),
    ];
    const oddBase = [
      row('b/x', 3e-7, { hw: 'h"2]0[0 -->', conc: '4"; click', model: 'x' }),
      row('b/y', 100000, { hw: 'b200\n%%{init}%%', model: 'x' }),
    ];
    const lines = chartLines(compareRuns(odd, oddBase).configs);
    expect(lines.join('\n')).not.toMatch(/-->|%%/);
    // Every label is one quoted string without quotes inside.
    expect(lines.find((l) => l.startsWith('  x-axis'))).toMatch(/^ {2}x-axis \["[^"]*"(?:, "[^"]*")*\]$/);
    await expect(parseMermaid(lines.slice(1, -1).join('\n'))).resolves.toBeTruthy();
    const many = sweep(30, (i) => 1 + i, 'n');
    const manyBase = sweep(30, (i) => 2 + i * 3, 'b');
    const chart = chartLines(compareRuns(many, manyBase).configs);
    expect(chart.find((l) => l.startsWith('  bar'))!.split(',')).toHaveLength(12);
    await expect(parseMermaid(chart.slice(1, -1).join('\n'))).resolves.toBeTruthy();
    await expect(parseMermaid('xychart-beta\n  x-axis ["a" "b"]\n  bar [1,')).rejects.toThrow();
  });

  it('fits 2,000 configs against a 2,000-config baseline in a comment, dropping the chart first and never the verdicts', () => {
    const current = sweep(2000, (i) => (i % 10 === 0 ? 12 : 10), 'n');
    const baseline = sweep(2000, () => 10, 'b');
    const comparison = compareRuns(current, baseline);
    expect(comparison.counts.regression).toBe(200);
    const out = renderReport(
      { rows: current, comparison, runId: '1', visualizerUrl: 'https://v.test' },
      { limit: COMMENT_LIMIT_CHARS, reserve: 200 },
    );
    expect(out.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS - 200);
    expect(out.markdown).toContain('**Verdicts:** 🔴 200 regressions · 🟢 0 improvements · ⚪ 1,800 within noise');
    expect(out.markdown).not.toContain('```mermaid');
    expect(out.rowsLeftOut).toBeGreaterThan(0);
    expect(out.markdown).toContain(
      `_${out.rowsLeftOut.toLocaleString('en-US')} rows left out to stay under the size limit`,
    );
    // All 200 regressions are in the Changes table.
    expect(out.markdown.split('\n').filter((l) => l.startsWith('| 🔴 ↑ |'))).toHaveLength(200);
  });

  it('drops the chart before any group when only a little room is missing', () => {
    const full = renderReport(input, { limit: COMMENT_LIMIT_CHARS });
    const chartChars = mermaidBlocks(full.markdown)[0]!.length;
    const tight = renderReport(input, { limit: full.markdown.length + 1 - Math.floor(chartChars / 2) });
    expect(tight.markdown).not.toContain('```mermaid');
    expect(tight.rowsLeftOut).toBe(0);
    expect(tight.markdown).toContain('<details><summary>Invalid power: 1 config</summary>');
  });

  it('keeps the verdict counts even when the Changes table itself must be cut', () => {
    const current = sweep(2000, () => 20, 'n');
    const out = renderReport(
      {
        rows: current,
        comparison: compareRuns(
          current,
          sweep(2000, () => 10, 'b'),
        ),
      },
      { limit: 20_000 },
    );
    expect(out.markdown.length).toBeLessThanOrEqual(20_000);
    expect(out.markdown).toContain('**Verdicts:** 🔴 2,000 regressions');
    expect(out.markdown).toMatch(/_[\d,]+ more changes left out to stay under the size limit; every verdict is in/);
  });

  it('the README example chart is one Mermaid parses', async () => {
    const charts = mermaidBlocks(readFileSync('README.md', 'utf8'));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) await expect(parseMermaid(chart)).resolves.toBeTruthy();
  });
});

describe('report layout: the insight columns', () => {
  /**
   * A sidecar's insights for a 600 s window: `benchmarkJ` in the benchmark phase, an idle floor of
   * `idleW` for the whole node, and the counter and power limit only when given.
   */
  function insights(
    benchmarkJ: number,
    idleW: number,
    extra: { counter?: Record<string, unknown>; power_limit?: Record<string, unknown> } = {},
  ): Record<string, unknown> {
    return {
      insights: {
        phases: [
          { name: 'before', start_unix: 900, end_unix: 1000, duration_s: 100, energy_j: 10_000 },
          { name: 'benchmark', start_unix: 1000, end_unix: 1600, duration_s: 600, energy_j: benchmarkJ },
          { name: 'after', start_unix: 1600, end_unix: 1700, duration_s: 100, energy_j: 10_000 },
        ],
        idle: { baseline_total_w: idleW, energy_above_idle_j: benchmarkJ - idleW * 600 },
        counter: null,
        power_limit: null,
        quality: { energy_bound_j: 3600 },
        ...extra,
      },
    };
  }
  const counter = (agreement: string) => ({
    source: 'nvidia_smi_total_energy',
    energy_j: 1,
    integral_energy_j: 1,
    ratio: 1,
    agreement,
  });
  const limit = (share: number) => ({ enforced_w: 700, source: 'column', share_at_cap: share });

  it('shows idle share, counter agreement and power-cap share per config', () => {
    const rows = [
      // 12 J/token × 30,000 tokens = 360,000 J; idle floor 150 W × 600 s = 90,000 J: 25.0 %.
      row('n/a', 12, { conc: 4 }, insights(360_000, 150, { counter: counter('warn'), power_limit: limit(0.125) })),
      // 8 J/token: 240,000 J; 2,400 W × 600 s = 1,440,000 J of idle floor over 240,000 J: 600 %.
      row('n/b', 8, { conc: 8 }, insights(240_000, 2400, { counter: counter('ok'), power_limit: limit(1) })),
      // 10 J/token: 300,000 J; 1 W × 600 s = 600 J: 0.2 %; no counter, no limit.
      row('n/c', 10, { conc: 16 }, insights(300_000, 1)),
    ];
    const md = renderReport({ rows }, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(md).toContain(
      '| Hardware | ISL/OSL | Conc | Topology | GPUs | J/output token | Tokens/J | W/GPU | Energy | Idle share | Counter | At cap |',
    );
    expect(md).toContain('|---|---|--:|---|--:|--:|--:|--:|--:|--:|---|--:|');
    expect(md).toContain(
      '| 4 | single\\-node · TP8 EP1 | 8 | 12 ± 0.12 | 0.0833 | 600.0 | 360.0 kJ | 25.0 % | warn | 12.5 % |',
    );
    expect(md).toContain(
      '| 8 | single\\-node · TP8 EP1 | 8 | 8 ± 0.12 | 0.125 | 600.0 | 240.0 kJ | 600 % | ok | 100 % |',
    );
    expect(md).toContain('| 16 | single\\-node · TP8 EP1 | 8 | 10 ± 0.12 | 0.1 | 600.0 | 300.0 kJ | 0.2 % | – | – |');
    // Without any insights block (older sidecars) the table keeps its columns.
    const plain = renderReport({ rows: [row('n/a', 12, { conc: 4 })] }, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(plain).toContain('| GPUs | J/output token | Tokens/J | W/GPU | Energy |\n');
    expect(plain).not.toContain('Idle share');
  });

  it('shows – for a config whose sidecar has no insights, an invalid config and damaged values', () => {
    const rows = [
      row('n/a', 12, { conc: 4 }, insights(360_000, 150, { counter: counter('reject'), power_limit: limit(0.5) })),
      row('n/b', 8, { conc: 8 }, { reasons: [] }),
      row('n/c', 10, { conc: 16, power_valid: 0 }, insights(300_000, 150, { counter: counter('ok') })),
      row('n/d', 10, { conc: 32 }, insights(300_000, -5, { counter: counter('maybe'), power_limit: limit(1.5) })),
    ];
    const md = renderReport({ rows }, { limit: COMMENT_LIMIT_CHARS }).markdown;
    expect(md).toContain('| 360.0 kJ | 25.0 % | reject | 50.0 % |');
    expect(md).toContain('| 8 | single\\-node · TP8 EP1 | 8 | 8 | 0.125 | 600.0 | 240.0 kJ | – | – | – |');
    expect(md).toContain('| 16 | single\\-node · TP8 EP1 | 8 | ❌ invalid | – | – | – | – | – | – |');
    expect(md).toContain('| 32 | single\\-node · TP8 EP1 | 8 | 10 ± 0.12 | 0.1 | 600.0 | 300.0 kJ | – | – | – |');
  });

  it('still fits 2,000 configs with insights in a comment, dropping the chart first and never the verdicts', () => {
    const withInsights = (rows: ReportRow[]): ReportRow[] =>
      rows.map((r) =>
        rowFromAgg(
          r.source,
          agg({
            conc: r.conc,
            model: r.model,
            hw: r.hardware,
            total_gpu_energy_j: r.energyJ,
            joules_per_output_token: r.joulesPerOutputToken,
          }),
          insights(360_000, 150, { counter: counter('ok'), power_limit: limit(0.25) }),
        ),
      );
    const current = withInsights(sweep(2000, (i) => (i % 10 === 0 ? 12 : 10), 'n'));
    const comparison = compareRuns(current, withInsights(sweep(2000, () => 10, 'b')));
    const out = renderReport(
      { rows: current, comparison, runId: '1', visualizerUrl: 'https://v.test' },
      { limit: COMMENT_LIMIT_CHARS, reserve: 200 },
    );
    expect(out.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS - 200);
    expect(out.markdown).toContain('**Verdicts:** 🔴 200 regressions');
    expect(out.markdown).not.toContain('```mermaid');
    expect(out.markdown.split('\n').filter((l) => l.startsWith('| 🔴 ↑ |'))).toHaveLength(200);
    expect(out.rowsShown).toBeGreaterThan(0);
    expect(out.markdown).toContain('| Idle share | Counter | At cap |');
  });
});
