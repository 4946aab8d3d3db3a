import { escapeMarkdown as esc, safeUrl } from './escape.js';
import { compareRows, type ReportRow } from './rows.js';

/** GitHub rejects issue-comment bodies over 65,536 characters. */
export const COMMENT_LIMIT_CHARS = 65_536;
/** A job summary over 1 MiB is dropped by the runner. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface UnreadableResult {
  source: string;
  reason: string;
}

export interface ReportInput {
  rows: ReportRow[];
  unreadable?: UnreadableResult[];
  /** The sweep's workflow run id, for the visualizer's `unofficialRun` links. */
  runId?: string;
  /** Link to the workflow run page. */
  runUrl?: string;
  visualizerUrl?: string;
}

export interface RenderOptions {
  /** Largest allowed size as counted by `measure`. */
  limit: number;
  /** Size of a piece of text; additive over concatenation (characters by default, or UTF-8 bytes). */
  measure?: (text: string) => number;
  /** Room to keep free for what the caller adds (a marker line). */
  reserve?: number;
  /** Where the full list is when rows are left out. */
  fullListHint?: string;
}

export interface ReportCounts {
  total: number;
  valid: number;
  invalid: number;
  missing: number;
  unreadable: number;
}

export interface RenderedReport {
  markdown: string;
  counts: ReportCounts;
  rowsShown: number;
  rowsLeftOut: number;
  /** True when the invalid list was grouped by reason code to save room. */
  shrunk: boolean;
}

export interface VisualizerLinks {
  inference: string;
  evaluation: string;
}

/** `<visualizer>/inference?unofficialRun=<run>` and `/evaluation?…`; undefined if either part is unusable. */
export function visualizerLinks(visualizerUrl: string | undefined, runId: string | undefined): VisualizerLinks | undefined {
  if (!visualizerUrl || !runId || !/^\d+$/.test(runId)) return undefined;
  const base = visualizerUrl.replace(/\/+$/, '');
  const inference = safeUrl(`${base}/inference?unofficialRun=${runId}`);
  const evaluation = safeUrl(`${base}/evaluation?unofficialRun=${runId}`);
  return inference && evaluation ? { inference, evaluation } : undefined;
}

export function countRows(rows: readonly ReportRow[], unreadable = 0): ReportCounts {
  const counts: ReportCounts = { total: rows.length, valid: 0, invalid: 0, missing: 0, unreadable };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export function formatWatts(w: number | undefined): string {
  return w === undefined ? '–' : w.toFixed(1);
}

export function formatJoulesPerToken(j: number | undefined): string {
  if (j === undefined) return '–';
  return Math.abs(j) >= 100 ? j.toFixed(1) : String(Number(j.toPrecision(3)));
}

const STATUS_CELL: Record<ReportRow['status'], string> = { valid: '✅ valid', invalid: '❌ invalid', missing: '➖ no data' };

function islOsl(row: ReportRow): string {
  return row.isl === '' && row.osl === '' ? '' : `${esc(row.isl)}/${esc(row.osl)}`;
}

function tableRow(row: ReportRow): string {
  return `| ${esc(row.model)} | ${esc(row.hardware)} | ${esc(row.framework)} | ${esc(row.precision)} | ${islOsl(row)} | ${esc(row.conc)} | ${esc(row.topology)} | ${formatWatts(row.avgPowerW)} | ${formatJoulesPerToken(row.joulesPerOutputToken)} | ${STATUS_CELL[row.status]} |`;
}

function invalidItem(row: ReportRow): string {
  const config = [row.model, row.hardware, row.framework, row.precision].map(esc).join(' · ');
  const reasons = row.reasons.length > 0 ? row.reasons.map(esc).join(', ') : 'no reason recorded';
  return `- ${config} · ${islOsl(row)} · conc ${esc(row.conc)}: ${reasons}`;
}

function groupedReasons(rows: readonly ReportRow[]): string[] {
  const byCode = new Map<string, number>();
  for (const row of rows) for (const code of row.reasons.length > 0 ? row.reasons : ['(no reason recorded)']) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  return [...byCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `- ${esc(code)}: ${n} config${n === 1 ? '' : 's'}`);
}

const UNREADABLE_SHOWN_WHEN_SHRUNK = 20;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Renders the sweep's power report as markdown within a size budget: in full when it fits, else
 * shrunk (invalid configs grouped by reason code), then trimmed (table rows left out, with a note
 * that says how many and where to find them).
 */
export function renderReport(input: ReportInput, options: RenderOptions): RenderedReport {
  const measure = options.measure ?? ((s: string) => s.length);
  const limit = options.limit - (options.reserve ?? 0);
  const rows = [...input.rows].sort(compareRows);
  const unreadable = input.unreadable ?? [];
  const counts = countRows(rows, unreadable.length);
  const invalidRows = rows.filter((r) => r.status === 'invalid');
  const hint = options.fullListHint ?? 'the job summary and the `bmk_*` artifacts of this run';

  const head: string[] = [];
  const runLink = input.runId && /^\d+$/.test(input.runId) ? (input.runUrl && safeUrl(input.runUrl) ? `[${input.runId}](${safeUrl(input.runUrl)})` : input.runId) : undefined;
  head.push(`### GPU power${runLink ? ` · sweep run ${runLink}` : ''}`, '');
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  if (links) head.push(`Visualizer: [inference](${links.inference}) · [evaluation](${links.evaluation})`, '');
  const tally = [`**${plural(counts.total, 'config')}**`, `✅ ${counts.valid} valid`, `❌ ${counts.invalid} invalid`, `➖ ${counts.missing} without power data`];
  if (counts.unreadable > 0) tally.push(`⚠️ ${plural(counts.unreadable, 'unreadable file')}`);
  head.push(tally.join(' · '), '');

  const tableHead = ['| Model | Hardware | Framework | Precision | ISL/OSL | Conc | Topology | Avg W/GPU | J/output token | Power |', '|---|---|---|---|---|--:|---|--:|--:|---|'];
  const tableRows = rows.map(tableRow);

  const section = (title: string, items: string[]): string[] =>
    items.length === 0 ? [] : ['', `<details><summary>${title}</summary>`, '', ...items, '', '</details>'];
  const invalidFull = section(`Invalid power: ${plural(invalidRows.length, 'config')}`, invalidRows.map(invalidItem));
  const invalidShrunk = section(`Invalid power: ${plural(invalidRows.length, 'config')}, by reason`, groupedReasons(invalidRows));
  const unreadableItems = unreadable.map((u) => `- ${esc(u.source)}: ${esc(u.reason)}`);
  const unreadableFull = section(`Unreadable result files: ${unreadable.length}`, unreadableItems);
  const unreadableShrunk = section(
    `Unreadable result files: ${unreadable.length}`,
    unreadableItems.length > UNREADABLE_SHOWN_WHEN_SHRUNK
      ? [...unreadableItems.slice(0, UNREADABLE_SHOWN_WHEN_SHRUNK), `- … and ${unreadableItems.length - UNREADABLE_SHOWN_WHEN_SHRUNK} more`]
      : unreadableItems,
  );

  const size = (lines: string[]): number => lines.reduce((sum, line) => sum + measure(line) + 1, 0);
  const table = rows.length > 0 ? tableHead : [];
  const assemble = (shown: string[], note: string[], tail: string[]): string => [...head, ...(shown.length > 0 ? [...table, ...shown] : []), ...note, ...tail].join('\n');

  const fullTail = [...invalidFull, ...unreadableFull];
  if (size([...head, ...table, ...tableRows, ...fullTail]) <= limit) {
    return { markdown: assemble(tableRows, [], fullTail), counts, rowsShown: rows.length, rowsLeftOut: 0, shrunk: false };
  }
  const tail = [...invalidShrunk, ...unreadableShrunk];
  if (size([...head, ...table, ...tableRows, ...tail]) <= limit) {
    return { markdown: assemble(tableRows, [], tail), counts, rowsShown: rows.length, rowsLeftOut: 0, shrunk: true };
  }
  // Keep as many leading rows as fit next to the note (sized for the largest count, so it always fits).
  const noteFor = (left: number): string[] => ['', `_${plural(left, 'row')} left out to stay under the size limit (rows with invalid or missing power are kept first); the full table is in ${hint}._`];
  const noteMax = size(noteFor(rows.length));
  let finalTail = tail;
  if (size([...head, ...table, ...tail]) + noteMax > limit) finalTail = []; // even the grouped lists do not fit
  let used = size([...head, ...table, ...finalTail]) + noteMax;
  // Rows with invalid or missing power are kept first: they are what a reviewer has to act on.
  const priority = [...rows.keys()].sort((a, b) => Number(rows[a]!.status === 'valid') - Number(rows[b]!.status === 'valid') || a - b);
  const kept = new Set<number>();
  for (const index of priority) {
    const next = used + measure(tableRows[index] as string) + 1;
    if (next > limit) break;
    used = next;
    kept.add(index);
  }
  const shown = kept.size;
  const left = rows.length - shown;
  const keptRows = tableRows.filter((_, index) => kept.has(index));
  return { markdown: assemble(keptRows, noteFor(left), finalTail), counts, rowsShown: shown, rowsLeftOut: left, shrunk: true };
}
