import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  summary
} from "./chunk-COHC3KCM.js";
import "./chunk-KXLOLUO6.js";
import "./chunk-UY5GXKHN.js";

// src/github/summary.ts
async function appendSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await summary.addRaw(markdown, true).write();
  summary.emptyBuffer();
  return true;
}
export {
  appendSummary
};
//# sourceMappingURL=summary-2SC4VSBU.js.map
