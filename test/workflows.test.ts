import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** Every `run:` script in a parsed workflow or snippet, wherever it sits. */
function runScripts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) runScripts(n, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'run' && typeof value === 'string') found.push(value);
      else runScripts(value, found);
    }
  }
  return found;
}

// `${{ }}` inside a script is spliced into the shell text before it runs: a value holding quotes or
// `$(…)` becomes code. Outputs and event fields reach scripts through `env:` instead.
describe('no expression inside a run: script', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
  for (const file of files) {
    it(`.github/workflows/${file}`, () => {
      const scripts = runScripts(parse(readFileSync(join(WORKFLOWS, file), 'utf8')));
      expect(scripts.length, `${file} has run: steps`).toBeGreaterThan(0);
      expect(scripts.filter((s) => s.includes('${{'))).toEqual([]);
    });
  }

  it('README and docs/ yaml snippets', () => {
    const pages = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const snippets = pages.flatMap((page) =>
      [...readFileSync(join(ROOT, page), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1] as string),
    );
    const scripts = snippets.flatMap((text) => runScripts(parse(text)));
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts.filter((s) => s.includes('${{'))).toEqual([]);
  });
});

describe('workflows in .github/workflows', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  for (const file of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'))) {
    it(`${file} parses and passes only declared inputs to the action`, () => {
      const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {
        jobs: Record<string, { steps?: Step[] }>;
      };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses !== './') continue;
          for (const input of Object.keys(step.with ?? {}))
            expect(action.inputs, `${file}: input ${input}`).toHaveProperty(input);
        }
      }
    });
  }
});
