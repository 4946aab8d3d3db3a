import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/logtext.ts
var LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
var HIDING = /[\p{Bidi_Control}\u{E0000}-\u{E007F}]/gu;
var JOINER = "\u2060";
function neutralizeLine(line) {
  return line.replace(/^(\s*):(?=:)/u, `$1:${JOINER}`).replace(/#(?=#\[)/g, `#${JOINER}`);
}
function revealHidden(text) {
  return text.replace(
    HIDING,
    (ch) => `<U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}
function neutralizeLogText(text) {
  return revealHidden(text).split(LINE_BREAK).map(neutralizeLine).join("\n");
}
function logValue(value) {
  return neutralizeLogText(
    value.replace(
      LINE_BREAK,
      (br) => br === "\n" ? "\\n" : br === "\r\n" ? "\\r\\n" : br === "\r" ? "\\r" : `\\u${br.codePointAt(0).toString(16).padStart(4, "0")}`
    )
  );
}
function redactCredentials(text) {
  return text.replace(/\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})/g, "***").replace(/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, "***").replace(/\b(bearer|token|basic)(\s+)[^\s,;"')]{20,}/gi, "$1$2***").replace(/(\/\/)[^\s/@:]+:[^\s/@]+@/g, "$1***@");
}

export {
  neutralizeLogText,
  logValue,
  redactCredentials
};
//# sourceMappingURL=chunk-L2B7OZ5H.js.map
