import { Lexer } from 'yaml';
import { type SourcePositions, plural, type ChangelogProblem } from './problems.js';

/**
 * The reference changelog is about 0.4 MB after a year of entries; 4 MiB leaves ten times that room
 * while keeping a hostile file's parse under about a second and a few hundred MB.
 */
export const MAX_CHANGELOG_BYTES = 4 * 1024 * 1024;

/** A changelog entry needs three levels (list, mapping, list); anything near this is not a changelog. */
export const MAX_FLOW_DEPTH = 32;
export const MAX_BLOCK_INDICATORS_PER_LINE = 16;

/**
 * Line and column (1-based) of a byte offset. The column counts UTF-16 units, as the YAML positions of
 * the other problems do, when the bytes are UTF-8; bytes that are not text get a byte column.
 */
function bytePosition(bytes: Uint8Array, offset: number, utf8: boolean): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = utf8
    ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, offset)).length + 1
    : offset - lineStart + 1;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let codePoint = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function countByte(
  bytes: Uint8Array,
  value: number,
  reportLine: (line: number) => boolean,
): { first: number; count: number; lines: number } {
  let first = -1;
  let count = 0;
  let lines = 0;
  let lastLine = -1;
  let line = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === value && reportLine(line + 1)) {
      if (first === -1) first = i;
      count++;
      if (line !== lastLine) {
        lines++;
        lastLine = line;
      }
    }
    if (b === 0x0a) line++;
  }
  return { first, count, lines };
}

export interface DecodedChangelog {
  /** Undefined when the bytes are too large or not UTF-8: nothing further can be checked. */
  text?: string;
  problems: ChangelogProblem[];
}

/** Which 1-based lines a check may report on; the others are left to whoever wrote them. */
export type LineFilter = (line: number) => boolean;
const EVERY_LINE: LineFilter = () => true;

/**
 * File-level byte rules: size cap, UTF-8, final newline, no CR, tab or NUL. Reports every rule that fails,
 * CR, tab and NUL at their first occurrence on a line that `reportLine` accepts.
 */
export function checkChangelogBytes(
  file: string,
  bytes: Uint8Array,
  maxBytes = MAX_CHANGELOG_BYTES,
  reportLine: LineFilter = EVERY_LINE,
): DecodedChangelog {
  const problems: ChangelogProblem[] = [];
  if (bytes.length > maxBytes) {
    problems.push({
      code: 'changelog_too_large',
      file,
      line: 1,
      column: 1,
      message: `the file is ${bytes.length.toLocaleString('en-US')} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit for a changelog; nothing else was checked. A changelog grows by a few hundred bytes per entry: check that the right file is given.`,
    });
    return { problems };
  }
  const invalid = firstInvalidUtf8(bytes);
  const at = (offset: number) => ({ file, ...bytePosition(bytes, offset, invalid === -1) });
  if (invalid !== -1) {
    problems.push({
      code: 'not_utf8',
      ...at(invalid),
      message: `is not UTF-8: byte 0x${(bytes[invalid] as number).toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8; save the file as UTF-8 (without a byte-order mark).`,
    });
  }
  for (const [value, code, what, fix] of [
    [
      0x0d,
      'carriage_return',
      'CR characters',
      'convert the file to LF line endings (git config core.autocrlf false; dos2unix)',
    ],
    [0x09, 'tab_character', 'tabs', 'replace tabs with spaces'],
    [0x00, 'nul_byte', 'NUL bytes', 'remove the NUL bytes; the file may have been saved as UTF-16'],
  ] as const) {
    const found = countByte(bytes, value, reportLine);
    if (found.count > 0) {
      const more =
        found.count > 1
          ? ` (${plural(found.count, 'character')} on ${plural(found.lines, 'line')}; this is the first)`
          : '';
      problems.push({ code, ...at(found.first), message: `contains ${what}${more}; ${fix}.` });
    }
  }
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) {
    problems.push({
      code: 'missing_final_newline',
      ...at(bytes.length),
      message: 'does not end with a newline; add one after the last line.',
    });
  }
  if (invalid !== -1) return { problems };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), problems };
}

/**
 * Bounds nesting before the YAML parser sees the text: the parser and its conversion to values recurse,
 * and a few MB of `[[[[` or `? ? ?` take seconds to minutes. Lexing stops at the first excess.
 */
export function checkNesting(positions: SourcePositions): ChangelogProblem | undefined {
  let offset = 0;
  let flowDepth = 0;
  let indicatorsOnLine = 0;
  for (const token of new Lexer().lex(positions.text)) {
    switch (token) {
      case '[':
      case '{':
        if (++flowDepth > MAX_FLOW_DEPTH) {
          return positions.problem(
            'nesting_too_deep',
            offset,
            `flow collections nest deeper than ${MAX_FLOW_DEPTH} levels; a changelog entry needs three (list, mapping, list). Flatten the value.`,
          );
        }
        break;
      case ']':
      case '}':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case '-':
      case '?':
      case ':':
        if (++indicatorsOnLine > MAX_BLOCK_INDICATORS_PER_LINE) {
          return positions.problem(
            'nesting_too_deep',
            offset,
            `more than ${MAX_BLOCK_INDICATORS_PER_LINE} nested block indicators on one line; a changelog line holds at most '- key:'. Split the value over lines.`,
          );
        }
        break;
      default:
        if (token.includes('\n')) indicatorsOnLine = 0;
    }
    // Control tokens (\x02, \x18, \x1f) are not source text.
    if (!(token.length === 1 && (token === '\x02' || token === '\x18' || token === '\x1f'))) offset += token.length;
  }
  return undefined;
}
