import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeTo, fuzzParams } from '../helpers/fuzz.js';
import { numbersIn } from '../helpers/core-run.js';
import { referenceIntegral } from '../helpers/reference-power.js';
import { generateTelemetry, telemetryParams } from '../helpers/telemetry-gen.js';
import { BASE, benchJson, cli, tempWorkspace, writeFile } from '../helpers/workspace.js';

const AGG = '{\n  "hw": "mi355x",\n  "conc": 8,\n  "power_valid": 1,\n  "avg_power_w": 1.5\n}';

/** Both written files parse as strict JSON (no NaN/Infinity literals) and hold only finite numbers. */
function readOutputs(dir: string): { agg: Record<string, unknown>; sidecar: Record<string, unknown> } {
  const agg = JSON.parse(readFileSync(join(dir, 'agg.json'), 'utf8')) as Record<string, unknown>;
  const sidecar = JSON.parse(readFileSync(join(dir, 'power_validation_bench.json'), 'utf8')) as Record<string, unknown>;
  for (const n of [...numbersIn(agg), ...numbersIn(sidecar)]) expect(Number.isFinite(n)).toBe(true);
  expect([0, 1]).toContain(agg.power_valid);
  expect(sidecar.power_valid).toBe(agg.power_valid === 1);
  expect(agg.hw).toBe('mi355x');
  const reasons = sidecar.reasons as unknown[];
  if (agg.power_valid === 1) {
    expect(reasons).toEqual([]);
    expect(typeof agg.total_gpu_energy_j).toBe('number');
  } else {
    expect(reasons.length).toBeGreaterThan(0);
    expect(agg.avg_power_w).toBeUndefined();
  }
  for (const reason of reasons) expect(reason).toMatch(/^[a-z_]+$/);
  return { agg, sidecar };
}

const ARGS = (gpus: number): string[] => [
  'aggregate',
  '--csv',
  'gpu_metrics.csv',
  '--bench-result',
  'bench.json',
  '--agg-result',
  'agg.json',
  '--expected-num-gpus',
  String(gpus),
];

describe('aggregate CLI properties (real files)', () => {
  it('arbitrary bytes as telemetry: exit 0, strict JSON out, a verdict with reasons, never a crash', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'bench.json',
      benchJson({ benchmark_start_time_unix: BASE + 0.25, benchmark_end_time_unix: BASE + 2.25, duration: 2 }),
    );
    const prefix = fc.constantFrom(
      '',
      'timestamp, index, power.draw [W]\n',
      'timestamp,gpu,socket_power\r\n',
      '\ufefftime,power\n',
      `timestamp,gpu,power\n${BASE},0,100\n${BASE + 1},0,100\n`,
    );
    await fc.assert(
      fc.asyncProperty(
        prefix,
        fc.uint8Array({ maxLength: 1500 }),
        fc.integer({ min: 1, max: 4 }),
        async (head, bytes, gpus) => {
          writeFile(dir, 'gpu_metrics.csv', Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(bytes)]));
          writeFile(dir, 'agg.json', AGG);
          const run = await cli(ARGS(gpus), dir);
          expect(run.code).toBe(0);
          readOutputs(dir);
        },
      ),
      fuzzParams(250),
    );
  });

  it('arbitrary bench JSON and agg bytes: exit 0, the agg JSON patched or left byte-identical, a strict sidecar', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'gpu_metrics.csv',
      `timestamp,gpu,power\n${[-1, 0, 1, 2, 3].map((t) => `${BASE + t},0,100`).join('\n')}\n`,
    );
    const field = fc.oneof(
      fc.jsonValue(),
      fc.double().map((d) => (Number.isFinite(d) ? d : String(d))),
      fc.constantFrom(BASE, BASE + 2, 2, 0, -1, 1e308, '1779278400'),
    );
    const bench = fc.oneof(
      fc
        .record(
          {
            benchmark_start_time_unix: field,
            benchmark_end_time_unix: field,
            duration: field,
            completed: field,
            total_input_tokens: field,
            total_output_tokens: field,
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.constant('{"benchmark_start_time_unix": 1e400, "benchmark_end_time_unix": 1e400, "duration": 1}'),
    );
    const agg = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 6 }).map((o) => JSON.stringify(o, null, 2)),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constantFrom('{"a": NaN, "b": 1.0, "power_valid": 1', '{"x": 1} trailing', '[]', '"text"', '{"a": Infinity}'),
    );
    await fc.assert(
      fc.asyncProperty(bench, agg, async (benchText, aggText) => {
        writeFile(dir, 'bench.json', benchText);
        writeFile(dir, 'agg.json', Buffer.from(aggText, 'latin1'));
        const before = readFileSync(join(dir, 'agg.json'));
        const run = await cli(ARGS(1), dir);
        expect(run.code).toBe(0);
        const sidecarText = readFileSync(join(dir, 'power_validation_bench.json'), 'utf8');
        const sidecar = JSON.parse(sidecarText) as Record<string, unknown>;
        for (const n of numbersIn(sidecar)) expect(Number.isFinite(n)).toBe(true);
        const after = readFileSync(join(dir, 'agg.json'));
        if (
          (sidecar.reasons as string[]).includes('aggregate_result_unwritable') ||
          (sidecar.reasons as string[]).includes('aggregate_result_missing')
        ) {
          expect(after.equals(before)).toBe(true);
        } else {
          const text = after.toString('utf8');
          expect(text).toMatch(new RegExp(`"power_valid": ${sidecar.power_valid ? 1 : 0}`));
        }
      }),
      fuzzParams(250),
    );
  });

  it('well-formed telemetry with BOM, CRLF or mixed line endings: the agg JSON and sidecar match the reference integral', async () => {
    const dir = tempWorkspace();
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        telemetryParams(),
        fc.constantFrom('\n', '\r\n', 'mixed'),
        fc.boolean(),
        async (params, ending, bom) => {
          const gen = generateTelemetry(params);
          const text = gen.lines
            .map((line, i) => line + (ending === 'mixed' ? (['\n', '\r\n', '\r'][i % 3] as string) : ending))
            .join('');
          writeFile(dir, 'gpu_metrics.csv', (bom ? '\ufeff' : '') + text);
          writeFile(
            dir,
            'bench.json',
            benchJson({
              benchmark_start_time_unix: gen.start,
              benchmark_end_time_unix: gen.end,
              duration: gen.end - gen.start,
            }),
          );
          writeFile(dir, 'agg.json', AGG);
          const run = await cli(ARGS(gen.gpus), dir);
          expect(run.code).toBe(0);
          const { agg, sidecar } = readOutputs(dir);
          const ref = referenceIntegral(gen.rows, gen.start, gen.end, 3, gen.gpus);
          expect(new Set(sidecar.reasons as string[])).toEqual(ref.reasons);
          expect(agg.power_valid).toBe(ref.valid ? 1 : 0);
          const perGpu = sidecar.per_gpu_energy_j as Record<string, number>;
          for (const [gpu, energy] of ref.energyJ) expect(closeTo(perGpu[gpu] as number, energy)).toBe(true);
          if (ref.valid) {
            valid += 1;
            // The agg JSON carries the total rounded to 3 decimals.
            expect(Math.abs((agg.total_gpu_energy_j as number) - (ref.totalEnergyJ as number))).toBeLessThanOrEqual(
              0.0005 + 1e-9 * (ref.totalEnergyJ as number),
            );
            expect(agg.avg_total_gpu_power_w).toBeCloseTo((ref.totalEnergyJ as number) / (gen.end - gen.start), 2);
          }
        },
      ),
      fuzzParams(200),
    );
    expect(valid).toBeGreaterThan(20);
  });
});
