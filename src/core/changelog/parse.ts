import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { checkChangelogBytes, checkNesting, MAX_CHANGELOG_BYTES, type LineFilter } from './bytes.js';
import { SourcePositions, quoteExcerpt, type ChangelogProblem } from './problems.js';

/** PyYAML (the consumer of the changelog in sweep workflows) reads YAML 1.1; aliases beyond this are an attack. */
export const MAX_ALIAS_COUNT = 100;
export const ENTRY_START = '- config-keys:';

export interface FieldSource {
  keyOffset: number;
  valueOffset: number;
  /** Offsets of the items when the value is a list. */
  itemOffsets: number[];
}

/** One top-level entry: its value and where each of its parts sits in the text. */
export interface EntrySource {
  /** 0-based position in the list. */
  index: number;
  /** Offset of the entry's first line (the `- config-keys:` line in a well-formed file). */
  lineOffset: number;
  line: number;
  value: unknown;
  fields: Map<string, FieldSource>;
}

export interface ParsedChangelog {
  positions: SourcePositions;
  /** Undefined when the file could not be read as a YAML list. */
  entries?: EntrySource[];
  problems: ChangelogProblem[];
}

function startOf(node: Node | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

function fieldsOf(node: Node | null | undefined, fallback: number): Map<string, FieldSource> {
  const fields = new Map<string, FieldSource>();
  if (!isMap(node)) return fields;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const keyOffset = startOf(pair.key, fallback);
    const value = pair.value as Node | null;
    fields.set(String(pair.key.value), {
      keyOffset,
      valueOffset: startOf(value, keyOffset),
      itemOffsets: isSeq(value) ? value.items.map((item) => startOf(item as Node, keyOffset)) : [],
    });
  }
  return fields;
}

function describeYamlError(code: string, message: string, positions: SourcePositions, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*("[^"]*"|'[^']*'|[^:]+?)\s*:/.exec(positions.text.slice(offset, offset + 200))?.[1] ?? 'this key';
    return `duplicate key ${key}: a mapping holds each key once; merge the two values or delete one.`;
  }
  const firstLine = message.split('\n')[0] ?? message;
  return `not valid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}. Compare the indentation with the entries above.`;
}

/**
 * Reads a changelog text into located entries, reporting file-level and YAML problems.
 * Bytes are checked first so that the parser never sees oversized, non-UTF-8 or deeply nested input.
 */
export function parseChangelog(
  file: string,
  bytes: Uint8Array,
  maxBytes = MAX_CHANGELOG_BYTES,
  reportLine?: LineFilter,
): ParsedChangelog {
  const decoded = checkChangelogBytes(file, bytes, maxBytes, reportLine);
  const problems = [...decoded.problems];
  const positions = new SourcePositions(file, decoded.text ?? '');
  if (decoded.text === undefined) return { positions, problems };
  // NUL means another encoding (UTF-16): nothing YAML reads from it is meaningful, reported or not.
  if (bytes.includes(0)) return { positions, problems };

  const nesting = checkNesting(positions);
  if (nesting) return { positions, problems: [...problems, nesting] };

  const doc = parseDocument(positions.text, {
    version: '1.1',
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: 'silent',
  });
  const linesWithProblems = new Set(problems.map((p) => p.line));
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const offset = error.pos[0];
      // Indentation-deep input exhausts the parser's stack; one located message says why.
      if (/call stack|stack overflow/i.test(error.message)) {
        problems.push(
          positions.problem(
            'nesting_too_deep',
            offset,
            'the YAML nests too deeply to read here; a changelog entry needs three levels (list, mapping, list). Check the indentation.',
          ),
        );
        break;
      }
      const problem = positions.problem(
        error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'yaml_syntax',
        offset,
        describeYamlError(error.code, error.message, positions, offset),
      );
      // A tab or CR already reported on this line explains the parse error.
      if (!linesWithProblems.has(problem.line)) problems.push(problem);
    }
    return { positions, problems };
  }

  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    let aliasOffset = 0;
    visit(doc, {
      Alias(_, alias) {
        aliasOffset = startOf(alias, 0);
        return visit.BREAK;
      },
    });
    const detail =
      error instanceof RangeError
        ? 'nesting is too deep to convert'
        : `aliases expand past ${MAX_ALIAS_COUNT} copies (a "billion laughs" expansion)`;
    problems.push(
      positions.problem(
        'alias_limit',
        aliasOffset,
        `YAML ${detail}; a changelog needs no anchors or aliases: write each value out.`,
      ),
    );
    return { positions, problems };
  }

  const seq = doc.contents;
  if (!Array.isArray(root) || !isSeq(seq)) {
    const kind =
      root === null || root === undefined
        ? 'empty'
        : Array.isArray(root)
          ? 'a list'
          : typeof root === 'object'
            ? 'a mapping'
            : `a ${typeof root}`;
    problems.push(
      positions.problem(
        'root_not_list',
        startOf(seq as Node | null, 0),
        `root must be a YAML list: the file's root is ${kind}; it must be a list of entries, each starting with '${ENTRY_START}' at column 1.`,
      ),
    );
    return { positions, problems };
  }

  const entries: EntrySource[] = [];
  const entryLines = new Set<number>();
  seq.items.forEach((item, index) => {
    const node = isAlias(item) ? (item.resolve(doc) ?? null) : (item as Node | null);
    const offset = startOf(item as Node | null, 0);
    const { line } = positions.at(offset);
    const lineOffset = positions.lineStart(line);
    entryLines.add(line);
    entries.push({ index, lineOffset, line, value: root[index], fields: fieldsOf(node, offset) });
    if (!positions.lineText(line).startsWith(ENTRY_START)) {
      problems.push(
        positions.problem(
          'entry_start_line',
          lineOffset,
          `entry ${index + 1} starts with ${quoteExcerpt(positions.lineText(line), 40)}; every entry must start with a line '${ENTRY_START}' at column 1 (the sweep tooling counts entries by that line).`,
        ),
      );
    }
  });
  for (let line = 1, offset = 0; offset < positions.text.length; line++) {
    const end = positions.text.indexOf('\n', offset);
    if (positions.text.startsWith(ENTRY_START, offset) && !entryLines.has(line)) {
      problems.push(
        positions.problem(
          'entry_start_line',
          offset,
          `this '${ENTRY_START}' line does not start a top-level entry (YAML reads it as part of the entry above); the entry count would disagree with the sweep tooling's. Check the indentation.`,
        ),
      );
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return { positions, entries, problems };
}
