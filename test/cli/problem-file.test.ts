import { describe, expect, it } from 'vitest';
import { changelog, entry, link, masterConfig, REPO } from '../helpers/changelog.js';
import { cli, tempWorkspace, writeFile } from '../helpers/workspace.js';

describe('validate-changelog names the file it read', () => {
  it('--head-file X: every problem is X:line:col and the verdict names X', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'configs/a-master.yaml', masterConfig());
    const base = changelog(entry('dsr1-fp8-h200-sglang', link(1)));
    writeFile(dir, 'old.yaml', base);
    // The first entry is lines 1-5, then one empty line; the new entry starts at line 7 and its key is line 8.
    writeFile(
      dir,
      'proposed-changelog.yaml',
      changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('no-such-config', link(7))),
    );
    const run = await cli(
      [
        'validate-changelog',
        '--base-file',
        'old.yaml',
        '--head-file',
        'proposed-changelog.yaml',
        '--pr-number',
        '7',
        '--repo',
        REPO,
      ],
      dir,
    );
    expect(run.code).toBe(1);
    const problems = run.stderr.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
    expect(problems.length).toBe(1);
    expect(problems[0]).toMatch(/^proposed-changelog\.yaml:8:7: Config key 'no-such-config' not found/);
    expect(run.stderr).toContain('proposed-changelog.yaml: 1 problem; the change is rejected.');
    expect(run.stderr).not.toContain('perf-changelog.yaml');
  });
});
