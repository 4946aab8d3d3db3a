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
    else if (ch === "@")
      out += `@${WORD_JOINER}`;
    else if (ch === "/")
      out += `/${WORD_JOINER}`;
    else if (ch === "#")
      out += `#${WORD_JOINER}`;
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
  return url.href.replace(
    /[()<>\s"'`\\|[\]]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function sanitizeKey(key) {
  const cleaned = key.replace(/[^A-Za-z0-9._:/]+/g, "_").replace(/_+/g, "_").slice(0, 100);
  return cleaned === "" ? "default" : cleaned;
}

export {
  WORD_JOINER,
  normalizeText,
  escapeMarkdown,
  safeUrl,
  sanitizeKey
};
//# sourceMappingURL=chunk-XKQWIWGY.js.map
