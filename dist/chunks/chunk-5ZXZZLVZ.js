import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runResultPipeline
} from "./chunk-XHNLBTDP.js";
import {
  parseBoolean
} from "./chunk-TZYXUIKV.js";

// src/commands/process-result.ts
async function runProcessResult(options, steps) {
  const requirePower = options.requirePower ?? parseBoolean(options.env.REQUIRE_POWER) ?? false;
  return runResultPipeline({ ...options, requirePower }, steps);
}

export {
  runProcessResult
};
//# sourceMappingURL=chunk-5ZXZZLVZ.js.map
