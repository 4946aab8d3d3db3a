import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildReport,
  commentFailureMessage,
  runReportAction
} from "./chunk-AGXVQBND.js";
import "./chunk-XQ4LLTLI.js";
import "./chunk-PJCUZUER.js";
import "./chunk-A3GTAV63.js";
import "./chunk-GDY5Q3FJ.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-2XIZMTGU.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  buildReport,
  commentFailureMessage,
  runReportAction
};
//# sourceMappingURL=report-RQ42WJ2G.js.map
