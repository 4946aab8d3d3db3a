import { parse } from 'csv-parse/sync';

/**
 * Splits one CSV line into trimmed cells. Lines without quotes (every SMI tool's output) take a
 * split on commas; quoted lines go through csv-parse, which handles quoting and escapes.
 */
export function splitCsvLine(line: string): string[] {
  // A fast path: csv-parse splits a line without quotes into the same trimmed cells.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, see above
  if (!line.includes('"')) return line.split(',').map((cell) => cell.trim());
  try {
    const rows = parse(line, {
      relax_quotes: true,
      // Stryker disable next-line BooleanLiteral: one line is one record, so no other record's column count applies
      relax_column_count: true,
      trim: true,
      // Stryker disable next-line BooleanLiteral: a line with a quote is never an empty line
      skip_empty_lines: false,
    }) as string[][];
    // csv-parse returns one record for any line with a quote; the fallback only satisfies the type.
    // Stryker disable next-line ArrayDeclaration,StringLiteral: unreachable, see above
    return rows[0] ?? [''];
  } catch {
    // An unbalanced quote: fall back to the plain split so the row is judged cell by cell.
    return line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  }
}

/** The cell at a column without splitting the whole line (hot path: quote-free lines only). */
export function cellAt(line: string, index: number): string | undefined {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const comma = line.indexOf(',', start);
    if (comma < 0) return undefined;
    start = comma + 1;
  }
  const end = line.indexOf(',', start);
  return (end < 0 ? line.slice(start) : line.slice(start, end)).trim();
}
