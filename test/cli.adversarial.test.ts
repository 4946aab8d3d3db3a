import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, masterConfig } from './helpers/changelog.js';
import { cli, tempWorkspace, writeFile } from './helpers/workspace.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'adversarial');

interface ChangelogCase {
  file: string;
  what: string;
  exit: 0 | 1;
  /** `line:col`, reason code, a fragment of the message. */
  problems: [string, string, string][];
  stdout?: string;
}
interface ChangelogManifest {
  base: string;
  max_ms: number;
  cases: ChangelogCase[];
}

const changelogs = JSON.parse(readFileSync(join(CORPUS, 'changelog-manifest.json'), 'utf8')) as ChangelogManifest;

describe('adversarial changelogs (test/fixtures/adversarial/changelog-manifest.json)', () => {
  it('lists every checked-in changelog exactly once', () => {
    const present = readdirSync(CORPUS)
      .filter((f) => f.startsWith('changelog-') && f.endsWith('.yaml') && f !== changelogs.base)
      .sort();
    expect(changelogs.cases.map((c) => c.file).sort()).toEqual(present);
  });

  for (const entry of changelogs.cases) {
    it(`${entry.file}: ${entry.what}`, async () => {
      const dir = tempWorkspace();
      const base = readFileSync(join(CORPUS, changelogs.base));
      const head = readFileSync(join(CORPUS, entry.file));
      writeFile(dir, 'configs/a-master.yaml', masterConfig());
      writeFile(dir, 'base.yaml', base);
      writeFile(dir, 'perf-changelog.yaml', head);
      const started = performance.now();
      const run = await cli(
        [
          'validate-changelog',
          '--base-file',
          'base.yaml',
          '--head-file',
          'perf-changelog.yaml',
          '--pr-number',
          '7',
          '--repo',
          'acme/sweeps',
        ],
        dir,
      );
      expect(performance.now() - started).toBeLessThan(changelogs.max_ms);
      expect(run.code).toBe(entry.exit);
      if (entry.stdout !== undefined) expect(run.stdout).toBe(entry.stdout);
      const printed = run.stderr
        .split('\n')
        .filter((line) => line.startsWith('perf-changelog.yaml:') && /^perf-changelog\.yaml:\d+:\d+: /.test(line));
      expect(printed).toHaveLength(entry.problems.length);
      entry.problems.forEach(([at, , fragment], i) => {
        expect(printed[i]).toMatch(new RegExp(`^perf-changelog\\.yaml:${at}: `));
        expect(printed[i]).toContain(fragment);
      });
      // The pure gate gives the same located reason codes.
      const verdict = check(base, head);
      expect(verdict.problems.map((p) => [`${p.line}:${p.column}`, p.code])).toEqual(
        entry.problems.map(([at, code]) => [at, code]),
      );
    });
  }
});

interface ReportManifest {
  results: string;
  run_id: string;
  exit: number;
  stdout_lines: string[];
  absent: string[];
}

const report = JSON.parse(readFileSync(join(CORPUS, 'report-manifest.json'), 'utf8')) as ReportManifest;

describe('adversarial result values through sweep-power report (test/fixtures/adversarial/report-manifest.json)', () => {
  it('renders markdown, HTML, mentions, references and the comment marker in agg and sidecar values inert', async () => {
    const dir = tempWorkspace();
    cpSync(join(CORPUS, report.results), join(dir, report.results), { recursive: true });
    const run = await cli(
      ['report', '--results', report.results, '--run-id', report.run_id, '--out', 'report.md'],
      dir,
    );
    expect(run.code).toBe(report.exit);
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    const lines = markdown.split('\n');
    for (const line of report.stdout_lines) expect(lines).toContain(line);
    for (const text of report.absent) expect(markdown).not.toContain(text);
    // The injected "| injected | row |" stays inside its cell: two table rows, eleven separators each, like their headers.
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Hardware'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(12);
  });
});
