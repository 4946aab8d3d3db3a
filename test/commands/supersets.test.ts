import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, benchJson, cli, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';
import { AGG_DEVICES, buildPackage, PRODUCER_SHA } from '../helpers/power-package.js';

// What sweep-power reads that the reference refuses (docs/reliability.md, "Documented supersets"):
// each superset file must give the same agg JSON, byte for byte, as the cleaned file the reference reads.

const AGG = '{\n  "hw": "h200",\n  "conc": 64\n}';

/** 2 GPUs, 1 Hz, 5 s either side of the 60 s window; GPU 1's power ramps so a swap of GPUs would show. */
function samples(): Array<[t: number, gpu: number, watts: number]> {
  const rows: Array<[number, number, number]> = [];
  for (let t = BASE - 5; t <= BASE + 65; t += 1) {
    rows.push([t, 0, 400]);
    rows.push([t, 1, 500 + (t - BASE) * 2.5]);
  }
  return rows;
}

function nvidia(lines: string[][], header: string): string[] {
  return [header, ...lines.map((cells) => cells.join(', '))];
}

const stamp = (t: number, gpu: number, perRowMs: boolean) => nvidiaTimestamp(t + (perRowMs ? gpu * 0.003 : 0));
const cleaned = (perRowMs = false) =>
  nvidia(
    samples().map(([t, g, w]) => [stamp(t, g, perRowMs), String(g), `${w.toFixed(2)} W`]),
    'timestamp, index, power.draw [W]',
  );

async function aggregateText(csv: string[]): Promise<{ agg: string; sidecar: Record<string, unknown> }> {
  const dir = tempWorkspace();
  writeFile(dir, 'gpu_metrics.csv', `${csv.join('\n')}\n`);
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', AGG);
  const run = await cli(
    ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '2'],
    dir,
  );
  expect(run.code).toBe(0);
  return {
    agg: readFileSync(join(dir, 'agg.json'), 'utf8'),
    sidecar: readJson(join(dir, 'power_validation_bench.json')),
  };
}

async function expectSameAsCleaned(
  superset: string[],
  clean: string[],
  gpu1LagS = 0,
): Promise<Record<string, unknown>> {
  const ours = await aggregateText(superset);
  const reference = await aggregateText(clean);
  expect(reference.sidecar.power_valid).toBe(true);
  // GPU 0: 400 W x 60 s = 24,000 J; GPU 1: its ramp averages 575 W over the 60 s (34,500 J), less
  // 2.5 W/s x the lag of its stamps, since each reading then belongs to a slightly later time.
  const energy = reference.sidecar.per_gpu_energy_j as Record<string, number>;
  expect(energy['0']).toBe(24000);
  // Epoch seconds near 1.8e9 carry about 2e-7 s of float error per stamp: 4 decimals suffice.
  expect(energy['1']).toBeCloseTo(60 * (575 - 2.5 * gpu1LagS), 4);
  expect(ours.sidecar.reasons).toEqual([]);
  expect(ours.agg).toBe(reference.agg);
  expect(ours.sidecar.per_gpu_energy_j).toEqual(reference.sidecar.per_gpu_energy_j);
  return ours.sidecar;
}

describe('documented supersets give the numbers of the cleaned file', () => {
  it('repeated header lines mid-stream', async () => {
    const clean = cleaned();
    const superset = [...clean.slice(0, 41), clean[0] as string, ...clean.slice(41), clean[0] as string];
    await expectSameAsCleaned(superset, clean);
  });

  it('blank and whitespace-only lines', async () => {
    const clean = cleaned();
    const superset = [...clean.slice(0, 41), '', '   ', '\t', ...clean.slice(41)];
    await expectSameAsCleaned(superset, clean);
  });

  it.each(['device_id', 'GPU ID', 'gpu index', 'Device_ID'])('the GPU identity column named %s', async (name) => {
    const clean = cleaned();
    await expectSameAsCleaned([`timestamp, ${name}, power.draw [W]`, ...clean.slice(1)], clean);
  });

  it.each([false, true])('no GPU column, rows read by position (per-row ms timestamps: %s)', async (perRowMs) => {
    const clean = cleaned(perRowMs);
    const superset = nvidia(
      samples().map(([t, g, w]) => [stamp(t, g, perRowMs), `${w.toFixed(2)} W`]),
      'timestamp, power.draw [W]',
    );
    const sidecar = await expectSameAsCleaned(superset, clean, perRowMs ? 0.003 : 0);
    expect((sidecar.gpu_identity as { method: string }).method).not.toBe('column');
  });

  it('an amd-smi tool banner before the header', async () => {
    const amd = (rows: Array<[number, number, number]>) => [
      'timestamp,gpu,socket_power',
      ...rows.map(([t, g, w]) => `${t},${g},${w}`),
    ];
    const clean = amd(samples());
    await expectSameAsCleaned(
      ['WARNING: User is missing the following required groups: render, video', ...clean],
      clean,
    );
  });

  it('a multinode pool labelled "agg" instead of the GPU-split role "prefill"', async () => {
    const outputs: string[] = [];
    for (const role of ['agg', 'prefill'] as const) {
      const dir = tempWorkspace();
      const pkg = buildPackage(dir, { devices: AGG_DEVICES.map((d) => ({ ...d, role })) });
      writeFile(dir, 'result.json', JSON.stringify(pkg.bench, null, 2));
      writeFile(dir, 'agg.json', AGG);
      const run = await cli(
        [
          'aggregate-multinode',
          '--bench-result',
          'result.json',
          '--agg-result',
          'agg.json',
          '--prefill-gpus',
          '4',
          '--decode-gpus',
          '0',
        ],
        dir,
        { POWER_PRODUCER_SHA: PRODUCER_SHA },
      );
      expect(run.code).toBe(0);
      outputs.push(readFileSync(join(dir, 'agg.json'), 'utf8'));
    }
    // 4 GPUs x 600 W x 10 s = 24,000 J, all of it the prefill pool's.
    expect(outputs[1]).toContain('"prefill_gpu_energy_j": 24000.0');
    expect(outputs[0]).toBe(outputs[1]);
  });
});
