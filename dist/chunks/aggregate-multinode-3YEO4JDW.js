import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregateMultinode
} from "./chunk-MYATVUG3.js";
import "./chunk-7ECW4JYK.js";
import "./chunk-O6IYV7DA.js";
import "./chunk-2XIZMTGU.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregateMultinode
};
//# sourceMappingURL=aggregate-multinode-3YEO4JDW.js.map
