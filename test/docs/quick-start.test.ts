import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { artifactNames } from '../../src/github/artifacts.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

/** The README's quick start: every yaml block of the "In a workflow" section up to its first subsection, joined. */
function readmeQuickStart(): Workflow {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.search(/^## (In a workflow|Quick start)/m);
  expect(start, 'README has a quick-start section').toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + 3);
  const end = rest.search(/^##/m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const blocks = [...section.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return parse(blocks.join('')) as Workflow;
}

function workflow(file: string): Workflow {
  return parse(readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8')) as Workflow;
}

const isThisAction = (uses: string | undefined): boolean =>
  uses === './' || /^sweep-power\/sweep-power@/.test(uses ?? '');

/** Jobs that run the action's per-job step (no mode, or mode job): the ones that would burn GPUs. */
function benchmarkJobs(wf: Workflow): [string, Job][] {
  return Object.entries(wf.jobs).filter(([, job]) =>
    (job.steps ?? []).some((s) => isThisAction(s.uses) && (s.with?.mode ?? 'job') === 'job'),
  );
}
function reportJobs(wf: Workflow): [string, Job][] {
  return Object.entries(wf.jobs).filter(([, job]) =>
    (job.steps ?? []).some((s) => isThisAction(s.uses) && s.with?.mode === 'report'),
  );
}

function checkSweep(wf: Workflow): void {
  expect(Object.keys(wf.on)).toContain('pull_request');
  expect(wf.permissions).toEqual({ contents: 'read' });
  expect(wf.concurrency?.['cancel-in-progress']).toBe(true);
  // One group per pull request, so a push cancels only its own pull request's superseded run.
  expect(wf.concurrency?.group).toMatch(/github\.event\.pull_request\.number/);
  // ...and that run gets a concurrency group of its own, so it cannot cancel the sweep in progress.
  expect(wf.concurrency?.group).toMatch(/github\.event\.label\.name != '[\w-]+' && format\('-\{0\}', github\.run_id\)/);

  const benchmarks = benchmarkJobs(wf);
  expect(benchmarks.length).toBeGreaterThan(0);
  const producedNames = artifactNames('X');
  for (const [name, job] of benchmarks) {
    const condition = (job.if ?? '').replace(/\s+/g, ' ');
    expect(condition, `${name}: sweep label`).toMatch(
      /contains\(github\.event\.pull_request\.labels\.\*\.name, '[\w-]+'\)/,
    );
    expect(condition, `${name}: not a draft`).toMatch(/!github\.event\.pull_request\.draft/);
    expect(condition, `${name}: same repository`).toMatch(
      /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/,
    );
    // Another label added to a labelled pull request must not start a second sweep.
    expect(condition, `${name}: only the sweep label's own labeled event`).toMatch(
      /!\(github\.event\.action == 'labeled' && github\.event\.label\.name != '[\w-]+'\)/,
    );
    // All three must hold: an `||` would let one of them open the gate alone.
    expect(condition).not.toMatch(/\|\|/);
    expect(job.permissions, `${name}: read-only`).toEqual({ contents: 'read' });
  }

  const reports = reportJobs(wf);
  expect(reports.length).toBeGreaterThan(0);
  for (const [name, job] of reports) {
    expect(job.permissions, `${name}: comment only`).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect([job.needs].flat()).toEqual(expect.arrayContaining(benchmarks.map(([n]) => n)));
    const downloads = (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(downloads.length, `${name} downloads artifacts`).toBeGreaterThan(0);
    for (const step of downloads) {
      const pattern = String(step.with?.pattern ?? '');
      // download-artifact reads minimatch patterns: each brace alternative must match what the per-job step uploads.
      const braces = /^\{([^{}]+)\}(.*)$/.exec(pattern);
      const alternatives = braces ? (braces[1] as string).split(',').map((alt) => alt + braces[2]) : [pattern];
      for (const alternative of alternatives) {
        const prefix = alternative.replace(/\*$/, '');
        expect(
          [producedNames.bmk, producedNames.audit].some((n) => n.startsWith(prefix) && alternative.endsWith('*')),
          `${name}: pattern ${pattern}`,
        ).toBe(true);
      }
    }
  }
}

describe('the quick start is safe by default', () => {
  it("README's quick-start workflow: label, draft and same-repository gate, permissions, concurrency, artifact names", () => {
    const wf = readmeQuickStart();
    checkSweep(wf);
    expect(Object.keys(wf.jobs)).toEqual(['benchmark', 'report']);
  });

  for (const file of ['example-sweep.yml', 'example-smoke.yml']) {
    it(`.github/workflows/${file} is the same kind of workflow, run with uses: ./`, () => {
      const wf = workflow(file);
      checkSweep(wf);
      const uses = Object.values(wf.jobs)
        .flatMap((j) => (j.steps ?? []).map((s) => s.uses))
        .filter(isThisAction);
      expect(new Set(uses)).toEqual(new Set(['./']));
    });
  }

  it('the changelog gate runs on pull requests with read-only permissions and a concurrency group', () => {
    const wf = workflow('example-changelog-gate.yml');
    expect(Object.keys(wf.on)).toContain('pull_request');
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency?.['cancel-in-progress']).toBe(true);
    for (const job of Object.values(wf.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('the README names only artifact prefixes the per-job step produces', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const produced = artifactNames('X');
    const patterns = [...readme.matchAll(/pattern: ([\w*]+)/g)].map((m) => m[1] as string);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns)
      expect([produced.bmk, produced.audit].some((n) => n.startsWith(p.replace(/\*$/, '')))).toBe(true);
  });
});
