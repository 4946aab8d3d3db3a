import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, changelog, entry, link, masterConfig } from '../helpers/changelog.js';
import { cli, tempWorkspace, writeFile } from '../helpers/workspace.js';

const HISTORY = changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('gptoss-fp4-h100-vllm', link(2)));

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Sweep Tester', '-c', 'user.email=tester@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, encoding: 'utf8' },
  );
}

/** A repository whose first commit holds the history and master configs, and whose second commit changes the changelog. */
function repository(head: string | Buffer): string {
  const dir = tempWorkspace();
  git(dir, 'init', '-q', '-b', 'main');
  writeFile(dir, 'configs/a-master.yaml', masterConfig());
  writeFile(dir, 'perf-changelog.yaml', HISTORY);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  writeFile(dir, 'perf-changelog.yaml', head);
  git(dir, 'commit', '-qam', 'head');
  return dir;
}

describe('sweep-power validate-changelog on git refs', () => {
  it('passes an appended entry and writes the triggered configs as JSON', async () => {
    const dir = repository(changelog(HISTORY, entry(['dsr1-fp8-*-sglang'], link(7))));
    const run = await cli(
      ['validate-changelog', '--base-ref', 'HEAD~1', '--pr-number', '7', '--output-configs', 'configs.json'],
      dir,
      { GITHUB_REPOSITORY: REPO },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'perf-changelog.yaml: OK; 1 new entry; 2 configs triggered: dsr1-fp8-h200-sglang, dsr1-fp8-b200-sglang',
    );
    expect(JSON.parse(readFileSync(join(dir, 'configs.json'), 'utf8'))).toEqual([
      'dsr1-fp8-h200-sglang',
      'dsr1-fp8-b200-sglang',
    ]);
  });

  it('prints every problem as file:line:col: message and exits 1', async () => {
    const dir = repository(changelog(HISTORY.replace('"Update"', '"Updated"'), entry(['dsv4-fp4-b200-vlm'], link(6))));
    const run = await cli(
      [
        'validate-changelog',
        '--base-ref',
        'HEAD~1',
        '--pr-number',
        '7',
        '--repo',
        REPO,
        '--output-configs',
        'configs.json',
      ],
      dir,
    );
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'configs.json'), 'utf8')).toBe('[]\n');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^perf-changelog\.yaml:4:14: entry 1 changed; existing entries are immutable except for pr-link-only corrections: its description differs from the base here \(base line 4, column 14: /,
    );
    expect(lines.slice(1)).toEqual([
      "perf-changelog.yaml:14:7: Config key 'dsv4-fp4-b200-vlm' not found in master configs (configs/*-master.yaml); closest: dsv4-fp4-b200-vllm, dsv4-fp4-gb200-vllm.",
      'perf-changelog.yaml:17:12: new PR entry must use https://github.com/acme/sweeps/pull/7 or an XXX placeholder (which the merge fills in); found "https://github.com/acme/sweeps/pull/6": it points at pull request #6, but this change is pull request #7.',
      'perf-changelog.yaml: 3 problems; the change is rejected.',
    ]);
  });

  it('reads the master configs at the head ref', async () => {
    const dir = repository(changelog(HISTORY, entry('brand-new-config', 'XXX')));
    expect(
      (await cli(['validate-changelog', '--base-ref', 'HEAD~1', '--pr-number', '7', '--repo', REPO], dir)).code,
    ).toBe(1);
    writeFile(dir, 'configs/a-master.yaml', masterConfig(['brand-new-config']));
    git(dir, 'commit', '-qam', 'add config');
    const run = await cli(['validate-changelog', '--base-ref', 'HEAD~2', '--pr-number', '7', '--repo', REPO], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('reads refs in a bare repository, where paths cannot be relative', async () => {
    const dir = repository(changelog(HISTORY, entry('dsv4-fp4-b200-vllm', link(7))));
    const bare = tempWorkspace();
    git(bare, 'clone', '-q', '--bare', dir, '.');
    const run = await cli(['validate-changelog', '--base-ref', 'HEAD~1', '--pr-number', '7', '--repo', REPO], bare);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 config triggered: dsv4-fp4-b200-vllm');
  });

  it('names a base ref that does not exist and exits 1', async () => {
    const dir = repository(changelog(HISTORY, entry('dsv4-fp4-b200-vllm', 'XXX')));
    const run = await cli(['validate-changelog', '--base-ref', 'origin/nope', '--pr-number', '7', '--repo', REPO], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "perf-changelog.yaml:1:1: base: ref 'origin/nope' does not exist in this repository; fetch it first",
    );
  });

  it('refuses a changelog over the size cap at a ref without reading it', async () => {
    const dir = repository(Buffer.alloc(5 * 1024 * 1024, 'a'));
    const run = await cli(['validate-changelog', '--base-ref', 'HEAD~1', '--repo', REPO], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('perf-changelog.yaml at HEAD is 5,242,880 bytes, over the 4 MiB limit');
  });
});

describe('sweep-power validate-changelog on plain files', () => {
  function files(head: string | Buffer): string {
    const dir = tempWorkspace();
    writeFile(dir, 'configs/a-master.yaml', masterConfig());
    writeFile(dir, 'base.yaml', HISTORY);
    writeFile(dir, 'perf-changelog.yaml', head);
    return dir;
  }
  const args = [
    'validate-changelog',
    '--base-file',
    'base.yaml',
    '--head-file',
    'perf-changelog.yaml',
    '--pr-number',
    '7',
    '--repo',
    REPO,
  ];

  it('validates files outside git, with master configs from the working tree', async () => {
    const run = await cli(args, files(changelog(HISTORY, entry('gptoss-fp4-*-vllm', 'XXX'))));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 configs triggered: gptoss-fp4-h100-vllm, gptoss-fp4-b200-vllm');
  });

  it('reports all problems of one change in one run', async () => {
    const head = changelog(
      HISTORY,
      entry('dsv4-fp4-b200-vlm', link(6), '  evals-only: maybe\n'),
      entry('dsr1-fp4-b200-trt', 'XXX').replace('  pr-link', '  pr_link'),
    );
    const run = await cli(args, files(head));
    expect(run.code).toBe(1);
    expect(
      run.stderr
        .split('\n')
        .filter((l) => /^perf-changelog\.yaml:\d+:\d+: /.test(l))
        .map((l) => l.split(': ')[0]),
    ).toEqual([
      'perf-changelog.yaml:14:7',
      'perf-changelog.yaml:17:15',
      'perf-changelog.yaml:18:12',
      'perf-changelog.yaml:20:1',
      'perf-changelog.yaml:24:3',
    ]);
  });

  it("on the InferenceX PR 1717 excerpt names the rewritten pr-link line, not the base's missing newline", async () => {
    const fixture = join(import.meta.dirname, '../fixtures/changelog-pr1717');
    const dir = tempWorkspace();
    writeFile(dir, 'configs/amd-master.yaml', masterConfig(['dsv4-fp4-mi355x-atom']));
    writeFile(dir, 'base.yaml', readFileSync(join(fixture, 'base.yaml')));
    writeFile(dir, 'perf-changelog.yaml', readFileSync(join(fixture, 'head.yaml')));
    const run = await cli(
      [
        'validate-changelog',
        '--base-file',
        'base.yaml',
        '--head-file',
        'perf-changelog.yaml',
        '--pr-number',
        '1717',
        '--repo',
        'SemiAnalysisAI/InferenceX',
      ],
      dir,
    );
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^perf-changelog\.yaml:17:1: Found deleted line: {3}pr-link: https:\/\/github\.com\/SemiAnalysisAI\/InferenceX\/pull\/1798 /,
    );
    expect(lines[1]).toMatch(
      /^perf-changelog\.yaml:18:1: new changelog entries must be separated from history by one empty line/,
    );
    expect(lines.slice(2)).toEqual(['perf-changelog.yaml: 2 problems; the change is rejected.']);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['validate-changelog', '--head-file', 'x'], tempWorkspace())).code).toBe(2);
    expect((await cli(['validate-changelog', '--base-file', 'x', '--pr-number', 'seven'], tempWorkspace())).code).toBe(
      2,
    );
  });
});

describe('hostile input stays bounded', () => {
  // Each case must end with the located message of the limit it hit (no wall-clock bound here: speed is
  // measured in `npm run bench`); an input that made the parser run away would hit the test timeout.
  function files(head: string | Buffer): string {
    const dir = tempWorkspace();
    writeFile(dir, 'configs/a-master.yaml', masterConfig());
    writeFile(dir, 'base.yaml', HISTORY);
    writeFile(dir, 'perf-changelog.yaml', head);
    return dir;
  }
  const args = ['validate-changelog', '--base-file', 'base.yaml', '--head-file', 'perf-changelog.yaml', '--repo', REPO];

  it('stops a YAML alias bomb', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const bomb = changelog(
      HISTORY,
      `- config-keys:\n    - x\n  description:\n    - y\n  pr-link: XXX\n  bomb:\n${levels.map((l) => `    ${l}`).join('\n')}\n`,
    );
    const run = await cli(args, files(bomb));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/perf-changelog\.yaml:20:\d+: YAML aliases expand past 100 copies/);
  });

  it('refuses a 50 MB changelog before reading it', async () => {
    const run = await cli(args, files(Buffer.alloc(50 * 1024 * 1024, 'a')));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'perf-changelog.yaml:1:1: perf-changelog.yaml is 52,428,800 bytes, over the 4 MiB limit for a changelog; nothing was checked.',
    );
  });

  it('stops deep flow nesting and deep one-line block nesting quickly', async () => {
    for (const deep of [`- ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`, `${'? '.repeat(1_000_000)}x\n`]) {
      const run = await cli(args, files(deep));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /perf-changelog\.yaml:1:\d+: .*(nest deeper than 32 levels|nested block indicators on one line)/,
      );
    }
  });

  it('stops indentation nested two thousand levels deep with one located message', async () => {
    const deep = `- config-keys:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * (i + 1))}k:`).join('\n')} x\n`;
    const run = await cli(args, files(deep));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^perf-changelog\.yaml:\d+:\d+: the YAML nests too deeply to read here/m);
    expect(run.stderr.match(/nests too deeply/g)).toHaveLength(1);
  });

  it('rejects bytes that are not UTF-8 with their line', async () => {
    const run = await cli(
      args,
      files(
        Buffer.concat([
          Buffer.from(`${HISTORY}\n- config-keys:\n    - `),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('\n'),
        ]),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('perf-changelog.yaml:14:7: is not UTF-8: byte 0xFF is not valid UTF-8');
  });
});
