import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-TOYZUU2T.js";
import "./chunk-WPBAY2L6.js";
import "./chunk-LBUQ6A53.js";
import "./chunk-VZJIHHZZ.js";
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
  JobConfigError,
  expectedGpusFor,
  runJob
};
//# sourceMappingURL=job-IX5K23F7.js.map
