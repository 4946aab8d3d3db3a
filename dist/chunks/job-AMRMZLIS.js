import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-XQRZ2ZFQ.js";
import "./chunk-5W3FWCGS.js";
import "./chunk-CFOUJCO5.js";
import "./chunk-FXSWKYBP.js";
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
  JobConfigError,
  expectedGpusFor,
  runJob
};
//# sourceMappingURL=job-AMRMZLIS.js.map
