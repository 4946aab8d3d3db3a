import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/github/retry.ts
var DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1e3, maxDelayMs: 6e4, timeoutMs: 3e4 };
function header(error, name) {
  const value = error.response?.headers?.[name];
  return value === void 0 ? void 0 : String(value);
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function isRateLimited(error) {
  const e = error;
  const status = statusOf(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  return header(e, "retry-after") !== void 0 || header(e, "x-ratelimit-remaining") === "0" || /rate limit/i.test(e.message ?? "");
}
function isTransient(error) {
  const status = statusOf(error);
  if (status === void 0) return true;
  return status >= 500 || status === 408 || isRateLimited(error);
}
function delayFor(error, attempt, policy, nowMs = Date.now()) {
  const e = error;
  const unit = policy.baseDelayMs / 1e3;
  const retryAfter = header(e, "retry-after");
  if (retryAfter !== void 0 && /^\d+(\.\d+)?$/.test(retryAfter.trim()))
    return Math.min(Number(retryAfter) * 1e3, policy.maxDelayMs) * unit;
  const reset = header(e, "x-ratelimit-reset");
  if (isRateLimited(error) && reset !== void 0 && /^\d+$/.test(reset))
    return Math.min(Math.max(Number(reset) * 1e3 - nowMs, 0), policy.maxDelayMs) * unit;
  if (isRateLimited(error)) return Math.min(6e4, policy.maxDelayMs) * unit;
  return policy.baseDelayMs * (attempt + 1) ** 2;
}

export {
  DEFAULT_RETRY,
  statusOf,
  isRateLimited,
  isTransient,
  delayFor
};
//# sourceMappingURL=chunk-A3GTAV63.js.map
