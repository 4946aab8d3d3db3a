import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower
} from "./chunk-3HMOC6ZE.js";

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

export {
  runAggregate
};
//# sourceMappingURL=chunk-ORUTBG33.js.map
