import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, benchJson, cli, grid, nvidiaCsv, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

/** `amd-smi metric -E --csv` as measured on MI355X: N/A cells, the counter in the last column. */
const SNAPSHOT_HEADER =
  'gpu,socket_power,gfx_voltage,soc_voltage,mem_voltage,throttle_status,power_management,total_energy_consumption';
const snapshot = (rows: Array<[string, string]>): string =>
  `${SNAPSHOT_HEADER}\n${rows.map(([gpu, joules]) => `${gpu},238,N/A,N/A,N/A,N/A,ENABLED,${joules}`).join('\n')}\n`;

/** 2 GPUs at 600 W sampled every second over BASE-5..BASE+65: 70 s x 600 W = 42,000 J each over the whole stream. */
function workspace(): string {
  const dir = tempWorkspace();
  writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 5, BASE + 65, 2, () => 600)));
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', '{\n  "hw": "mi355x"\n}');
  return dir;
}

async function aggregate(dir: string) {
  const run = await cli(
    ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'],
    dir,
  );
  expect(run.code).toBe(0);
  return {
    sidecar: readJson(join(dir, 'power_validation_bench.json')),
    text: readFileSync(join(dir, 'power_validation_bench.json'), 'utf8'),
    agg: readJson(join(dir, 'agg.json')),
  };
}

describe('sweep-power aggregate: advisory energy-counter cross-check', () => {
  it('is null without energy snapshots', async () => {
    const { sidecar } = await aggregate(workspace());
    expect(sidecar).toHaveProperty('accumulator_check', null);
  });

  it('compares counter deltas with the whole-stream integral, floats written as Python writes them', async () => {
    const dir = workspace();
    // GPU 0 counted 42,000 J, GPU 1 41,000 J; GPU 2 is in the start snapshot only; GPU 3 reads N/A at the end.
    writeFile(
      dir,
      'gpu_metrics_energy_start.csv',
      snapshot([
        ['0', '1000000.0'],
        ['1', '2000000'],
        ['2', '5'],
        ['3', '7'],
      ]),
    );
    writeFile(
      dir,
      'gpu_metrics_energy_end.csv',
      snapshot([
        ['0', '1042000.0'],
        ['1', '2041000'],
        ['3', 'N/A'],
      ]),
    );
    const { sidecar, text, agg } = await aggregate(dir);
    // |83,000 - 84,000| / 83,000 = 0.012048..., inside the 5 % tolerance.
    expect(sidecar.accumulator_check).toEqual({
      available: true,
      accumulator_delta_j: 83000,
      integrated_stream_j: 84000,
      relative_error: 1000 / 83000,
      within_tolerance: true,
      tolerance: 0.05,
      per_gpu_delta_j: { '0': 42000, '1': 41000 },
      integrated_gpu_ids: ['0', '1'],
      unmatched_gpus: ['2', '3'],
      negative_delta_gpus: [],
      stream_span_s: 70,
    });
    expect(text).toContain('"accumulator_delta_j": 83000.0,');
    expect(text).toContain('"integrated_stream_j": 84000.0,');
    expect(text).toContain('"stream_span_s": 70.0\n');
    expect(text).toContain('"0": 42000.0,');
    // The key sits where the reference puts it: after device_issues.
    const keys = Object.keys(sidecar);
    expect(keys.indexOf('accumulator_check')).toBe(keys.indexOf('device_issues') + 1);
    // Window energy for the verdict is unchanged: 2 x 600 W x 60 s.
    expect(agg.total_gpu_energy_j).toBe(72000);
    expect(text).toContain('"total_gpu_energy_j": 72000.0');
  });

  it('flags a counter that went backwards without touching the verdict', async () => {
    const dir = workspace();
    writeFile(
      dir,
      'gpu_metrics_energy_start.csv',
      snapshot([
        ['0', '1000000.0'],
        ['1', '2000000.0'],
      ]),
    );
    writeFile(
      dir,
      'gpu_metrics_energy_end.csv',
      snapshot([
        ['0', '1090000.0'],
        ['1', '1990000.0'],
      ]),
    );
    const { sidecar, agg } = await aggregate(dir);
    const check = sidecar.accumulator_check as Record<string, unknown>;
    // 90,000 - 10,000 = 80,000 J; |80,000 - 84,000| / 80,000 = 0.05 is within tolerance, but a negative delta never agrees.
    expect(check.accumulator_delta_j).toBe(80000);
    expect(check.relative_error).toBe(0.05);
    expect(check.negative_delta_gpus).toEqual(['1']);
    expect(check.within_tolerance).toBe(false);
    expect(sidecar.power_valid).toBe(true);
    expect(sidecar.reasons).toEqual([]);
    expect(agg.power_valid).toBe(1);
  });

  it.each([
    [['start'], { available: false, reason: 'missing_end_snapshot' }],
    [['end'], { available: false, reason: 'missing_start_snapshot' }],
  ])('names a missing snapshot (present: %j)', async (present, expected) => {
    const dir = workspace();
    for (const which of present) writeFile(dir, `gpu_metrics_energy_${which}.csv`, snapshot([['0', '1.0']]));
    const { sidecar } = await aggregate(dir);
    expect(sidecar.accumulator_check).toEqual(expected);
  });

  it('names an unparseable snapshot', async () => {
    const dir = workspace();
    writeFile(dir, 'gpu_metrics_energy_start.csv', snapshot([['0', '1.0']]));
    writeFile(dir, 'gpu_metrics_energy_end.csv', 'gpu,socket_power\n0,238\n');
    const { sidecar } = await aggregate(dir);
    expect(sidecar.accumulator_check).toEqual({ available: false, reason: 'unparseable_end_snapshot' });
  });

  it('gives the insights a whole-recording counter from the snapshots when the telemetry has no counter column', async () => {
    const dir = workspace();
    // GPU 0 counted 42,000 J, GPU 1 41,000 J; the stream holds 2 x 600 W x 70 s = 84,000 J.
    writeFile(
      dir,
      'gpu_metrics_energy_start.csv',
      snapshot([
        ['0', '1000000.0'],
        ['1', '2000000'],
      ]),
    );
    writeFile(
      dir,
      'gpu_metrics_energy_end.csv',
      snapshot([
        ['0', '1042000.0'],
        ['1', '2041000'],
      ]),
    );
    const run = await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'],
      dir,
    );
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>;
    expect(insights.counter).toEqual({
      source: 'amd_smi_snapshots',
      energy_j: 83000,
      integral_energy_j: 84000,
      ratio: 83000 / 84000,
      resets: 0,
      frozen_intervals: 0,
      filled_intervals: 0,
      agreement: 'ok',
      scope: 'whole_recording',
    });
    expect(run.stdout).toContain(
      'Energy counter (amd-smi start/end snapshots, whole recording, not the benchmark window): 83,000.0 J vs power integral 84,000.0 J over the recording, ratio 0.988: agree',
    );
  });

  it('prefers counter columns of the telemetry over the snapshots', async () => {
    const dir = workspace();
    const lines = ['timestamp, index, power.draw [W], total_energy_consumption [J]'];
    for (let t = BASE - 5; t <= BASE + 65; t++)
      for (let g = 0; g < 2; g++)
        lines.push(
          `${new Date(t * 1000).toISOString().replace('T', ' ').replace('Z', '').replace(/-/g, '/')}, ${g}, 600.00 W, ${(1e6 + 600 * (t - BASE)).toFixed(1)}`,
        );
    writeFile(dir, 'gpu_metrics.csv', `${lines.join('\n')}\n`);
    writeFile(dir, 'gpu_metrics_energy_start.csv', snapshot([['0', '1000000.0']]));
    writeFile(dir, 'gpu_metrics_energy_end.csv', snapshot([['0', '1001000.0']]));
    await cli(
      ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'],
      dir,
    );
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights as Record<string, any>;
    // 2 GPUs x 600 W x 60 s in the window, from the column counter.
    expect(insights.counter).toMatchObject({ source: 'nvidia_smi_total_energy', energy_j: 72000, agreement: 'ok' });
  });
});
