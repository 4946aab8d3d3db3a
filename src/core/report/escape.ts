/**
 * Markdown escaping for values that come from result files (model names, reason strings, config
 * keys). An escaped value renders as the same visible text and cannot become a link, an image, a
 * mention, an issue reference, an HTML tag or comment, or break out of a table cell.
 */

/** U+2060 WORD JOINER: invisible, stops GitHub's mention, issue-reference and autolink filters. */
export const WORD_JOINER = '\u2060';

// C0/C1 controls, zero-width characters, every Bidi_Control character (U+061C included) and the
// tag block: invisible characters that could hide or reorder text. The property, not a hand list.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060-\u2064\ufeff\p{Bidi_Control}\u{E0000}-\u{E007F}]/gu;
// Characters with a markdown meaning, escaped with a backslash (CommonMark allows any ASCII punctuation).
const MARKDOWN_PUNCTUATION = new Set('\\`*_{}[]()+-.!|~:$^='.split(''));
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The visible text of a value on one line: line breaks become spaces, invisible controls are dropped. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(INVISIBLE, '');
}

/** Escapes one value for inline markdown (a table cell, a list item, a heading). */
export function escapeMarkdown(value: unknown): string {
  const text = normalizeText(value === undefined || value === null ? '' : String(value));
  let out = '';
  for (const ch of text) {
    if (ch in HTML_ENTITIES) out += HTML_ENTITIES[ch];
    else if (ch === '@')
      out += `@${WORD_JOINER}`; // @user mentions and user@host autolinks
    else if (ch === '/')
      out += `/${WORD_JOINER}`; // scheme:// autolinks and owner/repo#1 references
    else if (ch === '#')
      out += `#${WORD_JOINER}`; // #123 issue references
    else if (MARKDOWN_PUNCTUATION.has(ch)) out += `\\${ch}`;
    else out += ch;
  }
  // GitHub autolinks bare www. hosts even without a scheme, and GH-123 like #123; a joiner breaks each match.
  return out.replace(/(w)(w)(w)(\\\.)/gi, `$1$2$3${WORD_JOINER}$4`).replace(/(g)(h)(\\-)/gi, `$1$2${WORD_JOINER}$3`);
}

/**
 * A link target from configuration (not from result files): only http(s), with the characters that
 * could end a markdown link destination percent-encoded. Returns undefined for anything else.
 */
export function safeUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(
    /[()<>\s"'`\\|[\]]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A comment-key reduced to characters that cannot end an HTML comment or break the marker line. */
export function sanitizeKey(key: string): string {
  const cleaned = key
    .replace(/[^A-Za-z0-9._:/]+/g, '_')
    .replace(/_+/g, '_')
    .slice(0, 100);
  return cleaned === '' ? 'default' : cleaned;
}
