import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-327LHCUX.js";
import "./chunk-HUPZF6XB.js";
import "./chunk-UPUALKMC.js";
import "./chunk-RI3EZLCF.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-YXV3C6OB.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-A64URBLZ.js";
import "./chunk-UGLRIJSR.js";
import "./chunk-A42SCN4C.js";
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
//# sourceMappingURL=job-SM56RDEF.js.map
