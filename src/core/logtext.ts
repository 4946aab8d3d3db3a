/**
 * Text bound for a log line (stdout/stderr of the action or the CLI). The runner reads those
 * streams line by line and treats a line that starts with `::` (after leading white space) as a
 * workflow command, and the legacy `##[command]` form anywhere in a line; values from workspace
 * files, file names and pull requests must never become one.
 */

/** Every character some reader treats as a line break: CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Characters that reorder or hide text (the whole Bidi_Control property) and the invisible tag block. */
const HIDING = /[\p{Bidi_Control}\u{E0000}-\u{E007F}]/gu;
/** U+2060 WORD JOINER: invisible, and not white space, so `:\u2060:` is no longer a command prefix. */
const JOINER = '\u2060';

/** A line with `::` at its start (after any white space) and every `##[` broken by a word joiner. */
function neutralizeLine(line: string): string {
  return line.replace(/^(\s*):(?=:)/u, `$1:${JOINER}`).replace(/#(?=#\[)/g, `#${JOINER}`);
}

/** Replaces bidi controls and tag characters with a visible `<U+XXXX>` so they neither hide nor reorder text. */
export function revealHidden(text: string): string {
  return text.replace(
    HIDING,
    (ch) => `<U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/**
 * Text safe to write to a log: each line break of any kind becomes `\n`, and no resulting line can
 * be read as a workflow command. The action's own multi-line messages keep their lines.
 */
export function neutralizeLogText(text: string): string {
  return revealHidden(text).split(LINE_BREAK).map(neutralizeLine).join('\n');
}

/** One untrusted value on one line: line breaks shown as `\n`/`\r`, then neutralised as above. */
export function logValue(value: string): string {
  return neutralizeLogText(
    value.replace(LINE_BREAK, (br) =>
      br === '\n'
        ? '\\n'
        : br === '\r\n'
          ? '\\r\\n'
          : br === '\r'
            ? '\\r'
            : `\\u${(br.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
    ),
  );
}

/**
 * Text from an API error (a response body, a client message) with anything shaped like a
 * credential replaced: GitHub tokens, JWTs (the runtime token), `Bearer`/`token` authorisation
 * values and user:password in URLs. The runner masks the registered token; this covers the rest.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})/g, '***')
    .replace(/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '***')
    .replace(/\b(bearer|token|basic)(\s+)[^\s,;"')]{20,}/gi, '$1$2***')
    .replace(/(\/\/)[^\s/@:]+:[^\s/@]+@/g, '$1***@');
}
