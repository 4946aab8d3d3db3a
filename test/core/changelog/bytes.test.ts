import { describe, expect, it } from 'vitest';
import {
  checkChangelogBytes,
  checkNesting,
  firstInvalidUtf8,
  MAX_BLOCK_INDICATORS_PER_LINE,
  MAX_CHANGELOG_BYTES,
  MAX_FLOW_DEPTH,
} from '../../../src/core/changelog/bytes.js';
import { SourcePositions } from '../../../src/core/changelog/problems.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', bytes('- a: b\n')],
    ['empty', bytes()],
    ['two-byte é (C3 A9)', bytes('caf', [0xc3, 0xa9])],
    ['the smallest three-byte code point U+0800 (E0 A0 80)', bytes([0xe0, 0xa0, 0x80])],
    ['U+D7FF below the surrogates (ED 9F BF)', bytes([0xed, 0x9f, 0xbf])],
    ['U+E000 above the surrogates (EE 80 80)', bytes([0xee, 0x80, 0x80])],
    ['U+FFFF (EF BF BF)', bytes([0xef, 0xbf, 0xbf])],
    ['the smallest four-byte code point U+10000 (F0 90 80 80)', bytes([0xf0, 0x90, 0x80, 0x80])],
    ['the largest code point U+10FFFF (F4 8F BF BF)', bytes([0xf4, 0x8f, 0xbf, 0xbf])],
  ])('is -1 for %s', (_, input) => {
    expect(firstInvalidUtf8(input)).toBe(-1);
  });

  it.each([
    ['a lone continuation byte', bytes('ab', [0x80]), 2],
    ['C0 and C1, which only start overlong forms', bytes('a', [0xc1, 0xbf]), 1],
    ['an overlong three-byte form of U+0000 (E0 80 80)', bytes([0xe0, 0x80, 0x80]), 0],
    ['an overlong three-byte form of U+07FF (E0 9F BF)', bytes([0xe0, 0x9f, 0xbf]), 0],
    ['an overlong four-byte form of U+FFFF (F0 8F BF BF)', bytes('x', [0xf0, 0x8f, 0xbf, 0xbf]), 1],
    ['a surrogate U+D800 (ED A0 80)', bytes('xy', [0xed, 0xa0, 0x80]), 2],
    ['a code point past U+10FFFF (F4 90 80 80)', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['F5, which never starts a sequence', bytes([0xf5, 0x80, 0x80, 0x80]), 0],
    ['FF', bytes('abc', [0xff]), 3],
    ['a sequence cut by the end of the bytes', bytes('€', [0xe2, 0x82]), 3],
    ['a lead byte at the very end', bytes('a', [0xc3]), 1],
    ['a lead byte followed by ASCII', bytes([0xe2, 0x28, 0xa1]), 0],
    ['UTF-16 text', bytes([0xff, 0xfe, 0x2d, 0x00]), 0],
  ])('finds %s', (_, input, offset) => {
    expect(firstInvalidUtf8(input)).toBe(offset);
  });
});

describe('checkChangelogBytes', () => {
  it('passes a clean file and decodes it', () => {
    const decoded = checkChangelogBytes('c.yaml', bytes('- a: é\n  b: 1\n'));
    expect(decoded).toEqual({ text: '- a: é\n  b: 1\n', problems: [] });
  });

  it('keeps a byte-order mark in the text, where the YAML rules judge it', () => {
    expect(checkChangelogBytes('c.yaml', bytes([0xef, 0xbb, 0xbf], 'a\n')).text).toBe('\uFEFFa\n');
  });

  it('refuses a file over the size limit without checking anything else', () => {
    const big = new Uint8Array(MAX_CHANGELOG_BYTES + 1).fill(0x09); // all tabs, no final newline
    // 4 MiB = 4 x 1,048,576 = 4,194,304 bytes; one more is too many.
    expect(checkChangelogBytes('c.yaml', big)).toEqual({
      problems: [
        {
          code: 'changelog_too_large',
          file: 'c.yaml',
          line: 1,
          column: 1,
          message:
            'the file is 4,194,305 bytes, over the 4 MiB limit for a changelog; nothing else was checked. A changelog grows by a few hundred bytes per entry: check that the right file is given.',
        },
      ],
    });
    expect(checkChangelogBytes('c.yaml', bytes('abc\n'), 4).problems.map((p) => p.code)).toEqual([]);
    expect(checkChangelogBytes('c.yaml', bytes('abcd\n'), 4).problems.map((p) => p.code)).toEqual([
      'changelog_too_large',
    ]);
  });

  it('locates the first byte that is not UTF-8 by line and byte column, and gives no text', () => {
    const decoded = checkChangelogBytes('c.yaml', bytes('- a: 1\n  b: x', [0xff], '\n'));
    expect(decoded.text).toBeUndefined();
    expect(decoded.problems).toEqual([
      {
        code: 'not_utf8',
        file: 'c.yaml',
        line: 2,
        column: 7, // '  b: x' is 6 bytes
        message: 'is not UTF-8: byte 0xFF is not valid UTF-8; save the file as UTF-8 (without a byte-order mark).',
      },
    ]);
    expect(checkChangelogBytes('c.yaml', bytes([0x0c, 0xc3, 0x28], '\n')).problems[0]?.message).toContain(
      'byte 0xC3 is not valid UTF-8',
    );
  });

  it('reports CR, tab and NUL at their first occurrence with counts', () => {
    const decoded = checkChangelogBytes('c.yaml', bytes('- a: 1\r\n  b:\t2\r\n\t\tc\r\n'));
    expect(decoded.text).toBe('- a: 1\r\n  b:\t2\r\n\t\tc\r\n');
    expect(decoded.problems).toEqual([
      {
        code: 'carriage_return',
        file: 'c.yaml',
        line: 1,
        column: 7,
        message:
          'contains CR characters (3 characters on 3 lines; this is the first); convert the file to LF line endings (git config core.autocrlf false; dos2unix).',
      },
      {
        code: 'tab_character',
        file: 'c.yaml',
        line: 2,
        column: 5,
        // One tab on line 2, two on line 3.
        message: 'contains tabs (3 characters on 2 lines; this is the first); replace tabs with spaces.',
      },
    ]);
  });

  it('words a single occurrence without counts', () => {
    expect(checkChangelogBytes('c.yaml', bytes('a\u0000b\n')).problems).toEqual([
      {
        code: 'nul_byte',
        file: 'c.yaml',
        line: 1,
        column: 2,
        message: 'contains NUL bytes; remove the NUL bytes; the file may have been saved as UTF-16.',
      },
    ]);
  });

  it('gives the column in characters of the line, as every other problem does', () => {
    // '- a: é' is 6 characters but 7 bytes: the tab is character 7 of line 1.
    const decoded = checkChangelogBytes('c.yaml', bytes('- a: é\tb\n'));
    const positions = new SourcePositions('c.yaml', decoded.text as string);
    expect(decoded.problems[0]).toMatchObject({ code: 'tab_character', line: 1, column: 7 });
    expect(positions.at((decoded.text as string).indexOf('\t'))).toEqual({ line: 1, column: 7 });
    // 😀 is two UTF-16 units (four bytes), as the YAML positions count it.
    expect(checkChangelogBytes('c.yaml', bytes('x\n😀\u0000\n')).problems[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('reports only lines the filter accepts, and counts only those', () => {
    const text = bytes('\ta\n\tb\nc\t\t\n');
    const onlyLine3 = checkChangelogBytes('c.yaml', text, MAX_CHANGELOG_BYTES, (line) => line === 3);
    expect(onlyLine3.problems).toEqual([
      {
        code: 'tab_character',
        file: 'c.yaml',
        line: 3,
        column: 2,
        message: 'contains tabs (2 characters on 1 line; this is the first); replace tabs with spaces.',
      },
    ]);
    expect(checkChangelogBytes('c.yaml', text, MAX_CHANGELOG_BYTES, () => false).problems).toEqual([]);
  });

  it('asks for a final newline, pointing past the last character', () => {
    expect(checkChangelogBytes('c.yaml', bytes('a\nbc')).problems).toEqual([
      {
        code: 'missing_final_newline',
        file: 'c.yaml',
        line: 2,
        column: 3,
        message: 'does not end with a newline; add one after the last line.',
      },
    ]);
    expect(checkChangelogBytes('c.yaml', bytes()).problems).toEqual([
      {
        code: 'missing_final_newline',
        file: 'c.yaml',
        line: 1,
        column: 1,
        message: 'does not end with a newline; add one after the last line.',
      },
    ]);
    expect(checkChangelogBytes('c.yaml', bytes()).text).toBe('');
  });

  it('reports every failing rule together, in a fixed order', () => {
    const decoded = checkChangelogBytes('c.yaml', bytes('\t\r', [0x00, 0xfe]));
    expect(decoded.problems.map((p) => p.code)).toEqual([
      'not_utf8',
      'carriage_return',
      'tab_character',
      'nul_byte',
      'missing_final_newline',
    ]);
    expect(decoded.text).toBeUndefined();
  });
});

describe('checkNesting', () => {
  const nesting = (text: string) => checkNesting(new SourcePositions('c.yaml', text));

  it('lets a changelog entry through', () => {
    expect(nesting('- config-keys:\n    - a\n  description: [x, {y: [z]}]\n')).toBeUndefined();
  });

  it(`allows ${MAX_FLOW_DEPTH} nested flow collections and stops at the next one`, () => {
    expect(MAX_FLOW_DEPTH).toBe(32);
    expect(nesting(`a: ${'['.repeat(32)}${']'.repeat(32)}\n`)).toBeUndefined();
    // 'a: ' is 3 characters, so the 33rd '[' is character 3 + 33 = 36.
    expect(nesting(`a: ${'['.repeat(33)}\n`)).toEqual({
      code: 'nesting_too_deep',
      file: 'c.yaml',
      line: 1,
      column: 36,
      message:
        'flow collections nest deeper than 32 levels; a changelog entry needs three (list, mapping, list). Flatten the value.',
    });
  });

  it('counts depth, not brackets: closed collections give their levels back, stray closers take none', () => {
    const deep = `${'{'.repeat(20)}${'}'.repeat(20)}`;
    expect(nesting(`a: [${deep}, ${deep}, ${deep}]\n`)).toBeUndefined();
    // Stray closers first: without the floor at zero, 33 openers would only reach depth 30.
    expect(nesting(`]]] ${'['.repeat(33)}\n`)?.column).toBe(4 + 33);
  });

  it(`allows ${MAX_BLOCK_INDICATORS_PER_LINE} block indicators on a line and stops at the next one`, () => {
    expect(MAX_BLOCK_INDICATORS_PER_LINE).toBe(16);
    expect(nesting(`${'- '.repeat(16)}x\n`)).toBeUndefined();
    // The 17th '-' is at offset 2 x 16 = 32, column 33 of line 3; the earlier lines hold scalars the lexer marks.
    expect(nesting(`a: b\nc: d\n${'- '.repeat(17)}x\n`)).toEqual({
      code: 'nesting_too_deep',
      file: 'c.yaml',
      line: 3,
      column: 33,
      message:
        "more than 16 nested block indicators on one line; a changelog line holds at most '- key:'. Split the value over lines.",
    });
  });

  it('counts source characters only, not the markers the lexer adds', () => {
    // The unclosed '[' makes the lexer insert a flow-end marker before line 2; the 17th '-' is still column 33.
    expect(nesting(`a: [b\n${'- '.repeat(17)}x\n`)).toMatchObject({ line: 2, column: 33 });
  });

  it('counts block indicators per line', () => {
    expect(nesting(`${'- '.repeat(10)}x\n${' '.repeat(20)}${'- '.repeat(10)}y\n`)).toBeUndefined();
    expect(nesting(`? ${'- '.repeat(15)}: x\n`)?.column).toBe(2 + 30 + 1);
  });
});
