import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatProblem,
  runValidateChangelog
} from "./chunk-H27AMXU4.js";
import "./chunk-KMWR2CGF.js";
import "./chunk-GOMHJOVD.js";
import "./chunk-2CNS5V3C.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-N53HL5LD.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  formatProblem,
  runValidateChangelog
};
//# sourceMappingURL=validate-changelog-VDVQW4FE.js.map
