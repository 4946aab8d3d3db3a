import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatProblem,
  runValidateChangelog
} from "./chunk-XAYN3BT5.js";
import "./chunk-KMWR2CGF.js";
import "./chunk-RBLTMJLN.js";
import "./chunk-TZYXUIKV.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  formatProblem,
  runValidateChangelog
};
//# sourceMappingURL=validate-changelog-ALDMQQB5.js.map
