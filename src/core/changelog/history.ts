// Over 300 lines on purpose: the append-only history rules (deleted, changed, corrected entries and where
// each differs) walk the same pair of entry lists and positions; one file keeps that walk in one place.
import { ENTRY_START, type EntrySource } from './parse.js';
import { isCanonicalLink, pullRequestUrl } from './prlink.js';
import { plainExcerpt, plural, quoteExcerpt, type ChangelogProblem, type SourcePositions } from './problems.js';

export interface ChangelogSide {
  positions: SourcePositions;
  entries: EntrySource[];
}

export interface HistoryResult {
  /** Entries this change adds, in file order. */
  additions: EntrySource[];
  /** History entries whose pr-link alone changed. */
  corrections: EntrySource[];
  problems: ChangelogProblem[];
}

/** Reports of changed history entries beyond this many are summed up in one line: an early insertion shifts all later ones. */
const MAX_CHANGED_ENTRY_REPORTS = 10;

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Number.isNaN(a) && Number.isNaN(b);
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => key in bRecord && deepEqual((a as Record<string, unknown>)[key], bRecord[key]));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Keys whose values differ between two entries, `pr-link` included. */
function differingFields(base: unknown, head: unknown): string[] {
  const a = asRecord(base);
  const b = asRecord(head);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !deepEqual(a[key], b[key]));
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** End of an entry's text: the next entry's first line, or the end of the file. */
function entryEnd(side: ChangelogSide, entry: EntrySource): number {
  return side.entries[entry.index + 1]?.lineOffset ?? side.positions.text.length;
}

/** A field's text, from its key up to the next key of the entry or the entry's end. */
function fieldSpan(side: ChangelogSide, entry: EntrySource, field: string): { from: number; text: string } | undefined {
  const source = entry.fields.get(field);
  if (!source) return undefined;
  let to = entryEnd(side, entry);
  for (const other of entry.fields.values())
    if (other.keyOffset > source.keyOffset && other.keyOffset < to) to = other.keyOffset;
  return { from: source.keyOffset, text: side.positions.text.slice(source.keyOffset, to) };
}

/** Offsets (head and base) of the first character where an entry's field differs from the base's text, or where the entries part. */
function firstDifference(
  base: ChangelogSide,
  head: ChangelogSide,
  baseEntry: EntrySource,
  headEntry: EntrySource,
  field: string,
): { head: number; base: number } {
  const headField = fieldSpan(head, headEntry, field);
  const baseField = fieldSpan(base, baseEntry, field);
  if (headField && baseField) {
    const same = commonPrefixLength(baseField.text, headField.text);
    return { head: headField.from + same, base: baseField.from + same };
  }
  const headText = head.positions.text.slice(headEntry.lineOffset, entryEnd(head, headEntry));
  const baseText = base.positions.text.slice(baseEntry.lineOffset, entryEnd(base, baseEntry));
  const same = commonPrefixLength(baseText, headText);
  return { head: headEntry.lineOffset + same, base: baseEntry.lineOffset + same };
}

function lineRange(positions: SourcePositions, from: number, to: number): string {
  const first = positions.at(from).line;
  const last = positions.at(Math.max(from, to - 1)).line;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/** Empty lines directly before `offset` (which sits at a line start), and whether the nearest holds only spaces. */
function blankLinesBefore(text: string, offset: number): { empty: number; spacesOnly: boolean } {
  let empty = 0;
  let at = offset - 1; // the newline ending the previous line
  for (;;) {
    const previousEnd = at;
    const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
    if (previousEnd <= 0) return { empty, spacesOnly: false };
    const line = text.slice(previousStart, previousEnd);
    if (line === '') empty++;
    else return { empty, spacesOnly: line.trim() === '' && empty === 0 };
    at = previousStart - 1;
    if (at < 0) return { empty, spacesOnly: false };
  }
}

function separatorProblems(base: ChangelogSide, head: ChangelogSide, additions: EntrySource[]): ChangelogProblem[] {
  const problems: ChangelogProblem[] = [];
  const baseText = base.positions.text;
  const headText = head.positions.text;
  const appendedAt = baseText.length;
  const suffix = headText.slice(appendedAt);
  // A base without its final newline gets it from the change: that newline is not a separator line.
  const terminator = baseText.endsWith('\n') ? '' : '\n';
  const expectedStart = baseText.endsWith('\n\n') ? ENTRY_START : `${terminator}\n${ENTRY_START}`;
  if (!suffix.startsWith(expectedStart)) {
    const leadingNewlines = /^\n*/.exec(suffix)?.[0].length ?? 0;
    const emptyLines = leadingNewlines - terminator.length + (baseText.endsWith('\n\n') ? 1 : 0);
    const rest = suffix.slice(leadingNewlines);
    const firstLine = rest.split('\n')[0] ?? '';
    const detail =
      firstLine !== '' && firstLine.trim() === ''
        ? `the separator line after the history holds only spaces; make it empty (exactly one empty line before '${ENTRY_START}').`
        : !rest.startsWith(ENTRY_START)
          ? `the appended text starts with ${quoteExcerpt(firstLine, 40)}; a new entry starts with '${ENTRY_START}' at column 1, after one empty line.`
          : `the first new entry follows the history after ${plural(emptyLines, 'empty line')}; separate it with exactly one empty line.`;
    // At the line that is wrong, not at the end of the history's last line.
    problems.push(
      head.positions.problem(
        'separator',
        appendedAt + leadingNewlines,
        `new changelog entries must be separated from history by one empty line: ${detail}`,
      ),
    );
  }
  for (const entry of additions.slice(1)) {
    const { empty, spacesOnly } = blankLinesBefore(headText, entry.lineOffset);
    if (empty !== 1) {
      const detail = spacesOnly
        ? 'the line before it holds only spaces; make it empty'
        : `it follows the entry above after ${plural(empty, 'empty line')}; separate entries with exactly one empty line`;
      problems.push(
        head.positions.problem(
          'separator',
          entry.lineOffset,
          `appended changelog entries must have exactly one empty separator line: entry ${entry.index + 1}: ${detail}.`,
        ),
      );
    }
  }
  if (headText.endsWith('\n\n')) {
    const trailing = /\n+$/.exec(headText)?.[0].length ?? 0;
    problems.push(
      head.positions.problem(
        'trailing_empty_lines',
        headText.length - trailing + 1,
        `the final appended changelog entry must end with one newline: the file ends with ${plural(trailing - 1, 'empty line')}; end the last entry with a single newline.`,
      ),
    );
  }
  return problems;
}

/**
 * Append-only history: the base text stays a byte-for-byte prefix of the head, new entries follow it,
 * and the only edit allowed to history is a pr-link-only correction to a canonical link, never together
 * with new entries. `repo` is needed to judge corrections.
 */
export function compareHistory(base: ChangelogSide, head: ChangelogSide, repo: string | undefined): HistoryResult {
  const problems: ChangelogProblem[] = [];
  const baseText = base.positions.text;
  const headText = head.positions.text;
  const prefix = commonPrefixLength(baseText, headText);

  if (prefix === baseText.length) {
    if (baseText !== '' && !baseText.endsWith('\n') && headText.length > baseText.length) {
      // Adding the final newline alone repairs the base; anything more cannot avoid rewriting its last line.
      if (headText === `${baseText}\n`) return { additions: [], corrections: [], problems };
      const lastLine = head.positions.at(baseText.length).line;
      problems.push(
        head.positions.problem(
          'history_line_deleted',
          head.positions.lineStart(lastLine),
          `Found deleted line: ${plainExcerpt(head.positions.lineText(lastLine))} (line ${lastLine}): the base ends in this line without a final newline, so appending after it deletes the line and adds it back with a newline, and history lines are immutable. Add only the final newline in a change of its own, then append after it.`,
        ),
      );
    }
    const additions = head.entries.slice(base.entries.length);
    base.entries.forEach((baseEntry, i) => {
      const headEntry = head.entries[i];
      if (headEntry && !deepEqual(baseEntry.value, headEntry.value)) {
        const fields = differingFields(baseEntry.value, headEntry.value);
        const offset = headEntry.fields.get(fields[0] ?? '')?.keyOffset ?? headEntry.lineOffset;
        problems.push(
          head.positions.problem(
            'history_entry_changed',
            Math.max(offset, baseText.length),
            `entry ${i + 1} changed; existing entries are immutable except for pr-link-only corrections: the appended text continues it (line ${headEntry.line}), changing its ${fields.join(', ')}; start a new entry with '${ENTRY_START}' at column 1, after one empty line.`,
          ),
        );
      }
    });
    // Text that continues the last entry was reported above; "adds no entry" would say it twice.
    if (headText.length > baseText.length && additions.length === 0 && problems.length === 0) {
      problems.push(
        head.positions.problem(
          'no_new_entry',
          baseText.length,
          `changelog diff has no appended entry or pr-link correction: ${lineRange(head.positions, baseText.length, headText.length)} appended after the history add no entry (only empty lines, spaces or comments); remove them, or add a complete entry starting with '${ENTRY_START}'.`,
        ),
      );
    } else if (additions.length > 0) {
      problems.push(...separatorProblems(base, head, additions));
    }
    return { additions, corrections: [], problems };
  }

  // Report from the start of the line where the texts part, which is where a reader looks.
  const partLine = head.positions.at(prefix).line;
  const partOffset = head.positions.lineStart(partLine);

  // Whole entries inserted into or deleted from the middle: name them rather than every entry after them.
  const shift = head.entries.length - base.entries.length;
  const shared = Math.min(base.entries.length, head.entries.length);
  let firstDiffering = 0;
  while (firstDiffering < shared && deepEqual(base.entries[firstDiffering]?.value, head.entries[firstDiffering]?.value))
    firstDiffering++;
  const alignedAfter = (short: EntrySource[], long: EntrySource[], by: number): boolean => {
    for (let i = firstDiffering; i < short.length; i++)
      if (!deepEqual(short[i]?.value, long[i + by]?.value)) return false;
    return true;
  };
  if (shift > 0 && firstDiffering < base.entries.length && alignedAfter(base.entries, head.entries, shift)) {
    const additions = head.entries.slice(firstDiffering, firstDiffering + shift);
    const first = additions[0] as EntrySource;
    const next = head.entries[firstDiffering + shift] as EntrySource;
    const last = head.positions.at(next.lineOffset - 1).line;
    problems.push(
      head.positions.problem(
        'history_inserted',
        first.lineOffset,
        `${plural(shift, 'entry', 'entries')} (lines ${first.line}-${last}) ${shift === 1 ? 'was' : 'were'} inserted before history entry ${firstDiffering + 1}; the history is append-only: move ${shift === 1 ? 'it' : 'them'} to the end of the file, after one empty line.`,
      ),
    );
    return { additions, corrections: [], problems };
  }
  if (shift < 0 && alignedAfter(head.entries, base.entries, -shift)) {
    const removed = base.entries.slice(firstDiffering, firstDiffering - shift);
    const keys = removed.map(
      (entry) => (asRecord(entry.value)['config-keys'] as unknown[] | undefined)?.join(', ') ?? '?',
    );
    const at = head.entries[firstDiffering]?.lineOffset ?? headText.length;
    problems.push(
      head.positions.problem(
        'history_deleted',
        at,
        `${head.positions.file} entries were deleted: ${plural(removed.length, 'history entry', 'history entries')} (base line ${(removed[0] as EntrySource).line}: ${keys.slice(0, 3).join('; ')}${keys.length > 3 ? '; …' : ''}) ${removed.length === 1 ? 'was' : 'were'} deleted here; the history is append-only: restore ${removed.length === 1 ? 'it' : 'them'} exactly.`,
      ),
    );
    return { additions: [], corrections: [], problems };
  }

  const corrections: EntrySource[] = [];
  const changed: EntrySource[] = [];
  for (let i = 0; i < shared; i++) {
    const baseEntry = base.entries[i] as EntrySource;
    const headEntry = head.entries[i] as EntrySource;
    if (deepEqual(baseEntry.value, headEntry.value)) continue;
    const fields = differingFields(baseEntry.value, headEntry.value);
    if (fields.length === 1 && fields[0] === 'pr-link') {
      corrections.push(headEntry);
      const link = asRecord(headEntry.value)['pr-link'];
      const linkField = headEntry.fields.get('pr-link');
      if (repo !== undefined && (typeof link !== 'string' || !isCanonicalLink(link, repo))) {
        problems.push(
          head.positions.problem(
            'correction_not_canonical',
            linkField?.valueOffset ?? headEntry.lineOffset,
            `entry ${i + 1} pr-link correction is not canonical: ${JSON.stringify(link)}; a correction must be a canonical link, ${pullRequestUrl(repo, '<number>')}.`,
          ),
        );
      }
      continue;
    }
    changed.push(headEntry);
    if (changed.length <= MAX_CHANGED_ENTRY_REPORTS) {
      const shown = fields.filter((f) => f !== 'pr-link');
      const at = firstDifference(base, head, baseEntry, headEntry, shown[0] ?? '');
      const baseAt = base.positions.at(at.base);
      problems.push(
        head.positions.problem(
          'history_entry_changed',
          at.head,
          `entry ${i + 1} changed; existing entries are immutable except for pr-link-only corrections: its ${shown.join(', ')} differs from the base here (base line ${baseAt.line}, column ${baseAt.column}: ${quoteExcerpt(base.positions.lineText(baseAt.line))}); restore it and describe the change in a new entry at the end of the file.`,
        ),
      );
    }
  }
  if (changed.length > MAX_CHANGED_ENTRY_REPORTS) {
    const first = changed[MAX_CHANGED_ENTRY_REPORTS] as EntrySource;
    problems.push(
      head.positions.problem(
        'history_entry_changed',
        first.lineOffset,
        `${plural(changed.length - MAX_CHANGED_ENTRY_REPORTS, 'more history entry', 'more history entries')} differ from the base, from here on; restore the base text.`,
      ),
    );
  }
  if (head.entries.length < base.entries.length) {
    problems.push(
      head.positions.problem(
        'history_deleted',
        headText.length,
        `${head.positions.file} entries were deleted: ${plural(base.entries.length - head.entries.length, 'history entry', 'history entries')} of the base are missing (base ${base.entries.length}, here ${head.entries.length}); the history is append-only: restore them.`,
      ),
    );
  }
  const additions = head.entries.slice(base.entries.length);
  if (corrections.length > 0 && additions.length > 0) {
    problems.push(
      head.positions.problem(
        'corrections_mixed_with_additions',
        (additions[0] as EntrySource).lineOffset,
        `do not mix historical pr-link corrections with new changelog entries: this change corrects the pr-link of ${plural(corrections.length, 'history entry', 'history entries')} (line ${(corrections[0] as EntrySource).line}) and also adds entries; make the correction and the new entries separate pull requests.`,
      ),
    );
  }

  if (changed.length === 0 && head.entries.length >= base.entries.length) {
    const baseLines = baseText.split('\n');
    const headLines = headText.split('\n');
    if (corrections.length > 0 && additions.length === 0) {
      if (baseLines.length !== headLines.length) {
        problems.push(
          head.positions.problem(
            'correction_line',
            partOffset,
            `pr-link corrections may not add or delete lines (base ${baseLines.length - 1}, here ${headLines.length - 1}); change only the '  pr-link:' line.`,
          ),
        );
      } else {
        let linkLinesChanged = 0;
        baseLines.forEach((baseLine, i) => {
          const headLine = headLines[i] as string;
          if (baseLine === headLine) return;
          if (baseLine.startsWith('  pr-link:') && headLine.startsWith('  pr-link:')) {
            linkLinesChanged++;
            return;
          }
          problems.push(
            head.positions.problem(
              'correction_line',
              head.positions.lineStart(i + 1),
              `historical bytes changed outside a pr-link line at line ${i + 1} (base: ${quoteExcerpt(baseLine)}); a correction changes pr-link lines only: restore this line.`,
            ),
          );
        });
        if (linkLinesChanged !== corrections.length && !problems.some((p) => p.code === 'correction_line')) {
          problems.push(
            head.positions.problem(
              'correction_line',
              partOffset,
              `expected ${corrections.length} changed pr-link line(s), found ${linkLinesChanged}, for ${plural(corrections.length, 'corrected entry', 'corrected entries')}; change exactly one pr-link line per corrected entry.`,
            ),
          );
        }
      }
    } else if (corrections.length === 0) {
      const column = head.positions.at(prefix).column;
      const show = (line: string) => (line.length < column ? 'the line end' : quoteExcerpt(line.slice(column - 1), 30));
      const baseLine = baseLines[partLine - 1] ?? '';
      const headLine = headLines[partLine - 1] ?? '';
      const lead =
        additions.length > 0
          ? `appended entries changed historical ${head.positions.file} bytes`
          : 'changelog diff has no appended entry or pr-link correction; historical whitespace and formatting are immutable';
      problems.push(
        head.positions.problem(
          'history_reformatted',
          prefix,
          `${lead}: line ${partLine} differs from the base only in formatting, from column ${column} (base has ${show(baseLine)}, here ${show(headLine)}); history bytes are immutable: restore the line exactly.`,
        ),
      );
    }
  }
  return { additions, corrections, problems };
}
