import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { runAggregate } from './commands/aggregate.js';
import { runAggregateMultinode } from './commands/aggregateMultinode.js';
import { runProcessResult } from './commands/processResult.js';
import { runJob } from './commands/job.js';
import { buildReport } from './commands/report.js';
import { writeFileAtomic } from './io/atomic.js';
import { DEFAULT_CHANGELOG, DEFAULT_CONFIGS, runValidateChangelog } from './commands/validateChangelog.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Exit code for wrong flags or values: nothing is written. */
export const EXIT_USAGE = 2;

const USAGE = `Usage: sweep-power <command> [flags]

Commands:
  aggregate   Measured GPU power over the benchmark window, patched into the agg JSON.
              --bench-result BENCH.json     raw benchmark result (window and token counts)   (required)
              --agg-result AGG.json         agg JSON to patch in place                       (required)
              --expected-num-gpus N         GPUs of the node: TP x PP x PCP                  (required)
              --csv CSV                     telemetry CSV (default: $GPU_METRICS_CSV, ./gpu_metrics.csv,
                                            /workspace/gpu_metrics.csv)
              --validation-result FILE      sidecar path (default: power_validation_<bench stem>.json
                                            beside the bench result)
              --max-sample-gap SECONDS      largest allowed gap between samples (default 3.0)
              --require-power               exit 1 when power is invalid (also REQUIRE_POWER=1|true|yes)

  process-result
              Benchmark result + job environment -> agg_<RESULT_FILENAME>.json, then measured power
              (single node: the telemetry CSV; multinode: the power package). Reads RUNNER_TYPE,
              FRAMEWORK, PRECISION, SPEC_DECODING, RESULT_FILENAME, ISL, OSL, DISAGG, MODEL_PREFIX,
              IMAGE, TP/EP_SIZE/DP_ATTENTION or IS_MULTINODE=true with PREFILL_*/DECODE_* (see README).
              --result-dir DIR              folder of <RESULT_FILENAME>.json and the outputs (default .)

  job         The per-job step without the upload: finds the bench result, telemetry and power package
              in DIR, writes or patches the agg JSON, prints the job summary (see README, mode job).
              --workspace DIR               the job folder (default .)
              --gpu-metrics PATH_OR_GLOB    telemetry CSV inside DIR (default: $GPU_METRICS_CSV,
                                            ./gpu_metrics.csv, /workspace/gpu_metrics.csv)
              --result-filename NAME        bench result NAME.json (default: $RESULT_FILENAME, else the
                                            one *.json with benchmark_start_time_unix)
              --expected-num-gpus N         when the agg JSON exists (default: TP x PP_SIZE x PCP_SIZE)
              --require-power               exit 1 when power is invalid (also REQUIRE_POWER=1|true|yes)

  aggregate-multinode
              Multinode power package (manifest.json, samples.csv, windows/) -> whole-deployment and
              role energy, patched into the agg JSON.
              --bench-result BENCH.json     raw benchmark result                                 (required)
              --agg-result AGG.json         agg JSON to patch in place                           (required)
              --prefill-gpus N              PREFILL_GPUS (all GPUs of an aggregated run)         (required)
              --decode-gpus N               DECODE_GPUS (0: aggregated, no decode pool)          (required)
              --power-dir DIR               power package (default: $POWER_ARTIFACT_DIR or LOGS/power)
              --logs-root DIR               where window result_path values resolve
                                            (default: $POWER_RESULT_ROOT or LOGS)
              --expected-producer-sha SHA   trusted producer commit (default: $POWER_PRODUCER_SHA)
              --validation-result FILE      sidecar path (default: power_validation_<bench stem>.json)
              --require-power               exit 1 when power is invalid (also REQUIRE_POWER=1|true|yes)

  report      The sweep's power report as markdown, as the pull request comment shows it.
              --results DIR_OR_GLOB         folder of agg JSONs (searched recursively) or a glob (required)
              --run-id N                    workflow run id for the visualizer links
              --visualizer-url URL          default https://inferencex.semianalysis.com
              --out FILE                    write the markdown here instead of stdout
              --baseline DIR_OR_GLOB        agg JSONs (and sidecars) to compare with: deltas and verdicts
              --threshold PCT               change never called a regression below this (default 5)
              --comparison FILE             write every config's comparison as JSON here

  validate-changelog
              Gate for perf-changelog.yaml changes: file, schema, append-only history, pr-link and
              config-key rules; prints file:line:col: message per problem, exit 1 on any.
              --base-ref REF | --base-file FILE   the changelog before the change              (required)
              --head-ref REF | --head-file FILE   the changelog after it (default: --head-ref HEAD)
              --changelog PATH              changelog path in the repository (default: ${DEFAULT_CHANGELOG})
              --configs GLOB                master config files (default: '${DEFAULT_CONFIGS}'), read at
                                            the head ref, or from the working tree with --head-file
              --pr-number N                 pull request of the change; without it the main-branch rules
                                            apply (canonical pr-links only)
              --repo OWNER/NAME             repository of the pr-links (default: $GITHUB_REPOSITORY)
              --output-configs FILE         write the triggered config keys as a JSON array

Run 'sweep-power <command> --help' for one command.`;

class UsageError extends Error {}

function requireString(values: Record<string, unknown>, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${flag} is required`);
  return value;
}

function parseInteger(text: string, flag: string): number {
  // Beyond 2^53 the value is not exact (and 400 digits is Infinity): not a count anyone meant.
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${flag} must be an integer, got "${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`);
  return Number(text);
}

function parseNumber(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got "${text}"`);
  return n;
}

/** Strict flag parsing shared by every command: unknown flags and positionals are usage errors. */
function flags<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  return parseArgs({ args, strict: true, allowPositionals: false, options: options as NonNullable<T> });
}

/** Writes a command's log lines and returns its exit code. */
function emit(result: { log: { stdout: string[]; stderr: string[] }; exitCode: number }, io: CliIo): number {
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}

/** REQUIRE_POWER=1|true|yes (any case) turns on --require-power. */
export function envRequiresPower(env: NodeJS.ProcessEnv): boolean {
  return ['1', 'true', 'yes'].includes((env.REQUIRE_POWER ?? '').trim().toLowerCase());
}

async function aggregateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, {
    csv: { type: 'string' },
    'bench-result': { type: 'string' },
    'agg-result': { type: 'string' },
    'expected-num-gpus': { type: 'string' },
    'validation-result': { type: 'string' },
    'max-sample-gap': { type: 'string' },
    'require-power': { type: 'boolean' },
  });
  const benchResult = requireString(values, 'bench-result');
  const aggResult = requireString(values, 'agg-result');
  const expectedNumGpus = parseInteger(requireString(values, 'expected-num-gpus'), 'expected-num-gpus');
  const result = await runAggregate({
    csv: values.csv,
    benchResult,
    aggResult,
    expectedNumGpus,
    validationResult: values['validation-result'],
    maxSampleGapS: values['max-sample-gap'] === undefined ? undefined : parseNumber(values['max-sample-gap'], 'max-sample-gap'),
    requirePower: values['require-power'] === true || envRequiresPower(io.env),
    cwd: io.cwd,
    env: io.env,
  });
  return emit(result, io);
}

async function processResultCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, { 'result-dir': { type: 'string' } });
  const result = await runProcessResult({ resultDir: values['result-dir'], cwd: io.cwd, env: io.env });
  return emit(result, io);
}

function parseCount(text: string, flag: string): number {
  const n = parseInteger(text, flag);
  if (n < 0) throw new UsageError(`--${flag} must be >= 0, got "${text}"`);
  return n;
}

async function aggregateMultinodeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, {
    'power-dir': { type: 'string' },
    'logs-root': { type: 'string' },
    'bench-result': { type: 'string' },
    'agg-result': { type: 'string' },
    'prefill-gpus': { type: 'string' },
    'decode-gpus': { type: 'string' },
    'expected-producer-sha': { type: 'string' },
    'validation-result': { type: 'string' },
    'require-power': { type: 'boolean' },
  });
  const benchResult = requireString(values, 'bench-result');
  const aggResult = requireString(values, 'agg-result');
  const prefillGpus = parseCount(requireString(values, 'prefill-gpus'), 'prefill-gpus');
  const decodeGpus = parseCount(requireString(values, 'decode-gpus'), 'decode-gpus');
  const result = await runAggregateMultinode({
    powerDir: values['power-dir'],
    logsRoot: values['logs-root'],
    benchResult,
    aggResult,
    prefillGpus,
    decodeGpus,
    expectedProducerSha: values['expected-producer-sha'],
    validationResult: values['validation-result'],
    requirePower: values['require-power'] === true || envRequiresPower(io.env),
    cwd: io.cwd,
    env: io.env,
  });
  return emit(result, io);
}

async function validateChangelogCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, {
    changelog: { type: 'string' },
    'base-ref': { type: 'string' },
    'head-ref': { type: 'string' },
    'base-file': { type: 'string' },
    'head-file': { type: 'string' },
    configs: { type: 'string' },
    'pr-number': { type: 'string' },
    repo: { type: 'string' },
    'output-configs': { type: 'string' },
  });
  if (values['base-ref'] === undefined && values['base-file'] === undefined) throw new UsageError('--base-ref or --base-file is required');
  if (values['base-ref'] !== undefined && values['base-file'] !== undefined) throw new UsageError('pass --base-ref or --base-file, not both');
  if (values['head-ref'] !== undefined && values['head-file'] !== undefined) throw new UsageError('pass --head-ref or --head-file, not both');
  let prNumber: number | undefined;
  if (values['pr-number'] !== undefined && values['pr-number'] !== '') {
    prNumber = parseInteger(values['pr-number'], 'pr-number');
    if (prNumber <= 0) throw new UsageError(`--pr-number must be a positive integer, got "${values['pr-number']}"`);
  }
  const repo = values.repo ?? (io.env.GITHUB_REPOSITORY || undefined);
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--repo must be owner/name, got "${repo}"`);
  const result = await runValidateChangelog({
    changelog: values.changelog,
    baseRef: values['base-ref'],
    headRef: values['head-ref'],
    baseFile: values['base-file'],
    headFile: values['head-file'],
    configs: values.configs,
    prNumber,
    repo,
    outputConfigs: values['output-configs'],
    cwd: io.cwd,
  });
  return emit(result, io);
}

async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, {
    results: { type: 'string' },
    'run-id': { type: 'string' },
    'visualizer-url': { type: 'string' },
    out: { type: 'string' },
    baseline: { type: 'string' },
    threshold: { type: 'string' },
    comparison: { type: 'string' },
  });
  const results = requireString(values, 'results');
  const threshold = values.threshold?.replace(/\s*%$/, '');
  if (threshold !== undefined && !/^\d+(\.\d+)?$/.test(threshold)) throw new UsageError(`--threshold must be a percentage such as 5, got "${values.threshold}"`);
  const runId = values['run-id'];
  if (runId !== undefined && !/^\d+$/.test(runId)) throw new UsageError(`--run-id must be a workflow run id (digits), got "${runId}"`);
  const visualizerUrl = values['visualizer-url'] ?? 'https://inferencex.semianalysis.com';
  if (!/^https?:\/\//i.test(visualizerUrl)) throw new UsageError(`--visualizer-url must be an http(s) URL, got "${visualizerUrl}"`);
  let built;
  try {
    built = await buildReport({
      results,
      root: io.cwd,
      confine: false,
      runId,
      visualizerUrl,
      baseline: values.baseline,
      threshold: threshold === undefined ? undefined : Number(threshold) / 100,
      comparisonFile: values.comparison === undefined ? undefined : resolve(io.cwd, values.comparison),
    });
  } catch (error) {
    io.stderr(`sweep-power report: ${(error as Error).message}`);
    return 1;
  }
  const { counts, rowsLeftOut } = built.comment;
  if (values.comparison !== undefined && !built.comparison) io.stderr(`sweep-power report: no comparison written to ${values.comparison}: ${values.baseline === undefined ? 'no --baseline given' : 'the baseline has no results'}`);
  if (values.out) {
    await writeFileAtomic(resolve(io.cwd, values.out), `${built.comment.markdown}\n`);
    io.stdout(`sweep-power report: ${counts.total} configs (${counts.valid} valid, ${counts.invalid} invalid, ${counts.missing} without power data, ${counts.unreadable} unreadable files)${rowsLeftOut > 0 ? `, ${rowsLeftOut} rows left out` : ''} -> ${values.out}`);
  } else {
    io.stdout(built.comment.markdown);
  }
  return 0;
}

async function jobCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = flags(args, { workspace: { type: 'string' }, 'gpu-metrics': { type: 'string' }, 'result-filename': { type: 'string' }, 'expected-num-gpus': { type: 'string' }, 'require-power': { type: 'boolean' } });
  const gpus = values['expected-num-gpus'];
  const expectedNumGpus = gpus === undefined ? undefined : parseInteger(gpus, 'expected-num-gpus');
  if (expectedNumGpus !== undefined && expectedNumGpus <= 0) throw new UsageError(`--expected-num-gpus must be >= 1, got "${gpus}"`);
  let result;
  try {
    result = await runJob(
      { workspace: resolve(io.cwd, values.workspace ?? '.'), env: io.env, gpuMetrics: values['gpu-metrics'], resultFilename: values['result-filename'], expectedNumGpus, requirePower: values['require-power'] === true || envRequiresPower(io.env), upload: false },
      { group: (_name, fn) => fn(), info: io.stdout, warning: io.stderr },
    );
  } catch (error) {
    io.stderr(`sweep-power job: ${(error as Error).message}`);
    return 1;
  }
  result.warnings.forEach(io.stderr);
  if (result.summary) io.stdout(result.summary);
  if (result.failure) io.stderr(`sweep-power job: ${result.failure}`);
  return result.failure ? 1 : 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  job: jobCommand,
  aggregate: aggregateCommand,
  'process-result': processResultCommand,
  'aggregate-multinode': aggregateMultinodeCommand,
  report: reportCommand,
  'validate-changelog': validateChangelogCommand,
};

/** Runs one CLI invocation; returns the exit code. Used by dist/cli.js and by the tests. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? EXIT_USAGE : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`sweep-power: unknown command "${command}".\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`sweep-power ${command}: ${(error as Error).message}. See 'sweep-power ${command} --help'.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
