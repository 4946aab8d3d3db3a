import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-RH3PWAYP.js";
import "./chunk-UHYKMV43.js";
import "./chunk-CFOUJCO5.js";
import "./chunk-FXSWKYBP.js";
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
  JobConfigError,
  expectedGpusFor,
  runJob
};
//# sourceMappingURL=job-LJ3UEQ7W.js.map
