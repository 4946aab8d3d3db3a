import type { BenchWindow } from '../bench.js';
import { benchmarkWindowRecord, INTEGRATION_METHOD } from '../power.js';
import { pyRound } from '../pynum.js';
import type { Finding } from '../reasons.js';
import type { PackageAudit } from './audit.js';
import { PACKAGE_MAX_SAMPLE_GAP_S } from './contract.js';

export interface PackageSidecarInput {
  valid: boolean;
  reasons: Finding[];
  audit: PackageAudit;
  powerDir: string;
  benchResult: string;
  bench?: BenchWindow;
  expectedProducerSha?: string;
}

/** The multinode validation sidecar: the aggregate record plus the producer's evidence and roles. */
export function buildPackageSidecar(input: PackageSidecarInput): Record<string, unknown> {
  const { audit, bench } = input;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.reasons.map((r) => r.code),
    reason_messages: Object.fromEntries(input.reasons.map((r) => [r.code, r.message])),
    failures: audit.failures,
    telemetry_source: input.powerDir,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    selected_window: audit.selectedWindow,
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: PACKAGE_MAX_SAMPLE_GAP_S,
    producer: {
      producer_git_commit: audit.producerCommit,
      expected_producer_git_commit: input.expectedProducerSha ?? null,
      exporter_image_sha256: audit.exporterImageSha256,
      stored_publication_valid: audit.storedValid,
      recomputed_publication_valid: audit.recomputedValid,
    },
    expected_gpu_count: audit.expectedGpuCount,
    observed_gpu_count: audit.observedGpuCount,
    per_gpu_role: audit.perGpuRole,
    per_gpu_sample_counts: audit.devices.sampleCounts,
    per_gpu_max_sample_gap_s: audit.devices.maxGapS,
    // Overflowed energies become null: strict JSON parsers reject Infinity.
    per_gpu_energy_j: Object.fromEntries(
      Object.entries(audit.devices.energyJ).map(([k, v]) => [k, Number.isFinite(v) ? v : null]),
    ),
    device_issues: audit.devices.issues,
    metrics: Object.fromEntries(Object.entries(audit.metrics).map(([k, v]) => [k, pyRound(v, 6)])),
    insights: audit.roleInsights === null ? null : { roles: audit.roleInsights },
  };
}
