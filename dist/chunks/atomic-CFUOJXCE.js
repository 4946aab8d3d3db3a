import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-KRTMRXDF.js";
import "./chunk-2FNGD6TF.js";
export {
  writeFileAtomic
};
//# sourceMappingURL=atomic-CFUOJXCE.js.map
