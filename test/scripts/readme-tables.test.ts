import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'readme-tables.mjs');
const readme = (): string => readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Names in the first column of the README's generated tables, per kind. */
function tabled(kind: 'inputs' | 'outputs'): Set<string> {
  const names = new Set<string>();
  for (const m of readme().matchAll(
    new RegExp(`<!-- ${kind}:start mode=[a-z-]+ -->\\n([\\s\\S]*?)<!-- ${kind}:end -->`, 'g'),
  )) {
    for (const row of (m[1] as string).matchAll(/^\| `([a-z-]+)` \|/gm)) names.add(row[1] as string);
  }
  return names;
}

describe('README input and output tables', () => {
  it('every input and output of action.yml is in a table', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const inputs = tabled('inputs');
    const outputs = tabled('outputs');
    expect(Object.keys(action.inputs).filter((name) => !inputs.has(name))).toEqual([]);
    expect(Object.keys(action.outputs).filter((name) => !outputs.has(name))).toEqual([]);
    // Every mode has both tables.
    for (const mode of ['job', 'aggregate', 'process-result', 'aggregate-multinode', 'report', 'validate-changelog']) {
      expect(readme()).toContain(`<!-- inputs:start mode=${mode} -->`);
      expect(readme()).toContain(`<!-- outputs:start mode=${mode} -->`);
    }
  });

  it('the tables are what scripts/readme-tables.mjs generates from action.yml (no drift)', async () => {
    const check = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    // The check does fail on drift: a README with a row left out differs from what the script writes.
    const { fill, tables } = (await import(SCRIPT)) as {
      fill: (text: string, t: unknown) => string;
      tables: () => Promise<unknown>;
    };
    const generated = await tables();
    const drifted = readme().replace(/^\| `artifact-prefix` \|.*\n/m, '');
    expect(drifted).not.toBe(readme());
    expect(fill(drifted, generated)).toBe(readme());
  });

  it('the example comment is what `report` prints for examples/report, and a stale copy is rewritten', async () => {
    const { fill, tables, exampleComment } = (await import(SCRIPT)) as {
      fill: (text: string, t: unknown, comment?: string) => string;
      tables: () => Promise<unknown>;
      exampleComment: () => Promise<string>;
    };
    const comment = await exampleComment();
    // The sample sweep: 7 configs (one with a sampling gap), compared with a baseline of 7.
    expect(comment).toContain('**7 configs** · ✅ 6 valid · ❌ 1 invalid');
    expect(comment).toMatch(/\*\*Verdicts:\*\* 🔴 1 regression · 🟢 1 improvement/);
    const block = /<!-- example-comment:start -->\n([\s\S]*?)<!-- example-comment:end -->/.exec(readme())?.[1];
    expect(block?.trim()).toBe(comment);
    const stale = readme().replace('**7 configs**', '**6 configs**');
    expect(stale).not.toBe(readme());
    expect(fill(stale, await tables(), comment)).toBe(readme());
  });
});
