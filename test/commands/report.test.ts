import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchJson, cli, squareWaveTelemetry, tempWorkspace, writeFile } from '../helpers/workspace.js';
import { commentFailureMessage } from '../../src/commands/report.js';

describe('sweep-power report', () => {
  it('renders the report from a folder to stdout', async () => {
    const ws = tempWorkspace();
    writeFile(
      ws,
      'out/bmk_a/agg_a.json',
      JSON.stringify({
        hw: 'h200',
        model: 'm',
        framework: 'sglang',
        precision: 'fp4',
        isl: 8192,
        osl: 1024,
        conc: 16,
        power_valid: 1,
        avg_power_w: 700.25,
        joules_per_output_token: 1.234,
      }),
    );
    const run = await cli(['report', '--results', 'out', '--run-id', '5'], ws);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[inference](https://inferencex.semianalysis.com/inference?unofficialRun=5)');
    expect(run.stdout).toContain('<details><summary><b>m</b> · sglang · fp4 · 1 config</summary>');
    // 1 / 1.234 J per token = 0.810 tokens per joule; no GPU count or energy in this agg.
    expect(run.stdout).toContain(
      '| h200 | 8192/1024 | 16 | single\\-node | – | 1.23 | 0.81 | 700.3 | – | [↗](https://inferencex.semianalysis.com/inference?unofficialRun=5) |',
    );
  });

  it('shows idle share, counter agreement and power-cap share from the sidecars aggregate wrote', async () => {
    const ws = tempWorkspace();
    // Eight GPUs at 1 Hz: 100 W before the 60 s window, a 500/700 W square wave in it, 200 W after;
    // a 620 W enforced limit; a joule counter that adds up the same trapezoids.
    writeFile(ws, 'gpu_metrics.csv', squareWaveTelemetry());
    writeFile(ws, 'out/a.json', benchJson());
    writeFile(
      ws,
      'out/agg_a.json',
      JSON.stringify({ hw: 'h200', model: 'm', framework: 'vllm', precision: 'fp8', conc: 4, tp: 8 }),
    );
    const agg = await cli(
      ['aggregate', '--bench-result', 'out/a.json', '--agg-result', 'out/agg_a.json', '--expected-num-gpus', '8'],
      ws,
    );
    expect(agg.code, agg.stderr).toBe(0);
    // A second config whose sidecar predates the insights: its cells are dashes.
    writeFile(
      ws,
      'out/agg_b.json',
      JSON.stringify({
        hw: 'h200',
        model: 'm',
        framework: 'vllm',
        precision: 'fp8',
        conc: 8,
        tp: 8,
        power_valid: 1,
        joules_per_output_token: 2,
        total_gpu_energy_j: 60_000,
      }),
    );
    writeFile(ws, 'out/power_validation_b.json', JSON.stringify({ power_valid: true, reasons: [] }));
    const run = await cli(['report', '--results', 'out', '--run-id', '5'], ws);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('| Energy | Idle share | Counter | At cap |');
    // 8 × 600 W × 60 s = 288,000 J over 30,000 tokens = 9.6 J/token, ± 48,000 J (1.6 J/token);
    // idle floor 8 × 100 W × 60 s = 48,000 J of 288,000 J = 16.7 %; the counter's 288,000 J agrees;
    // 30 of 61 in-window samples per GPU are at 700 W ≥ 95 % of 620 W: 49.2 %.
    expect(run.stdout).toContain(
      '| 4 | single\\-node · TP8 | 8 | 9.6 ± 1.6 | 0.104 | 600.0 | 288.0 kJ | 16.7 % | ok | 49.2 % |',
    );
    expect(run.stdout).toContain('| 8 | single\\-node · TP8 | 8 | 2 | 0.5 | – | 60.0 kJ | – | – | – |');
  });

  it('compares with --baseline and writes every config to --comparison', async () => {
    const ws = tempWorkspace();
    const agg = (conc: number, j: number) =>
      JSON.stringify({
        hw: 'h200',
        model: 'm',
        framework: 'sglang',
        precision: 'fp4',
        isl: 1024,
        osl: 1024,
        conc,
        tp: 8,
        power_valid: 1,
        avg_power_w: 600,
        total_gpu_energy_j: j * 30_000,
        joules_per_output_token: j,
      });
    writeFile(ws, 'now/agg_a.json', agg(4, 12));
    writeFile(ws, 'now/agg_b.json', agg(8, 9.7));
    writeFile(ws, 'base/bmk_a/agg_a.json', agg(4, 10));
    writeFile(ws, 'base/bmk_b/agg_b.json', agg(8, 9.6));
    const run = await cli(
      ['report', '--results', 'now', '--baseline', 'base', '--threshold', '5%', '--comparison', 'cmp.json'],
      ws,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('**Verdicts:** 🔴 1 regression · 🟢 0 improvements · ⚪ 1 within noise');
    expect(run.stdout).toContain('| 10 → 12 | +20.0 % | −16.7 % | ±5.0 % (threshold) |');
    const cmp = JSON.parse(readFileSync(join(ws, 'cmp.json'), 'utf8')) as {
      counts: Record<string, number>;
      configs: Array<{ verdict: string; delta_joules_per_output_token: number }>;
    };
    expect(cmp.counts).toMatchObject({ regression: 1, withinNoise: 1, comparable: 2 });
    expect(cmp.configs.map((c) => c.verdict)).toEqual(['regression', 'within noise']);
    expect(cmp.configs[1]!.delta_joules_per_output_token).toBeCloseTo(9.7 / 9.6 - 1, 12);
    expect((await cli(['report', '--results', 'now', '--threshold', 'lots'], ws)).stderr).toContain('--threshold');
  });

  it('writes to --out with a glob and a custom visualizer', async () => {
    const ws = tempWorkspace();
    for (let i = 0; i < 3; i++)
      writeFile(ws, `r/agg_${i}.json`, JSON.stringify({ hw: 'b200', conc: i, power_valid: 0 }));
    const run = await cli(
      [
        'report',
        '--results',
        'r/agg_*.json',
        '--visualizer-url',
        'https://viz.test',
        '--run-id',
        '9',
        '--out',
        'report.md',
      ],
      ws,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 configs (0 valid, 3 invalid');
    expect(readFileSync(join(ws, 'report.md'), 'utf8')).toContain('https://viz.test/evaluation?unofficialRun=9');
  });

  it('rejects bad flags and missing folders', async () => {
    const ws = tempWorkspace();
    expect((await cli(['report'], ws)).code).toBe(2);
    expect((await cli(['report', '--results', 'x', '--run-id', 'abc'], ws)).stderr).toContain('--run-id');
    const missing = await cli(['report', '--results', 'nope'], ws);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });

  it('words comment failures', () => {
    expect(commentFailureMessage(3, { status: 403, message: 'Resource not accessible by integration' })).toContain(
      '`pull-requests: write`',
    );
    expect(commentFailureMessage(3, { status: 404, message: 'Not Found' })).toContain('not found');
    expect(commentFailureMessage(3, new Error('socket hang up'))).toContain('after retries (socket hang up)');
  });

  it('words rate limits, refusals and timeouts by what they are, not as a missing permission', () => {
    const limited = commentFailureMessage(3, {
      status: 403,
      message: 'You have exceeded a secondary rate limit',
      response: { headers: { 'retry-after': '60' } },
    });
    expect(limited).toContain('rate limit for this token did not clear; rerun the job in a few minutes');
    expect(limited).not.toContain('pull-requests: write');
    const refused = commentFailureMessage(3, { status: 422, message: 'Validation Failed' });
    expect(refused).toContain('(HTTP 422: Validation Failed): GitHub refused the request, so it was not retried');
    expect(refused).not.toContain('after retries');
    const timedOut = commentFailureMessage(3, { status: 500, message: 'The operation was aborted due to timeout' });
    expect(timedOut).toContain('after retries (timed out: The operation was aborted due to timeout): rerun the job');
    expect(timedOut).not.toContain('HTTP 500');
  });
});
