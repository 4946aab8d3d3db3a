import { parseArgs } from 'node:util';
import { runAggregate } from './commands/aggregate.js';

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

/** REQUIRE_POWER=1|true|yes (any case) turns on --require-power. */
export function envRequiresPower(env: NodeJS.ProcessEnv): boolean {
  return ['1', 'true', 'yes'].includes((env.REQUIRE_POWER ?? '').trim().toLowerCase());
}

async function aggregateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      csv: { type: 'string' },
      'bench-result': { type: 'string' },
      'agg-result': { type: 'string' },
      'expected-num-gpus': { type: 'string' },
      'validation-result': { type: 'string' },
      'max-sample-gap': { type: 'string' },
      'require-power': { type: 'boolean' },
    },
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
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  aggregate: aggregateCommand,
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
