import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregate
} from "./chunk-ORUTBG33.js";
import "./chunk-3HMOC6ZE.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-O6IYV7DA.js";
import "./chunk-2XIZMTGU.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregate
};
//# sourceMappingURL=aggregate-PM574C3D.js.map
