import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measurePackagePower
} from "./chunk-A64URBLZ.js";

// src/commands/aggregate-multinode.ts
async function runAggregateMultinode(options) {
  return measurePackagePower(options);
}

export {
  runAggregateMultinode
};
//# sourceMappingURL=chunk-CIR34G3J.js.map
