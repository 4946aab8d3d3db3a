import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numbersIn } from '../helpers/core-run.js';
import { benchJson, cli, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'adversarial');

interface CorpusCase {
  file: string;
  what: string;
  power_valid: 0 | 1;
  reasons: string[];
  total_gpu_energy_j?: number;
  notes?: Record<string, unknown>;
}
interface Manifest {
  window: { start: number; end: number };
  expected_num_gpus: number;
  cases: CorpusCase[];
}

const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Manifest;
const { start, end } = manifest.window;
const WINDOW_BENCH = { benchmark_start_time_unix: start, benchmark_end_time_unix: end, duration: end - start };
const STALE_AGG = '{\n  "model": "llama",\n  "power_valid": 1,\n  "avg_power_w": 123.0\n}';

interface Outcome {
  code: number;
  stderr: string;
  agg: Record<string, unknown>;
  sidecar: Record<string, unknown>;
}

/** Runs the real CLI on a workspace and checks what every run must give: strict JSON, finite numbers, a verdict. */
async function aggregate(dir: string, gpus: number, extra: string[] = []): Promise<Outcome> {
  const run = await cli(
    [
      'aggregate',
      '--bench-result',
      'bench.json',
      '--agg-result',
      'agg.json',
      '--expected-num-gpus',
      String(gpus),
      ...extra,
    ],
    dir,
  );
  const sidecar = readJson(join(dir, 'power_validation_bench.json'));
  let agg: Record<string, unknown> = {};
  try {
    agg = readJson(join(dir, 'agg.json'));
  } catch {
    // Cases that leave a non-JSON agg file untouched check it themselves.
  }
  for (const n of [...numbersIn(agg), ...numbersIn(sidecar)]) expect(Number.isFinite(n)).toBe(true);
  return { code: run.code, stderr: run.stderr, agg, sidecar };
}

function seed(dir: string, csv: string | Buffer, bench: string = benchJson(WINDOW_BENCH)): void {
  writeFile(dir, 'gpu_metrics.csv', csv);
  writeFile(dir, 'bench.json', bench);
  writeFile(dir, 'agg.json', STALE_AGG);
}

describe('adversarial corpus (test/fixtures/adversarial/manifest.json)', () => {
  it('lists every checked-in file exactly once', () => {
    const listed = manifest.cases.map((c) => c.file).sort();
    const present = execFileSync('ls', [CORPUS], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.csv'))
      .sort();
    expect(listed).toEqual(present);
  });

  for (const entry of manifest.cases) {
    it(`${entry.file}: ${entry.what}`, async () => {
      const dir = tempWorkspace();
      seed(dir, readFileSync(join(CORPUS, entry.file)));
      const out = await aggregate(dir, manifest.expected_num_gpus);
      expect(out.code).toBe(0);
      expect(out.sidecar.reasons).toEqual(entry.reasons);
      expect(out.agg.power_valid).toBe(entry.power_valid);
      expect(out.agg.model).toBe('llama');
      if (entry.total_gpu_energy_j !== undefined) expect(out.agg.total_gpu_energy_j).toBe(entry.total_gpu_energy_j);
      else expect(out.agg.total_gpu_energy_j).toBeUndefined();
      // A stale metric from an earlier run never survives an invalid verdict.
      if (entry.power_valid === 0) expect(out.agg.avg_power_w).toBeUndefined();
      for (const [note, value] of Object.entries(entry.notes ?? {}))
        expect((out.sidecar.telemetry_notes as Record<string, unknown>)[note]).toEqual(value);
      for (const reason of entry.reasons) expect(out.stderr).toContain(`${reason}: `);
    });
  }
});

describe('adversarial inputs generated in the test', () => {
  it('10,000 GPUs in one file: integrated exactly; a mismatch against 8 names a few ids, not all', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp,gpu,power'];
    for (let t = start - 1; t <= end + 1; t++) for (let g = 0; g < 10_000; g++) lines.push(`${t},${g},300`);
    seed(dir, `${lines.join('\n')}\n`);
    const all = await aggregate(dir, 10_000);
    expect(all.agg.power_valid).toBe(1);
    expect(all.agg.total_gpu_energy_j).toBe(10_000 * 300 * (end - start));
    expect(all.sidecar.observed_gpu_count).toBe(10_000);
    const eight = await aggregate(dir, 8);
    expect(eight.sidecar.reasons).toEqual(['expected_gpu_count_mismatch']);
    const message = (eight.sidecar.reason_messages as Record<string, string>).expected_gpu_count_mismatch as string;
    expect(message).toContain('10000 GPU(s) (0, 1, 2,');
    expect(message.length).toBeLessThan(400);
  }, 30_000);

  it('more than 65,536 distinct GPU ids: too_many_gpu_ids, with bounded state', async () => {
    const dir = tempWorkspace();
    const lines = ['timestamp,gpu,power'];
    for (const t of [start - 1, start + 2, start + 5, start + 8, end + 1])
      for (let g = 0; g < 70_000; g++) lines.push(`${t},${g},300`);
    seed(dir, `${lines.join('\n')}\n`);
    const out = await aggregate(dir, 8);
    expect(out.sidecar.reasons).toEqual(['too_many_gpu_ids', 'expected_gpu_count_mismatch']);
    expect(out.sidecar.observed_gpu_count).toBe(65_536);
    expect(out.agg.power_valid).toBe(0);
  }, 30_000);

  it('an agg JSON symlinked outside the workspace: the outside file is never written through the link', async () => {
    const dir = tempWorkspace();
    const outside = tempWorkspace();
    seed(dir, readFileSync(join(CORPUS, 'bom.csv')));
    const target = writeFile(outside, 'precious.json', '{"keep": "me"}');
    const sidecarTarget = writeFile(outside, 'sidecar.json', 'not yours');
    execFileSync('rm', [join(dir, 'agg.json')]);
    symlinkSync(target, join(dir, 'agg.json'));
    symlinkSync(sidecarTarget, join(dir, 'power_validation_bench.json'));
    const out = await aggregate(dir, 2);
    expect(readFileSync(target, 'utf8')).toBe('{"keep": "me"}');
    expect(readFileSync(sidecarTarget, 'utf8')).toBe('not yours');
    // The link itself was replaced by the patched file, inside the workspace.
    expect(lstatSync(join(dir, 'agg.json')).isSymbolicLink()).toBe(false);
    expect(out.agg).toMatchObject({ keep: 'me', power_valid: 1, total_gpu_energy_j: 6000 });
  });

  it('telemetry and bench symlinked to devices or a FIFO outside the workspace: a reason, no hang', async () => {
    const dir = tempWorkspace();
    const outside = tempWorkspace();
    execFileSync('mkfifo', [join(outside, 'fifo')]);
    for (const [target, bench] of [
      ['/dev/zero', false],
      [join(outside, 'fifo'), false],
      ['/dev/urandom', true],
    ] as const) {
      execFileSync('rm', ['-f', join(dir, 'gpu_metrics.csv'), join(dir, 'bench.json')]);
      writeFile(dir, 'agg.json', STALE_AGG);
      if (bench) {
        copyFileSync(join(CORPUS, 'bom.csv'), join(dir, 'gpu_metrics.csv'));
        symlinkSync(target, join(dir, 'bench.json'));
      } else {
        writeFile(dir, 'bench.json', benchJson(WINDOW_BENCH));
        symlinkSync(target, join(dir, 'gpu_metrics.csv'));
      }
      const out = await aggregate(dir, 2, ['--csv', 'gpu_metrics.csv']);
      expect(out.sidecar.reasons).toEqual([bench ? 'invalid_benchmark_result' : 'telemetry_file_missing']);
      expect(JSON.stringify(out.sidecar.reason_messages)).toContain('not a regular file');
      expect(out.agg.power_valid).toBe(0);
    }
  });

  it('JSON nested 100,000 levels deep: in the bench result, in the agg JSON, and cut off', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const dir = tempWorkspace();
    seed(
      dir,
      readFileSync(join(CORPUS, 'crlf.csv')),
      `${benchJson(WINDOW_BENCH).slice(0, -1)},"per_request":${deep},"meta":${deepObject}}`,
    );
    const aggText = `{\n  "model": "llama",\n  "trace": ${deep},\n  "tree": ${deepObject}\n}`;
    writeFile(dir, 'agg.json', aggText);
    const out = await aggregate(dir, 2);
    expect(out.sidecar.reasons).toEqual([]);
    const patched = readFileSync(join(dir, 'agg.json'), 'utf8');
    expect(
      patched.startsWith(
        `{\n  "model": "llama",\n  "trace": ${deep},\n  "tree": ${deepObject},\n  "power_metric_schema_version": 2,\n  "power_valid": 1,`,
      ),
    ).toBe(true);

    const cut = aggText.slice(0, 150_000);
    writeFile(dir, 'agg.json', cut);
    const broken = await aggregate(dir, 2);
    expect(broken.sidecar.reasons).toEqual(['aggregate_result_unwritable']);
    expect(readFileSync(join(dir, 'agg.json'), 'utf8')).toBe(cut);

    writeFile(dir, 'bench.json', deep);
    writeFile(dir, 'agg.json', STALE_AGG);
    const notObject = await aggregate(dir, 2);
    expect(notObject.sidecar.reasons).toEqual(['invalid_benchmark_result']);
    expect(notObject.agg).toEqual({ model: 'llama', power_valid: 0, power_metric_schema_version: 2 });
  });

  it('a 2 GB sparse file: header-less, or a hole after valid rows; read with bounded memory and time', async () => {
    const dir = tempWorkspace();
    const rows = [`timestamp, index, power.draw [W]`];
    for (let t = start - 2; t <= end + 2; t++)
      for (let g = 0; g < 2; g++) rows.push(`${nvidiaTimestamp(t)}, ${g}, 300.00 W`);
    for (const withRows of [false, true]) {
      seed(dir, withRows ? `${rows.join('\n')}\n` : '');
      truncateSync(join(dir, 'gpu_metrics.csv'), 2 * 1024 ** 3);
      const rssBefore = process.memoryUsage().rss;
      const began = Date.now();
      const out = await aggregate(dir, 2);
      const seconds = (Date.now() - began) / 1000;
      expect(seconds).toBeLessThan(10);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 ** 2);
      expect(out.agg.power_valid).toBe(0);
      if (withRows) {
        expect(out.sidecar.reasons).toEqual(['invalid_timestamp_sample', 'telemetry_file_unreadable']);
        expect((out.sidecar.reason_messages as Record<string, string>).telemetry_file_unreadable).toContain(
          `after line ${rows.length}`,
        );
        // The rows before the hole were still read and judged.
        expect(out.sidecar.per_gpu_energy_j).toEqual({ 0: 3000, 1: 3000 });
      } else {
        expect(out.sidecar.reasons).toEqual(['timestamp_column_missing', 'power_column_missing']);
        expect((out.sidecar.reason_messages as Record<string, string>).timestamp_column_missing).toContain('NUL bytes');
      }
      writeFileSync(join(dir, 'gpu_metrics.csv'), '');
    }
  }, 30_000);
});
