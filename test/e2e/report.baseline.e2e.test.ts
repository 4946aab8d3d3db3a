import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FakeGitHub } from '../fakes/github.js';
import { OWNER, REPO, TOKEN, aggJson, runAction, withoutMaskCommands, type ActionRun } from './action.js';
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
  github.runs.length = 0;
  github.actionsForbidden = false;
  github.comments.length = 0;
  github.pulls.clear();
  github.pulls.set(PR, { number: PR, draft: false, labels: ['sweep-enabled'] });
});

const sha = (n: number): string => String(n).repeat(40).slice(0, 40);

function event(head: string): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      draft: false,
      head: { sha: head },
      base: { ref: 'main' },
      labels: [{ id: 1, name: 'sweep-enabled' }],
    },
  };
}

/** The artifacts of a base-branch sweep run: one bmk_* and one power_audit_* per config, as the job step uploads them. */
function runArtifacts(js: number[]): Record<string, Record<string, string>> {
  const artifacts: Record<string, Record<string, string>> = {};
  js.forEach((j, i) => {
    const text = JSON.stringify(agg(i, j));
    artifacts[`bmk_run_${i}`] = { [`agg_run_${i}.json`]: text };
    artifacts[`power_audit_run_${i}`] = {
      [`agg_run_${i}.json`]: text,
      [`power_validation_run_${i}.json`]: JSON.stringify({ reasons: [] }),
      'gpu_metrics.csv': 'timestamp,index,power.draw [W]\n',
    };
  });
  artifacts['pr-number'] = { 'pr_number.txt': '21' };
  return artifacts;
}

/** An agg JSON with J/output-token `j` over 30,000 output tokens on 8 GPUs (energy 30,000 × j). */
function agg(i: number, j: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return aggJson(i, { tp: 8, ep: 1, total_gpu_energy_j: 30_000 * j, joules_per_output_token: j, ...extra });
}

/** Writes a sweep's bmk_* artifacts, and power_audit_* ones (agg copy + sidecar) as download-artifact lays them out. */
function writeSweep(
  ws: string,
  folder: string,
  js: number[],
  sidecars: Record<number, Record<string, unknown>> = {},
  extra: (i: number) => Record<string, unknown> = () => ({}),
): void {
  js.forEach((j, i) => {
    const text = JSON.stringify(agg(i, j, extra(i)), null, 2);
    writeFile(ws, `${folder}/bmk_run_${i}/agg_run_${i}.json`, text);
    writeFile(ws, `${folder}/power_audit_run_${i}/agg_run_${i}.json`, text);
    writeFile(
      ws,
      `${folder}/power_audit_run_${i}/power_validation_run_${i}.json`,
      JSON.stringify({ schema_version: 1, reasons: [], ...sidecars[i] }),
    );
  });
}

async function report(ws: string, inputs: Record<string, string>, head = sha(1)): Promise<ActionRun> {
  const run = await runAction(distDir, {
    workspace: ws,
    apiUrl: github.url,
    event: event(head),
    inputs: { mode: 'report', results: 'results', 'github-token': TOKEN, 'comment-key': 'Run sweep', ...inputs },
  });
  for (const text of [withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs)])
    expect(text).not.toContain(TOKEN);
  return run;
}

describe('mode: report against a baseline (end to end)', () => {
  it('compares with a baseline folder: verdicts, outputs, comparison and markdown files', async () => {
    const ws = tempWorkspace();
    // Configs 0..3: +20 % (regression), +1 % (within noise), −20 % (improvement), invalid now; config 4 new (its baseline twin has another concurrency, so it and config 5 are gone).
    writeSweep(
      ws,
      'results',
      [12, 10.1, 8, 10, 10],
      {
        3: {
          power_valid: false,
          reasons: ['sampling_gap_exceeded'],
          reason_messages: { sampling_gap_exceeded: 'gap of 9.0 s in gpu_metrics.csv' },
        },
      },
      (i) => (i === 3 ? { power_valid: 0 } : {}),
    );
    writeSweep(ws, 'baseline', [10, 10, 10, 10, 10, 10], {}, (i) => (i === 4 ? { conc: 999 } : {}));
    const run = await report(ws, { baseline: 'baseline' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ regressions: '1', improvements: '1', comparable: '3', comment: 'created' });
    const body = github.commentsOn(PR)[0]!.body;
    expect(body).toContain('Baseline: baseline');
    expect(body).toContain(
      '**Verdicts:** 🔴 1 regression · 🟢 1 improvement · ⚪ 1 within noise · ⊘ 1 not comparable · 🆕 1 new · 2 gone',
    );
    expect(body).toContain('| 10 → 12 | +20.0 % | −16.7 % | ±5.0 % (threshold) |');
    // The sidecar in the power_audit_* folder supplies the reason and its message; the agg copy there is no repeat.
    expect(body).toContain('**sampling\\_gap\\_exceeded** gap of 9\\.0 s in gpu\\_metrics\\.csv');
    expect(body).not.toContain('set aside');
    for (const chart of mermaidBlocks(body)) await expect(parseMermaid(chart)).resolves.toBeTruthy();
    expect(mermaidBlocks(body)).toHaveLength(1);
    const comparison = JSON.parse(readFileSync(run.outputs.comparison!, 'utf8')) as {
      configs: Array<{ config: { conc: string }; presence: string; verdict: string | null; reason: string | null }>;
    };
    // aggJson gives config i the concurrency 2^i.
    const byConc = Object.fromEntries(comparison.configs.map((c) => [c.config.conc, c.verdict ?? c.presence]));
    expect(byConc).toEqual({
      '1': 'regression',
      '2': 'within noise',
      '4': 'improvement',
      '8': 'not comparable',
      '16': 'new',
      '32': 'gone',
      '999': 'gone',
    });
    expect(comparison.configs.find((c) => c.config.conc === '8')!.reason).toBe(
      'this run: invalid power (sampling_gap_exceeded)',
    );
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
    expect(github.commentsOn(PR)[0]!.body).toContain(
      'No agg result JSON found in the baseline &quot;baseline&quot;\\: no deltas\\.',
    );
    const bad = await report(ws, { baseline: 'baseline', threshold: 'five' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('input \'threshold\' is "five"');
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
    comment.body = comment.body.replace(
      /sweep-power-history:v1 [A-Za-z0-9+/=]+/,
      `sweep-power-history:v1 ${Buffer.from(JSON.stringify({ v: 1, p: [['zz', '1']], c: [] })).toString('base64')}`,
    );
    await report(ws, {}, sha(4));
    expect(github.commentsOn(PR)[0]!.body).toContain(
      'Earlier pushes not shown\\: the history block has a malformed push, so it was ignored\\.',
    );
  });

  it('baseline auto: finds the latest successful base-branch runs of the workflow and downloads their artifacts', async () => {
    const ws = tempWorkspace();
    // This run (987654321) belongs to workflow 77; base-branch history J/token 10.0, 10.2, 9.8 for config 0.
    github.addRun({ id: 987654321, workflowId: 77, branch: 'feature', conclusion: 'success', headSha: sha(9) });
    github.addRun(
      { id: 100, workflowId: 77, branch: 'main', conclusion: 'success', headSha: sha(2) },
      runArtifacts([10, 10]),
    );
    github.addRun(
      { id: 101, workflowId: 77, branch: 'main', conclusion: 'success', headSha: sha(3) },
      runArtifacts([10.2, 10]),
    );
    github.addRun(
      { id: 102, workflowId: 77, branch: 'main', conclusion: 'failure', headSha: sha(4) },
      runArtifacts([1, 1]),
    );
    github.addRun(
      { id: 103, workflowId: 88, branch: 'main', conclusion: 'success', headSha: sha(5) },
      runArtifacts([1, 1]),
    );
    github.addRun(
      { id: 104, workflowId: 77, branch: 'other', conclusion: 'success', headSha: sha(6) },
      runArtifacts([1, 1]),
    );
    const latest = github.addRun(
      { id: 105, workflowId: 77, branch: 'main', conclusion: 'success', headSha: '5'.repeat(40) },
      runArtifacts([9.8, 10]),
    );
    // Config 0: 11.5 against 9.8 is +17.3 %; the history interval 4.303 × 0.2 × √(4/3) / 10 ≈ 9.9 % beats the 5 % threshold and decides: a regression.
    writeSweep(ws, 'results', [11.5, 10.1]);
    const run = await report(ws, { baseline: 'auto', 'baseline-history': '3' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.warnings).toEqual([]);
    const body = github.commentsOn(PR)[0]!.body;
    expect(body).toContain(
      `Baseline: run [105](https://github.com/${OWNER}/${REPO}/actions/runs/105) · commit [\`5555555\`](https://github.com/${OWNER}/${REPO}/commit/${'5'.repeat(40)}) · main · history of 3 runs`,
    );
    expect(run.outputs).toMatchObject({ regressions: '1', comparable: '2' });
    const comparison = JSON.parse(readFileSync(run.outputs.comparison!, 'utf8')) as {
      configs: Array<{
        config: { conc: string };
        verdict: string;
        history: number[];
        tolerance: { history: number; decided_by: string };
      }>;
    };
    const config0 = comparison.configs.find((c) => c.config.conc === '1')!;
    expect(config0.history).toEqual([10, 10.2, 9.8]);
    expect(config0.tolerance.history).toBeCloseTo((4.303 * 0.2 * Math.sqrt(1 + 1 / 3)) / 10, 10);
    expect(config0.tolerance.decided_by).toBe('history');
    expect(config0.verdict).toBe('regression');
    // Only the result artifacts of the three runs were downloaded, never those of the failed, foreign-workflow or other-branch runs.
    const downloads = github.server.requests
      .filter((r) => /\/actions\/artifacts\/\d+\/zip$/.test(r.path))
      .map((r) => Number(r.path.split('/').at(-2)));
    const wanted = github.runs
      .filter((r) => [100, 101, 105].includes(r.id))
      .flatMap((r) => r.artifacts.filter((a) => a.name !== 'pr-number').map((a) => a.id));
    expect(downloads.sort()).toEqual(wanted.sort());
    expect(latest.artifacts).toHaveLength(5);
  });

  it('baseline auto without actions: read warns once naming the permission and reports without deltas', async () => {
    const ws = tempWorkspace();
    github.addRun({ id: 987654321, workflowId: 77, branch: 'feature', conclusion: 'success', headSha: sha(9) });
    github.actionsForbidden = true;
    writeSweep(ws, 'results', [12]);
    const run = await report(ws, { baseline: 'auto' });
    expect(run.code).toBe(0);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('HTTP 403');
    expect(run.warnings[0]).toContain('`actions: read`');
    expect(run.outputs).toMatchObject({ comment: 'created', regressions: '0', comparable: '0', comparison: '' });
    const body = github.commentsOn(PR)[0]!.body;
    expect(body).not.toContain('**Verdicts:**');
    expect(body).toContain('No baseline\\: the base branch runs could not be read');
  });
});
