import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measurePackagePower
} from "./chunk-XYKM5UFR.js";

// src/commands/aggregate-multinode.ts
async function runAggregateMultinode(options) {
  return measurePackagePower(options);
}

export {
  runAggregateMultinode
};
//# sourceMappingURL=chunk-R3YZY7AQ.js.map
