import { describe, expect, it } from 'vitest';
import { parsePower, parseTimestamp } from '../../../src/core/telemetry/values.js';
import { detectSchema } from '../../../src/core/telemetry/schema.js';
import { DeviceIntegrator, integrateSamples } from '../../../src/core/telemetry/integrate.js';
import { splitCsvLine } from '../../../src/core/telemetry/csvline.js';

// The suite runs with TZ=UTC (vitest.config.ts), so naive local timestamps are UTC here.
const T0 = Date.UTC(2026, 4, 20, 12, 0, 1) / 1000;

describe('parseTimestamp', () => {
  it.each([
    ['2026/05/20 12:00:01.123', T0 + 0.123],
    ['2026/05/20 12:00:01', T0],
    ['2026-05-20T12:00:01.5', T0 + 0.5],
    ['2026-05-20 12:00:01', T0],
    ['2026-05-20T12:00:01Z', T0],
    ['2026-05-20T14:00:01+02:00', T0],
    ['2026-05-20T07:30:01.25-0430', T0 + 0.25],
    [String(T0), T0],
    [String(T0 * 1000 + 250), T0 + 0.25],
    ['  1779278401.5 ', T0 + 0.5],
  ])('%s', (text, expected) => {
    expect(parseTimestamp(text)).toBeCloseTo(expected, 6);
  });

  it.each(['', 'yesterday', '2026/13/01 00:00:00', '2026/02/30 00:00:00', '2026/05/20 25:00:00', '1e9', 'NaN'])(
    'rejects %j',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});

describe('parsePower', () => {
  it.each([
    ['612.34 W', 612.34],
    [' 612.34 ', 612.34],
    ['350', 350],
    ['6.1234e2 W', 612.34],
    ['0.5w', 0.5],
    ['-5 W', -5],
  ])('%s -> %s', (text, watts) => {
    expect(parsePower(text)).toBeCloseTo(watts, 9);
  });

  it.each(['[N/A]', 'N/A', 'Unknown', '[Not Supported]', '', 'W', 'abc', '612 mW', '0x10'])('rejects %j', (text) => {
    expect(parsePower(text)).toBeUndefined();
  });
});

describe('detectSchema', () => {
  it('finds the nvidia-smi columns and skips power.limit', () => {
    expect(detectSchema(['timestamp', ' index', ' power.limit [W]', ' power.draw [W]'])).toMatchObject({
      format: 'nvidia-smi',
      timestampIndex: 0,
      gpuIndex: 1,
      powerIndex: 3,
    });
  });

  it('prefers socket_power in an amd-smi watch header even after other power-ish columns', () => {
    const header = ['timestamp', 'gpu', 'gfx_activity', 'power_management', 'socket_power', 'gfx_voltage', 'max_power'];
    expect(detectSchema(header)).toMatchObject({ format: 'amd-smi', timestampIndex: 0, gpuIndex: 1, powerIndex: 4 });
  });

  it('has no GPU column when none is named, and no schema without time or power', () => {
    expect(detectSchema(['time', 'slot', 'board power (W)'])).toMatchObject({
      format: 'generic-csv',
      gpuIndex: -1,
      powerIndex: 2,
    });
    expect(detectSchema(['timestamp', 'index', 'power.limit [W]'])).toBeUndefined();
    expect(detectSchema(['index', 'power.draw [W]'])).toBeUndefined();
  });
});

describe('splitCsvLine', () => {
  it('handles quoted cells with commas and escaped quotes', () => {
    expect(splitCsvLine(' "2026/05/20 12:00:01", "0", "61,5 ""W"""')).toEqual(['2026/05/20 12:00:01', '0', '61,5 "W"']);
    expect(splitCsvLine('a, b ,c')).toEqual(['a', 'b', 'c']);
  });
});

describe('DeviceIntegrator', () => {
  it('integrates trapezoids with linear interpolation at the window edges', () => {
    // Samples: t=-1 0 W, t=1 200 W, t=3 200 W, t=5 0 W; window [0, 4].
    // P(0) = 100 W, P(4) = 100 W. Energy = (100+200)/2*1 + 200*2 + (200+100)/2*1 = 150 + 400 + 150 = 700 J.
    const d = new DeviceIntegrator(0, 4);
    for (const [t, p] of [
      [-1, 0],
      [1, 200],
      [3, 200],
      [5, 0],
    ] as const)
      d.push(t, p);
    expect(d.finish()).toEqual({ sampleCount: 4, energyJ: 700, maxGapS: 2, maxGapAt: -1 });
  });

  it('averages samples that share a timestamp', () => {
    // t=0: 500 and 700 -> 600 W; t=10: 600 W. 600 W x 10 s = 6000 J.
    const d = new DeviceIntegrator(0, 10);
    d.push(0, 500);
    d.push(0, 700);
    d.push(10, 600);
    expect(d.finish()).toMatchObject({ sampleCount: 2, energyJ: 6000, maxGapS: 10 });
  });

  it('reports a window the samples do not bracket, and too few samples', () => {
    const late = new DeviceIntegrator(0, 10);
    late.push(1, 100);
    late.push(11, 100);
    expect(late.finish()).toMatchObject({ issue: 'benchmark_window_not_bracketed', firstTime: 1, lastTime: 11 });
    const lone = new DeviceIntegrator(0, 10);
    lone.push(0, 100);
    expect(lone.finish()).toMatchObject({ issue: 'insufficient_power_samples', sampleCount: 1 });
  });

  it('measures gaps only over the samples that bound the window', () => {
    // A 30 s gap before the window (t=-40..-10) does not count; inside the largest gap is 4 s (2..6).
    const d = new DeviceIntegrator(0, 10);
    for (const t of [-40, -10, -1, 2, 6, 9, 11, 60]) d.push(t, 100);
    expect(d.finish()).toMatchObject({ maxGapS: 4, maxGapAt: 2, energyJ: 1000 });
  });

  it('has no samples before the first push', () => {
    expect(new DeviceIntegrator(0, 10).finish()).toEqual({ sampleCount: 0, issue: 'insufficient_power_samples' });
  });

  it('knows the latest accepted time, including a sample still being averaged', () => {
    const d = new DeviceIntegrator(0, 10);
    expect(d.latestTime).toBeNaN();
    d.push(5, 100);
    expect(d.latestTime).toBe(5);
    d.push(7, 100);
    expect(d.latestTime).toBe(7);
    d.push(7, 300);
    expect(d.latestTime).toBe(7);
  });

  it('leaves out a gap that ends exactly at the window start or begins exactly at its end', () => {
    // Window [0, 2]: the 10 s gaps -10..0 and 2..12 only touch it; inside, 1 s steps at 100 W give 200 J.
    const d = new DeviceIntegrator(0, 2);
    for (const t of [-10, 0, 1, 2, 12]) d.push(t, 100);
    expect(d.finish()).toEqual({ sampleCount: 5, energyJ: 200, maxGapS: 1, maxGapAt: 0 });
  });

  it('reports the first of two equally long gaps', () => {
    const d = new DeviceIntegrator(0, 6);
    for (const t of [0, 2, 3, 4, 6]) d.push(t, 100);
    expect(d.finish()).toMatchObject({ maxGapS: 2, maxGapAt: 0, energyJ: 600 });
  });

  it('sorts unordered samples before integrating', () => {
    expect(integrateSamples([10, -1, 5, 0], [100, 100, 300, 100], 0, 10)).toMatchObject({
      energyJ: 2000,
      sampleCount: 4,
    });
  });
});
