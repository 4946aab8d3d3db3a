import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BASE, benchJson, cli, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

type Json = Record<string, unknown>;

/** Runs `sweep-power aggregate` on gpu_metrics.csv over the worked window BASE..BASE+60 (30,000 output tokens). */
async function aggregate(
  csv: string,
  expectedGpus: number,
): Promise<{ code: number; agg: Json; sidecar: Json; stderr: string }> {
  const dir = tempWorkspace();
  writeFile(dir, 'gpu_metrics.csv', csv);
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', '{"hw": "h100"}');
  const run = await cli(
    [
      'aggregate',
      '--bench-result',
      'bench.json',
      '--agg-result',
      'agg.json',
      '--expected-num-gpus',
      String(expectedGpus),
    ],
    dir,
  );
  return {
    code: run.code,
    agg: readJson(join(dir, 'agg.json')),
    sidecar: readJson(join(dir, 'power_validation_bench.json')),
    stderr: run.stderr,
  };
}

/**
 * 4 GPUs at 200, 400, 600, 800 W, sampled every second from BASE-5 to BASE+65. `offsetsMs` stamps
 * each GPU's row (all 0: one shared timestamp per sample, as some nvidia-smi versions write).
 */
function telemetry(offsetsMs: number[], withIndex: boolean, drop?: (t: number, gpu: number) => boolean): string {
  const lines = [withIndex ? 'timestamp, index, power.draw [W]' : 'timestamp, power.draw [W]'];
  for (let t = BASE - 5; t <= BASE + 65; t++) {
    offsetsMs.forEach((ms, gpu) => {
      if (drop?.(t, gpu)) return;
      lines.push(`${nvidiaTimestamp(t + ms / 1000)}, ${withIndex ? `${gpu}, ` : ''}${(200 * (gpu + 1)).toFixed(2)} W`);
    });
  }
  return `${lines.join('\n')}\n`;
}

describe('aggregate: GPU identity without a GPU column', () => {
  it('per-row millisecond timestamps: 4 GPUs, not one; the energy equals the file with the index column', async () => {
    const implicit = await aggregate(telemetry([1, 4, 6, 9], false), 4);
    const explicit = await aggregate(telemetry([1, 4, 6, 9], true), 4);
    // (200 + 400 + 600 + 800) W x 60 s = 120,000 J; 120,000 J / 30,000 output tokens = 4 J/token.
    expect(implicit.agg).toMatchObject({
      power_valid: 1,
      total_gpu_energy_j: 120_000,
      avg_power_w: 500,
      joules_per_output_token: 4,
    });
    expect(implicit.agg).toEqual(explicit.agg);
    expect(implicit.sidecar.per_gpu_energy_j).toEqual(explicit.sidecar.per_gpu_energy_j);
    // Bursts touching BASE-3..BASE+63 (the window plus the 3 s margin): BASE-3 .. BASE+62, since BASE+63's starts at +1 ms.
    expect(implicit.sidecar.gpu_identity).toMatchObject({
      method: 'row_position_per_burst',
      rows_per_group: 4,
      groups: 66,
    });
    expect(explicit.sidecar.gpu_identity).toEqual({ method: 'column', column: 'index' });
  });

  it('per-row timestamps of 4 GPUs with 1 GPU expected: invalid, never a quarter of the energy marked valid', async () => {
    const r = await aggregate(telemetry([1, 4, 6, 9], false), 1);
    expect(r.code).toBe(0);
    expect(r.agg).toEqual({ hw: 'h100', power_metric_schema_version: 2, power_valid: 0 });
    expect(r.sidecar.reasons).toEqual(['gpu_identity_column_missing']);
    const message = (r.sidecar.reason_messages as Record<string, string>).gpu_identity_column_missing;
    expect(message).toContain('no GPU column');
    expect(message).toContain('has 4 row(s) where 1 GPU(s) are expected');
    expect(message).toContain('nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000');
    expect(r.sidecar.gpu_identity).toMatchObject({ method: 'none' });
    expect(r.sidecar.per_gpu_energy_j).toEqual({});
  });

  it('per-row timestamps of 4 GPUs with 8 expected: the reason names the missing GPU column, not a GPU count', async () => {
    const r = await aggregate(telemetry([1, 4, 6, 9], false), 8);
    expect(r.sidecar.reasons).toEqual(['gpu_identity_column_missing']);
  });

  it('a shared timestamp that lost one GPU row: invalid, where the next GPU used to take its place', async () => {
    const r = await aggregate(
      telemetry([0, 0, 0, 0], false, (t, gpu) => t === BASE + 30 && gpu === 1),
      4,
    );
    expect(r.agg.power_valid).toBe(0);
    expect(r.sidecar.reasons).toEqual(['gpu_identity_column_missing']);
    // Header on line 1, BASE-5 on lines 2-5: BASE+30 starts at line 2 + 35 x 4 = 142.
    expect((r.sidecar.reason_messages as Record<string, string>).gpu_identity_column_missing).toContain(
      'the timestamp at line 142 has 3 row(s)',
    );
    expect(r.stderr).toContain('gpu_identity_column_missing');
  });

  it('shared timestamps with every row present: valid, equal to the index column', async () => {
    const implicit = await aggregate(telemetry([0, 0, 0, 0], false), 4);
    const explicit = await aggregate(telemetry([0, 0, 0, 0], true), 4);
    expect(implicit.agg).toMatchObject({ power_valid: 1, total_gpu_energy_j: 120_000 });
    expect(implicit.agg).toEqual(explicit.agg);
    expect(implicit.sidecar.gpu_identity).toEqual({
      method: 'row_position_per_timestamp',
      rows_per_group: 4,
      groups: 67,
      max_step_within_group_s: null,
      min_step_between_groups_s: 1,
    });
  });
});
