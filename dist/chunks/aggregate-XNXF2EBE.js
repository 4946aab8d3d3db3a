import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregate
} from "./chunk-5UVJXTKN.js";
import "./chunk-XMUQBE2D.js";
import "./chunk-M55ZDXEJ.js";
import "./chunk-L2B7OZ5H.js";
import "./chunk-JFKWTBMX.js";
import "./chunk-UAMAQQPO.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregate
};
//# sourceMappingURL=aggregate-XNXF2EBE.js.map
