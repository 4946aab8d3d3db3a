import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/report/escape.ts
var WORD_JOINER = "\u2060";
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060-\u2064\ufeff\p{Bidi_Control}\u{E0000}-\u{E007F}]/gu;
var MARKDOWN_PUNCTUATION = new Set("\\`*_{}[]()+-.!|~:$^=".split(""));
var HTML_ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function normalizeText(value) {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(INVISIBLE, "");
}
function escapeMarkdown(value) {
  const text = normalizeText(value === void 0 || value === null ? "" : String(value));
  let out = "";
  for (const ch of text) {
    if (ch in HTML_ENTITIES) out += HTML_ENTITIES[ch];
    else if (ch === "@") out += `@${WORD_JOINER}`;
    else if (ch === "/") out += `/${WORD_JOINER}`;
    else if (ch === "#") out += `#${WORD_JOINER}`;
    else if (MARKDOWN_PUNCTUATION.has(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out.replace(/(w)(w)(w)(\\\.)/gi, `$1$2$3${WORD_JOINER}$4`).replace(/(g)(h)(\\-)/gi, `$1$2${WORD_JOINER}$3`);
}
function safeUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return void 0;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return void 0;
  return url.href.replace(/[()<>\s"'`\\|[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function sanitizeKey(key) {
  const cleaned = key.replace(/[^A-Za-z0-9._:/]+/g, "_").replace(/_+/g, "_").slice(0, 100);
  return cleaned === "" ? "default" : cleaned;
}

// src/github/retry.ts
var DEFAULT_RETRY = { attempts: 4, baseDelayMs: 2e3, maxDelayMs: 6e4, timeoutMs: 3e4 };
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
  const retryAfter = header(e, "retry-after");
  if (retryAfter !== void 0 && /^\d+(\.\d+)?$/.test(retryAfter.trim())) return Math.min(Number(retryAfter) * 1e3, policy.maxDelayMs);
  const reset = header(e, "x-ratelimit-reset");
  if (isRateLimited(error) && reset !== void 0 && /^\d+$/.test(reset)) return Math.min(Math.max(Number(reset) * 1e3 - nowMs, 0), policy.maxDelayMs);
  if (isRateLimited(error)) return Math.min(Math.max(policy.baseDelayMs, 1) * 30, policy.maxDelayMs);
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}
async function withRetry(what, policy, call) {
  const sleep = policy.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(AbortSignal.timeout(policy.timeoutMs));
    } catch (error) {
      if (attempt + 1 >= policy.attempts || !isTransient(error)) throw error;
      const wait = delayFor(error, attempt, policy);
      const status = statusOf(error);
      policy.onRetry?.(`${what}: ${status ? `HTTP ${status}` : "network error"} (${error.message}); retry ${attempt + 1} of ${policy.attempts - 1} in ${Math.round(wait / 100) / 10} s`);
      await sleep(wait);
    }
  }
}

export {
  escapeMarkdown,
  safeUrl,
  sanitizeKey,
  DEFAULT_RETRY,
  statusOf,
  isRateLimited,
  isTransient,
  delayFor,
  withRetry
};
//# sourceMappingURL=chunk-5TTQKOFD.js.map
