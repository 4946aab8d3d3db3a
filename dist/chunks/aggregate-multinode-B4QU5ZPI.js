import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregateMultinode
} from "./chunk-CIR34G3J.js";
import "./chunk-A64URBLZ.js";
import "./chunk-UGLRIJSR.js";
import "./chunk-A42SCN4C.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregateMultinode
};
//# sourceMappingURL=aggregate-multinode-B4QU5ZPI.js.map
