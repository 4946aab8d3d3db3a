import { describe, expect, it } from 'vitest';
import { auditPackage } from '../../../src/core/multinode/index.js';
import { BENCH_WINDOW, DISAGG, packageFiles, SHA } from './package.js';

const options = {
  benchResult: '/job/result.json',
  bench: BENCH_WINDOW,
  prefillGpus: 2,
  decodeGpus: 4,
  expectedProducerSha: SHA,
};
const codes = (audit: ReturnType<typeof auditPackage>): string[] => audit.findings.list().map((f) => f.code);

describe('auditPackage', () => {
  it('measures a disaggregated package: whole deployment and per role', () => {
    const audit = auditPackage(packageFiles(DISAGG), options);
    expect(codes(audit)).toEqual([]);
    expect(audit.recomputedValid).toBe(true);
    // Prefill 2 x 500 W x 10 s = 10,000 J; decode 4 x 700 W x 10 s = 28,000 J; 38,000 J over 6 GPUs.
    expect(audit.metrics.total_gpu_energy_j).toBeCloseTo(38_000, 9);
    expect(audit.metrics.avg_total_gpu_power_w).toBeCloseTo(3_800, 9);
    expect(audit.metrics.avg_power_w).toBeCloseTo(3_800 / 6, 9);
    expect(audit.metrics.joules_per_output_token).toBeCloseTo(38_000 / 20_000, 12);
    expect(audit.metrics.joules_per_successful_query).toBeCloseTo(38_000 / 40, 9);
    expect(audit.metrics.prefill_gpu_energy_j).toBeCloseTo(10_000, 9);
    expect(audit.metrics.prefill_avg_power_w).toBeCloseTo(500, 9);
    expect(audit.metrics.prefill_joules_per_input_token).toBeCloseTo(0.25, 12);
    expect(audit.metrics.decode_gpu_energy_j).toBeCloseTo(28_000, 9);
    expect(audit.metrics.decode_avg_power_w).toBeCloseTo(700, 9);
    expect(audit.metrics.decode_joules_per_output_token).toBeCloseTo(1.4, 12);
    expect(audit.perGpuRole).toMatchObject({ 'node-p/GPU-node-p-0': 'prefill', 'node-d/GPU-node-d-3': 'decode' });
    expect(audit.selectedWindow).toMatchObject({
      window_file: 'windows/orig.json',
      start_time_unix: 1000,
      end_time_unix: 1010,
    });
  });

  it('counts an "agg" pool as the prefill pool of an aggregated run', () => {
    const agg = [0, 1, 2, 3].map((gpu) => ({
      host: gpu < 2 ? 'node-a' : 'node-b',
      gpu: gpu % 2,
      role: 'agg' as const,
      het: null,
      watts: 600,
    }));
    const audit = auditPackage(packageFiles(agg), { ...options, prefillGpus: 4, decodeGpus: 0 });
    expect(codes(audit)).toEqual([]);
    // 4 x 600 W x 10 s = 24,000 J, all of it prefill; no decode fields without a decode pool.
    expect(audit.metrics.prefill_gpu_energy_j).toBeCloseTo(24_000, 9);
    expect(audit.metrics.prefill_avg_power_w).toBeCloseTo(600, 9);
    expect(audit.metrics).not.toHaveProperty('decode_gpu_energy_j');
  });

  it('refuses a package from an unpinned or different producer', () => {
    expect(codes(auditPackage(packageFiles(DISAGG), { ...options, expectedProducerSha: undefined }))).toEqual([
      'producer_pin_missing',
    ]);
    expect(codes(auditPackage(packageFiles(DISAGG), { ...options, expectedProducerSha: 'c'.repeat(40) }))).toEqual([
      'producer_commit_mismatch',
    ]);
  });

  it('recomputes the verdict instead of trusting the stored one', () => {
    const audit = auditPackage(
      packageFiles(DISAGG, (m) => (m.sample_row_count = 1)),
      options,
    );
    expect(audit.recomputedValid).toBe(false);
    expect(codes(audit)).toEqual(['package_recompute_invalid', 'producer_verdict_mismatch']);
    expect(audit.failures).toContain('sample_row_count is 1, samples.csv has 90 rows');
    expect(audit.metrics).toEqual({});
  });

  it('holds the role counts to the job GPU split', () => {
    const audit = auditPackage(packageFiles(DISAGG), { ...options, prefillGpus: 3, decodeGpus: 3 });
    expect(codes(audit)).toEqual(['topology_env_mismatch']);
    expect(audit.failures.join('\n')).toContain('expected 3 prefill GPUs, the manifest assigns 2');
  });

  it('binds the result to its window by content', () => {
    const files = packageFiles(DISAGG);
    files.processed = { value: { ...(files.processed.value as object), completed: 39 } };
    expect(codes(auditPackage(files, options))).toEqual(['result_content_mismatch']);
  });

  it('stops at the first gate the io layer closed', () => {
    const files = {
      ...packageFiles(DISAGG),
      manifest: undefined,
      unreadable: { code: 'manifest_missing', message: '/pkg/manifest.json: no such file' },
    };
    const audit = auditPackage(files, options);
    expect(codes(audit)).toEqual(['manifest_missing']);
    expect(audit.recomputedValid).toBeNull();
  });
});
