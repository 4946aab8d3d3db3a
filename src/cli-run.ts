import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { buildReport } from './commands/report.js';
import type { runJob } from './commands/job.js';
import { isMode, MODES, SCHEMAS, type Mode } from './commands/modes.js';
import {
  optionsFor,
  parseOptions,
  shown,
  type ModeSchema,
  type OptionProblem,
  type RawOptions,
} from './commands/options.js';
import type { AggregateInput } from './commands/aggregate.options.js';
import type { AggregateMultinodeInput } from './commands/aggregate-multinode.options.js';
import type { ProcessResultInput } from './commands/process-result.options.js';
import type { JobInput } from './commands/job.options.js';
import type { ReportInput } from './commands/report.options.js';
import type { ValidateChangelogInput } from './commands/validate-changelog.options.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

// The build writes package.json's version here; a run from the sources has none.
declare const __SWEEP_POWER_VERSION__: string | undefined;

/** The package version the bundle was built from. */
export function version(): string {
  return typeof __SWEEP_POWER_VERSION__ === 'string' ? __SWEEP_POWER_VERSION__ : '0.0.0-dev';
}

/** Exit code for wrong flags or values: nothing is written. */
export const EXIT_USAGE = 2;

const WIDTH = 100;

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** One command's help, generated from its option schema. */
export function commandHelp(schema: ModeSchema<unknown>): string {
  const lines = [`  ${schema.mode}`, ...wrap(schema.summary, '      ')];
  for (const option of optionsFor(schema, 'cli')) {
    const flag = `--${option.name}${option.kind.boolean ? '' : ` ${option.placeholder ?? 'VALUE'}`}`;
    const notes = [
      option.help,
      option.required !== undefined ? '(required)' : '',
      option.default !== undefined && option.default !== '' ? `(default: ${option.default})` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const [first = '', ...rest] = wrap(notes, ' '.repeat(36));
    lines.push(`      ${flag.padEnd(29)} ${first.trimStart()}`, ...rest);
  }
  return lines.join('\n');
}

export function usage(): string {
  return `Usage: sweep-power <command> [flags]\n       sweep-power --version\n\nCommands:\n${MODES.map((mode) => commandHelp(SCHEMAS[mode])).join('\n\n')}\n\nRun 'sweep-power <command> --help' for one command.`;
}

/** A problem with the given flags, in the CLI's words. */
export function wordCliProblem(problem: OptionProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `--${problem.option} is required${problem.what ? ` (${problem.what})` : ''}`;
    case 'invalid':
      return problem.env
        ? `${problem.env} is "${shown(problem.value)}"; expected ${problem.expected}`
        : `--${problem.option} must be ${problem.expected}, got "${shown(problem.value)}"`;
    case 'conflict':
      return `pass --${problem.options[0]} or --${problem.options[1]}, not both`;
    case 'missing-one-of':
      return `--${problem.options[0]} or --${problem.options[1]} is required (${problem.what})`;
    case 'unused':
      return `--${problem.option} is not a flag of ${problem.mode}`;
  }
}

class UsageError extends Error {}

/** Strict flag parsing from the schema: unknown flags and positionals are usage errors. */
export function cliRawOptions(schema: ModeSchema<unknown>, args: string[]): RawOptions {
  const specs = optionsFor(schema, 'cli');
  const valued = new Set(specs.filter((o) => !o.kind.boolean).map((o) => `--${o.name}`));
  // A negative number after a flag that takes a value is that value (as argparse reads it), not a flag.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (valued.has(arg) && next !== undefined && /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  const { values } = parseArgs({
    args: joined,
    strict: true,
    allowPositionals: false,
    options: Object.fromEntries(specs.map((o) => [o.name, { type: o.kind.boolean ? 'boolean' : 'string' }] as const)),
  });
  const raw: RawOptions = {};
  for (const [name, value] of Object.entries(values))
    raw[name] = value === true ? 'true' : typeof value === 'string' ? value : undefined;
  return raw;
}

function parse<T>(schema: ModeSchema<T>, args: string[], env: NodeJS.ProcessEnv): T {
  const parsed = parseOptions(schema, cliRawOptions(schema, args), env, 'cli');
  if (!parsed.ok) throw new UsageError(parsed.problems.map(wordCliProblem).join('; '));
  return parsed.options;
}

/** Writes a command's log lines and returns its exit code. */
function emit(result: { log: { stdout: string[]; stderr: string[] }; exitCode: number }, io: CliIo): number {
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}

// Each command's code is imported when that command runs, so `aggregate` on a large telemetry file
// does not first compile the report, changelog and multinode code (measured: `npm run bench`).
async function aggregateCommand(options: AggregateInput, io: CliIo): Promise<number> {
  const { runAggregate } = await import('./commands/aggregate.js');
  return emit(await runAggregate({ ...options, cwd: io.cwd, env: io.env }), io);
}

async function processResultCommand(options: ProcessResultInput, io: CliIo): Promise<number> {
  const { runProcessResult } = await import('./commands/process-result.js');
  const result = await runProcessResult({ ...options, cwd: io.cwd, env: io.env });
  // Pipelines read the agg JSON from stdout, as the reference prints it; every log line goes to stderr.
  [...result.log.stdout, ...result.log.stderr].forEach(io.stderr);
  if (result.aggJson !== undefined) io.stdout(result.aggJson);
  return result.exitCode;
}

async function aggregateMultinodeCommand(options: AggregateMultinodeInput, io: CliIo): Promise<number> {
  const { runAggregateMultinode } = await import('./commands/aggregate-multinode.js');
  return emit(await runAggregateMultinode({ ...options, cwd: io.cwd, env: io.env }), io);
}

async function validateChangelogCommand(options: ValidateChangelogInput, io: CliIo): Promise<number> {
  const { runValidateChangelog } = await import('./commands/validate-changelog.js');
  return emit(await runValidateChangelog({ ...options, cwd: io.cwd }), io);
}

async function reportCommand(options: ReportInput, io: CliIo): Promise<number> {
  const { buildReport } = await import('./commands/report.js');
  let built: Awaited<ReturnType<typeof buildReport>>;
  try {
    built = await buildReport({
      results: options.results,
      root: io.cwd,
      confine: false,
      runId: options.runId,
      visualizerUrl: options.visualizerUrl,
      baseline: options.baseline,
      threshold: options.threshold,
      comparisonFile: options.comparison === undefined ? undefined : resolve(io.cwd, options.comparison),
    });
  } catch (error) {
    io.stderr(`sweep-power report: ${(error as Error).message}`);
    return 1;
  }
  const { counts, rowsLeftOut } = built.comment;
  if (options.comparison !== undefined && !built.comparison)
    io.stderr(
      `sweep-power report: no comparison written to ${options.comparison}: ${options.baseline === undefined ? 'no --baseline given' : 'the baseline has no results'}`,
    );
  if (options.out) {
    const { writeFileAtomic } = await import('./io/atomic.js');
    await writeFileAtomic(resolve(io.cwd, options.out), `${built.comment.markdown}\n`);
    io.stdout(
      `sweep-power report: ${counts.total} configs (${counts.valid} valid, ${counts.invalid} invalid, ${counts.missing} without power data, ${counts.unreadable} unreadable files)${rowsLeftOut > 0 ? `, ${rowsLeftOut} rows left out` : ''} -> ${options.out}`,
    );
  } else {
    io.stdout(built.comment.markdown);
  }
  return 0;
}

async function jobCommand(options: JobInput, io: CliIo): Promise<number> {
  const [{ runJob }, { withoutCharts }] = await Promise.all([
    import('./commands/job.js'),
    import('./core/insights/render.js'),
  ]);
  let result: Awaited<ReturnType<typeof runJob>>;
  try {
    result = await runJob(
      {
        ...options,
        workspace: resolve(io.cwd, options.workspace ?? '.'),
        env: io.env,
        upload: false,
        visualizerUrl: undefined,
      },
      { group: (_name, fn) => fn(), info: io.stdout, warning: io.stderr },
    );
  } catch (error) {
    io.stderr(`sweep-power job: ${(error as Error).message}`);
    return 1;
  }
  result.warnings.forEach(io.stderr);
  if (result.summary) io.stdout(withoutCharts(result.summary));
  if (result.failure) io.stderr(`sweep-power job: ${result.failure}`);
  return result.failure ? 1 : 0;
}

type Runner<T> = (options: T, io: CliIo) => Promise<number>;
const entry =
  <T>(schema: ModeSchema<T>, run: Runner<T>) =>
  async (args: string[], io: CliIo) =>
    run(parse(schema, args, io.env), io);

/** The CLI's dispatch table: the same schemas as the action, with the CLI's printer. */
const COMMANDS: Record<Mode, (args: string[], io: CliIo) => Promise<number>> = {
  job: entry(SCHEMAS.job, jobCommand),
  aggregate: entry(SCHEMAS.aggregate, aggregateCommand),
  'process-result': entry(SCHEMAS['process-result'], processResultCommand),
  'aggregate-multinode': entry(SCHEMAS['aggregate-multinode'], aggregateMultinodeCommand),
  report: entry(SCHEMAS.report, reportCommand),
  'validate-changelog': entry(SCHEMAS['validate-changelog'], validateChangelogCommand),
};

/** Runs one CLI invocation; returns the exit code. Used by dist/cli.js and by the tests. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(usage());
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    io.stdout(version());
    return 0;
  }
  if (!isMode(command)) {
    // Loaded here only: the suggester shares a chunk with the YAML parser, which no other command needs at start.
    const { closestNames } = await import('./core/changelog/suggest.js');
    const [closest] = closestNames(command.replace(/\*/g, ''), MODES, 1);
    const hint = closest ? ` Did you mean "${closest}"?` : '';
    io.stderr(
      `sweep-power: unknown command "${command}".${hint} Commands: ${MODES.join(', ')}; 'sweep-power --help' describes them.`,
    );
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: sweep-power ${command} [flags]\n\n${commandHelp(SCHEMAS[command])}`);
    return 0;
  }
  try {
    return await COMMANDS[command](rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`sweep-power ${command}: ${(error as Error).message}. See 'sweep-power ${command} --help'.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
