import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runProcessResult
} from "./chunk-J5PQ2EPV.js";
import {
  EXIT_CONFIG
} from "./chunk-UHYKMV43.js";
import "./chunk-2CNS5V3C.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-J266LCII.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-YYVXFMRK.js";
import "./chunk-SZRZVDEQ.js";
import "./chunk-URQ427RE.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-N53HL5LD.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  EXIT_CONFIG,
  runProcessResult
};
//# sourceMappingURL=process-result-QNQCAQIH.js.map
