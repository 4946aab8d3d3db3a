import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower
} from "./chunk-RFQ24KIM.js";

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

export {
  runAggregate
};
//# sourceMappingURL=chunk-QZ7PTHKG.js.map
