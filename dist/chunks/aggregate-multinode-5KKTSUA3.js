import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregateMultinode
} from "./chunk-R3YZY7AQ.js";
import "./chunk-XYKM5UFR.js";
import "./chunk-JFKWTBMX.js";
import "./chunk-UAMAQQPO.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregateMultinode
};
//# sourceMappingURL=aggregate-multinode-5KKTSUA3.js.map
