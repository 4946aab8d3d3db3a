import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregateMultinode
} from "./chunk-3WFGG5VI.js";
import "./chunk-3PSAMUYC.js";
import "./chunk-QD7SMW5O.js";
import "./chunk-URQ427RE.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregateMultinode
};
//# sourceMappingURL=aggregate-multinode-I2VWYZDN.js.map
