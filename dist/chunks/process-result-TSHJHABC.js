import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-5ZXZZLVZ.js";
import {
  EXIT_CONFIG
} from "./chunk-XHNLBTDP.js";
import "./chunk-TZYXUIKV.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-3HMOC6ZE.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-7ECW4JYK.js";
import "./chunk-O6IYV7DA.js";
import "./chunk-2XIZMTGU.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-TSHJHABC.js.map
