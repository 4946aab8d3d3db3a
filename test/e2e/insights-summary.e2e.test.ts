// @vitest-environment happy-dom
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM; happy-dom provides one.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from './action.js';
import { cli, tempWorkspace } from '../helpers/workspace.js';

const distDir = inject('distDir');
const SWEEP = join(import.meta.dirname, '..', '..', 'examples', 'sweep');
const NAME = 'dsr1_fp8_h200_conc64';
/** Nothing listens here: these runs upload nothing and call no API. */
const NO_API = 'http://127.0.0.1:9';

let parse: (text: string) => Promise<unknown>;
beforeAll(async () => {
  const mermaid = (await import('mermaid')).default;
  parse = (text) => mermaid.parse(text);
});

/** Every Mermaid block of a markdown text. */
function charts(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] as string);
}

/** The sample sweep: 8 GPUs at 600 W over the 60 s window, 30,000 output tokens. */
function sweepWorkspace(): string {
  const ws = tempWorkspace();
  cpSync(join(SWEEP, 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
  const bench = JSON.parse(readFileSync(join(SWEEP, `${NAME}.json`), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(ws, `${NAME}.json`), JSON.stringify({ ...bench, total_token_throughput: 9033.333 }));
  return ws;
}

async function expectChartsParse(markdown: string): Promise<void> {
  const found = charts(markdown);
  expect(found.length).toBe(1);
  for (const chart of found) {
    expect(chart).toMatch(/^xychart-beta\n/);
    // ≤ 120 points per series.
    for (const series of chart.matchAll(/(?:bar|line) \[([^\]]*)\]/g))
      expect((series[1] as string).split(',').length).toBeLessThanOrEqual(120);
    await expect(parse(chart)).resolves.toBeTruthy();
  }
}

describe('energy insights where people see them', () => {
  it('mode aggregate writes the phase table, the counter line and a chart Mermaid parses to the job summary', async () => {
    const ws = sweepWorkspace();
    writeFileSync(join(ws, 'agg.json'), '{"hw": "h200"}');
    const run = await runAction(distDir, {
      workspace: ws,
      apiUrl: NO_API,
      inputs: {
        mode: 'aggregate',
        'bench-result': `${NAME}.json`,
        'agg-result': 'agg.json',
        'expected-num-gpus': '8',
        csv: 'gpu_metrics.csv',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('| benchmark | 0.0 | 60.0 | 288,000.0 | 4,800.0 |  |');
    expect(run.summary).toContain('Energy counter: none in the telemetry; energy is the power integral only.');
    await expectChartsParse(run.summary);
  });

  it('mode job adds them to its summary', async () => {
    const ws = sweepWorkspace();
    const env = {
      RUNNER_TYPE: 'h200',
      FRAMEWORK: 'vllm',
      PRECISION: 'fp8',
      SPEC_DECODING: 'none',
      IMAGE: 'x',
      MODEL_PREFIX: 'dsr1',
      RESULT_FILENAME: NAME,
      ISL: '1024',
      OSL: '1024',
      DISAGG: 'false',
      TP: '8',
      EP_SIZE: '1',
      DP_ATTENTION: 'false',
    };
    const run = await runAction(distDir, {
      workspace: ws,
      apiUrl: NO_API,
      env,
      inputs: { mode: 'job', upload: 'false' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('| Total GPU energy | 288,000 J |');
    expect(run.summary).toContain('#### Where the energy went');
    expect(run.summary).toContain('| benchmark | 0.0 | 60.0 | 288,000.0 | 4,800.0 |  |');
    await expectChartsParse(run.summary);
  });

  it('the CLI prints the same lines as text, without the chart', async () => {
    const ws = sweepWorkspace();
    writeFileSync(join(ws, 'agg.json'), '{"hw": "h200"}');
    const run = await cli(
      ['aggregate', '--bench-result', `${NAME}.json`, '--agg-result', 'agg.json', '--expected-num-gpus', '8'],
      ws,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| benchmark | 0.0 | 60.0 | 288,000.0 | 4,800.0 |  |');
    expect(run.stdout).toContain('Energy counter: none in the telemetry');
    expect(run.stdout).not.toContain('mermaid');
    expect(readFileSync(join(ws, 'agg.json'), 'utf8')).not.toContain('insights_');
  });
});
