import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  JobConfigError,
  expectedGpusFor,
  runJob
} from "./chunk-4S7Q6JMX.js";
import "./chunk-ILQMJLIQ.js";
import "./chunk-MYGSNOBI.js";
import "./chunk-J4POV6TD.js";
import "./chunk-XKQWIWGY.js";
import "./chunk-XMUQBE2D.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-XYKM5UFR.js";
import "./chunk-JFKWTBMX.js";
import "./chunk-UAMAQQPO.js";
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
//# sourceMappingURL=job-RMZROTZK.js.map
