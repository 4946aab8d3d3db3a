import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { locateBenchResult, locateTelemetry } from '../io/job-inputs.js';
import { confinePath, escapesRoot, findFiles } from '../io/workspace.js';
import { measureNodePower } from '../io/power-run.js';
import { measurePackagePower } from '../io/multinode-power-run.js';
import { envFlag } from '../core/topology.js';
import { reasonCodes } from '../core/power-result.js';
import { runResultPipeline } from '../io/result-run.js';
import { multinodeGapNote } from '../core/multinode/index.js';
import { finishJob, type JobFinishOptions, type JobFinishResult } from './job-finish.js';

/**
 * The per-job step (`mode: job`): find the job's files in the workspace, produce or patch its agg
 * JSON, then upload the artifacts, render the summary and compute the outputs.
 */
export interface JobOptions
  extends Pick<
    JobFinishOptions,
    'upload' | 'retentionDays' | 'artifactPrefix' | 'runId' | 'runAttempt' | 'visualizerUrl' | 'uploader'
  > {
  workspace: string;
  env: NodeJS.ProcessEnv;
  /** Input `gpu-metrics`: a path or glob inside the workspace. */
  gpuMetrics?: string;
  /** Input `result-filename`: the bench result (`<name>` or `<name>.json`) inside the workspace. */
  resultFilename?: string;
  /** Input `expected-num-gpus`; only used when the agg JSON already exists. */
  expectedNumGpus?: number;
  /** Largest sample gap for single-node telemetry (default 3.0 s). */
  maxSampleGapS?: number;
  requirePower: boolean;
}

/** Hooks for the log: the action passes `core.group`, `core.info` and `core.warning`. */
export interface JobPorts {
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  info: (message: string) => void;
  warning: (message: string) => void;
}

export interface JobResult extends JobFinishResult {
  /** `process-result` when the job's agg JSON was written here, `aggregate` when it existed. */
  path: 'process-result' | 'aggregate' | 'aggregate-multinode';
  exitCode: number;
  /** Set when the step must fail: a configuration error (nothing written) or power required but invalid. */
  failure?: string;
  validationResult?: string;
  reasons: string[];
}

/** A job configuration the step cannot work with; the message names the input or variable. */
export class JobConfigError extends Error {}

function positiveInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/**
 * GPUs of a single-node job whose agg JSON already exists: input `expected-num-gpus`, else
 * TP x PP_SIZE x PCP_SIZE from the job environment (the process-result contract).
 */
export function expectedGpusFor(input: number | undefined, env: NodeJS.ProcessEnv): number | undefined {
  if (input !== undefined) return input;
  const tp = positiveInt(env.TP);
  if (tp === undefined) return undefined;
  return tp * (positiveInt(env.PP_SIZE) ?? 1) * (positiveInt(env.PCP_SIZE) ?? 1);
}

/**
 * The multinode power package: `$POWER_ARTIFACT_DIR` when set, else `LOGS/power` or `power` in the
 * job folder, whichever holds a manifest.json. Window result paths then resolve under the
 * package's parent folder unless `$POWER_RESULT_ROOT` says otherwise.
 */
async function locatePowerPackage(
  workspace: string,
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ powerDir: string; logsRoot: string }> {
  const logsRootFromEnv = env.POWER_RESULT_ROOT ? resolve(dir, env.POWER_RESULT_ROOT) : undefined;
  if (env.POWER_ARTIFACT_DIR)
    return { powerDir: resolve(dir, env.POWER_ARTIFACT_DIR), logsRoot: logsRootFromEnv ?? resolve(dir, 'LOGS') };
  for (const candidate of ['LOGS/power', 'power']) {
    const powerDir = await confinePath(workspace, relative(workspace, join(dir, candidate)));
    if (existsSync(join(powerDir, 'manifest.json')))
      return { powerDir, logsRoot: logsRootFromEnv ?? dirname(powerDir) };
  }
  return { powerDir: resolve(dir, 'LOGS/power'), logsRoot: logsRootFromEnv ?? resolve(dir, 'LOGS') };
}

/** Every file of the power package (manifest, samples, windows), for the audit artifact. */
async function packageFiles(powerDir: string): Promise<string[]> {
  if (!existsSync(powerDir)) return [];
  const { files } = await findFiles(powerDir, '.', { maxFiles: 1000, defaultPattern: '**/*' });
  return files;
}

/** Writes a command's log inside its group; its error lines are warnings when power is invalid. */
function logged<T extends { log: { stdout: string[]; stderr: string[] } }>(
  result: T,
  valid: (r: T) => boolean,
  ports: JobPorts,
): T {
  for (const line of result.log.stdout) ports.info(line);
  for (const line of result.log.stderr) valid(result) ? ports.info(line) : ports.warning(line);
  return result;
}

export async function runJob(options: JobOptions, ports: JobPorts): Promise<JobResult> {
  const { workspace, env } = options;
  const located = await ports.group('Locate the job files', async () => {
    const bench = await locateBenchResult(workspace, options.resultFilename, env);
    const dir = dirname(bench.path);
    const multinode = envFlag(env.IS_MULTINODE);
    // A multinode job's power comes from its package; a telemetry CSV is not looked for.
    const telemetry = multinode ? undefined : await locateTelemetry(workspace, options.gpuMetrics, env);
    const aggPath = join(dir, `agg_${bench.resultFilename}.json`);
    // The benchmark wrote this folder: a file linked out of it is named and refused, never followed.
    for (const why of [...bench.refused, ...(telemetry?.refused ?? [])]) ports.warning(why);
    const aggEscape = escapesRoot(workspace, aggPath);
    if (aggEscape !== undefined)
      throw new JobConfigError(`${aggEscape}; remove the link so the agg JSON can be written in the workspace`);
    ports.info(`benchmark result: ${bench.path}`);
    ports.info(
      `agg JSON: ${aggPath}${existsSync(aggPath) ? ' (exists: its power fields are patched)' : ' (written from the job environment)'}`,
    );
    let pkg: { powerDir: string; logsRoot: string } | undefined;
    if (multinode) {
      pkg = await locatePowerPackage(workspace, dir, env);
      ports.info(
        `multinode power package: ${pkg.powerDir}${existsSync(join(pkg.powerDir, 'manifest.json')) ? '' : ' (no manifest.json)'}`,
      );
    } else if (telemetry) {
      ports.info(
        telemetry.found
          ? `telemetry: ${telemetry.path}`
          : `telemetry: none found; looked at ${telemetry.searched.join(', ')}`,
      );
    }
    return { bench, dir, telemetry, multinode, aggPath, pkg };
  });
  const { bench, dir, telemetry, multinode, aggPath, pkg } = located;
  const sidecarPath = join(dir, `power_validation_${bench.resultFilename}.json`);
  const requirePower = options.requirePower;
  // Without an input and a file, the commands search again and name every place they looked.
  const csv = telemetry && (options.gpuMetrics || telemetry.found) ? telemetry.path : undefined;

  let path: JobResult['path'];
  let exitCode = 0;
  let reasons: string[] = [];
  let validationResult: string | undefined;
  if (existsSync(aggPath)) {
    if (multinode) {
      path = 'aggregate-multinode';
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) ports.warning(note);
      const prefillGpus = positiveInt(env.PREFILL_GPUS);
      const decodeGpus = /^\s*\d+\s*$/.test(env.DECODE_GPUS ?? '') ? Number(env.DECODE_GPUS) : undefined;
      if (prefillGpus === undefined || decodeGpus === undefined)
        throw new JobConfigError(
          `${basename(aggPath)} exists and IS_MULTINODE is true: set PREFILL_GPUS (>= 1) and DECODE_GPUS (>= 0, 0 when aggregated) in the job environment`,
        );
      const result = await ports.group('Aggregate multinode GPU power', async () =>
        logged(
          await measurePackagePower({
            powerDir: pkg?.powerDir,
            logsRoot: pkg?.logsRoot,
            benchResult: bench.path,
            aggResult: aggPath,
            prefillGpus,
            decodeGpus,
            validationResult: sidecarPath,
            requirePower,
            cwd: dir,
            env,
          }),
          (r) => r.valid,
          ports,
        ),
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    } else {
      path = 'aggregate';
      const expectedNumGpus = expectedGpusFor(options.expectedNumGpus, env);
      if (expectedNumGpus === undefined)
        throw new JobConfigError(
          `${basename(aggPath)} exists, so its power fields are patched: set input 'expected-num-gpus' (TP x PP x PCP) or TP (with PP_SIZE, PCP_SIZE) in the job environment`,
        );
      const result = await ports.group('Aggregate GPU power', async () =>
        logged(
          await measureNodePower({
            csv,
            benchResult: bench.path,
            aggResult: aggPath,
            expectedNumGpus,
            validationResult: sidecarPath,
            maxSampleGapS: options.maxSampleGapS,
            requirePower,
            cwd: dir,
            env,
          }),
          (r) => r.valid,
          ports,
        ),
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    }
  } else {
    path = 'process-result';
    const result = await ports.group('Process benchmark result', async () =>
      logged(
        await runResultPipeline({
          resultDir: dir,
          resultFilename: bench.resultFilename,
          csv,
          powerDir: pkg?.powerDir,
          logsRoot: pkg?.logsRoot,
          maxSampleGapS: options.maxSampleGapS,
          requirePower,
          cwd: workspace,
          env,
        }),
        (r) => r.power?.valid !== false,
        ports,
      ),
    );
    if (!result.aggWritten) {
      const problems =
        result.problems.map((p) => `${p.subject}: ${p.problem}`).join('; ') || 'the agg JSON was not written';
      return {
        path,
        exitCode: 1,
        failure: `process-result: ${problems}`,
        reasons: [],
        outputs: {},
        summary: '',
        warnings: [],
        artifacts: [],
      };
    }
    exitCode = result.exitCode;
    reasons = reasonCodes(result.power?.reasons ?? []);
    validationResult = result.power?.sidecarPath;
  }

  const finished = await ports.group(
    options.upload ? 'Upload artifacts and write the job summary' : 'Write the job summary',
    async () => {
      const result = await finishJob({
        resultFilename: bench.resultFilename,
        aggResults: [aggPath],
        benchResult: bench.path,
        telemetryCsv: telemetry?.found ? csv : undefined,
        sidecars: existsSync(sidecarPath) ? [sidecarPath] : [],
        extras: pkg ? await packageFiles(pkg.powerDir) : [],
        upload: options.upload,
        retentionDays: options.retentionDays,
        artifactPrefix: options.artifactPrefix,
        runId: options.runId,
        runAttempt: options.runAttempt,
        visualizerUrl: options.visualizerUrl,
        uploader: options.uploader,
        // A power package named by the workflow may lie outside the workspace; nothing else may.
        roots: [workspace, ...(multinode && env.POWER_ARTIFACT_DIR && pkg ? [pkg.powerDir] : [])],
      });
      for (const artifact of result.artifacts)
        if (artifact.id !== undefined)
          ports.info(
            `uploaded ${artifact.name} (id ${artifact.id}): ${artifact.files.map((f) => relative(workspace, f) || f).join(', ')}`,
          );
      return result;
    },
  );
  const failure = exitCode !== 0 ? `power is invalid and require-power is set: ${reasons.join(', ')}` : undefined;
  return { ...finished, path, exitCode, failure, validationResult, reasons };
}
