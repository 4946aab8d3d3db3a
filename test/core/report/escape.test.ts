import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParams } from '../../helpers/fuzz.js';
import { WORD_JOINER, escapeMarkdown, normalizeText, safeUrl, sanitizeKey } from '../../../src/core/report/escape.js';

// The shared seed convention (FUZZ_SEED, FUZZ_RUNS_SCALE); a failure prints the seed and path to rerun.
const params = fuzzParams(2_000);

/** Reverses the escaping: what a markdown renderer shows as text. */
function visibleText(escaped: string): string {
  return escaped
    .split(WORD_JOINER)
    .join('')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Characters not preceded by an escaping backslash. */
function unescaped(text: string, ch: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ch) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) return true;
  }
  return false;
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '!',
        '@',
        '|',
        '<',
        '>',
        '\n',
        '\r',
        '`',
        '\\',
        '/',
        ':',
        'www.',
        'http',
        'https://',
        'x',
        '#1',
        '<!--',
        '-->',
        'img',
        ' ',
        '&',
        '&#60;',
        '\u2060',
        '\u202e',
        'javascript:',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

describe('escapeMarkdown', () => {
  it('keeps the visible text of any value (line breaks and invisible controls aside)', () => {
    fc.assert(
      fc.property(hostile, (value) => visibleText(escapeMarkdown(value)) === normalizeText(value)),
      params,
    );
  });

  it('never yields line breaks, raw HTML, link or image syntax, table breaks, mentions or autolinks', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const out = escapeMarkdown(value);
        expect(out).not.toMatch(/[\r\n<>]/);
        for (const ch of ['|', '[', ']', '(', ')', '!', '`', '*', '_']) expect(unescaped(out, ch)).toBe(false);
        expect(out).not.toMatch(/@[A-Za-z0-9]/);
        expect(out).not.toMatch(/:\/\//);
        expect(out.toLowerCase()).not.toContain('www.');
        expect(out).not.toContain('www\\.');
        expect(out).not.toContain('<!--');
        expect(out).not.toContain('-->');
        expect(out).not.toMatch(/#[0-9]/);
      }),
      params,
    );
  });

  it('renders a crafted model name inert', () => {
    const out = escapeMarkdown(
      'evil | ![x](https://e.vil/p.png) [click](http://x) <img src=x> @octocat <!-- sweep-power:report key=k --> www.evil.com #1',
    );
    expect(out).toBe(
      `evil \\| \\!\\[x\\]\\(https\\:/${WORD_JOINER}/${WORD_JOINER}e\\.vil/${WORD_JOINER}p\\.png\\) \\[click\\]\\(http\\:/${WORD_JOINER}/${WORD_JOINER}x\\) &lt;img src\\=x&gt; @${WORD_JOINER}octocat &lt;\\!\\-\\- sweep\\-power\\:report key\\=k \\-\\-&gt; www${WORD_JOINER}\\.evil\\.com #${WORD_JOINER}1`,
    );
  });

  it('breaks GH-123 issue references, which GitHub links in rendered text like #123', () => {
    expect(escapeMarkdown('GH-123 gh-7')).toBe(`GH${WORD_JOINER}\\-123 gh${WORD_JOINER}\\-7`);
    expect(escapeMarkdown('h200-sxm')).toBe('h200\\-sxm');
  });

  it('formats non-strings and empty values', () => {
    expect(escapeMarkdown(64)).toBe('64');
    expect(escapeMarkdown(undefined)).toBe('');
    expect(escapeMarkdown(null)).toBe('');
  });
});

describe('safeUrl and sanitizeKey', () => {
  it('accepts http(s) only and encodes characters that end a link', () => {
    expect(safeUrl('https://inferencex.semianalysis.com/inference?unofficialRun=1')).toBe(
      'https://inferencex.semianalysis.com/inference?unofficialRun=1',
    );
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://x.test/a)b(c')).toBe('https://x.test/a%29b%28c');
  });

  it('reduces a comment key to marker-safe characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (key) => {
        const k = sanitizeKey(key);
        expect(k).toMatch(/^[A-Za-z0-9._:/]{1,100}$/);
        expect(k).not.toContain('--');
      }),
      params,
    );
    expect(sanitizeKey('Run sweep / PR')).toBe('Run_sweep_/_PR');
  });
});
