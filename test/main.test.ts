import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionInputs } from '../src/action/inputs.js';
import { parse } from 'yaml';
import { getConfig, getUploadConfig, InputError } from '../src/main.js';
import { DEFAULT_LABELS } from '../src/core/report/gate.js';
import { tempWorkspace, writeFile } from './helpers/workspace.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function inputs(values: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  for (const [name, value] of Object.entries(values)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

describe('getConfig', () => {
  it('reads only the report inputs in mode report', () => {
    const ws = tempWorkspace();
    const event = writeFile(
      ws,
      'event.json',
      JSON.stringify({ pull_request: { number: 3, draft: false, labels: [{ name: 'sweep-enabled' }] } }),
    );
    Object.assign(process.env, {
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '11',
      GITHUB_WORKSPACE: ws,
    });
    inputs({ mode: 'report', results: 'results', 'github-token': 't' });
    const config = getConfig();
    expect(config).toMatchObject({
      mode: 'report',
      results: 'results',
      visualizerUrl: 'https://inferencex.semianalysis.com',
      labels: DEFAULT_LABELS,
      runId: '11',
      runUrl: 'https://github.com/o/r/actions/runs/11',
      owner: 'o',
      repo: 'r',
    });
    expect(config.mode === 'report' && config.event.pullRequest).toEqual({
      number: 3,
      draft: false,
      labels: ['sweep-enabled'],
    });
  });

  it('names the input in each error', () => {
    inputs({ mode: 'report', results: 'r', 'visualizer-url': 'javascript:alert(1)' });
    expect(() => getConfig()).toThrow(/input 'visualizer-url'/);
    inputs({ mode: 'report', results: 'r', 'run-id': 'abc' });
    expect(() => getConfig()).toThrow(/input 'run-id'/);
    inputs({ mode: 'aggregate' });
    expect(() => getConfig()).toThrow(InputError);
    inputs({ mode: 'job2' });
    expect(() => getConfig()).toThrow(/input 'mode' is "job2"/);
  });

  it('runs the per-job step by default and reads its inputs', () => {
    inputs({ 'gpu-metrics': 'logs/*.csv', 'result-filename': 'run', upload: 'false', 'artifact-prefix': 'h200-' });
    Object.assign(process.env, { GITHUB_WORKSPACE: '/w', GITHUB_RUN_ID: '11' });
    expect(getConfig()).toMatchObject({
      mode: 'job',
      gpuMetrics: 'logs/*.csv',
      resultFilename: 'run',
      upload: false,
      artifactPrefix: 'h200-',
      runId: '11',
      workspace: '/w',
      visualizerUrl: 'https://inferencex.semianalysis.com',
    });
    inputs({ mode: 'job', 'expected-num-gpus': 'eight' });
    expect(() => getConfig()).toThrow(/input 'expected-num-gpus'/);
  });

  it('takes the sweep run and pull request from a workflow_run event', () => {
    const ws = tempWorkspace();
    const event = writeFile(
      ws,
      'event.json',
      JSON.stringify({ workflow_run: { id: 77, pull_requests: [{ number: 5 }] } }),
    );
    Object.assign(process.env, {
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '11',
    });
    inputs({ mode: 'report', results: 'r', labels: '' });
    const config = getConfig();
    expect(config).toMatchObject({ runId: '77', labels: [], event: { name: 'workflow_run', pullRequestNumber: 5 } });
  });

  it('reads and checks the upload inputs', () => {
    inputs({});
    expect(getUploadConfig()).toEqual({ upload: true, retentionDays: undefined, artifactPrefix: '' });
    inputs({ upload: 'false', 'retention-days': '7', 'artifact-prefix': 'h200-' });
    expect(getUploadConfig()).toEqual({ upload: false, retentionDays: 7, artifactPrefix: 'h200-' });
    inputs({ 'retention-days': '0' });
    expect(() => getUploadConfig()).toThrow(/input 'retention-days'/);
    inputs({ 'artifact-prefix': 'a/b' });
    expect(() => getUploadConfig()).toThrow(/input 'artifact-prefix'/);
  });

  it('declares in action.yml every input and output the code uses', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    // Inputs come from the option schemas (checked both ways in test/commands/options.schema.test.ts); outputs from the mode adapters.
    const adapters = readdirSync('src/action')
      .map((file) => readFileSync(join('src/action', file), 'utf8'))
      .join('\n');
    const used = [...actionInputs().keys()];
    const outputs = [...adapters.matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1] as string);
    expect(outputs.length).toBeGreaterThan(10);
    for (const name of used) expect(action.inputs, `input ${name}`).toHaveProperty(name);
    for (const name of outputs) expect(action.outputs, `output ${name}`).toHaveProperty(name);
  });
});
