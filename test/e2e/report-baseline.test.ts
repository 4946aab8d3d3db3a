import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FakeGitHub } from '../fakes/github.js';
import { OWNER, REPO, TOKEN, aggJson, runAction, type ActionRun } from './action.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';
import { mermaidBlocks, parseMermaid } from '../helpers/mermaid.js';

const PR = 21;
let github: FakeGitHub;
const distDir = inject('distDir');

beforeAll(async () => {
  github = await new FakeGitHub(OWNER, REPO, TOKEN).start();
});
afterAll(() => github.stop());
beforeEach(() => {
  github.comments.length = 0;
  github.pulls.clear();
  github.pulls.set(PR, { number: PR, draft: false, labels: ['sweep-enabled'] });
});

const sha = (n: number): string => String(n).repeat(40).slice(0, 40);

function event(head: string): Record<string, unknown> {
  return { action: 'synchronize', number: PR, pull_request: { number: PR, draft: false, head: { sha: head }, labels: [{ id: 1, name: 'sweep-enabled' }] } };
}

/** An agg JSON with J/output-token `j` over 30,000 output tokens on 8 GPUs (energy 30,000 × j). */
function agg(i: number, j: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return aggJson(i, { tp: 8, ep: 1, total_gpu_energy_j: 30_000 * j, joules_per_output_token: j, ...extra });
}

/** Writes a sweep's bmk_* artifacts, and power_audit_* ones (agg copy + sidecar) as download-artifact lays them out. */
function writeSweep(ws: string, folder: string, js: number[], sidecars: Record<number, Record<string, unknown>> = {}, extra: (i: number) => Record<string, unknown> = () => ({})): void {
  js.forEach((j, i) => {
    const text = JSON.stringify(agg(i, j, extra(i)), null, 2);
    writeFile(ws, `${folder}/bmk_run_${i}/agg_run_${i}.json`, text);
    writeFile(ws, `${folder}/power_audit_run_${i}/agg_run_${i}.json`, text);
    writeFile(ws, `${folder}/power_audit_run_${i}/power_validation_run_${i}.json`, JSON.stringify({ schema_version: 1, reasons: [], ...sidecars[i] }));
  });
}

async function report(ws: string, inputs: Record<string, string>, head = sha(1)): Promise<ActionRun> {
  const run = await runAction(distDir, {
    workspace: ws,
    apiUrl: github.url,
    event: event(head),
    inputs: { mode: 'report', results: 'results', 'github-token': TOKEN, 'comment-key': 'Run sweep', ...inputs },
  });
  for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain(TOKEN);
  return run;
}

describe('mode: report against a baseline (end to end)', () => {
  it('compares with a baseline folder: verdicts, outputs, comparison and markdown files', async () => {
    const ws = tempWorkspace();
    // Configs 0..3: +20 % (regression), +1 % (within noise), −20 % (improvement), invalid now; config 4 new (its baseline twin has another concurrency, so it and config 5 are gone).
    writeSweep(ws, 'results', [12, 10.1, 8, 10, 10], { 3: { power_valid: false, reasons: ['sampling_gap_exceeded'], reason_messages: { sampling_gap_exceeded: 'gap of 9.0 s in gpu_metrics.csv' } } }, (i) => (i === 3 ? { power_valid: 0 } : {}));
    writeSweep(ws, 'baseline', [10, 10, 10, 10, 10, 10], {}, (i) => (i === 4 ? { conc: 999 } : {}));
    const run = await report(ws, { baseline: 'baseline' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ regressions: '1', improvements: '1', comparable: '3', comment: 'created' });
    const body = github.commentsOn(PR)[0]!.body;
    expect(body).toContain('Baseline: baseline');
    expect(body).toContain('**Verdicts:** 🔴 1 regression · 🟢 1 improvement · ⚪ 1 within noise · ⊘ 1 not comparable · 🆕 1 new · 2 gone');
    expect(body).toContain('| 10 → 12 | +20.0 % | −16.7 % | ±5.0 % (threshold) |');
    // The sidecar in the power_audit_* folder supplies the reason and its message; the agg copy there is no repeat.
    expect(body).toContain('**sampling\\_gap\\_exceeded** gap of 9\\.0 s in gpu\\_metrics\\.csv');
    expect(body).not.toContain('set aside');
    for (const chart of mermaidBlocks(body)) await expect(parseMermaid(chart)).resolves.toBeTruthy();
    expect(mermaidBlocks(body)).toHaveLength(1);
    const comparison = JSON.parse(readFileSync(run.outputs.comparison!, 'utf8')) as { configs: Array<{ config: { conc: string }; presence: string; verdict: string | null; reason: string | null }> };
    // aggJson gives config i the concurrency 2^i.
    const byConc = Object.fromEntries(comparison.configs.map((c) => [c.config.conc, c.verdict ?? c.presence]));
    expect(byConc).toEqual({ '1': 'regression', '2': 'within noise', '4': 'improvement', '8': 'not comparable', '16': 'new', '32': 'gone', '999': 'gone' });
    expect(comparison.configs.find((c) => c.config.conc === '8')!.reason).toBe('this run: invalid power (sampling_gap_exceeded)');
    const markdown = readFileSync(run.outputs['markdown-file']!, 'utf8');
    expect(markdown).toContain('**Verdicts:** 🔴 1 regression');
    expect(run.summary).toContain('**Verdicts:** 🔴 1 regression');
  });

  it('fails the step on a regression only when asked, after writing the comment', async () => {
    const ws = tempWorkspace();
    writeSweep(ws, 'results', [12]);
    writeSweep(ws, 'baseline', [10]);
    const lenient = await report(ws, { baseline: 'baseline' });
    expect(lenient.code).toBe(0);
    const strict = await report(ws, { baseline: 'baseline', 'fail-on-regression': 'true' });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('::error::1 energy regression(s) beyond the tolerance');
    expect(strict.outputs.comment).toBe('unchanged');
    expect(github.commentsOn(PR)).toHaveLength(1);
  });

  it('reports without deltas and names the baseline when it holds no results', async () => {
    const ws = tempWorkspace();
    writeSweep(ws, 'results', [12]);
    writeFile(ws, 'baseline/readme.txt', 'nothing here');
    const run = await report(ws, { baseline: 'baseline' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ regressions: '0', comparable: '0', comparison: '' });
    expect(github.commentsOn(PR)[0]!.body).toContain('No agg result JSON found in the baseline &quot;baseline&quot;\\: no deltas\\.');
    const bad = await report(ws, { baseline: 'baseline', threshold: 'five' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("input 'threshold' is \"five\"");
  });

  it('shows the trend of J/output-token across three pushes of the pull request', async () => {
    const ws = tempWorkspace();
    const pushes = [9.6, 10.8, 12];
    for (const [n, j] of pushes.entries()) {
      writeSweep(ws, 'results', [j]);
      const run = await report(ws, {}, sha(n + 1));
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.comment).toBe(n === 0 ? 'created' : 'updated');
    }
    const body = github.commentsOn(PR)[0]!.body;
    // 9.6 → lowest bar, 10.8 halfway (round(0.5 × 7) = 4 → ▅), 12 → highest.
    expect(body).toMatch(/\| 12 \| [0-9.]+ \| 600\.0 \| 360\.0 kJ \| ▁▅█ \|/);
    expect(body).toMatch(/\n<!-- sweep-power-history:v1 [A-Za-z0-9+/=]+ -->$/);
    // A forged block written into the comment is ignored with a note, not trusted.
    const comment = github.commentsOn(PR)[0]!;
    comment.body = comment.body.replace(/sweep-power-history:v1 [A-Za-z0-9+/=]+/, `sweep-power-history:v1 ${Buffer.from(JSON.stringify({ v: 1, p: [['zz', '1']], c: [] })).toString('base64')}`);
    await report(ws, {}, sha(4));
    expect(github.commentsOn(PR)[0]!.body).toContain('Earlier pushes not shown\\: the history block has a malformed push, so it was ignored\\.');
  });
});
