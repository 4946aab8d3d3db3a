#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  MODES,
  SCHEMAS,
  isMode
} from "./chunks/chunk-G6SXSBS5.js";
import "./chunks/chunk-GDY5Q3FJ.js";
import "./chunks/chunk-RBLTMJLN.js";
import {
  optionsFor,
  parseOptions,
  shown
} from "./chunks/chunk-TZYXUIKV.js";
import "./chunks/chunk-XKQWIWGY.js";
import {
  neutralizeLogText
} from "./chunks/chunk-L2B7OZ5H.js";
import "./chunks/chunk-IPYRE2BI.js";
import "./chunks/chunk-4XNPLKRI.js";
import "./chunks/chunk-2FNGD6TF.js";

// src/cli-run.ts
import { parseArgs } from "node:util";
import { resolve } from "node:path";
function version() {
  return true ? "1.0.0" : "0.0.0-dev";
}
var EXIT_USAGE = 2;
var WIDTH = 100;
function wrap(text, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}
function commandHelp(schema) {
  const lines = [`  ${schema.mode}`, ...wrap(schema.summary, "      ")];
  for (const option of optionsFor(schema, "cli")) {
    const flag = `--${option.name}${option.kind.boolean ? "" : ` ${option.placeholder ?? "VALUE"}`}`;
    const notes = [
      option.help,
      option.required !== void 0 ? "(required)" : "",
      option.default !== void 0 && option.default !== "" ? `(default: ${option.default})` : ""
    ].filter(Boolean).join(" ");
    const [first = "", ...rest] = wrap(notes, " ".repeat(36));
    lines.push(`      ${flag.padEnd(29)} ${first.trimStart()}`, ...rest);
  }
  return lines.join("\n");
}
function usage() {
  return `Usage: sweep-power <command> [flags]
       sweep-power --version

Commands:
${MODES.map((mode) => commandHelp(SCHEMAS[mode])).join("\n\n")}

Run 'sweep-power <command> --help' for one command.`;
}
function wordCliProblem(problem) {
  switch (problem.kind) {
    case "missing":
      return `--${problem.option} is required${problem.what ? ` (${problem.what})` : ""}`;
    case "invalid":
      return problem.env ? `${problem.env} is "${shown(problem.value)}"; expected ${problem.expected}` : `--${problem.option} must be ${problem.expected}, got "${shown(problem.value)}"`;
    case "conflict":
      return `pass --${problem.options[0]} or --${problem.options[1]}, not both`;
    case "missing-one-of":
      return `--${problem.options[0]} or --${problem.options[1]} is required (${problem.what})`;
    case "unused":
      return `--${problem.option} is not a flag of ${problem.mode}`;
  }
}
var UsageError = class extends Error {
};
function cliRawOptions(schema, args) {
  const specs = optionsFor(schema, "cli");
  const valued = new Set(specs.filter((o) => !o.kind.boolean).map((o) => `--${o.name}`));
  const joined = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    if (valued.has(arg) && next !== void 0 && /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  const { values } = parseArgs({
    args: joined,
    strict: true,
    allowPositionals: false,
    options: Object.fromEntries(specs.map((o) => [o.name, { type: o.kind.boolean ? "boolean" : "string" }]))
  });
  const raw = {};
  for (const [name, value] of Object.entries(values))
    raw[name] = value === true ? "true" : typeof value === "string" ? value : void 0;
  return raw;
}
function parse(schema, args, env) {
  const parsed = parseOptions(schema, cliRawOptions(schema, args), env, "cli");
  if (!parsed.ok) throw new UsageError(parsed.problems.map(wordCliProblem).join("; "));
  return parsed.options;
}
function emit(result, io) {
  result.log.stdout.forEach(io.stdout);
  result.log.stderr.forEach(io.stderr);
  return result.exitCode;
}
async function aggregateCommand(options, io) {
  const { runAggregate } = await import("./chunks/aggregate-PM574C3D.js");
  return emit(await runAggregate({ ...options, cwd: io.cwd, env: io.env }), io);
}
async function processResultCommand(options, io) {
  const { runProcessResult } = await import("./chunks/process-result-TSHJHABC.js");
  const result = await runProcessResult({ ...options, cwd: io.cwd, env: io.env });
  [...result.log.stdout, ...result.log.stderr].forEach(io.stderr);
  if (result.aggJson !== void 0) io.stdout(result.aggJson);
  return result.exitCode;
}
async function aggregateMultinodeCommand(options, io) {
  const { runAggregateMultinode } = await import("./chunks/aggregate-multinode-3YEO4JDW.js");
  return emit(await runAggregateMultinode({ ...options, cwd: io.cwd, env: io.env }), io);
}
async function validateChangelogCommand(options, io) {
  const { runValidateChangelog } = await import("./chunks/validate-changelog-ALDMQQB5.js");
  return emit(await runValidateChangelog({ ...options, cwd: io.cwd }), io);
}
async function reportCommand(options, io) {
  const { buildReport } = await import("./chunks/report-RQ42WJ2G.js");
  let built;
  try {
    built = await buildReport({
      results: options.results,
      root: io.cwd,
      confine: false,
      runId: options.runId,
      visualizerUrl: options.visualizerUrl,
      baseline: options.baseline,
      threshold: options.threshold,
      comparisonFile: options.comparison === void 0 ? void 0 : resolve(io.cwd, options.comparison)
    });
  } catch (error) {
    io.stderr(`sweep-power report: ${error.message}`);
    return 1;
  }
  const { counts, rowsLeftOut } = built.comment;
  if (options.comparison !== void 0 && !built.comparison)
    io.stderr(
      `sweep-power report: no comparison written to ${options.comparison}: ${options.baseline === void 0 ? "no --baseline given" : "the baseline has no results"}`
    );
  if (options.out) {
    const { writeFileAtomic } = await import("./chunks/atomic-CFUOJXCE.js");
    await writeFileAtomic(resolve(io.cwd, options.out), `${built.comment.markdown}
`);
    io.stdout(
      `sweep-power report: ${counts.total} configs (${counts.valid} valid, ${counts.invalid} invalid, ${counts.missing} without power data, ${counts.unreadable} unreadable files)${rowsLeftOut > 0 ? `, ${rowsLeftOut} rows left out` : ""} -> ${options.out}`
    );
  } else {
    io.stdout(built.comment.markdown);
  }
  return 0;
}
async function jobCommand(options, io) {
  const [{ runJob }, { withoutCharts }] = await Promise.all([
    import("./chunks/job-42SDS3CK.js"),
    import("./chunks/render-WU4MALKD.js")
  ]);
  let result;
  try {
    result = await runJob(
      {
        ...options,
        workspace: resolve(io.cwd, options.workspace ?? "."),
        env: io.env,
        upload: false,
        visualizerUrl: void 0
      },
      { group: (_name, fn) => fn(), info: io.stdout, warning: io.stderr }
    );
  } catch (error) {
    io.stderr(`sweep-power job: ${error.message}`);
    return 1;
  }
  result.warnings.forEach(io.stderr);
  if (result.summary) io.stdout(withoutCharts(result.summary));
  if (result.failure) io.stderr(`sweep-power job: ${result.failure}`);
  return result.failure ? 1 : 0;
}
var entry = (schema, run) => async (args, io) => run(parse(schema, args, io.env), io);
var COMMANDS = {
  job: entry(SCHEMAS.job, jobCommand),
  aggregate: entry(SCHEMAS.aggregate, aggregateCommand),
  "process-result": entry(SCHEMAS["process-result"], processResultCommand),
  "aggregate-multinode": entry(SCHEMAS["aggregate-multinode"], aggregateMultinodeCommand),
  report: entry(SCHEMAS.report, reportCommand),
  "validate-changelog": entry(SCHEMAS["validate-changelog"], validateChangelogCommand)
};
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    io.stdout(usage());
    return command === void 0 ? EXIT_USAGE : 0;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout(version());
    return 0;
  }
  if (!isMode(command)) {
    const { closestNames } = await import("./chunks/suggest-ANRJBIC4.js");
    const [closest] = closestNames(command.replace(/\*/g, ""), MODES, 1);
    const hint = closest ? ` Did you mean "${closest}"?` : "";
    io.stderr(
      `sweep-power: unknown command "${command}".${hint} Commands: ${MODES.join(", ")}; 'sweep-power --help' describes them.`
    );
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`Usage: sweep-power ${command} [flags]

${commandHelp(SCHEMAS[command])}`);
    return 0;
  }
  try {
    return await COMMANDS[command](rest, io);
  } catch (error) {
    if (error instanceof UsageError || error.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`sweep-power ${command}: ${error.message}. See 'sweep-power ${command} --help'.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// src/cli.ts
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // `run:` steps print this to the runner too: no line may become a workflow command.
  stdout: (line) => process.stdout.write(`${neutralizeLogText(line)}
`),
  stderr: (line) => process.stderr.write(`${neutralizeLogText(line)}
`)
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `${neutralizeLogText(`sweep-power: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)}
`
    );
    process.exitCode = 1;
  }
);
//# sourceMappingURL=cli.js.map
