import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAggregateMultinode
} from "./chunk-7DS4JO2S.js";
import "./chunk-APZZ4VLY.js";
import "./chunk-WFIX5PHO.js";
import "./chunk-4AX24GFY.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-IPYRE2BI.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  runAggregateMultinode
};
//# sourceMappingURL=aggregate-multinode-26BEZHGW.js.map
