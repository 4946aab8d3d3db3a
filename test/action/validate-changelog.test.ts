import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/main.js';
import { REPO, changelog, entry, link, masterConfig } from '../helpers/changelog.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));
const savedEnv = { ...process.env };
// @actions/core caches the summary path for the life of the process, so every test writes to one file.
const summaryDir = mkdtempSync(join(tmpdir(), 'sweep-power-summary-'));
const summaryPath = join(summaryDir, 'summary.md');
afterAll(() => rmSync(summaryDir, { recursive: true, force: true }));

afterEach(() => {
  process.env = { ...savedEnv };
  // Node keeps a numeric exit code once set; 0 is the neutral value.
  process.exitCode = 0;
  vi.restoreAllMocks();
});

interface ActionRun {
  stdout: string;
  summary: string;
  outputs: string;
  exitCode: number | undefined;
}

/** Runs the action's entry in-process, as the runner would, with a pull_request event for PR #7. */
async function runAction(head: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const dir = tempWorkspace();
  writeFile(dir, 'configs/a-master.yaml', masterConfig());
  writeFile(dir, 'base.yaml', HISTORY);
  writeFile(dir, 'perf-changelog.yaml', head);
  writeFileSync(summaryPath, '');
  const outputPath = writeFile(dir, 'output.txt', '');
  const eventPath = writeFile(dir, 'event.json', JSON.stringify({ pull_request: { number: 7, base: { sha: 'abc' } } }));
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    INPUT_MODE: 'validate-changelog',
    'INPUT_BASE-FILE': 'base.yaml',
    'INPUT_HEAD-FILE': 'perf-changelog.yaml',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  process.exitCode = 0;
  await run();
  vi.mocked(process.stdout.write).mockRestore();
  return {
    stdout: written.join(''),
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: readFileSync(outputPath, 'utf8'),
    exitCode: process.exitCode as number | undefined,
  };
}

describe('action mode validate-changelog', () => {
  it('annotates problems at file, line and column, using the PR number of the event', async () => {
    const result = await runAction(changelog(HISTORY, entry('dsv4-fp4-b200-vlm', link(6))));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error title=perf-changelog config_key_unmatched,file=perf-changelog.yaml,line=14,col=7::Config key 'dsv4-fp4-b200-vlm' not found in master configs",
    );
    expect(result.stdout).toContain(
      '::error title=perf-changelog pr_link,file=perf-changelog.yaml,line=17,col=12::new PR entry must use https://github.com/acme/sweeps/pull/7 or an XXX placeholder (which the merge fills in); found "https://github.com/acme/sweeps/pull/6": it points at pull request #6',
    );
    expect(result.summary).toContain('❌ perf-changelog.yaml: 2 problems');
    expect(result.summary).toContain('<code>perf-changelog.yaml:14:7</code>');
    expect(result.outputs).toMatch(/configs<<(\S+)\n\[\]\n\1/);
  });

  it('annotates the first ten problems and lists all of them in the summary', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `missing-config-${i}`);
    const result = await runAction(changelog(HISTORY, entry(keys, 'XXX')));
    expect(result.stdout.match(/^::error title=perf-changelog /gm)).toHaveLength(10);
    expect(result.stdout).toContain("perf-changelog.yaml:25:7: Config key 'missing-config-11'");
    expect(result.summary.match(/<code>perf-changelog\.yaml:\d+:7<\/code>/g)).toHaveLength(12);
    expect(result.summary).toContain('The first 10 are annotated on the diff; all are listed here.');
  });

  it('passes, writes the configs output and a table of the new entries', async () => {
    const result = await runAction(
      changelog(HISTORY, entry(['dsr1-fp8-*-sglang'], 'XXX', '  evals-only: true\n', 'Bump sglang')),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('::error');
    expect(result.outputs).toMatch(/configs<<(\S+)\n\["dsr1-fp8-h200-sglang","dsr1-fp8-b200-sglang"\]\n\1/);
    expect(result.summary).toContain('✅ perf-changelog.yaml: the change passes the changelog gate');
    // Changelog text is escaped for markdown ('-' and '*' become '\\-' and '\\*'), so it renders as written.
    expect(result.summary).toContain(
      '| 13 | <code>dsr1\\-fp8\\-\\*\\-sglang</code> | <code>dsr1\\-fp8\\-\\*\\-sglang</code> → <code>dsr1\\-fp8\\-h200\\-sglang</code>, <code>dsr1\\-fp8\\-b200\\-sglang</code> | evals-only | XXX | Bump sglang |',
    );
    expect(result.summary).not.toContain('dsr1-fp8-h200-sglang</code>');
  });

  it('reads only its own inputs: aggregate inputs are not required', async () => {
    const result = await runAction(HISTORY);
    expect(result.stdout).toBe('perf-changelog.yaml: OK; no change to the changelog\n');
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain('No new entries; no configs triggered.');
  });

  it('names a bad input', async () => {
    const result = await runAction(HISTORY, { 'pr-number': 'seven' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error::input \'pr-number\' is "seven"; expected a positive integer');
  });
});

describe('action mode validate-changelog on git', () => {
  it('takes the base commit and PR number from the pull_request event', async () => {
    const dir = tempWorkspace();
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        { cwd: dir, encoding: 'utf8' },
      ).trim();
    git('init', '-q', '-b', 'main');
    writeFile(dir, 'configs/a-master.yaml', masterConfig());
    writeFile(dir, 'perf-changelog.yaml', HISTORY);
    git('add', '.');
    git('commit', '-qm', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    writeFile(dir, 'perf-changelog.yaml', changelog(HISTORY, entry('dsv4-fp4-b200-vllm', link(8))));
    git('commit', '-qam', 'head');
    const outputPath = writeFile(dir, 'output.txt', '');
    writeFileSync(summaryPath, '');
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
    Object.assign(process.env, {
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_EVENT_PATH: writeFile(
        dir,
        'event.json',
        JSON.stringify({ pull_request: { number: 8, base: { sha: baseSha } } }),
      ),
      GITHUB_REPOSITORY: REPO,
      INPUT_MODE: 'validate-changelog',
    });
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    process.exitCode = 0;
    await run();
    vi.mocked(process.stdout.write).mockRestore();
    expect(written.join('')).toBe('perf-changelog.yaml: OK; 1 new entry; 1 config triggered: dsv4-fp4-b200-vllm\n');
    expect(process.exitCode).toBe(0);
    expect(readFileSync(outputPath, 'utf8')).toContain('["dsv4-fp4-b200-vllm"]');
  });
});
