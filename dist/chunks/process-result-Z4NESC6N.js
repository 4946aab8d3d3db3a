import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-OBPGGTJ7.js";
import {
  EXIT_CONFIG
} from "./chunk-HUPZF6XB.js";
import "./chunk-TZYXUIKV.js";
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
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-Z4NESC6N.js.map
