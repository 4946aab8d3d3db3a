import { safeUrl } from './escape.js';
import type { ReportRow } from './rows.js';
import type { Comparison } from './compare.js';
import { renderLayout } from './layout.js';

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
  /** The commit the sweep ran on. */
  commit?: { sha: string; url?: string };
  /** What the results were compared against; absent when there is no baseline. */
  baseline?: BaselineLabel;
  comparison?: Comparison;
  /** J/output-token per push of this pull request, by config key, oldest first (this run last). */
  trends?: ReadonlyMap<string, ReadonlyArray<number | null>>;
  /** Lines shown under the header (why there is no baseline, history problems). */
  notes?: string[];
}

export interface BaselineLabel {
  runId?: string;
  runUrl?: string;
  commit?: string;
  commitUrl?: string;
  /** Where the baseline came from when it is not a run (a folder). */
  label?: string;
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
export function visualizerLinks(
  visualizerUrl: string | undefined,
  runId: string | undefined,
): VisualizerLinks | undefined {
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

/**
 * Renders the sweep's power report as markdown within a size budget (see `renderLayout` for the
 * layout and the order in which detail is dropped to fit).
 */
export function renderReport(input: ReportInput, options: RenderOptions): RenderedReport {
  return renderLayout(input, options);
}
