import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregate
} from "./chunk-72BSYM6L.js";
import "./chunk-YXV3C6OB.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-UGLRIJSR.js";
import "./chunk-A42SCN4C.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregate
};
//# sourceMappingURL=aggregate-AFTYKR56.js.map
