import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measurePackagePower
} from "./chunk-APZZ4VLY.js";

// src/commands/aggregate-multinode.ts
async function runAggregateMultinode(options) {
  return measurePackagePower(options);
}

export {
  runAggregateMultinode
};
//# sourceMappingURL=chunk-7DS4JO2S.js.map
