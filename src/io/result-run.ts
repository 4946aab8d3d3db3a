import { join, resolve } from 'node:path';
import { readTextBounded, resolveTelemetryPath } from './files.js';
import { writeFileAtomic } from './atomic.js';
import { MAX_JSON_BYTES } from './json.js';
import { patchAggPower } from './agg-patch.js';
import { writeSidecar } from './sidecar.js';
import { measureNodePower } from './power-run.js';
import { measurePackagePower } from './multinode-power-run.js';
import { Findings } from '../core/reasons.js';
import { buildSidecar, DEFAULT_MAX_SAMPLE_GAP_S } from '../core/power.js';
import { multinodeGapNote } from '../core/multinode/index.js';
import { powerExitCode, type PowerResult } from '../core/power-result.js';
import { checkResultFilename, MISSING_ENV_LEAD, processResult, type ResultProblem } from '../core/process-result.js';
import { topologyGpuCount, type TopologyKind } from '../core/topology.js';

export interface ResultRunOptions {
  /** Folder of the job: holds <RESULT_FILENAME>.json and receives the agg JSON (default: cwd). */
  resultDir?: string;
  /** Single-node telemetry CSV; default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv. */
  csv?: string;
  /** Largest sample gap for single-node telemetry (default 3.0 s); a multinode package fixes its own. */
  maxSampleGapS?: number;
  /** Fail when power is invalid. */
  requirePower: boolean;
  /** The result's name (without .json) instead of $RESULT_FILENAME: the job step passes what it located. */
  resultFilename?: string;
  /** The multinode power package instead of $POWER_ARTIFACT_DIR or LOGS/power. */
  powerDir?: string;
  /** Where window result paths resolve, instead of $POWER_RESULT_ROOT or LOGS. */
  logsRoot?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The power steps process-result runs; a parameter so the internal-error fallback can be exercised. */
export interface PowerSteps {
  aggregate: typeof measureNodePower;
  aggregateMultinode: typeof measurePackagePower;
}

export interface ResultRun {
  exitCode: number;
  topology?: TopologyKind;
  aggResult?: string;
  aggWritten: boolean;
  problems: ResultProblem[];
  power?: PowerResult;
  log: { stdout: string[]; stderr: string[] };
  /** The agg JSON as written after the power step, for stdout (json.dumps(indent=2) layout). */
  aggJson?: string;
}

/** Exit code when the job's configuration is wrong: nothing was written. */
export const EXIT_CONFIG = 1;

/**
 * Benchmark result + environment -> agg_<RESULT_FILENAME>.json, then measured power attached
 * best-effort. A configuration error writes nothing; a power failure never loses the agg JSON.
 * The one pipeline behind `process-result` and the `job` step that has no agg JSON yet.
 */
export async function runResultPipeline(
  options: ResultRunOptions,
  steps: PowerSteps = { aggregate: measureNodePower, aggregateMultinode: measurePackagePower },
): Promise<ResultRun> {
  const log = { stdout: [] as string[], stderr: [] as string[] };
  const dir = resolve(options.cwd, options.resultDir ?? '.');
  // A located result name stands in for RESULT_FILENAME, which the agg JSON contract reads.
  const env =
    options.resultFilename === undefined ? options.env : { ...options.env, RESULT_FILENAME: options.resultFilename };
  const name = env.RESULT_FILENAME;
  const readProblems: ResultProblem[] = [];
  let benchPath = join(dir, `${name ?? '<RESULT_FILENAME>'}.json`);
  let benchText: string | undefined;
  if (name !== undefined && checkResultFilename(name) === undefined) {
    benchPath = join(dir, `${name}.json`);
    try {
      benchText = await readTextBounded(benchPath, MAX_JSON_BYTES);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      readProblems.push({
        subject: benchPath,
        problem:
          code === 'ENOENT'
            ? 'no such file; check RESULT_FILENAME (without .json) and the result-dir option'
            : `cannot be read (${(error as Error).message})`,
      });
    }
  }
  const outcome = processResult(env, benchPath, benchText);
  if (!outcome.ok || readProblems.length > 0) {
    const problems = [...readProblems, ...(outcome.ok ? [] : outcome.problems)];
    log.stderr.push(`sweep-power process-result: ${problems.length} configuration problem(s); nothing was written:`);
    // The reference's own sentences first, so scripts that look for them find them; then each problem.
    for (const lead of leadLines(problems)) log.stderr.push(`  ${lead}`);
    for (const p of problems) log.stderr.push(`  ${p.subject}: ${p.problem}`);
    return { exitCode: EXIT_CONFIG, aggWritten: false, problems, log };
  }

  const { agg } = outcome;
  const aggPath = join(dir, `agg_${agg.resultFilename}.json`);
  const sidecarPath = join(dir, `power_validation_${agg.resultFilename}.json`);
  try {
    await writeFileAtomic(aggPath, agg.text);
  } catch (error) {
    log.stderr.push(`sweep-power process-result: cannot write ${aggPath}: ${(error as Error).message}`);
    return { exitCode: 1, topology: agg.topology.kind, aggResult: aggPath, aggWritten: false, problems: [], log };
  }
  log.stdout.push(`sweep-power process-result: ${agg.topology.kind} -> ${aggPath}`);

  const requirePower = options.requirePower;
  const topology = agg.topology;
  const expectedGpus = topologyGpuCount(topology);
  let power: ResultRun['power'];
  let exitCode = 0;
  try {
    if (topology.kind === 'single-node') {
      power = await steps.aggregate({
        csv: options.csv,
        benchResult: benchPath,
        aggResult: aggPath,
        expectedNumGpus: expectedGpus,
        validationResult: sidecarPath,
        maxSampleGapS: options.maxSampleGapS,
        requirePower,
        cwd: dir,
        env,
      });
    } else {
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) log.stderr.push(note);
      power = await steps.aggregateMultinode({
        powerDir: options.powerDir,
        logsRoot: options.logsRoot,
        benchResult: benchPath,
        aggResult: aggPath,
        prefillGpus: topology.prefill.gpus,
        decodeGpus: topology.decode.gpus,
        validationResult: sidecarPath,
        requirePower,
        cwd: dir,
        env,
      });
    }
    log.stdout.push(...power.log.stdout);
    log.stderr.push(...power.log.stderr);
    exitCode = power.exitCode;
  } catch (error) {
    // A bug in power aggregation must not cost the benchmark result: record an auditable invalid verdict.
    log.stderr.push(
      `sweep-power process-result: power aggregation failed: ${(error as Error)?.message ?? String(error)}`,
    );
    const telemetrySource =
      topology.kind === 'single-node'
        ? options.csv
          ? resolve(dir, options.csv)
          : resolveTelemetryPath(env, dir).path
        : resolve(dir, options.powerDir ?? (env.POWER_ARTIFACT_DIR || 'LOGS/power'));
    power = await recordInternalError(
      aggPath,
      sidecarPath,
      benchPath,
      telemetrySource,
      expectedGpus,
      error,
      requirePower,
      log,
    );
    exitCode = power.exitCode;
  }
  const aggJson = await readTextBounded(aggPath, MAX_JSON_BYTES).catch(() => agg.text);
  return {
    exitCode,
    topology: topology.kind,
    aggResult: aggPath,
    aggWritten: true,
    problems: [],
    power,
    log,
    aggJson: aggJson.replace(/\n$/, ''),
  };
}

/** One line per distinct reference sentence; missing variables are named together, as the reference does. */
function leadLines(problems: ResultProblem[]): string[] {
  const lines: string[] = [];
  const missing = problems.filter((p) => p.lead === MISSING_ENV_LEAD).map((p) => p.subject);
  for (const p of problems) {
    if (p.lead === undefined) continue;
    const line = p.lead === MISSING_ENV_LEAD ? `${MISSING_ENV_LEAD}: ${missing.join(', ')}` : p.lead;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

async function recordInternalError(
  aggPath: string,
  sidecarPath: string,
  benchPath: string,
  telemetrySource: string,
  expectedGpus: number,
  error: unknown,
  requirePower: boolean,
  log: { stderr: string[] },
): Promise<PowerResult> {
  const message = error instanceof Error ? error.message : String(error);
  const findings = new Findings();
  findings.add(
    'aggregation_internal_error',
    `power aggregation failed unexpectedly (${message.slice(0, 200)}); the agg JSON keeps power_valid 0. Report this with the telemetry attached.`,
  );
  const aggPatched = await patchAggPower(aggPath, false, {}, findings);
  if (!aggPatched)
    log.stderr.push(
      `sweep-power process-result: could not mark ${aggPath} power_valid 0: ${findings
        .list()
        .slice(1)
        .map((f) => f.message)
        .join('; ')}`,
    );
  const reasons = findings.list().slice(0, 1);
  let sidecarWritten = false;
  try {
    const sidecar = buildSidecar({
      telemetrySource,
      benchResult: benchPath,
      valid: false,
      findings: reasons,
      expectedGpus,
      devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
      metrics: {},
      maxSampleGapS: DEFAULT_MAX_SAMPLE_GAP_S,
    });
    sidecar.internal_error = {
      type: error instanceof Error ? error.name : typeof error,
      message: message.slice(0, 500),
    };
    sidecarWritten = await writeSidecar(sidecarPath, sidecar, 'process-result', log.stderr, null);
  } catch (sidecarError) {
    log.stderr.push(
      `sweep-power process-result: cannot write the validation sidecar ${sidecarPath}: ${(sidecarError as Error).message}`,
    );
  }
  // The step fails under require-power whether or not the record could be written: power is invalid.
  return {
    valid: false,
    reasons,
    metrics: {},
    aggResult: aggPath,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(false, sidecarWritten, requirePower),
    log: { stdout: [], stderr: [] },
  };
}
