import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The codes of the `ReasonCode` union, as written in src/core/reasons.ts. */
function declaredReasonCodes(): string[] {
  const source = read('src/core/reasons.ts');
  const union = source.slice(
    source.indexOf('export type ReasonCode'),
    source.indexOf(';', source.indexOf('export type ReasonCode')),
  );
  return [...union.matchAll(/\|\s*'([a-z_]+)'/g)].map((m) => m[1] as string);
}

/** Every code a reason table names in its first column. */
function documentedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const line of read('docs/reason-codes.md').split('\n')) {
    const first = line.match(/^\|([^|]+)\|/)?.[1] ?? '';
    for (const m of first.matchAll(/`([a-z_]+)`/g)) codes.add(m[1] as string);
  }
  return codes;
}

describe('docs/', () => {
  it('reason-codes.md has an entry, with what to do, for every reason code in src/core/reasons.ts', () => {
    const declared = declaredReasonCodes();
    expect(declared.length).toBeGreaterThan(20);
    const documented = documentedCodes();
    expect(declared.filter((code) => !documented.has(code))).toEqual([]);
    // Three columns: cause and what to do, both filled.
    for (const line of read('docs/reason-codes.md')
      .split('\n')
      .filter((l) => /^\| `/.test(l))) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells.length, line).toBe(3);
      expect(
        cells.every((c) => c.length > 0),
        line,
      ).toBe(true);
    }
  });

  it('codes the commands add to findings are documented too', () => {
    const documented = documentedCodes();
    const used = new Set<string>();
    for (const dir of ['src/core', 'src/commands', 'src/io']) {
      for (const file of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || file.includes('changelog') || file.includes('insights')) continue;
        for (const m of read(join(dir, file)).matchAll(/(?:(?:findings|reasons)\.add\(|fail\(audit,)\s*'([a-z_]+)'/g))
          used.add(m[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((code) => !documented.has(code))).toEqual([]);
  });

  it('every page in docs/ is linked from the README, and every relative link in README and docs resolves', () => {
    const readme = read('README.md');
    for (const page of readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')))
      expect(readme, page).toContain(`](docs/${page}`);
    const pages = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const broken: string[] = [];
    for (const page of pages) {
      for (const m of read(page)
        .replace(/`[^`\n]*`/g, '')
        .matchAll(/\]\(([^)#\s]+)(#[^)\s]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(page), target))) broken.push(`${page} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the contract reference lives in docs/, the README links it', () => {
    const readme = read('README.md');
    expect(read('docs/process-result-env.md')).toMatch(/\| `RUNNER_TYPE` \|/);
    expect(readme).not.toMatch(/\| `RUNNER_TYPE` \|/);
    expect(read('docs/changelog-rules.md')).toContain('**History is append-only**');
    expect(readme).not.toContain('**History is append-only**');
    expect(read('docs/metrics.md')).toMatch(/\| `avg_power_w` \|/);
    expect(read('docs/metrics.md')).toContain('](insights.md');
    expect(readme).not.toMatch(/\| `avg_power_w` \|/);
  });
});

describe('README order, for a user', () => {
  it('one paragraph, the rendered comment, the quick start, inputs and outputs per mode, permissions, then docs', () => {
    const readme = read('README.md');
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1] as string);
    expect(sections.slice(0, 5)).toEqual([
      'What it posts',
      'Quick start',
      'Inputs and outputs',
      'Permissions',
      'Documentation',
    ]);
    // Between the title and the first section: one paragraph (no blank line inside it).
    const intro = readme.slice(readme.indexOf('\n') + 1, readme.indexOf('\n## ')).trim();
    expect(intro.length).toBeGreaterThan(100);
    expect(intro).not.toContain('\n\n');
    const at = (text: string): number => readme.indexOf(text);
    expect(at('<!-- example-comment:start -->')).toBeGreaterThan(at('## What it posts'));
    expect(at('<!-- example-comment:start -->')).toBeLessThan(at('## Quick start'));
    for (const mode of ['job', 'report', 'validate-changelog', 'aggregate', 'process-result', 'aggregate-multinode']) {
      expect(at(`<!-- inputs:start mode=${mode} -->`), mode).toBeGreaterThan(at('## Inputs and outputs'));
      expect(at(`<!-- outputs:start mode=${mode} -->`), mode).toBeLessThan(at('## Permissions'));
    }
    // The permissions table names every job kind of the quick start and the baseline download.
    const permissions = readme.slice(at('## Permissions'), at('## Documentation'));
    for (const grant of ['`contents: read`', '`pull-requests: write`', '`actions: read`'])
      expect(permissions).toContain(grant);
  });
});

describe('README troubleshooting', () => {
  it('is the last section and covers time zones, the node24 runner version, re-runs, forks and permissions', () => {
    const readme = read('README.md');
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1] as string);
    expect(sections[sections.length - 1]).toBe('Troubleshooting');
    const text = readme.slice(readme.indexOf('## Troubleshooting'));
    for (const topic of [/TZ=UTC/, /2\.327\.1/, /_attempt<N>/, /fork/i, /pull-requests: write/])
      expect(text).toMatch(topic);
  });
});
