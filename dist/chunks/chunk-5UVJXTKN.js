import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower
} from "./chunk-XMUQBE2D.js";

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

export {
  runAggregate
};
//# sourceMappingURL=chunk-5UVJXTKN.js.map
