import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregate
} from "./chunk-FB5Y43ZQ.js";
import "./chunk-BWSLBDLV.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-QD7SMW5O.js";
import "./chunk-URQ427RE.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregate
};
//# sourceMappingURL=aggregate-JT3HSGLY.js.map
