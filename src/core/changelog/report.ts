import { escapeMarkdown } from '../report/escape.js';
import type { ChangelogProblem } from './problems.js';
import type { NewEntry } from './validate.js';

/** A job summary over 1 MiB is dropped by GitHub; rows beyond these are counted, not shown. */
const MAX_PROBLEM_ROWS = 300;
const MAX_ENTRY_ROWS = 200;

/** Text from the changelog (descriptions, links, keys, messages quoting them) is hostile: no links, mentions or HTML. */
const cell = (text: string): string => escapeMarkdown(text);

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

/** Markdown for the job summary: verdict, every problem, the new entries with the configs they trigger. */
export function renderChangelogReport(input: ChangelogReportInput): string[] {
  const lines: string[] = [];
  const problems = input.problems;
  lines.push(input.ok ? `### ✅ ${plain(input.file)}: the change passes the changelog gate` : `### ❌ ${plain(input.file)}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}`, '');
  if (problems.length > 0) {
    if (input.annotated < problems.length) lines.push(`The first ${input.annotated} are annotated on the diff; all are listed here.`, '');
    lines.push('| Location | Problem |', '|---|---|');
    for (const problem of problems.slice(0, MAX_PROBLEM_ROWS)) lines.push(`| <code>${plain(`${problem.file}:${problem.line}:${problem.column}`)}</code> | ${cell(problem.message)} |`);
    if (problems.length > MAX_PROBLEM_ROWS) lines.push(`| … | ${problems.length - MAX_PROBLEM_ROWS} more problems left out; run \`sweep-power validate-changelog\` locally for all. |`);
    lines.push('');
  }
  if (input.newEntries.length > 0) {
    lines.push(`#### New entries (${input.newEntries.length})`, '', '| Line | Config keys | Triggers | Options | pr-link | Description |', '|---|---|---|---|---|---|');
    for (const { line, entry, expanded } of input.newEntries.slice(0, MAX_ENTRY_ROWS)) {
      const triggers = expanded.length === 0 ? '—' : expanded.map((e) => (e.keys.length === 0 ? `${code(e.pattern)} → **no match**` : e.keys.length === 1 && e.keys[0] === e.pattern ? code(e.pattern) : `${code(e.pattern)} → ${e.keys.map(code).join(', ')}`)).join('<br>');
      const options = [entry.evalsOnly && 'evals-only', entry.allEvals && 'all-evals', entry.appendOnly && 'append-only', entry.evalMinPrefillEp !== undefined && `eval-min-prefill-ep ${entry.evalMinPrefillEp}`, entry.scenarioType && `scenario-type ${entry.scenarioType.join(', ')}`].filter(Boolean).join('<br>');
      lines.push(`| ${line} | ${entry.configKeys.map(code).join('<br>')} | ${triggers} | ${options || '—'} | ${cell(entry.prLink)} | ${entry.description.map(cell).join('<br>')} |`);
    }
    if (input.newEntries.length > MAX_ENTRY_ROWS) lines.push(`| … | ${input.newEntries.length - MAX_ENTRY_ROWS} more entries left out | | | | |`);
    lines.push('', input.ok ? `**${input.triggeredConfigs.length} config${input.triggeredConfigs.length === 1 ? '' : 's'} triggered** (output \`configs\`).` : 'Nothing is triggered until the problems are fixed (output `configs` is `[]`).', '');
  } else if (input.corrections > 0) {
    lines.push(`${input.corrections} pr-link correction${input.corrections === 1 ? '' : 's'} of history entries; no new entries, no configs triggered.`, '');
  } else if (input.ok) {
    lines.push('No new entries; no configs triggered.', '');
  }
  return lines;
}
