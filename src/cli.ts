#!/usr/bin/env node
import { runCli } from './cli-run.js';
import { neutralizeLogText } from './core/logtext.js';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // `run:` steps print this to the runner too: no line may become a workflow command.
  stdout: (line) => process.stdout.write(`${neutralizeLogText(line)}\n`),
  stderr: (line) => process.stderr.write(`${neutralizeLogText(line)}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${neutralizeLogText(`sweep-power: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`,
    );
    process.exitCode = 1;
  },
);
