import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, benchJson, cli, grid, nvidiaCsv, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const AGG = '{\n  "hw": "h200",\n  "conc": 64\n}';

function worked(dir: string): void {
  // Warmup at 100 W before the window, 600 W inside, eval at 200 W after.
  writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 20, BASE + 90, 8, (t) => (t < BASE ? 100 : t <= BASE + 60 ? 600 : 200))));
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', AGG);
}

describe('sweep-power aggregate', () => {
  it('computes the worked example: 8 GPUs x 600 W x 60 s / 30,000 tokens = 9.6 J/token', async () => {
    const dir = tempWorkspace();
    worked(dir);
    const run = await cli(['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'], dir);
    expect(run.code).toBe(0);
    const agg = readJson(join(dir, 'agg.json'));
    expect(agg).toEqual({
      hw: 'h200',
      conc: 64,
      power_metric_schema_version: 2,
      power_valid: 1,
      avg_power_w: 600,
      avg_total_gpu_power_w: 4800,
      total_gpu_energy_j: 288_000,
      joules_per_successful_query: 2880, // 288,000 J / 100 queries
      joules_per_input_token: 4.8, // 288,000 J / 60,000 tokens
      joules_per_output_token: 9.6,
      joules_per_total_token: 3.2, // 288,000 J / 90,000 tokens
    });
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.power_valid).toBe(true);
    expect(sidecar.observed_gpu_count).toBe(8);
    expect(run.stdout).toContain('avg_power_w=600.00');
  });

  it('writes Python-style floats and keeps unrelated keys byte for byte', async () => {
    const dir = tempWorkspace();
    worked(dir);
    writeFile(dir, 'agg.json', '{\n  "x": 1.0,\n  "2": [1, 2],\n  "big": 12345678901234567890\n}');
    await cli(['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'], dir);
    const text = readFileSync(join(dir, 'agg.json'), 'utf8');
    expect(text.startsWith('{\n  "x": 1.0,\n  "2": [1, 2],\n  "big": 12345678901234567890,\n  "power_metric_schema_version": 2,\n  "power_valid": 1,\n  "avg_power_w": 600.0,')).toBe(true);
  });
});
