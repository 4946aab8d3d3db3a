import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-AADUN6FL.js";
import {
  EXIT_CONFIG
} from "./chunk-ILQMJLIQ.js";
import "./chunk-TZYXUIKV.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-XMUQBE2D.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-XYKM5UFR.js";
import "./chunk-JFKWTBMX.js";
import "./chunk-UAMAQQPO.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-BSAEZ7DH.js.map
