import { describe, expect, it } from 'vitest';
import {
  aggPowerPatch,
  benchmarkWindowRecord,
  buildSidecar,
  derivePowerMetrics,
  deriveRoleMetrics,
  metricDigits,
  POWER_METRIC_KEYS,
  ROLE_METRIC_KEYS,
  summariseDevices,
} from '../../src/core/power.js';
import type { BenchWindow } from '../../src/core/bench.js';
import { Findings } from '../../src/core/reasons.js';
import type { DeviceResult } from '../../src/core/telemetry/integrate.js';

const SOURCE = 'gpu_metrics.csv';
const WINDOW = { start: 1000, end: 1060, maxSampleGapS: 3 };

/** A device that integrated: 600 W over the 60 s window is 36,000 J. */
function integrated(energyJ = 36_000, maxGapS = 1, maxGapAt = 1010): DeviceResult {
  return { sampleCount: 61, energyJ, maxGapS, maxGapAt };
}

function summarise(
  devices: Record<string, DeviceResult>,
  window: Parameters<typeof summariseDevices>[1] = WINDOW,
  findings = new Findings(),
) {
  const summary = summariseDevices(new Map(Object.entries(devices)), window, findings, SOURCE);
  return { summary, findings, codes: findings.codes(), messages: findings.list().map((f) => f.message) };
}

describe('summariseDevices', () => {
  it('sums the energy of every device, GPUs in numeric order', () => {
    const devices = new Map([
      ['10', integrated(30_000)],
      ['2', integrated(36_000)],
      ['1', integrated(6_000)],
    ]);
    const findings = new Findings();
    const summary = summariseDevices(devices, WINDOW, findings, SOURCE);
    const codes = findings.codes();
    expect(codes).toEqual([]);
    expect(summary.gpuIds).toEqual(['1', '2', '10']);
    expect(summary.energyJ).toEqual({ '1': 6_000, '2': 36_000, '10': 30_000 });
    expect(summary.totalEnergyJ).toBe(72_000);
    expect(summary.sampleCounts).toEqual({ '1': 61, '2': 61, '10': 61 });
    expect(summary.maxGapS).toEqual({ '1': 1, '2': 1, '10': 1 });
    expect(summary.issues).toEqual({});
  });

  it('says no samples were near the window and where to look', () => {
    const { summary, codes, messages } = summarise({});
    expect(codes).toEqual(['no_usable_power_samples']);
    expect(messages[0]).toBe(
      "gpu_metrics.csv: no power samples near the benchmark window 1000..1060. Check that the monitor ran during the benchmark and that its clock matches the benchmark's.",
    );
    expect(summary.totalEnergyJ).toBeUndefined();
  });

  it("names the file's time span when nothing is near the window", () => {
    const span = { first: 5000, last: 6000, zoneless: false };
    const { messages } = summarise({}, { ...WINDOW, telemetrySpan: span });
    expect(messages[0]).toContain("(the file's samples span 5000..6000)");
    expect(messages[0]).toContain('Check that the monitor ran');
  });

  it('points at the time zone when zone-less stamps shifted by whole hours would cover the window', () => {
    // The file sits exactly 2 h after the window: a clock 2 h ahead of the zone the stamps were read in.
    const span = { first: 1000 + 7200 - 5, last: 1060 + 7200 + 5, zoneless: true };
    const { messages } = summarise({}, { ...WINDOW, telemetrySpan: span, timeZone: 'UTC' });
    expect(messages[0]).toContain('moved by -2 h they would cover the window');
    expect(messages[0]).toContain('read in TZ=UTC');
    expect(messages[0]).not.toContain('Check that the monitor ran');
  });

  it('adds nothing when the file was already refused for its GPU identity', () => {
    const findings = new Findings();
    findings.add('gpu_identity_column_missing', 'no GPU column');
    const { codes, summary } = summarise({}, WINDOW, findings);
    expect(codes).toEqual(['gpu_identity_column_missing']);
    expect(summary.gpuIds).toEqual([]);
  });

  it('reports a GPU count that differs from the configuration, listing the GPUs seen', () => {
    const { codes, messages, summary } = summarise(
      { '0': integrated(), '1': integrated() },
      { ...WINDOW, expectedGpus: 8 },
    );
    expect(codes).toEqual(['expected_gpu_count_mismatch']);
    expect(messages[0]).toContain('telemetry has 2 GPU(s) (0, 1) but the configuration expects 8.');
    // The count is a finding, not a reason to drop the energy that was measured.
    expect(summary.totalEnergyJ).toBe(72_000);
  });

  it('lists at most 16 GPU ids in the count mismatch', () => {
    const devices = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [String(i), integrated()]));
    const { messages } = summarise(devices, { ...WINDOW, expectedGpus: 8 });
    expect(messages[0]).toContain(
      'telemetry has 17 GPU(s) (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, ...)',
    );
    const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i), integrated()]));
    expect(summarise(sixteen, { ...WINDOW, expectedGpus: 8 }).messages[0]).toContain('13, 14, 15) but');
  });

  it.each([
    ['matches', 2],
    ['is 0 (not given)', 0],
  ])('accepts any GPU count when the expected count %s', (_name, expectedGpus) => {
    expect(summarise({ '0': integrated(), '1': integrated() }, { ...WINDOW, expectedGpus }).codes).toEqual([]);
  });

  it('refuses a GPU with fewer than 2 samples and keeps no total', () => {
    const { summary, codes, messages } = summarise({
      '0': integrated(),
      '1': { sampleCount: 1, issue: 'insufficient_power_samples' },
    });
    expect(codes).toEqual(['insufficient_power_samples']);
    expect(messages[0]).toBe(
      'gpu_metrics.csv: GPU 1 has 1 sample(s) near the window; at least 2 are needed. Sample at 1 Hz or faster.',
    );
    expect(summary.issues).toEqual({ '1': ['insufficient_power_samples'] });
    expect(summary.sampleCounts).toEqual({ '0': 61, '1': 1 });
    expect(summary.energyJ).toEqual({ '0': 36_000 });
    expect(summary.maxGapS).toEqual({ '0': 1 });
    expect(summary.totalEnergyJ).toBeUndefined();
  });

  it('refuses a GPU whose samples do not bracket the window', () => {
    const { summary, codes, messages } = summarise({
      '0': { sampleCount: 30, issue: 'benchmark_window_not_bracketed', firstTime: 1030, lastTime: 1070 },
      '1': integrated(),
    });
    expect(codes).toEqual(['benchmark_window_not_bracketed']);
    expect(messages[0]).toContain('GPU 0 samples span 1030..1070 but the window is 1000..1060');
    expect(summary.issues).toEqual({ '0': ['benchmark_window_not_bracketed'] });
    expect(summary.maxGapS).toEqual({ '1': 1 });
    expect(summary.totalEnergyJ).toBeUndefined();
  });

  it('refuses an energy that overflows to Infinity but keeps its gap', () => {
    const { summary, codes, messages } = summarise({
      '0': integrated(Number.POSITIVE_INFINITY, 0.5),
      '1': integrated(),
    });
    expect(codes).toEqual(['power_value_out_of_range']);
    expect(messages[0]).toContain('GPU 0 energy over the window overflows');
    expect(summary.issues).toEqual({ '0': ['power_value_out_of_range'] });
    expect(summary.maxGapS).toEqual({ '0': 0.5, '1': 1 });
    expect(summary.energyJ).toEqual({ '1': 36_000 });
    expect(summary.totalEnergyJ).toBeUndefined();
  });

  it('refuses a total that overflows although each GPU is finite', () => {
    const { summary, codes, messages } = summarise({ '0': integrated(1e308), '1': integrated(1e308) });
    expect(codes).toEqual(['power_value_out_of_range']);
    expect(messages[0]).toBe(
      'gpu_metrics.csv: the total energy of 2 GPU(s) overflows; check the power column and its unit.',
    );
    expect(summary.energyJ).toEqual({ '0': 1e308, '1': 1e308 });
    expect(summary.totalEnergyJ).toBeUndefined();
  });

  it('flags a gap above the limit, rounded to milliseconds, with where it starts', () => {
    const { summary, codes, messages } = summarise({ '0': integrated(36_000, 4.0004, 1021.5), '1': integrated() });
    expect(codes).toEqual(['sampling_gap_exceeded']);
    expect(messages[0]).toContain(
      'GPU 0 has a 4 s gap between samples starting at 1021.5 inside the window (limit 3 s)',
    );
    expect(summary.issues).toEqual({ '0': ['sampling_gap_exceeded'] });
    // The energy is still recorded for the sidecar; the finding makes the run invalid.
    expect(summary.totalEnergyJ).toBe(72_000);
  });

  it('accepts a gap exactly at the limit', () => {
    expect(summarise({ '0': integrated(36_000, 3) }).codes).toEqual([]);
  });
});

// 8 GPUs at 600 W for 60 s: 8 x 600 x 60 = 288,000 J; 100 queries, 20,000 input and 10,000 output tokens.
const BENCH: BenchWindow = {
  startUnix: 1000,
  endUnix: 1060,
  reportedDurationS: 59.9,
  completed: 100,
  totalInputTokens: 20_000,
  totalOutputTokens: 10_000,
};

describe('derivePowerMetrics', () => {
  it('divides the energy by duration, GPUs, queries and tokens', () => {
    expect(derivePowerMetrics(288_000, 8, BENCH)).toEqual({
      avg_power_w: 600,
      avg_total_gpu_power_w: 4_800,
      total_gpu_energy_j: 288_000,
      joules_per_successful_query: 2_880,
      joules_per_input_token: 14.4,
      joules_per_output_token: 28.8,
      joules_per_total_token: 9.6,
    });
  });
});

describe('deriveRoleMetrics', () => {
  it('judges prefill energy per input token', () => {
    // 4 prefill GPUs at 500 W for 60 s: 120,000 J, 120,000 / 20,000 = 6 J per input token.
    expect(deriveRoleMetrics('prefill', 120_000, 4, BENCH)).toEqual({
      prefill_gpu_energy_j: 120_000,
      prefill_avg_power_w: 500,
      prefill_joules_per_input_token: 6,
    });
  });

  it('judges decode energy per output token', () => {
    // 4 decode GPUs at 400 W for 60 s: 96,000 J, 96,000 / 10,000 = 9.6 J per output token.
    expect(deriveRoleMetrics('decode', 96_000, 4, BENCH)).toEqual({
      decode_gpu_energy_j: 96_000,
      decode_avg_power_w: 400,
      decode_joules_per_output_token: 9.6,
    });
  });
});

describe('metricDigits', () => {
  it.each([
    ['avg_power_w', 3],
    ['prefill_avg_power_w', 3],
    ['total_gpu_energy_j', 3],
    ['joules_per_total_token', 6],
    ['power_w_ratio', 6],
  ])('%s keeps %i decimals', (key, digits) => {
    expect(metricDigits(key)).toBe(digits);
  });
});

describe('aggPowerPatch', () => {
  const ALL_KEYS = [...POWER_METRIC_KEYS, ...ROLE_METRIC_KEYS, 'power_invalid_reasons'];

  it('writes the rounded metrics after the version and verdict of a valid run', () => {
    const patch = aggPowerPatch(true, {
      avg_power_w: 612.3456,
      joules_per_total_token: 0.12345678,
      total_gpu_energy_j: 288_000,
      joules_per_input_token: undefined,
    });
    expect([...patch.remove].sort()).toEqual([...ALL_KEYS].sort());
    expect(patch.set).toEqual([
      ['power_metric_schema_version', '2'],
      ['power_valid', '1'],
      ['avg_power_w', '612.346'],
      ['joules_per_total_token', '0.123457'],
      ['total_gpu_energy_j', '288000.0'],
    ]);
  });

  it('writes only the version and power_valid 0 for an invalid run, and removes every stale metric', () => {
    const patch = aggPowerPatch(false, { avg_power_w: 600 });
    expect(patch.set).toEqual([
      ['power_metric_schema_version', '2'],
      ['power_valid', '0'],
    ]);
    expect([...patch.remove].sort()).toEqual([...ALL_KEYS].sort());
  });

  it('refuses to write a non-finite metric', () => {
    expect(() => aggPowerPatch(true, { avg_power_w: Number.NaN })).toThrow(/non-finite power metric avg_power_w/);
  });
});

describe('benchmarkWindowRecord', () => {
  it('records the window with the integrated duration next to the reported one', () => {
    expect(benchmarkWindowRecord(BENCH)).toEqual({
      start_time_unix: 1000,
      end_time_unix: 1060,
      reported_duration_s: 59.9,
      integration_duration_s: 60,
      completed: 100,
      total_input_tokens: 20_000,
      total_output_tokens: 10_000,
    });
  });

  it('is null without a benchmark', () => {
    expect(benchmarkWindowRecord(undefined)).toBeNull();
  });
});

describe('buildSidecar', () => {
  const devices = {
    gpuIds: ['0', '1'],
    sampleCounts: { '0': 61, '1': 61 },
    maxGapS: { '0': 1, '1': 1.5 },
    energyJ: { '0': 36_000, '1': 36_000 },
    issues: {},
    totalEnergyJ: 72_000,
  };

  it('records a valid run in full', () => {
    const sidecar = buildSidecar({
      telemetrySource: 'gpu_metrics.csv',
      telemetryFormat: 'nvidia-smi',
      gpuIdentity: { method: 'column', column: 'index' },
      benchResult: 'result.json',
      bench: BENCH,
      valid: true,
      findings: [],
      expectedGpus: 2,
      devices,
      metrics: { avg_power_w: 600.0000004, total_gpu_energy_j: 72_000, joules_per_total_token: 1 / 3 },
      notes: {
        preambleLines: 2,
        repeatedHeaderLines: 1,
        truncatedLastLine: true,
        outOfOrderGpus: ['3'],
        overlongLines: 4,
      },
      maxSampleGapS: 3,
    });
    expect(sidecar).toEqual({
      schema_version: 1,
      power_valid: true,
      reasons: [],
      reason_messages: {},
      telemetry_source: 'gpu_metrics.csv',
      telemetry_format: 'nvidia-smi',
      gpu_identity: { method: 'column', column: 'index' },
      benchmark_result: 'result.json',
      benchmark_window: benchmarkWindowRecord(BENCH),
      // The reference's name for the method, kept for sidecar readers.
      integration_method: 'per_device_trapezoidal_with_linear_boundary_interpolation',
      max_sample_gap_s: 3,
      expected_gpu_count: 2,
      observed_gpu_count: 2,
      observed_gpu_ids: ['0', '1'],
      per_gpu_sample_counts: { '0': 61, '1': 61 },
      per_gpu_max_sample_gap_s: { '0': 1, '1': 1.5 },
      per_gpu_energy_j: { '0': 36_000, '1': 36_000 },
      device_issues: {},
      telemetry_notes: {
        preamble_lines: 2,
        repeated_header_lines: 1,
        truncated_last_line: true,
        out_of_order_gpus: ['3'],
        overlong_lines: 4,
      },
      metrics: { avg_power_w: 600, total_gpu_energy_j: 72_000, joules_per_total_token: 0.333333 },
    });
  });

  it('records the reasons of an invalid run and null for what is unknown', () => {
    const sidecar = buildSidecar({
      telemetrySource: 'gpu_metrics.csv',
      benchResult: 'result.json',
      valid: false,
      findings: [
        { code: 'telemetry_file_missing', message: 'gpu_metrics.csv: not found' },
        { code: 'invalid_benchmark_result', message: 'result.json: not JSON' },
      ],
      devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
      metrics: { avg_power_w: Number.NaN, total_gpu_energy_j: Number.POSITIVE_INFINITY },
      maxSampleGapS: 3,
    });
    expect(sidecar).toMatchObject({
      power_valid: false,
      reasons: ['telemetry_file_missing', 'invalid_benchmark_result'],
      reason_messages: {
        telemetry_file_missing: 'gpu_metrics.csv: not found',
        invalid_benchmark_result: 'result.json: not JSON',
      },
      telemetry_format: null,
      gpu_identity: null,
      benchmark_window: null,
      expected_gpu_count: null,
      observed_gpu_count: 0,
      telemetry_notes: null,
    });
    // Non-finite metrics are left out rather than written as null.
    expect(sidecar.metrics).toEqual({});
  });
});
