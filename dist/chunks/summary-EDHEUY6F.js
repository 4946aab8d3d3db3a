import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  appendSummary
} from "./chunk-KDNOBT2T.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-JVWCU4CW.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";
export {
  appendSummary
};
//# sourceMappingURL=summary-EDHEUY6F.js.map
