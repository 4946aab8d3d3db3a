import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregate
} from "./chunk-QZ7PTHKG.js";
import "./chunk-RFQ24KIM.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-WFIX5PHO.js";
import "./chunk-4AX24GFY.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregate
};
//# sourceMappingURL=aggregate-IZXWOB2V.js.map
