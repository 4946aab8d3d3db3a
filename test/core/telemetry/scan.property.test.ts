import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTo, fuzzParams, prng } from '../../helpers/fuzz.js';
import { numbersIn, runCore, type CoreOutcome } from '../../helpers/core-run.js';
import { referenceIntegral } from '../../helpers/reference-power.js';
import {
  generateTelemetry,
  telemetryParams,
  type GeneratedTelemetry,
  type TelemetryRow,
} from '../../helpers/telemetry-gen.js';

const MAX_GAP = 3;

function core(gen: GeneratedTelemetry, lines = gen.lines, window: { start: number; end: number } = gen): CoreOutcome {
  return runCore(lines, { start: window.start, end: window.end, maxSampleGapS: MAX_GAP, expectedGpus: gen.gpus });
}

/** The same samples as a plain `timestamp,gpu,power` CSV (epoch seconds, shortest round-trip numbers). */
function plainLines(rows: Array<Pick<TelemetryRow, 't' | 'gpu'> & { power: string }>): string[] {
  return ['timestamp,gpu,power', ...rows.map((r) => `${String(r.t)},${r.gpu},${r.power}`)];
}

function assertFinite(outcome: CoreOutcome): void {
  for (const n of numbersIn(outcome.summary)) expect(Number.isFinite(n)).toBe(true);
  if (outcome.valid) expect(outcome.summary?.totalEnergyJ).toBeGreaterThanOrEqual(0);
  else expect(outcome.reasons.length).toBeGreaterThan(0);
  for (const message of outcome.messages) expect(message.length).toBeGreaterThan(0);
}

/** Cases that are usually valid: the window is bracketed with margin and rarely has gaps. */
const mostlyValid = telemetryParams({
  leadS: fc.double({ min: 1, max: 6, noNaN: true }),
  tailS: fc.double({ min: 1, max: 6, noNaN: true }),
  periodMs: fc.integer({ min: 150, max: 1500 }),
  dropRate: fc.constantFrom(0, 0.05),
});

describe('telemetry core properties (TelemetryScan + summariseDevices)', () => {
  it('agrees with an independent reference integral on well-formed CSVs of every shape', () => {
    let valid = 0;
    let runs = 0;
    fc.assert(
      fc.property(telemetryParams(), (params) => {
        const gen = generateTelemetry(params);
        const outcome = core(gen);
        const ref = referenceIntegral(gen.rows, gen.start, gen.end, MAX_GAP, gen.gpus);
        runs += 1;
        if (ref.valid) valid += 1;
        assertFinite(outcome);
        expect(new Set(outcome.reasons)).toEqual(ref.reasons);
        expect(outcome.valid).toBe(ref.valid);
        expect(new Set(outcome.summary?.gpuIds ?? [])).toEqual(new Set(ref.gpuIds));
        for (const [gpu, energy] of ref.energyJ) {
          const ours = outcome.summary?.energyJ[gpu];
          expect(ours !== undefined && closeTo(ours, energy), `GPU ${gpu}: ${ours} vs reference ${energy}`).toBe(true);
        }
        if (ref.valid) expect(closeTo(outcome.summary?.totalEnergyJ as number, ref.totalEnergyJ as number)).toBe(true);
      }),
      fuzzParams(1500),
    );
    // The generator must exercise both outcomes, or the comparison says little.
    expect(valid).toBeGreaterThan(runs * 0.15);
    expect(valid).toBeLessThan(runs * 0.95);
  });

  it('agrees with the reference when the window edges fall exactly on sample timestamps', () => {
    fc.assert(
      fc.property(telemetryParams(), fc.nat(), fc.nat(), (params, a, b) => {
        const gen = generateTelemetry(params);
        const times = [...new Set(gen.rows.map((r) => r.t))].sort((x, y) => x - y);
        fc.pre(times.length >= 2);
        const i = a % (times.length - 1);
        const start = times[i] as number;
        const end = times[i + 1 + (b % (times.length - 1 - i))] as number;
        const outcome = core(gen, gen.lines, { start, end });
        const ref = referenceIntegral(gen.rows, start, end, MAX_GAP, gen.gpus);
        assertFinite(outcome);
        expect(new Set(outcome.reasons)).toEqual(ref.reasons);
        for (const [gpu, energy] of ref.energyJ)
          expect(closeTo(outcome.summary?.energyJ[gpu] as number, energy)).toBe(true);
      }),
      fuzzParams(500),
    );
  });

  it('without a GPU column, the k-th row of a timestamp is GPU k, and the result matches the reference', () => {
    fc.assert(
      fc.property(
        telemetryParams({
          shape: fc.constant('nvidia-smi'),
          dropRate: fc.constant(0),
          dupRate: fc.constant(0),
          order: fc.constant('sorted'),
          repeatedHeaders: fc.constant(0),
        }),
        (params) => {
          const gen = generateTelemetry(params);
          // One timestamp per query for all GPUs, as `nvidia-smi --query-gpu=timestamp,power.draw` prints.
          const rows = gen.rows.map((r, i) => {
            const round = Math.floor(i / gen.gpus);
            const first = gen.rows[round * gen.gpus] as TelemetryRow;
            return {
              t: first.t,
              gpu: String(i % gen.gpus),
              watts: r.watts,
              line: `${first.line.split(',')[0]}, ${r.watts.toFixed(2)} W`,
            };
          });
          const outcome = core(gen, ['timestamp, power.draw [W]', ...rows.map((r) => r.line)]);
          const ref = referenceIntegral(rows, gen.start, gen.end, MAX_GAP, gen.gpus);
          expect(new Set(outcome.reasons)).toEqual(ref.reasons);
          for (const [gpu, energy] of ref.energyJ)
            expect(closeTo(outcome.summary?.energyJ[gpu] as number, energy)).toBe(true);
        },
      ),
      fuzzParams(300),
    );
  });

  it('energy scales linearly when every power value scales', () => {
    fc.assert(
      fc.property(telemetryParams(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (params, factor) => {
        const gen = generateTelemetry(params);
        const base = core(gen, plainLines(gen.rows.map((r) => ({ ...r, power: String(r.watts) }))));
        const scaled = core(gen, plainLines(gen.rows.map((r) => ({ ...r, power: String(r.watts * factor) }))));
        expect(scaled.reasons).toEqual(base.reasons);
        for (const [gpu, energy] of Object.entries(base.summary?.energyJ ?? {})) {
          expect(closeTo(scaled.summary?.energyJ[gpu] as number, energy * factor)).toBe(true);
        }
        if (base.valid)
          expect(closeTo(scaled.summary?.totalEnergyJ as number, (base.summary?.totalEnergyJ as number) * factor)).toBe(
            true,
          );
      }),
      fuzzParams(600),
    );
  });

  it('rows beyond the window plus the gap margin change nothing, whatever their GPU or power cell', () => {
    const extraRow = fc.record({
      side: fc.boolean(),
      beyond: fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
      gpu: fc.oneof(fc.integer({ min: 0, max: 20 }).map(String), fc.constantFrom('GPU-0', '', 'x')),
      power: fc.oneof(
        fc.double({ min: 0, max: 2000, noNaN: true }).map(String),
        fc.constantFrom('[N/A]', '-5', 'Unknown', '1e999', ''),
      ),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(telemetryParams(), fc.array(extraRow, { minLength: 1, maxLength: 30 }), (params, extras) => {
        const gen = generateTelemetry(params);
        const lines = plainLines(gen.rows.map((r) => ({ ...r, power: String(r.watts) })));
        const before = core(gen, lines);
        const withExtras = [...lines];
        for (const extra of extras) {
          const t = extra.side ? gen.end + MAX_GAP + extra.beyond : gen.start - MAX_GAP - extra.beyond;
          withExtras.splice(1 + (extra.at % withExtras.length), 0, `${String(t)},${extra.gpu},${extra.power}`);
        }
        const after = core(gen, withExtras);
        expect(after.reasons).toEqual(before.reasons);
        expect(after.summary?.gpuIds).toEqual(before.summary?.gpuIds);
        for (const [gpu, energy] of Object.entries(before.summary?.energyJ ?? {})) {
          expect(closeTo(after.summary?.energyJ[gpu] as number, energy, 1e-12)).toBe(true);
        }
      }),
      fuzzParams(600),
    );
  });

  it('splitting the window in two and adding the energies gives the whole', () => {
    let validWholes = 0;
    let runs = 0;
    fc.assert(
      fc.property(mostlyValid, fc.double({ min: 0.02, max: 0.98, noNaN: true }), (params, fraction) => {
        const gen = generateTelemetry(params);
        const whole = core(gen);
        runs += 1;
        if (!whole.valid) return;
        validWholes += 1;
        const middle = gen.start + (gen.end - gen.start) * fraction;
        const left = core(gen, gen.lines, { start: gen.start, end: middle });
        const right = core(gen, gen.lines, { start: middle, end: gen.end });
        expect(left.valid && right.valid).toBe(true);
        for (const [gpu, energy] of Object.entries(whole.summary?.energyJ ?? {})) {
          expect(
            closeTo((left.summary?.energyJ[gpu] as number) + (right.summary?.energyJ[gpu] as number), energy),
          ).toBe(true);
        }
        expect(
          closeTo(
            (left.summary?.totalEnergyJ as number) + (right.summary?.totalEnergyJ as number),
            whole.summary?.totalEnergyJ as number,
          ),
        ).toBe(true);
      }),
      fuzzParams(600),
    );
    expect(validWholes).toBeGreaterThan(runs * 0.5);
  });

  it('arbitrary text after a real or random header never throws and never yields a non-finite number', () => {
    const header = fc.oneof(
      fc.constantFrom(
        'timestamp, index, power.draw [W], temperature.gpu',
        'timestamp,gpu,socket_power',
        'time,power',
        'timestamp,power.draw [W]',
        '\ufefftimestamp,gpu,power',
      ),
      fc.string({ maxLength: 40 }),
    );
    const cell = fc.oneof(
      fc.constantFrom(
        '2026/05/20 12:00:01.000',
        '1779278401',
        '1779278401000',
        '2026-05-20T12:00:02Z',
        '0',
        '1',
        '612.34 W',
        '[N/A]',
        'Unknown',
        '-1',
        '1e308',
        '1e999',
        'NaN',
        '"',
        '""',
        ' ',
        '\u0000',
        '\ufffd',
      ),
      fc.double().map(String),
      fc.string({ maxLength: 12, unit: 'binary' }),
    );
    const line = fc.oneof(
      fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(',')),
      fc.string({ maxLength: 60, unit: 'binary' }),
    );
    fc.assert(
      fc.property(
        header,
        fc.array(line, { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 16 }),
        (head, body, cut, gpus) => {
          const start = 1_779_278_400 + 0.5;
          const outcome = runCore(
            [head, ...body],
            { start, end: start + 2, maxSampleGapS: MAX_GAP, expectedGpus: gpus },
            cut,
          );
          assertFinite(outcome);
        },
      ),
      fuzzParams(1500),
    );
  });

  it('random corruption of a well-formed CSV never throws; a valid verdict always has a finite energy', () => {
    const NASTY = [
      '\r',
      '\n',
      '\r\n',
      '"',
      ',',
      '\u0000',
      '\ufffd',
      '\ufeff',
      'NaN',
      '1e999',
      '-',
      '[N/A]',
      'Unknown',
      'e5',
      ' W',
      'mW',
      '9'.repeat(400),
    ];
    fc.assert(
      fc.property(
        telemetryParams(),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.nat()), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (params, edits, cut) => {
          const gen = generateTelemetry(params);
          let text = gen.lines.join('\n');
          const rand = prng(params.seed ^ 0x5bd1e995);
          for (const [pos, kind, pick] of edits) {
            const at = pos % (text.length + 1);
            if (kind === 0) text = text.slice(0, at) + (NASTY[pick % NASTY.length] as string) + text.slice(at);
            else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + (pick % 40));
            else if (kind === 2)
              text = text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x10000)) + text.slice(at + 1);
            else text = text.slice(0, at);
          }
          const lines = text.split(/\r\n|\r|\n/);
          assertFinite(
            runCore(lines, { start: gen.start, end: gen.end, maxSampleGapS: MAX_GAP, expectedGpus: gen.gpus }, cut),
          );
        },
      ),
      fuzzParams(1000),
    );
  });
});
