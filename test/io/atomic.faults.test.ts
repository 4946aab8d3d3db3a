import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUZZ_SEED, prng } from '../helpers/fuzz.js';
import { benchJson, grid, nvidiaCsv, readJson, tempWorkspace, writeFile, BASE } from '../helpers/workspace.js';

/**
 * Fault injection on the built CLI run as a child process: SIGKILL mid-write, a file-size limit
 * (the kernel fails the write as on a full disk), and folders the process may not write.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let buildDir = '';
let cliPath = '';

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'sweep-power-build-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), buildDir], { cwd: ROOT, stdio: 'pipe' });
  cliPath = join(buildDir, 'cli.js');
  // The unprivileged user of the read-only test must be able to run the bundle.
  chmodSync(buildDir, 0o755);
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface SpawnOptions {
  cwd: string;
  killAfterMs?: number;
  /** RLIMIT_FSIZE in KiB (bash `ulimit -f`): writes past it fail with EFBIG, as on a full disk. */
  fileSizeLimitKiB?: number;
  uid?: number;
  gid?: number;
}

function runCli(args: string[], options: SpawnOptions): Promise<ChildRun> {
  const command = options.fileSizeLimitKiB === undefined ? process.execPath : 'bash';
  const argv =
    options.fileSizeLimitKiB === undefined
      ? [cliPath, ...args]
      : ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, cliPath, ...args];
  const began = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, TZ: 'UTC' },
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer =
      options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - began });
    });
  });
}

const AGG_ARGS = [
  'aggregate',
  '--csv',
  'gpu_metrics.csv',
  '--bench-result',
  'bench.json',
  '--agg-result',
  'agg.json',
  '--expected-num-gpus',
  '4',
];

function telemetry(dir: string): void {
  writeFile(dir, 'gpu_metrics.csv', nvidiaCsv(grid(BASE - 3, BASE + 63, 4, (t, g) => 400 + 10 * g + (t % 7))));
  writeFile(dir, 'bench.json', benchJson());
}

/** An agg JSON of about `megabytes` MB: large enough that reading, rendering and writing it takes a while. */
function largeAgg(megabytes: number): string {
  const rand = prng(FUZZ_SEED);
  const latencies = Array.from({ length: Math.round((megabytes * 1e6) / 19) }, () => rand().toFixed(16));
  return `{\n  "model": "deepseek-r1",\n  "power_valid": 1,\n  "avg_power_w": 1.0,\n  "latencies": [${latencies.join(', ')}],\n  "conc": 64\n}`;
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe('fault injection on agg JSON writes (built CLI, child processes)', () => {
  it('SIGKILL at random points while patching: the file is always the old or the new version; a rerun leaves no temp files', async () => {
    const dir = tempWorkspace();
    telemetry(dir);
    const oldText = largeAgg(8);
    writeFile(dir, 'agg.json', oldText);
    const full = await runCli(AGG_ARGS, { cwd: dir });
    expect(full.code).toBe(0);
    const newText = readFileSync(join(dir, 'agg.json'), 'utf8');
    expect(newText).not.toBe(oldText);
    expect(JSON.parse(newText)).toMatchObject({
      model: 'deepseek-r1',
      conc: 64,
      power_valid: 1,
      avg_total_gpu_power_w: expect.any(Number),
    });

    const rand = prng(FUZZ_SEED ^ 0x2545f491);
    const KILLS = 24;
    const seen = { old: 0, new: 0, tempLeft: 0 };
    for (let i = 0; i < KILLS; i++) {
      writeFile(dir, 'agg.json', oldText);
      // Stratified over one full run so kills land in every phase, the write and the rename included;
      // the last few wait long enough for the run to finish under load.
      const delay = i < KILLS - 4 ? Math.round(((i + rand()) / (KILLS - 4)) * full.ms) : full.ms * 4;
      const killed = await runCli(AGG_ARGS, { cwd: dir, killAfterMs: delay });
      const text = readFileSync(join(dir, 'agg.json'), 'utf8');
      const which = text === oldText ? 'old' : text === newText ? 'new' : 'partial';
      expect(which, `kill after ${delay} ms (signal ${killed.signal}) left ${text.length} bytes`).not.toBe('partial');
      seen[which as 'old' | 'new'] += 1;
      if (tempFiles(dir).length > 0) seen.tempLeft += 1;
    }
    // Both outcomes occur, so kills really fell before and after the rename.
    expect(seen.old, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.new, JSON.stringify(seen)).toBeGreaterThan(0);

    const rerun = await runCli(AGG_ARGS, { cwd: dir });
    expect(rerun.code).toBe(0);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(newText);
    expect(tempFiles(dir)).toEqual([]);
  }, 150_000); // a hang guard: 26 CLI runs take tens of seconds on a loaded 2-core machine

  it('disk full (writes fail with EFBIG past a file-size limit): a clear reason, the original agg JSON intact, no temp file', async () => {
    const dir = tempWorkspace();
    telemetry(dir);
    const oldText = largeAgg(0.3);
    writeFile(dir, 'agg.json', oldText);
    const run = await runCli(AGG_ARGS, { cwd: dir, fileSizeLimitKiB: 64 });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(oldText);
    expect(tempFiles(dir)).toEqual([]);
    expect(run.stderr).toContain('aggregate_result_unwritable');
    expect(run.stderr).toMatch(/agg\.json: cannot be written \(.*EFBIG.*\); the previous file is intact/);
    const sidecar = readJson(join(dir, 'power_validation_bench.json'));
    expect(sidecar.power_valid).toBe(false);
    expect(sidecar.reasons).toEqual(['aggregate_result_unwritable']);
    // Strict mode fails the step after writing what it could.
    const strict = await runCli([...AGG_ARGS, '--require-power'], { cwd: dir, fileSizeLimitKiB: 64 });
    expect(strict.code).toBe(1);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(oldText);
  });

  it('read-only folders (as an unprivileged user when run as root): clear errors, files intact', async () => {
    const asRoot = process.getuid?.() === 0;
    // Root ignores folder permissions; run the CLI as nobody so 0o555 really is read-only.
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    const dir = tempWorkspace();
    chmodSync(dir, 0o755);
    const results = join(dir, 'results');
    const audit = join(dir, 'audit');
    mkdirSync(results);
    mkdirSync(audit);
    telemetry(results);
    const oldText = '{\n  "model": "gpt-oss",\n  "power_valid": 1,\n  "avg_power_w": 9.0\n}';
    writeFile(results, 'agg.json', oldText);
    chmodSync(results, 0o555);
    chmodSync(audit, 0o777);
    const args = [
      'aggregate',
      '--csv',
      'results/gpu_metrics.csv',
      '--bench-result',
      'results/bench.json',
      '--agg-result',
      'results/agg.json',
      '--expected-num-gpus',
      '4',
    ];
    try {
      const run = await runCli([...args, '--validation-result', 'audit/sidecar.json'], { cwd: dir, ...user });
      expect(run.code).toBe(0);
      expect(readFileSync(join(results, 'agg.json'), 'utf8')).toBe(oldText);
      expect(run.stderr).toMatch(/agg\.json: cannot be written \(.*EACCES.*\); the previous file is intact/);
      expect(readJson(join(audit, 'sidecar.json')).reasons).toEqual(['aggregate_result_unwritable']);

      // The agg folder writable, the sidecar's not: the agg JSON is patched, the sidecar failure is named.
      chmodSync(results, 0o777);
      copyFileSync(join(results, 'agg.json'), join(results, 'agg.before'));
      chmodSync(audit, 0o555);
      const noAudit = await runCli([...args, '--validation-result', 'audit/sidecar2.json', '--require-power'], {
        cwd: dir,
        ...user,
      });
      expect(noAudit.code).toBe(1);
      expect(noAudit.stderr).toMatch(/cannot write the validation sidecar .*audit\/sidecar2\.json: .*EACCES/);
      expect(readJson(join(results, 'agg.json')).power_valid).toBe(1);
      expect(readdirSync(audit)).toEqual(['sidecar.json']);
      expect(statSync(join(results, 'agg.json')).isFile()).toBe(true);
    } finally {
      chmodSync(results, 0o755);
      chmodSync(audit, 0o755);
    }
  });
});
