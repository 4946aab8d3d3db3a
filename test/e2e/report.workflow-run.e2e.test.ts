import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../fakes/github.js';
import { OWNER, REPO, TOKEN, runAction, sweepWorkspace, type ActionRun } from './action.js';

const distDir = inject('distDir');
const ROOT = join(import.meta.dirname, '..', '..');
let github: FakeGitHub;

/** A fork's pull request #13 ran the sweep; its artifact names pull request #12 (someone else's). */
const attack = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'adversarial', 'security', 'workflow-run-pr-hint.json'), 'utf8'),
) as {
  victim: { number: number; headSha: string; headRepository: string };
  run: { id: number; head_sha: string; head_repository: { full_name: string } };
  hint: string;
};

beforeAll(async () => {
  github = await new FakeGitHub(OWNER, REPO, TOKEN).start();
});
afterAll(() => github.stop());
beforeEach(() => {
  github.comments.length = 0;
  github.pulls.clear();
  github.pulls.set(attack.victim.number, {
    number: attack.victim.number,
    draft: false,
    labels: ['sweep-enabled'],
    headSha: attack.victim.headSha,
    headRepository: attack.victim.headRepository,
  });
  github.addComment(
    attack.victim.number,
    'github-actions[bot]',
    '<!-- sweep-power:report key=Run_sweep -->\nthe victim’s own report',
  );
});

function reportUnder(run: Record<string, unknown>): Promise<ActionRun> {
  return runAction(distDir, {
    workspace: sweepWorkspace(1),
    apiUrl: github.url,
    eventName: 'workflow_run',
    event: { workflow_run: run },
    inputs: {
      mode: 'report',
      results: 'results',
      'github-token': TOKEN,
      'comment-key': 'Run sweep',
      'pr-number': attack.hint,
    },
  });
}

describe('workflow_run: a pull request number from an artifact is only a hint', () => {
  it("refuses to overwrite another pull request's report when its head is not the run's head", async () => {
    const run = await reportUnder(attack.run);
    expect(run.code).toBe(0);
    expect(run.outputs.comment).toBe('skipped');
    expect(github.commentsOn(attack.victim.number).map((c) => c.body)).toEqual([
      '<!-- sweep-power:report key=Run_sweep -->\nthe victim’s own report',
    ]);
    expect(run.warnings.join('\n')).toContain(`pull request #${attack.victim.number} has head`);
    expect(run.warnings.join('\n')).toContain('the number does not belong to this run');
    expect(run.summary).toContain('**1 config**');
    expect(run.summary).toContain('No pull request comment');
  });

  it('refuses a matching commit pushed to a different repository (a fork reusing the victim commit)', async () => {
    const run = await reportUnder({ ...attack.run, head_sha: attack.victim.headSha });
    expect(run.outputs.comment).toBe('skipped');
    expect(run.warnings.join('\n')).toMatch(
      /comes from `acme\/sweeps`, but the triggering run built `mallory\/sweeps`/,
    );
    expect(github.commentsOn(attack.victim.number)).toHaveLength(1);
  });

  it('refuses when the event names no head commit to check against', async () => {
    const { head_sha: _omitted, ...withoutHead } = attack.run;
    const run = await reportUnder(withoutHead);
    expect(run.outputs.comment).toBe('skipped');
    expect(run.warnings.join('\n')).toContain('names no head commit');
  });

  it('comments when the pull request is the one the run built', async () => {
    const run = await reportUnder({
      ...attack.run,
      head_sha: attack.victim.headSha,
      head_repository: { full_name: attack.victim.headRepository },
    });
    expect(run.outputs.comment).toBe('updated');
    expect(run.warnings).toEqual([]);
    expect(github.commentsOn(attack.victim.number)[0]!.body).toContain(`unofficialRun=${attack.run.id}`);
  });
});
