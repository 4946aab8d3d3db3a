import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower
} from "./chunk-YXV3C6OB.js";

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

export {
  runAggregate
};
//# sourceMappingURL=chunk-72BSYM6L.js.map
