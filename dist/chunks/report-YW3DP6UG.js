import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildReport,
  commentFailureMessage,
  runReportAction
} from "./chunk-WNPGKADC.js";
import "./chunk-MYGSNOBI.js";
import "./chunk-J4POV6TD.js";
import "./chunk-A3GTAV63.js";
import "./chunk-GDY5Q3FJ.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-UAMAQQPO.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  buildReport,
  commentFailureMessage,
  runReportAction
};
//# sourceMappingURL=report-YW3DP6UG.js.map
