// @vitest-environment happy-dom
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM; happy-dom provides one.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InsightAccumulator,
  type InsightOptions,
  type InsightSample,
  type Insights,
} from '../../../src/core/insights/accumulator.js';
import {
  formatNumber,
  renderCounterLine,
  renderInsights,
  renderPhaseTable,
  renderPowerChart,
} from '../../../src/core/insights/render.js';

const T0 = 1_700_000_000;

type Parse = (text: string) => Promise<unknown>;
let parse: Parse;

beforeAll(async () => {
  const mermaid = (await import('mermaid')).default;
  parse = (text) => mermaid.parse(text);
});

function run(samples: InsightSample[], options: Partial<InsightOptions> & { start: number; end: number }): Insights {
  const acc = new InsightAccumulator({ maxSampleGapS: 30, ...options });
  for (const s of samples) acc.push(s);
  return acc.finish();
}

/** The body of the mermaid fence, or undefined when the lines hold none. */
function chartBody(lines: string[]): string | undefined {
  const start = lines.indexOf('```mermaid');
  if (start < 0) return undefined;
  const end = lines.indexOf('```', start + 1);
  return lines.slice(start + 1, end).join('\n');
}

function stepped(gpus: string[], seconds = 100, every = 1): InsightSample[] {
  const samples: InsightSample[] = [];
  for (let t = 0; t <= seconds; t += every) {
    const watts = t <= 20 ? 50 : t <= 40 ? 200 : t <= 80 ? 500 : 300;
    for (const gpu of gpus) samples.push({ t: T0 + t, gpu, watts });
  }
  return samples;
}

describe('power chart', () => {
  it('parses with Mermaid and marks the benchmark window with bars', async () => {
    const insights = run(stepped(['0', '1']), { start: T0 + 41, end: T0 + 80 });
    const lines = renderPowerChart(insights, T0 + 41, T0 + 80);
    const body = chartBody(lines) as string;
    await expect(parse(body)).resolves.toBeTruthy();
    const bars = /bar \[([^\]]*)\]/.exec(body)?.[1]?.split(', ').map(Number) as number[];
    const line = /line \[([^\]]*)\]/.exec(body)?.[1]?.split(', ').map(Number) as number[];
    expect(line).toHaveLength(100);
    // Bucket k is the second [k, k+1): 100 W total at idle, 1000 W in the window, 0 bars outside it.
    expect(line[5]).toBe(100);
    expect(line[60]).toBe(1000);
    expect(bars[60]).toBe(1000);
    expect(bars[5]).toBe(0);
    expect(bars[90]).toBe(0);
    expect(body).toContain('y-axis "W" 0 --> 1100');
  });

  it('stays within 120 points and parses for a 24 h recording', async () => {
    const samples: InsightSample[] = [];
    for (let t = 0; t <= 86_400; t += 30)
      for (let g = 0; g < 8; g++) samples.push({ t: T0 + t, gpu: String(g), watts: 100 + (t % 3600) / 10 });
    const insights = run(samples, { start: T0 + 40_000, end: T0 + 50_000 });
    const body = chartBody(renderPowerChart(insights, T0 + 40_000, T0 + 50_000)) as string;
    const points = /line \[([^\]]*)\]/.exec(body)?.[1]?.split(', ') ?? [];
    expect(points.length).toBeLessThanOrEqual(120);
    expect(points.length).toBeGreaterThan(60);
    await expect(parse(body)).resolves.toBeTruthy();
  });

  it('parses for a single bucket, a recording with a hole, and renders nothing without samples', async () => {
    const one = run(
      [
        { t: T0, gpu: '0', watts: 10 },
        { t: T0 + 0.5, gpu: '0', watts: 10 },
      ],
      { start: T0, end: T0 + 0.5 },
    );
    await expect(parse(chartBody(renderPowerChart(one, T0, T0 + 0.5)) as string)).resolves.toBeTruthy();
    const holed = stepped(['0']).filter((s) => s.t < T0 + 30 || s.t > T0 + 95);
    const withHole = run(holed, { start: T0 + 10, end: T0 + 20 });
    await expect(parse(chartBody(renderPowerChart(withHole, T0 + 10, T0 + 20)) as string)).resolves.toBeTruthy();
    expect(renderPowerChart(run([], { start: T0, end: T0 + 1 }), T0, T0 + 1)).toEqual([]);
  });

  it('the test parser does reject a malformed chart', async () => {
    await expect(parse('xychart-beta\n    line [1, 2, NaN]')).rejects.toThrow();
  });
});

describe('summary lines', () => {
  it('tabulates the phases relative to the benchmark start', () => {
    const insights = run(stepped(['0', '1']), { start: T0 + 41, end: T0 + 80 });
    expect(renderPhaseTable(insights, T0 + 41)).toEqual([
      '| Phase | Starts at (s from benchmark start) | Duration (s) | Energy (J) | Avg total power (W) | Note |',
      '|---|---:|---:|---:|---:|---|',
      `| before (load, warmup) | -41.0 | 41.0 | 10,550.0 | ${formatNumber(10_550 / 41, 1)} |  |`,
      '| benchmark | 0.0 | 39.0 | 39,000.0 | 1,000.0 |  |',
      '| after (eval, teardown) | 39.0 | 20.0 | 12,200.0 | 610.0 |  |',
    ]);
  });

  it('states the counter cross-check in one line', () => {
    const samples = [0, 1, 2, 3, 4].map((k) => ({ t: T0 + k, gpu: '0', watts: 100, energyJ: 1000 + 110 * k }));
    const line = renderCounterLine(run(samples, { start: T0, end: T0 + 4, counterSource: 'dcgm_total_energy' }));
    expect(line).toBe(
      'Energy counter (DCGM total energy counter): 440.0 J vs power integral 400.0 J, ratio 1.100: agree; 0 reset(s), 0 frozen interval(s), 0 interval(s) without a reading.',
    );
    expect(renderCounterLine(run(stepped(['0']), { start: T0 + 41, end: T0 + 80 }))).toBe(
      'Energy counter: none in the telemetry; energy is the power integral only.',
    );
  });

  it('never prints GPU ids or other workspace text', () => {
    const hostile = '<img src=x>::error::@user';
    const samples = [0, 1, 2].map((k) => ({ t: T0 + k, gpu: hostile, watts: 2000, limitW: 700 }));
    const text = renderInsights(run(samples, { start: T0, end: T0 + 2 }), T0, T0 + 2).join('\n');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('::error');
    expect(text).not.toContain('@user');
    expect(text).toContain('3 sample(s) above 1.7× the limit');
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(2000);
  });
});

describe('job summary from a sidecar', () => {
  const agg = { hw: 'h100', power_valid: 1, total_gpu_energy_j: 1 };

  it('renders the insights of a sidecar read back from JSON, chart included', async () => {
    const insights = run(stepped(['0', '1']), { start: T0 + 41, end: T0 + 80 });
    const sidecar = JSON.parse(
      JSON.stringify({ benchmark_window: { start_time_unix: T0 + 41, end_time_unix: T0 + 80 }, insights }),
    );
    const { renderJobSummary } = await import('../../../src/core/report/job.js');
    const markdown = renderJobSummary({ agg, sidecar });
    const lines = markdown.split('\n');
    expect(lines).toEqual(expect.arrayContaining(renderInsights(insights, T0 + 41, T0 + 80)));
    await expect(parse(chartBody(lines) as string)).resolves.toBeTruthy();
  });

  it('prints no text of a hostile sidecar and leaves out what is not a number', async () => {
    const insights = JSON.parse(JSON.stringify(run(stepped(['0', '1']), { start: T0 + 41, end: T0 + 80 })));
    insights.phases[0].energy_j = '<img src=x onerror=alert(1)>';
    insights.quality.gpus_reporting = '@everyone';
    insights.counter = { source: '```\n::error::x', energy_j: 1, agreement: 'ok' };
    insights.power_series.total_w[3] = '1]\n    line [2';
    insights.power_series.total_w[4] = 1e300;
    const { renderJobSummary } = await import('../../../src/core/report/job.js');
    const markdown = renderJobSummary({
      agg,
      sidecar: { benchmark_window: { start_time_unix: T0 + 41, end_time_unix: T0 + 80 }, insights },
    });
    for (const hostile of ['<img', '@everyone', '::error', 'e+300', 'line [2']) expect(markdown).not.toContain(hostile);
    expect(markdown).toContain('| before (load, warmup) | -41.0 | 41.0 | – |');
    expect(markdown).toContain('Energy counter: none in the telemetry');
    await expect(parse(chartBody(markdown.split('\n')) as string)).resolves.toBeTruthy();
  });
});
