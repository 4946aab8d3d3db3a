import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower
} from "./chunk-BWSLBDLV.js";

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

export {
  runAggregate
};
//# sourceMappingURL=chunk-FB5Y43ZQ.js.map
