import { LineCounter } from 'yaml';

export type ChangelogProblemCode =
  | 'changelog_too_large'
  | 'changelog_unreadable'
  | 'not_utf8'
  | 'missing_final_newline'
  | 'carriage_return'
  | 'tab_character'
  | 'nul_byte'
  | 'nesting_too_deep'
  | 'yaml_syntax'
  | 'duplicate_key'
  | 'alias_limit'
  | 'root_not_list'
  | 'entry_start_line'
  | 'entry_not_mapping'
  | 'missing_field'
  | 'unknown_field'
  | 'invalid_field'
  | 'append_only_with_evals'
  | 'append_only_mixed'
  | 'history_deleted'
  | 'history_inserted'
  | 'history_entry_changed'
  | 'history_reformatted'
  | 'history_line_deleted'
  | 'correction_not_canonical'
  | 'correction_line'
  | 'corrections_mixed_with_additions'
  | 'separator'
  | 'trailing_empty_lines'
  | 'no_new_entry'
  | 'pr_link'
  | 'repository_unknown'
  | 'config_key_unmatched'
  | 'master_config_invalid'
  | 'master_configs_missing';

/** One rule violation, located so that it can be printed as `file:line:col` and annotated on the pull request. */
export interface ChangelogProblem {
  code: ChangelogProblemCode;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  message: string;
}

/** Offset → line/column for one text; built by hand because parse errors can stop yaml before it counts every line. */
export class SourcePositions {
  private readonly counter = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.counter.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.counter.addNewLine(at + 1);
  }

  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.counter.linePos(clamped);
    return { line, column: col };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return line <= 1 ? 0 : (this.counter.lineStarts[line - 1] ?? this.text.length);
  }

  /** The text of a 1-based line without its newline. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? this.text.length : end);
  }

  problem(code: ChangelogProblemCode, offset: number, message: string): ChangelogProblem {
    return { code, file: this.file, ...this.at(offset), message };
  }
}

/** Short, single-line rendering of a source excerpt for messages. */
export function quoteExcerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\n/g, '\\n');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

/**
 * A source line as written, for messages that quote it the way `git diff` shows it: invisible controls
 * dropped, and `##[`, which a runner reads as a command anywhere in a log line, broken by a word joiner.
 */
export function plainExcerpt(text: string, max = 120): string {
  const visible = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
    .replace(/##\[/g, '#\u2060#[');
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Orders problems by file, then line, then column, so output reads top to bottom. */
export function sortProblems(problems: ChangelogProblem[]): ChangelogProblem[] {
  return [...problems].sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1,
  );
}
