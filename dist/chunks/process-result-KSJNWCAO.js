import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-4KMSTTHH.js";
import {
  EXIT_CONFIG
} from "./chunk-5W3FWCGS.js";
import "./chunk-TZYXUIKV.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-BWSLBDLV.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-3PSAMUYC.js";
import "./chunk-QD7SMW5O.js";
import "./chunk-URQ427RE.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-KSJNWCAO.js.map
