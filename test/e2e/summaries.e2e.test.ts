import { describe, expect, inject, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from './action.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';
import { changelog, entry, link, masterConfig } from '../helpers/changelog.js';

const distDir = inject('distDir');
const MIB = 1024 * 1024;
const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)));

function changelogRun(head: string) {
  const ws = tempWorkspace();
  writeFile(ws, 'configs/a-master.yaml', masterConfig());
  writeFile(ws, 'base.yaml', HISTORY);
  writeFile(ws, 'perf-changelog.yaml', head);
  return runAction(distDir, {
    workspace: ws,
    inputs: { mode: 'validate-changelog', 'base-file': 'base.yaml', 'head-file': 'perf-changelog.yaml' },
    event: { pull_request: { number: 7, base: { sha: 'abc' } } },
    apiUrl: 'http://127.0.0.1:9',
  });
}

describe('job summaries stay under the 1 MiB the runner accepts', () => {
  it('validate-changelog: a 3.5 MB description is cut, with a visible ellipsis', async () => {
    const description = 'd'.repeat(3_500_000);
    const run = await changelogRun(changelog(HISTORY, entry('dsr1-fp8-b200-sglang', link(7), '', description)));
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MIB);
    expect(run.summary).toContain(`${'d'.repeat(999)}…`);
  });

  it('validate-changelog: rows past the size budget are counted in the same "left out" notice', async () => {
    // 150 new entries, each naming the same 400 master config keys of 40 characters: every row is
    // about 40 KB escaped, so about a dozen fit in the summary's 512 KiB share.
    const keys = Array.from(
      { length: 400 },
      (_, k) => `dsr1-fp8-h200-sglang-variant-${String(k).padStart(4, '0')}-xxxxx`,
    );
    const ws = tempWorkspace();
    writeFile(ws, 'configs/a-master.yaml', masterConfig(['dsr1-fp8-h200-sglang', ...keys]));
    writeFile(ws, 'base.yaml', HISTORY);
    writeFile(
      ws,
      'perf-changelog.yaml',
      changelog(HISTORY, ...Array.from({ length: 150 }, () => entry(keys, link(7)))),
    );
    const run = await runAction(distDir, {
      workspace: ws,
      inputs: { mode: 'validate-changelog', 'base-file': 'base.yaml', 'head-file': 'perf-changelog.yaml' },
      event: { pull_request: { number: 7, base: { sha: 'abc' } } },
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(run.code, run.stdout).toBe(0);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MIB);
    expect(run.summary).toMatch(/\| … \| \d+ more entries left out to stay under the size limit \|/);
  });

  it('job: an agg JSON with a 3 MB model and 1,000 long reasons gives a summary of a few KiB', async () => {
    const ws = tempWorkspace();
    const bench = {
      benchmark_start_time_unix: 1_700_000_000,
      benchmark_end_time_unix: 1_700_000_060,
      total_output_tokens: 30_000,
    };
    writeFile(ws, 'run.json', JSON.stringify(bench));
    writeFile(ws, 'agg_run.json', JSON.stringify({ model: 'm'.repeat(3_000_000), hw: 'h200', power_valid: 0 }));
    writeFileSync(
      join(ws, 'power_validation_run.json'),
      JSON.stringify({
        power_valid: false,
        reasons: Array.from({ length: 1000 }, (_, i) => `reason_${i}_${'r'.repeat(3000)}`),
      }),
    );
    const run = await runAction(distDir, {
      workspace: ws,
      inputs: { upload: 'false', 'result-filename': 'run', 'expected-num-gpus': '8' },
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(run.summary).toContain('### GPU power');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(64 * 1024);
    expect(run.summary).toContain(`${'m'.repeat(200)}…`);
  });
});
