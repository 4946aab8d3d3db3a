import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { aggJson, sweepWorkspace } from './action.js';
import { loadResults } from '../../src/io/results.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

const distDir = inject('distDir');

describe('report: hostile sizes are cut before any processing', () => {
  it('a 3 MiB model is shown cut to 200 characters with a visible ellipsis, and reasons are capped', () => {
    const model = `org/${'m'.repeat(3 * 1024 * 1024)}`;
    const ws = sweepWorkspace(2, (i) => aggJson(i, i === 0 ? { model, power_valid: 0 } : {}));
    writeFile(
      ws,
      'results/bmk_run_0/power_validation_run_0.json',
      JSON.stringify({
        power_valid: false,
        reasons: Array.from({ length: 1000 }, (_, k) => `reason_${k}_${'r'.repeat(500)}`),
      }),
    );
    const run = spawnSync(
      process.execPath,
      [join(distDir, 'cli.js'), 'report', '--results', 'results', '--run-id', '1', '--out', 'report.md'],
      { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const markdown = readFileSync(join(ws, 'report.md'), 'utf8');
    // 'org/' and 196 m's make the 200 kept characters; escaping adds a word joiner after '/'. The model is
    // shown in its group's title and in the list of invalid results.
    expect(markdown).toContain(`<summary><b>org/\u2060${'m'.repeat(196)}…</b> · vllm · fp8 · 1 config</summary>`);
    expect(markdown).toContain(`- org/\u2060${'m'.repeat(196)}… · vllm · fp8 · h200 ·`);
    expect(markdown).not.toContain('m'.repeat(197));
    // Twenty reasons at most, each cut the same way.
    expect(markdown).toContain(`reason\\_19\\_${'r'.repeat(200 - 'reason_19_'.length)}…`);
    expect(markdown).not.toContain('reason\\_20\\_');
    expect(markdown.length).toBeLessThan(20_000);
  });

  it('drops every Bidi_Control character and tag character from values (U+061C and U+E0000-U+E007F included)', () => {
    const hidden =
      '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u{e0001}\u{e0041}\u{e007f}';
    const ws = sweepWorkspace(1, (i) => aggJson(i, { model: `safe${hidden}model`, framework: `v${hidden}llm` }));
    const run = spawnSync(
      process.execPath,
      [join(distDir, 'cli.js'), 'report', '--results', 'results', '--run-id', '1', '--out', 'report.md'],
      { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const markdown = readFileSync(join(ws, 'report.md'), 'utf8');
    expect(markdown).toContain('<summary><b>safemodel</b> · vllm · fp8 · 1 config</summary>');
    expect(markdown).not.toMatch(/[\p{Bidi_Control}\u{E0000}-\u{E007F}]/u);
  });

  it('stops reading when the result files together pass the byte limit, and lists the rest as unreadable', async () => {
    const ws = tempWorkspace();
    // Three agg JSONs padded to 1,000 bytes each; a 2,500-byte budget reads two.
    for (let i = 0; i < 3; i++) {
      const text = JSON.stringify({ ...aggJson(i), pad: '' });
      writeFile(ws, `results/agg_${i}.json`, JSON.stringify({ ...aggJson(i), pad: 'p'.repeat(1000 - text.length) }));
      expect(readFileSync(join(ws, `results/agg_${i}.json`)).length).toBe(1000);
    }
    const loaded = await loadResults(ws, 'results', { confine: true, maxTotalBytes: 2500 });
    expect(loaded.rows).toHaveLength(2);
    expect(loaded.unreadable).toHaveLength(1);
    expect(loaded.unreadable[0]!.reason).toMatch(/together pass the 2500-byte limit/);
  });
});
