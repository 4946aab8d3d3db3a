import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BASE, benchJson, grid, nvidiaCsv, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const distDir = inject('distDir');

/**
 * A job whose GPU machine ran `offsetS` ahead of UTC: nvidia-smi wrote its local wall-clock time, so
 * the instant BASE appears in the file as the UTC rendering of BASE + offsetS.
 * 8 GPUs at 600 W from 10 s before to 10 s after the 60 s window.
 */
function jobShiftedBy(offsetS: number): string {
  const dir = tempWorkspace();
  const samples = grid(BASE - 10, BASE + 70, 8, () => 600).map(
    ([t, g, w]) => [t + offsetS, g, w] as [number, number, number],
  );
  writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(samples));
  writeFile(dir, 'bench.json', benchJson());
  writeFile(dir, 'agg.json', '{"hw": "h200"}\n');
  return dir;
}

function aggregate(dir: string, tz: string) {
  const run = spawnSync(
    process.execPath,
    [
      join(distDir, 'cli.js'),
      'aggregate',
      '--bench-result',
      'bench.json',
      '--agg-result',
      'agg.json',
      '--expected-num-gpus',
      '8',
      '--csv',
      'gpu_metrics.csv',
    ],
    { cwd: dir, env: { PATH: process.env.PATH, TZ: tz }, encoding: 'utf8' },
  );
  const sidecar = readJson(join(dir, 'power_validation_bench.json')) as {
    reasons: string[];
    reason_messages?: unknown;
  };
  return { code: run.status, output: run.stdout + run.stderr, sidecar, agg: readJson(join(dir, 'agg.json')) };
}

describe('telemetry written in another time zone than TZ', () => {
  it('UTC+2 telemetry read with TZ=UTC: the message names the 2 h difference and the fix, which then works', () => {
    const dir = jobShiftedBy(2 * 3600);
    const wrong = aggregate(dir, 'UTC');
    expect(wrong.code).toBe(0);
    expect(wrong.sidecar.reasons).toEqual(['no_usable_power_samples']);
    expect(wrong.output).toContain('read in TZ=UTC; moved by -2 h they would cover the window');
    expect(wrong.output).toContain('a clock 2 h ahead of that zone');
    expect(wrong.output).toMatch(
      /TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC/,
    );
    expect(JSON.stringify(wrong.sidecar.reason_messages)).toContain('moved by -2 h');

    // The fix the message gives: read the file in the machine's zone (POSIX Etc/GMT-2 is UTC+2).
    const fixed = aggregate(dir, 'Etc/GMT-2');
    expect(fixed.output).not.toContain('no_usable_power_samples');
    expect(fixed.agg).toMatchObject({ power_valid: 1, avg_power_w: 600, total_gpu_energy_j: 288000 }); // 8 x 600 W x 60 s
  });

  it('a half-hour zone behind TZ: UTC-3:30 telemetry read in UTC moves by +3 h 30 min', () => {
    const wrong = aggregate(jobShiftedBy(-3.5 * 3600), 'UTC');
    expect(wrong.sidecar.reasons).toEqual(['no_usable_power_samples']);
    expect(wrong.output).toContain(
      'moved by +3 h 30 min they would cover the window, so the machine that sampled ran on a clock 3 h 30 min behind that zone',
    );
  });

  it('telemetry a day away is not blamed on the zone', () => {
    const wrong = aggregate(jobShiftedBy(24 * 3600), 'UTC');
    expect(wrong.sidecar.reasons).toEqual(['no_usable_power_samples']);
    expect(wrong.output).not.toMatch(/time zone|moved by/);
    expect(wrong.output).toContain("its clock matches the benchmark's");
  });
});
