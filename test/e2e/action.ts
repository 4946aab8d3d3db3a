import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';
import { runtimeToken } from '../fakes/artifacts.js';

export const OWNER = 'acme';
export const REPO = 'sweeps';
export const TOKEN = 'ghs_FAKEtoken0123456789abcdefSECRET';
export const RUN_ID = '987654321';

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  warnings: string[];
  /** The runner's folder for this run: event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
  home: string;
}

/**
 * The log without the `::add-mask::` commands: the runner consumes those (they are how the token
 * gets masked) and never shows them; every other line must be free of the token.
 */
export function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = (lines[i] as string).match(/^([^<]+)<<(.+)$/);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
    outputs[m[1] as string] = value.join('\n');
  }
  return outputs;
}

export interface ActionSetup {
  workspace: string;
  inputs: Record<string, string>;
  eventName?: string;
  event?: Record<string, unknown>;
  env?: Record<string, string>;
  apiUrl: string;
  resultsUrl?: string;
}

/** Runs the built action (node dist/index.js) as the runner would: inputs and context in the environment. */
export async function runAction(distDir: string, setup: ActionSetup): Promise<ActionRun> {
  const home = tempWorkspace();
  const eventPath = join(home, 'event.json');
  writeFileSync(eventPath, JSON.stringify(setup.event ?? {}));
  const outputPath = writeFile(home, 'output.txt', '');
  const summaryPath = writeFile(home, 'summary.md', '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TZ: 'UTC',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: setup.eventName ?? 'pull_request',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_WORKFLOW: 'Run sweep',
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_GRAPHQL_URL: `${setup.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: home,
    SWEEP_POWER_RETRY_BASE_MS: '20',
    SWEEP_POWER_HTTP_TIMEOUT_MS: '2000',
    ...(setup.resultsUrl ? { ACTIONS_RESULTS_URL: `${setup.resultsUrl}/`, ACTIONS_RUNTIME_TOKEN: runtimeToken() } : {}),
    ...setup.env,
  };
  for (const [name, value] of Object.entries(setup.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(distDir, 'index.js')], {
    cwd: setup.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const stdout = Buffer.concat(out).toString();
  return {
    code,
    stdout,
    stderr: Buffer.concat(err).toString(),
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')),
    home,
  };
}

export function aggJson(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hw: i % 2 === 0 ? 'h200' : 'b200',
    conc: 2 ** (i % 8),
    model: 'deepseek-ai/DeepSeek-R1',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    is_multinode: false,
    disagg: false,
    power_metric_schema_version: 2,
    power_valid: 1,
    avg_power_w: 600 + i,
    total_gpu_energy_j: 288_000,
    joules_per_output_token: 9.6,
    ...extra,
  };
}

/**
 * A workspace with `n` downloaded bmk_* artifacts, each holding one agg JSON in its own folder as
 * download-artifact lays them out; `flat` puts them in one folder (creating folders is slow on some disks).
 */
export function sweepWorkspace(
  n: number,
  make: (i: number) => Record<string, unknown> = (i) => aggJson(i),
  flat = false,
): string {
  const ws = tempWorkspace();
  for (let i = 0; i < n; i++)
    writeFile(
      ws,
      flat ? `results/agg_run_${i}.json` : `results/bmk_run_${i}/agg_run_${i}.json`,
      JSON.stringify(make(i), null, 2),
    );
  return ws;
}

export function pullRequestEvent(number: number, labels: string[], draft = false): Record<string, unknown> {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, draft, labels: labels.map((name, id) => ({ id, name })) },
  };
}
