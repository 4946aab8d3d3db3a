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

describe('workflows in .github/workflows', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  for (const file of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'))) {
    it(`${file} parses and passes only declared inputs to the action`, () => {
      const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses !== './') continue;
          for (const input of Object.keys(step.with ?? {})) expect(action.inputs, `${file}: input ${input}`).toHaveProperty(input);
        }
      }
    });
  }
});
