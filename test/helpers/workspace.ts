import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../src/cli-run.js';

const created: string[] = [];
afterEach(() => {
  while (created.length > 0) rmSync(created.pop() as string, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-power-test-'));
  created.push(dir);
  return dir;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI entry in-process with captured output. */
export async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd, env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** nvidia-smi timestamp for epoch seconds, in UTC (the tests run with TZ=UTC). */
export function nvidiaTimestamp(epochS: number): string {
  const d = new Date(Math.round(epochS * 1000));
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export type Sample = [epochS: number, gpu: number, watts: number];

/** nvidia-smi `--query-gpu=timestamp,index,power.draw,temperature.gpu --format=csv`. */
export function nvidiaCsv(samples: Sample[]): string {
  const lines = ['timestamp, index, power.draw [W], temperature.gpu'];
  for (const [t, gpu, w] of samples) lines.push(`${nvidiaTimestamp(t)}, ${gpu}, ${w.toFixed(2)} W, 65`);
  return `${lines.join('\n')}\n`;
}

/** Every GPU sampled once per second from `from` to `to` (inclusive) with power(t, gpu). */
export function grid(
  from: number,
  to: number,
  gpus: number,
  power: (t: number, gpu: number) => number,
  step = 1,
): Sample[] {
  const samples: Sample[] = [];
  for (let t = from; t <= to + 1e-9; t += step) for (let g = 0; g < gpus; g++) samples.push([t, g, power(t, g)]);
  return samples;
}

export const BASE = 1_779_278_400; // 2026-05-20 12:00:00 UTC

export function benchJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    benchmark_start_time_unix: BASE,
    benchmark_end_time_unix: BASE + 60,
    duration: 60,
    completed: 100,
    total_input_tokens: 60_000,
    total_output_tokens: 30_000,
    ...overrides,
  });
}

/**
 * The worked example of the README's "What the numbers mean": 8 GPUs at 1 Hz, 100 W for the 20 s before
 * the 60 s window, a 500/700 W square wave in it (500 W on even seconds), 200 W for the 30 s after; a 620 W
 * enforced limit and a joule counter that adds up the same trapezoids. `name` adds a GPU name column.
 */
export function squareWaveTelemetry(name?: string): string {
  const power = (t: number): number => (t < BASE ? 100 : t <= BASE + 60 ? ((t - BASE) % 2 === 0 ? 500 : 700) : 200);
  const named = name === undefined ? '' : ' name,';
  const lines = [`timestamp,${named} index, power.draw [W], enforced.power.limit [W], total_energy_consumption [J]`];
  let counterJ = 5e6;
  for (let t = BASE - 20; t <= BASE + 90; t++) {
    if (t > BASE - 20) counterJ += (power(t - 1) + power(t)) / 2;
    for (let g = 0; g < 8; g++)
      lines.push(
        `${nvidiaTimestamp(t)},${name === undefined ? '' : ` ${name},`} ${g}, ${power(t).toFixed(2)} W, 620.00 W, ${counterJ.toFixed(3)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
