import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runAction } from './action.js';
import { runnerCommands } from '../helpers/runner-commands.js';
import { tempWorkspace } from '../helpers/workspace.js';

const distDir = inject('distDir');
const ROOT = join(import.meta.dirname, '..', '..');
const ATTACKS = join(ROOT, 'test', 'fixtures', 'adversarial', 'security');
const NAME = 'dsr1_fp8_h200_conc64';

/** The sweep job's environment for process-result (README table). */
const JOB_ENV: Record<string, string> = {
  RUNNER_TYPE: 'h200',
  FRAMEWORK: 'vllm',
  PRECISION: 'fp8',
  SPEC_DECODING: 'none',
  IMAGE: 'vllm/vllm-openai:v0.11.0',
  MODEL_PREFIX: 'dsr1',
  RESULT_FILENAME: NAME,
  ISL: '1024',
  OSL: '1024',
  DISAGG: 'false',
  TP: '8',
  EP_SIZE: '1',
  DP_ATTENTION: 'false',
};

function cliRun(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(distDir, 'cli.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** A copy of one attack folder, so nothing a run writes lands in the fixtures. */
function attack(name: string): string {
  const ws = tempWorkspace();
  cpSync(join(ATTACKS, name), ws, { recursive: true });
  return ws;
}

describe('untrusted text never becomes a workflow command', () => {
  it('changelog keys past the annotation budget: the CLI prints no command', () => {
    const ws = attack('changelog-injection');
    const run = cliRun(
      [
        'validate-changelog',
        '--base-file',
        'base.yaml',
        '--head-file',
        'head.yaml',
        '--pr-number',
        '7',
        '--repo',
        'acme/sweeps',
      ],
      ws,
    );
    expect(run.code).toBe(1);
    // The hostile keys are still named, on one line each, so the author can find them.
    expect(run.output).toContain("Config key 'missing-10' not found");
    expect(run.output).toContain('warning::forged-key');
    expect(runnerCommands(run.output)).toEqual([]);
  });

  it('changelog keys past the annotation budget: the action issues only its own ten error annotations', async () => {
    const ws = attack('changelog-injection');
    const run = await runAction(distDir, {
      workspace: ws,
      inputs: { mode: 'validate-changelog', 'base-file': 'base.yaml', 'head-file': 'head.yaml' },
      event: { pull_request: { number: 7, base: { sha: 'abc' } } },
      apiUrl: 'http://127.0.0.1:9',
    });
    const commands = runnerCommands(`${run.stdout}\n${run.stderr}`);
    expect(
      commands.filter((c) => c.name === 'error' && c.line.startsWith('::error title=perf-changelog ')),
    ).toHaveLength(10);
    // Besides those: the step's failure, and nothing else (no forged warning, mask or stop-commands).
    expect(commands.filter((c) => !c.line.startsWith('::error title=perf-changelog ')).map((c) => c.name)).toEqual([
      'error',
    ]);
    expect(run.code).toBe(1);
  });

  it('a triggered config key in the "OK … triggered:" line cannot forge a legacy ##[command]', async () => {
    const ws = attack('changelog-injection');
    const cli = cliRun(
      [
        'validate-changelog',
        '--base-file',
        'base.yaml',
        '--head-file',
        'ok.yaml',
        '--pr-number',
        '7',
        '--repo',
        'acme/sweeps',
      ],
      ws,
    );
    expect(runnerCommands(cli.output)).toEqual([]);
    const run = await runAction(distDir, {
      workspace: ws,
      inputs: { mode: 'validate-changelog', 'base-file': 'base.yaml', 'head-file': 'ok.yaml' },
      event: { pull_request: { number: 7, base: { sha: 'abc' } } },
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(
      runnerCommands(`${run.stdout}\n${run.stderr}`).filter(
        (c) => /forged/.test(c.line) && !c.line.startsWith('::error title=perf-changelog '),
      ),
    ).toEqual([]);
  });

  it('result JSON keys quoted in process-result problems: no command from the CLI or the action', async () => {
    const ws = attack('process-result-keys');
    const cli = cliRun(['process-result'], ws, JOB_ENV);
    expect(cli.output).toContain('forged');
    expect(runnerCommands(cli.output)).toEqual([]);
    const run = await runAction(distDir, {
      workspace: attack('process-result-keys'),
      inputs: { mode: 'process-result' },
      env: JOB_ENV,
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(`${run.stdout}`).toContain('forged');
    expect(
      runnerCommands(`${run.stdout}\n${run.stderr}`)
        .map((c) => c.name)
        .filter((n) => !['group', 'endgroup', 'error', 'warning'].includes(n)),
    ).toEqual([]);
    expect(
      runnerCommands(`${run.stdout}\n${run.stderr}`).filter(
        (c) => c.name === 'warning' || /##\[/.test(c.line) || c.data.startsWith('forged'),
      ),
    ).toEqual([]);
  });

  it('a discovered result file name holding line breaks: job mode logs it on one line', async () => {
    const ws = tempWorkspace();
    const evil = 'r\n::add-mask::forged\r::warning::forged\u2028##[error]forged';
    cpSync(join(ROOT, 'examples', 'sweep', 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
    const bench = JSON.parse(readFileSync(join(ROOT, 'examples', 'sweep', `${NAME}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    cpSync(join(ROOT, 'examples', 'sweep', `${NAME}.json`), join(ws, `${evil}.json`));
    expect(bench.benchmark_start_time_unix).toBeDefined();
    const env = { ...JOB_ENV };
    delete (env as Record<string, string | undefined>).RESULT_FILENAME;
    const run = await runAction(distDir, {
      workspace: ws,
      inputs: { mode: 'job', upload: 'false' },
      env,
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(run.stdout).toContain('forged');
    const commands = runnerCommands(`${run.stdout}\n${run.stderr}`);
    expect(commands.filter((c) => c.name === 'add-mask' || /##\[/.test(c.line) || c.data.startsWith('forged'))).toEqual(
      [],
    );
  });
});

describe('config keys never carry shell syntax into the configs output', () => {
  it('refuses master config keys with quotes, $, ; or backticks, each at its line, and triggers nothing', async () => {
    const ws = attack('config-keys');
    const cli = cliRun(
      [
        'validate-changelog',
        '--base-file',
        'base.yaml',
        '--head-file',
        'head.yaml',
        '--pr-number',
        '7',
        '--repo',
        'acme/sweeps',
        '--output-configs',
        'configs.json',
      ],
      ws,
    );
    expect(cli.code).toBe(1);
    for (const line of [3, 5, 7, 9])
      expect(cli.output).toMatch(
        new RegExp(`configs/a-master\\.yaml:${line}:1: config key .* holds characters other than letters, digits`),
      );
    expect(readFileSync(join(ws, 'configs.json'), 'utf8')).toBe('[]\n');
    const run = await runAction(distDir, {
      workspace: attack('config-keys'),
      inputs: { mode: 'validate-changelog', 'base-file': 'base.yaml', 'head-file': 'head.yaml' },
      event: { pull_request: { number: 7, base: { sha: 'abc' } } },
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(run.code).toBe(1);
    expect(run.outputs.configs).toBe('[]');
  });
});
