import { resolve } from 'node:path';
import { loadBench } from './bench.js';
import { patchAggPower } from './agg-patch.js';
import { defaultSidecarPath, writeSidecar } from './sidecar.js';
import { readPowerPackage } from './power-package.js';
import { auditPackage, buildPackageSidecar } from '../core/multinode/index.js';
import { powerExitCode, powerFailureLines, type PowerResult } from '../core/power-result.js';

export interface PackagePowerOptions {
  /** Folder with manifest.json, samples.csv, windows/ (default $POWER_ARTIFACT_DIR or LOGS/power). */
  powerDir?: string;
  /** Folder that the windows' result_path values resolve under (default $POWER_RESULT_ROOT or LOGS). */
  logsRoot?: string;
  benchResult: string;
  aggResult: string;
  prefillGpus: number;
  /** 0 for an aggregated deployment: one pool whose GPUs carry role "prefill" (or "agg"). */
  decodeGpus: number;
  /** The srt-slurm commit whose package contract is trusted (default $POWER_PRODUCER_SHA). */
  expectedProducerSha?: string;
  validationResult?: string;
  requirePower: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Multinode power: reads the bench window and the power package, audits it (core/multinode),
 * patches the agg JSON and writes the sidecar. The one pipeline behind `aggregate-multinode`,
 * `process-result` and `job`.
 */
export async function measurePackagePower(options: PackagePowerOptions): Promise<PowerResult> {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const powerDir = resolve(options.cwd, options.powerDir ?? (options.env.POWER_ARTIFACT_DIR || 'LOGS/power'));
  const logsRoot = resolve(options.cwd, options.logsRoot ?? (options.env.POWER_RESULT_ROOT || 'LOGS'));
  const sidecarPath = options.validationResult
    ? resolve(options.cwd, options.validationResult)
    : defaultSidecarPath(benchResult);
  const expectedProducerSha = options.expectedProducerSha ?? (options.env.POWER_PRODUCER_SHA || undefined);
  const log = { stdout: [] as string[], stderr: [] as string[] };

  const bench = await loadBench(benchResult);
  const files = await readPowerPackage(powerDir, logsRoot, benchResult);
  // Integration only ever sees a fully valid benchmark: a zero token count would divide by zero.
  const effective = bench.findings.length === 0 ? bench.window : undefined;
  const audit = auditPackage(files, {
    benchResult,
    bench: effective,
    prefillGpus: options.prefillGpus,
    decodeGpus: options.decodeGpus,
    expectedProducerSha,
  });
  for (const finding of bench.findings) {
    audit.findings.add(finding.code, finding.message);
    audit.failures.push(finding.message);
  }
  let valid = audit.findings.size === 0 && Object.keys(audit.metrics).length > 0;
  if (!valid) audit.metrics = {};
  const aggPatched = await patchAggPower(aggResult, valid, audit.metrics, audit.findings);
  if (!aggPatched) {
    valid = false;
    audit.metrics = {};
  }

  const reasons = audit.findings.list();
  const sidecar = buildPackageSidecar({
    valid,
    reasons,
    audit,
    powerDir,
    benchResult,
    bench: bench.window,
    expectedProducerSha,
  });
  const sidecarWritten = await writeSidecar(sidecarPath, sidecar, 'aggregate-multinode', log.stderr);

  if (valid) {
    const m = audit.metrics;
    const role = (key: string): string => (m[key] === undefined ? '' : ` ${key}=${(m[key] as number).toFixed(2)}`);
    log.stdout.push(
      `sweep-power aggregate-multinode: avg_power_w=${(m.avg_power_w as number).toFixed(2)} total_gpu_energy_j=${(m.total_gpu_energy_j as number).toFixed(2)}${role('prefill_gpu_energy_j')}${role('decode_gpu_energy_j')} (n=${audit.expectedGpuCount}) -> ${aggResult}`,
    );
  } else {
    log.stderr.push(...powerFailureLines('aggregate-multinode', reasons, sidecarPath));
  }
  return {
    valid,
    reasons,
    metrics: audit.metrics,
    aggResult,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(valid, sidecarWritten, options.requirePower),
    log,
  };
}
