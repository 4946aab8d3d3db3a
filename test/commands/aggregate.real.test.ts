import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchJson, cli, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/real/nvidia-smi-rtx4090-no-index.csv');

/** `2026/01/03 15:37:00.000` as epoch seconds in UTC (the suite runs with TZ=UTC). */
function utc(stamp: string): number {
  const [date, time] = stamp.trim().split(' ') as [string, string];
  const [y, mo, d] = date.split('/').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':') as [string, string, string];
  return Date.UTC(y, mo - 1, d, Number(h), Number(mi)) / 1000 + Number(s);
}

/** Trapezoid over (t, p) points, each segment clipped to [start, end] with linear interpolation. */
function trapezoid(points: Array<[number, number]>, start: number, end: number): number {
  let joules = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, pa] = points[i - 1] as [number, number];
    const [b, pb] = points[i] as [number, number];
    const left = Math.max(a, start);
    const right = Math.min(b, end);
    if (right <= left) continue;
    const at = (t: number): number => pa + ((pb - pa) * (t - a)) / (b - a);
    joules += ((right - left) * (at(left) + at(right))) / 2;
  }
  return joules;
}

async function aggregate(csv: string, window: { start: number; end: number }, expectedGpus: number) {
  const dir = tempWorkspace();
  writeFile(dir, 'gpu_metrics.csv', csv);
  writeFile(
    dir,
    'bench.json',
    benchJson({
      benchmark_start_time_unix: window.start,
      benchmark_end_time_unix: window.end,
      duration: window.end - window.start,
    }),
  );
  writeFile(dir, 'agg.json', '{"hw": "rtx4090"}');
  await cli(
    [
      'aggregate',
      '--bench-result',
      'bench.json',
      '--agg-result',
      'agg.json',
      '--expected-num-gpus',
      String(expectedGpus),
      '--max-sample-gap',
      '5',
    ],
    dir,
  );
  return { agg: readJson(join(dir, 'agg.json')), sidecar: readJson(join(dir, 'power_validation_bench.json')) };
}

describe('a real nvidia-smi log without a GPU column (one RTX 4090, per-row ms timestamps)', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const rows = text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  // The window avoids the log's first and last seconds; the 5 s gap limit covers its ~3.9 s stalls.
  const window = { start: utc('2026/01/03 15:37:00.000'), end: utc('2026/01/03 15:39:20.000') };

  it('is read as one GPU, with the energy of a plain trapezoid over its rows', async () => {
    const points = rows.map(
      (cells) => [utc(cells[0] as string), Number.parseFloat(cells[5] as string)] as [number, number],
    );
    const expected = trapezoid(points, window.start, window.end);
    const r = await aggregate(text, window, 1);
    expect(r.agg.power_valid).toBe(1);
    expect(r.agg.total_gpu_energy_j as number).toBeCloseTo(expected, 2);
    expect(r.sidecar.gpu_identity).toMatchObject({ method: 'row_position_per_timestamp', rows_per_group: 1 });
    // The same rows with the GPU written out give the same agg JSON.
    const withIndex = [
      'timestamp, index, name, utilization.gpu [%], utilization.memory [%], memory.used [MiB], power.draw [W]',
      ...rows.map((cells) => [cells[0], ' 0', ...cells.slice(1)].join(',')),
    ];
    expect((await aggregate(`${withIndex.join('\n')}\n`, window, 1)).agg).toEqual(r.agg);
  });

  it('is refused when the configuration expects 2 GPUs: nothing in the rows says which GPU each is', async () => {
    const r = await aggregate(text, window, 2);
    expect(r.agg.power_valid).toBe(0);
    expect(r.sidecar.reasons).toEqual(['gpu_identity_column_missing']);
  });
});
