import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, readJson, tempWorkspace } from './helpers/workspace.js';

const EXAMPLE = join(import.meta.dirname, '..', 'examples', 'multinode');

function jobEnv(): Record<string, string> {
  const lines = readFileSync(join(EXAMPLE, 'job.env'), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('examples/multinode', () => {
  it('process-result attaches role energy: 2 prefill GPUs at 450 W + 4 decode GPUs at 650 W for 20 s', async () => {
    const dir = tempWorkspace();
    cpSync(EXAMPLE, dir, { recursive: true });
    const run = await cli(['process-result'], dir, jobEnv());
    expect(run.stderr).not.toMatch(/Power validation failed|problem/);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg_dsr1_fp4_gb200_disagg_conc4.json'));
    expect(JSON.parse(run.stdout)).toEqual(agg);
    // Samples alternate +-5 W around each GPU's level, so every 2 s of the window averages out exactly.
    expect(agg).toMatchObject({
      disagg: true,
      tput_per_gpu: 6144, // 36,864 tok/s / 6 GPUs
      output_tput_per_gpu: 1024, // 4,096 / 4 decode GPUs
      input_tput_per_gpu: 16384, // 32,768 / 2 prefill GPUs
      power_valid: 1,
      total_gpu_energy_j: 70000, // (2 x 450 + 4 x 650) W x 20 s
      prefill_gpu_energy_j: 18000,
      decode_gpu_energy_j: 52000,
      avg_power_w: 583.333, // 3,500 W / 6
      decode_joules_per_output_token: 0.634766, // 52,000 J / 81,920 tokens
    });
  });
});
