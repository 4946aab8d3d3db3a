import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readJson, tempWorkspace, writeFile } from './helpers/workspace.js';

// The committed bundles, as users run them; `npm run check-dist` (CI) proves they match the sources.
const CLI = resolve('dist/cli.js');
const ACTION = resolve('dist/index.js');

function sampleWorkspace(): string {
  const dir = tempWorkspace();
  cpSync('examples/sweep', dir, { recursive: true });
  return dir;
}

describe('dist/cli.js', () => {
  it('aggregates the sample sweep', () => {
    const dir = sampleWorkspace();
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'aggregate',
        '--bench-result',
        'dsr1_fp8_h200_conc64.json',
        '--agg-result',
        'agg_dsr1_fp8_h200_conc64.json',
        '--expected-num-gpus',
        '8',
      ],
      { cwd: dir, env: { PATH: process.env.PATH, TZ: 'UTC' }, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // 8 GPUs x 600 W x 60 s = 288,000 J over 30,000 output tokens = 9.6 J/token.
    expect(readJson(join(dir, 'agg_dsr1_fp8_h200_conc64.json'))).toMatchObject({
      power_valid: 1,
      avg_power_w: 600,
      total_gpu_energy_j: 288_000,
      joules_per_output_token: 9.6,
    });
    expect(readJson(join(dir, 'power_validation_dsr1_fp8_h200_conc64.json'))).toMatchObject({
      power_valid: true,
      observed_gpu_count: 8,
    });
  });

  it('prints usage and exits 2 without a command', () => {
    const run = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage: sweep-power <command>');
  });
});

describe('dist/index.js (the action)', () => {
  function runAction(dir: string, inputs: Record<string, string>) {
    const output = writeFile(dir, 'github_output', '');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TZ: 'UTC', GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: output };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = spawnSync(process.execPath, [ACTION], { cwd: dir, env, encoding: 'utf8' });
    return { ...run, outputs: readFileSync(output, 'utf8') };
  }

  it('runs mode aggregate with workspace-relative inputs and sets outputs', () => {
    const dir = sampleWorkspace();
    const run = runAction(dir, {
      mode: 'aggregate',
      'bench-result': 'dsr1_fp8_h200_conc64.json',
      'agg-result': 'agg_dsr1_fp8_h200_conc64.json',
      'expected-num-gpus': '8',
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatch(/power-valid<<.*\n1\n/);
    expect(run.outputs).toMatch(/avg-power-w<<.*\n600\n/);
    expect(run.outputs).toMatch(/joules-per-output-token<<.*\n9\.6\n/);
  });

  it('fails with require-power when power is invalid, after writing the sidecar', () => {
    const dir = sampleWorkspace();
    const run = runAction(dir, {
      mode: 'aggregate',
      'bench-result': 'dsr1_fp8_h200_conc64.json',
      'agg-result': 'agg_dsr1_fp8_h200_conc64.json',
      'expected-num-gpus': '4',
      'require-power': 'true',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::power is invalid and require-power is set: expected_gpu_count_mismatch');
    expect(readJson(join(dir, 'power_validation_dsr1_fp8_h200_conc64.json')).reasons).toEqual([
      'expected_gpu_count_mismatch',
    ]);
  });

  it('names the input in a configuration error', () => {
    const dir = sampleWorkspace();
    const run = runAction(dir, {
      mode: 'aggregate',
      'bench-result': 'x.json',
      'agg-result': 'y.json',
      'expected-num-gpus': 'eight',
    });
    expect(run.status).toBe(1);
    // Any integer is taken in every mode (zero or negative is an audit record).
    expect(run.stdout).toMatch(/::error::input 'expected-num-gpus' is "eight"; expected an integer\n/);
  });
});

describe('npm run demo (the README first command)', () => {
  it('prints the patched agg JSON and the sidecar of the sample sweep', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const [command, ...args] = (pkg.scripts.demo as string).split(' ');
    expect(command).toBe('node');
    const run = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // 8 GPUs x 600 W x 60 s = 288,000 J; / 30,000 output tokens = 9.6 J/token.
    expect(run.stdout).toContain('"total_gpu_energy_j": 288000.0');
    expect(run.stdout).toContain('"joules_per_output_token": 9.6');
    expect(run.stdout).toContain('--- power_validation_dsr1_fp8_h200_conc64.json');
    expect(run.stdout).toContain('"power_valid": true');
  });
});
