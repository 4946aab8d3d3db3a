import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  closestNames,
  globDistance
} from "./chunk-KMWR2CGF.js";
import "./chunk-2FNGD6TF.js";
export {
  closestNames,
  globDistance
};
//# sourceMappingURL=suggest-ANRJBIC4.js.map
