import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-3QPWQ5RY.js";
import "./chunk-XHNLBTDP.js";
import "./chunk-XQ4LLTLI.js";
import "./chunk-PJCUZUER.js";
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
  JobConfigError,
  expectedGpusFor,
  runJob
};
//# sourceMappingURL=job-42SDS3CK.js.map
