import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  summary
} from "./chunk-BLE7IZPU.js";
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
//# sourceMappingURL=summary-SLGF6A7J.js.map
