import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  neutralizeLogText
} from "./chunk-L2B7OZ5H.js";
import {
  core_exports
} from "./chunk-JVWCU4CW.js";

// src/github/safe-core.ts
function withSafeLog(core2) {
  const text = (message) => neutralizeLogText(message instanceof Error ? message.message : message);
  return {
    ...core2,
    info: (message) => core2.info(neutralizeLogText(message)),
    debug: (message) => core2.debug(neutralizeLogText(message)),
    warning: (message, properties) => core2.warning(text(message), properties),
    error: (message, properties) => core2.error(text(message), properties),
    notice: (message, properties) => core2.notice(text(message), properties),
    setFailed: (message) => core2.setFailed(text(message))
  };
}
var core = withSafeLog(core_exports);

// src/github/summary.ts
async function appendSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown, true).write();
  core.summary.emptyBuffer();
  return true;
}

export {
  core,
  appendSummary
};
//# sourceMappingURL=chunk-KDNOBT2T.js.map
