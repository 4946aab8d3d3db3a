import { describe, expect, it } from 'vitest';
import type { BenchWindow } from '../../../src/core/bench.js';
import type { PackageAudit } from '../../../src/core/multinode/audit.js';
import { buildPackageSidecar, type PackageSidecarInput } from '../../../src/core/multinode/sidecar.js';
import { Findings } from '../../../src/core/reasons.js';

const BENCH: BenchWindow = {
  startUnix: 1000,
  endUnix: 1010.5,
  reportedDurationS: 10.4,
  completed: 64,
  totalInputTokens: 64_000,
  totalOutputTokens: 32_000,
};

function audit(over: Partial<PackageAudit> = {}): PackageAudit {
  return {
    findings: new Findings(),
    failures: [],
    storedValid: true,
    recomputedValid: true,
    producerCommit: 'abc123',
    exporterImageSha256: 'sha256:ff',
    selectedWindow: { window_file: 'windows/w1.json' },
    perGpuRole: { 'node-1:0': 'prefill', 'node-2:0': 'decode' },
    devices: {
      gpuIds: ['node-1:0', 'node-2:0'],
      sampleCounts: { 'node-1:0': 11, 'node-2:0': 11 },
      maxGapS: { 'node-1:0': 1, 'node-2:0': 1 },
      energyJ: { 'node-1:0': 5_000, 'node-2:0': 7_000 },
      issues: {},
    },
    expectedGpuCount: 2,
    observedGpuCount: 2,
    metrics: { total_gpu_energy_j: 12_000, joules_per_output_token: 12_000 / 32_000 },
    roleInsights: null,
    ...over,
  };
}

function input(over: Partial<PackageSidecarInput> = {}): PackageSidecarInput {
  return {
    valid: true,
    reasons: [],
    audit: audit(),
    powerDir: '/w/power',
    benchResult: '/w/result.json',
    bench: BENCH,
    expectedProducerSha: 'abc123',
    ...over,
  };
}

describe('buildPackageSidecar', () => {
  it('records the verdict, the producer evidence and the per-GPU figures', () => {
    const sidecar = buildPackageSidecar(input());
    expect(sidecar).toEqual({
      schema_version: 1,
      power_valid: true,
      reasons: [],
      reason_messages: {},
      failures: [],
      telemetry_source: '/w/power',
      benchmark_result: '/w/result.json',
      benchmark_window: {
        start_time_unix: 1000,
        end_time_unix: 1010.5,
        reported_duration_s: 10.4,
        integration_duration_s: 10.5, // 1010.5 - 1000: the window integrated, not the duration reported
        completed: 64,
        total_input_tokens: 64_000,
        total_output_tokens: 32_000,
      },
      selected_window: { window_file: 'windows/w1.json' },
      integration_method: 'per_device_trapezoidal_with_linear_boundary_interpolation',
      max_sample_gap_s: 3,
      producer: {
        producer_git_commit: 'abc123',
        expected_producer_git_commit: 'abc123',
        exporter_image_sha256: 'sha256:ff',
        stored_publication_valid: true,
        recomputed_publication_valid: true,
      },
      expected_gpu_count: 2,
      observed_gpu_count: 2,
      per_gpu_role: { 'node-1:0': 'prefill', 'node-2:0': 'decode' },
      per_gpu_sample_counts: { 'node-1:0': 11, 'node-2:0': 11 },
      per_gpu_max_sample_gap_s: { 'node-1:0': 1, 'node-2:0': 1 },
      per_gpu_energy_j: { 'node-1:0': 5_000, 'node-2:0': 7_000 },
      device_issues: {},
      metrics: { total_gpu_energy_j: 12_000, joules_per_output_token: 0.375 },
      insights: null,
    });
  });

  it('lists reason codes in order with one message per code', () => {
    const failure = 'samples.csv has 79 rows, the manifest says 80';
    const sidecar = buildPackageSidecar(
      input({
        valid: false,
        reasons: [
          { code: 'publication_recompute_mismatch', message: failure },
          { code: 'sampling_gap_exceeded', message: 'node-2:0 has a 5 s gap.' },
        ],
        audit: audit({ failures: [failure], recomputedValid: false }),
      }),
    );
    expect(sidecar.power_valid).toBe(false);
    expect(sidecar.reasons).toEqual(['publication_recompute_mismatch', 'sampling_gap_exceeded']);
    expect(sidecar.reason_messages).toEqual({
      publication_recompute_mismatch: failure,
      sampling_gap_exceeded: 'node-2:0 has a 5 s gap.',
    });
    expect(sidecar.failures).toEqual([failure]);
    expect((sidecar.producer as Record<string, unknown>).recomputed_publication_valid).toBe(false);
  });

  it('writes null for what is unknown: the window, the expected commit, an overflowed energy', () => {
    const sidecar = buildPackageSidecar(
      input({
        bench: undefined,
        expectedProducerSha: undefined,
        audit: audit({
          devices: {
            gpuIds: ['a', 'b', 'c'],
            sampleCounts: {},
            maxGapS: {},
            energyJ: { a: Infinity, b: Number.NaN, c: 0 },
            issues: { a: ['power_value_out_of_range'] },
          },
        }),
      }),
    );
    expect(sidecar.benchmark_window).toBeNull();
    expect((sidecar.producer as Record<string, unknown>).expected_producer_git_commit).toBeNull();
    expect(sidecar.per_gpu_energy_j).toEqual({ a: null, b: null, c: 0 });
    expect(sidecar.device_issues).toEqual({ a: ['power_value_out_of_range'] });
  });

  it('rounds metrics to 6 digits as Python does', () => {
    const sidecar = buildPackageSidecar(
      input({ audit: audit({ metrics: { tie: 84_000 / 4_096, third: 1 / 3, big: 1_234_567.000_000_4 } }) }),
    );
    // 20.5078125 is an exact binary tie: half to even gives 20.507812.
    expect(sidecar.metrics).toEqual({ tie: 20.507812, third: 0.333333, big: 1_234_567 });
  });

  it('nests role insights under roles', () => {
    const roles = {
      decode: {
        gpus: ['node-2:0'],
        phases: [],
        quality: {
          gpus_reporting: '1/1',
          per_gpu_coverage: {},
          median_interval_s: 1,
          median_interval_method: '',
          energy_bound_j: 0,
        },
        efficiency: { output_tokens_per_joule: null },
      },
    };
    expect(buildPackageSidecar(input({ audit: audit({ roleInsights: roles }) })).insights).toEqual({ roles });
  });
});
