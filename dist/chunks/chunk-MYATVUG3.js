import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measurePackagePower
} from "./chunk-7ECW4JYK.js";

// src/commands/aggregate-multinode.ts
async function runAggregateMultinode(options) {
  return measurePackagePower(options);
}

export {
  runAggregateMultinode
};
//# sourceMappingURL=chunk-MYATVUG3.js.map
