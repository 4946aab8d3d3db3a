import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Files a user reads or copies from: docs, examples, workflows, the action and package metadata. */
function userFacingFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split(
    '\n',
  );
  return tracked.filter(
    (f) =>
      (/^(README\.md|CHANGELOG\.md|action\.yml|package\.json|docs\/|examples\/|\.github\/|scripts\/)/.test(f) &&
        !/\.(csv|json)$/.test(f)) ||
      f === 'package.json',
  );
}

describe('one spelling of the action reference', () => {
  it('no user-facing file names a placeholder owner', () => {
    const files = userFacingFiles();
    expect(files).toContain('README.md');
    const hits = files.filter((f) =>
      /your-org|OWNER\/sweep-power|<owner>\/sweep-power/i.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(hits).toEqual([]);
  });

  it('every uses: of this action outside this repository is sweep-power/sweep-power@<ref>', () => {
    const spellings = new Set<string>();
    for (const f of userFacingFiles()) {
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/uses:\s*([\w.-]+\/sweep-power[^\s`'"]*)/g))
        spellings.add((m[1] as string).replace(/@.*/, ''));
    }
    expect([...spellings]).toEqual(['sweep-power/sweep-power']);
  });

  it('the README says how to pin to a full commit SHA', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/pin[^.]*full commit SHA/i);
  });
});
