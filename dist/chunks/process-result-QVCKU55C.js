import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-54WPSJ5L.js";
import {
  EXIT_CONFIG
} from "./chunk-WPBAY2L6.js";
import "./chunk-TZYXUIKV.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-RFQ24KIM.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-APZZ4VLY.js";
import "./chunk-WFIX5PHO.js";
import "./chunk-4AX24GFY.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-QVCKU55C.js.map
