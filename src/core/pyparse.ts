/**
 * Python's int() and float() applied to text, for fields the reference converts that way
 * (`int(bench['max_concurrency'])`, `float(bench['output_throughput'])`): a benchmark client that
 * writes `"32"` or `" 1e3 "` gets the number Python would read, and text Python refuses stays refused.
 */

/** Characters str.strip() removes (str.isspace()), which int() and float() ignore around the number. */
const SPACE_CLASS = String.raw`[\t\n\v\f\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
const PY_SPACE = new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, 'g');
/** Digits with single underscores between them, as int() and float() accept. */
const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_TEXT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Any Unicode decimal digit (Python reads `٣٢` as 32) as its ASCII digit. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => {
    const cp = ch.codePointAt(0) as number;
    if (cp <= 0x39) return ch;
    // Decimal digits come in runs of ten starting at zero; some runs sit back to back.
    let first = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(first - 1))) first -= 1;
    return String((cp - first) % 10);
  });
}

function prepare(text: string): string {
  return asciiDigits(text.replace(PY_SPACE, ''));
}

/** int(text) for base 10: undefined where Python raises ValueError. Large values lose precision. */
export function pyIntOfText(text: string): number | undefined {
  const t = prepare(text);
  if (!INT_TEXT.test(t)) return undefined;
  const n = Number(t.replaceAll('_', ''));
  return Object.is(n, -0) ? 0 : n;
}

/** float(text): undefined where Python raises ValueError; `nan`, `inf`, `-Infinity` are numbers. */
export function pyFloatOfText(text: string): number | undefined {
  const t = prepare(text);
  const special = SPECIAL.exec(t);
  if (special) {
    if ((special[2] as string).toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) return undefined;
  return Number(t.replaceAll('_', ''));
}
