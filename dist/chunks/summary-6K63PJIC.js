import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  summary
} from "./chunk-VEAWQ2VU.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";

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
//# sourceMappingURL=summary-6K63PJIC.js.map
