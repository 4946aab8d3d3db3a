#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCli
} from "./chunks/chunk-BZ2EZQ3I.js";
import "./chunks/chunk-P4KM3R73.js";
import "./chunks/chunk-2FNGD6TF.js";

// src/cli.ts
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}
`),
  stderr: (line) => process.stderr.write(`${line}
`)
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`sweep-power: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exitCode = 1;
  }
);
//# sourceMappingURL=cli.js.map
