import { escapeMarkdown } from '../report/escape.js';
import { capText } from '../report/rows.js';
import type { ChangelogProblem } from './problems.js';
import type { NewEntry } from './validate.js';

/** A job summary over 1 MiB is dropped by GitHub; rows beyond these are counted, not shown. */
const MAX_PROBLEM_ROWS = 300;
const MAX_ENTRY_ROWS = 200;

/** The job summary is shared with other steps and dropped over 1 MiB: the rendered rows stay under half. */
export const CHANGELOG_SUMMARY_BUDGET_BYTES = 512 * 1024;
/** Longest changelog text kept in one cell, cut before escaping. */
const MAX_CELL_CHARS = 1000;

/**
 * Text from the changelog (descriptions, links, keys, messages quoting them) is hostile: no links,
 * mentions or HTML, and cut to a bounded length first.
 */
const cell = (text: string): string => escapeMarkdown(capText(text, MAX_CELL_CHARS));

/** Our own text and the configured file name: only what would break the table is escaped. */
function plain(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `<code>${cell(text)}</code>`;
}

export interface ChangelogReportInput {
  file: string;
  ok: boolean;
  problems: ChangelogProblem[];
  newEntries: NewEntry[];
  corrections: number;
  triggeredConfigs: string[];
  /** How many problems were also annotated on the diff. */
  annotated: number;
}

const utf8 = new TextEncoder();

/** The leading rows that fit in the budget (a row that does not fit ends the list); spends it. */
function withinBudget(rows: string[], budget: { left: number }): string[] {
  const kept: string[] = [];
  for (const row of rows) {
    const bytes = utf8.encode(row).length + 1;
    if (bytes > budget.left) {
      budget.left = 0;
      break;
    }
    budget.left -= bytes;
    kept.push(row);
  }
  return kept;
}

/** Markdown for the job summary: verdict, every problem, the new entries with the configs they trigger. */
export function renderChangelogReport(
  input: ChangelogReportInput,
  budgetBytes = CHANGELOG_SUMMARY_BUDGET_BYTES,
): string[] {
  const lines: string[] = [];
  const budget = { left: budgetBytes };
  const problems = input.problems;
  lines.push(
    input.ok
      ? `### ✅ ${plain(input.file)}: the change passes the changelog gate`
      : `### ❌ ${plain(input.file)}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}`,
    '',
  );
  if (problems.length > 0) {
    if (input.annotated < problems.length)
      lines.push(`The first ${input.annotated} are annotated on the diff; all are listed here.`, '');
    lines.push('| Location | Problem |', '|---|---|');
    const shown = withinBudget(
      problems
        .slice(0, MAX_PROBLEM_ROWS)
        .map(
          (problem) =>
            `| <code>${plain(`${problem.file}:${problem.line}:${problem.column}`)}</code> | ${cell(problem.message)} |`,
        ),
      budget,
    );
    lines.push(...shown);
    if (problems.length > shown.length)
      lines.push(
        `| … | ${problems.length - shown.length} more problems left out to stay under the size limit; run \`sweep-power validate-changelog\` locally for all. |`,
      );
    lines.push('');
  }
  if (input.newEntries.length > 0) {
    lines.push(
      `#### New entries (${input.newEntries.length})`,
      '',
      '| Line | Config keys | Triggers | Options | pr-link | Description |',
      '|---|---|---|---|---|---|',
    );
    const rows: string[] = [];
    for (const { line, entry, expanded } of input.newEntries.slice(0, MAX_ENTRY_ROWS)) {
      if (budget.left <= 0) break;
      const triggers =
        expanded.length === 0
          ? '—'
          : expanded
              .map((e) =>
                e.keys.length === 0
                  ? `${code(e.pattern)} → **no match**`
                  : e.keys.length === 1 && e.keys[0] === e.pattern
                    ? code(e.pattern)
                    : `${code(e.pattern)} → ${e.keys.map(code).join(', ')}`,
              )
              .join('<br>');
      const options = [
        entry.evalsOnly && 'evals-only',
        entry.allEvals && 'all-evals',
        entry.appendOnly && 'append-only',
        entry.evalMinPrefillEp !== undefined && `eval-min-prefill-ep ${entry.evalMinPrefillEp}`,
        entry.scenarioType && `scenario-type ${entry.scenarioType.join(', ')}`,
      ]
        .filter(Boolean)
        .join('<br>');
      rows.push(
        `| ${line} | ${entry.configKeys.map(code).join('<br>')} | ${triggers} | ${options || '—'} | ${cell(entry.prLink)} | ${entry.description.map(cell).join('<br>')} |`,
      );
    }
    const shown = withinBudget(rows, budget);
    lines.push(...shown);
    if (input.newEntries.length > shown.length)
      lines.push(
        `| … | ${input.newEntries.length - shown.length} more entries left out to stay under the size limit | | | | |`,
      );
    lines.push(
      '',
      input.ok
        ? `**${input.triggeredConfigs.length} config${input.triggeredConfigs.length === 1 ? '' : 's'} triggered** (output \`configs\`).`
        : 'Nothing is triggered until the problems are fixed (output `configs` is `[]`).',
      '',
    );
  } else if (input.corrections > 0) {
    lines.push(
      `${input.corrections} pr-link correction${input.corrections === 1 ? '' : 's'} of history entries; no new entries, no configs triggered.`,
      '',
    );
  } else if (input.ok) {
    lines.push('No new entries; no configs triggered.', '');
  }
  return lines;
}
