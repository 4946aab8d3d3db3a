import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS, SCHEMAS } from '../../src/commands/modes.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Code lines of a source file, without comment lines (doc comments may show a CLI call). */
function codeLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
}

describe('messages of the commands and the layers below them', () => {
  // The CLI says `--csv`, the action says input `csv`: only the entries know which, so the shared code names
  // options by their bare name and leaves the vocabulary to src/cli-run.ts and src/action/.
  it('never name a CLI flag', () => {
    const names = new Set(
      [...ACTION_INPUTS, ...Object.values(SCHEMAS).flatMap((schema) => schema.options)].map((o) => o.name),
    );
    expect(names.size).toBeGreaterThan(20);
    const flag = new RegExp(`--(${[...names].join('|')})\\b`);
    const offending: string[] = [];
    for (const dir of ['src/core', 'src/io', 'src/commands']) {
      for (const file of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || file.endsWith('.options.ts')) continue;
        for (const line of codeLines(join(ROOT, dir, file)))
          if (flag.test(line)) offending.push(`${dir}/${file}: ${line.trim()}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
