import type { ReportRow } from './rows.js';

const ATTEMPT_FOLDER = /^(.+)_attempt([1-9]\d{0,5})$/;

/**
 * Where a result came from without the re-run suffix, and which attempt wrote it: a re-run uploads
 * `bmk_<name>_attempt<N>`, which download-artifact unpacks into a folder of that name beside the
 * first attempt's `bmk_<name>`. The file name stays in the key, so a config whose own name ends in
 * `_attempt2` is never taken for a re-run of another.
 */
export function attemptOf(source: string): { key: string; attempt: number } {
  const parts = source.split(/[\\/]/);
  let attempt = 1;
  const folders = parts.slice(0, -1).map((part) => {
    const m = part.match(ATTEMPT_FOLDER);
    if (!m) return part;
    attempt = Math.max(attempt, Number(m[2]));
    return m[1] as string;
  });
  return { key: [...folders, parts[parts.length - 1] ?? ''].join('/'), attempt };
}

/** Keeps only the latest attempt of each result; the others are returned as superseded. */
export function latestAttempts<T extends Pick<ReportRow, 'source'>>(
  rows: readonly T[],
): { rows: T[]; superseded: T[] } {
  const latest = new Map<string, { row: T; attempt: number }>();
  for (const row of rows) {
    const { key, attempt } = attemptOf(row.source);
    const seen = latest.get(key);
    if (!seen || attempt > seen.attempt) latest.set(key, { row, attempt });
  }
  const kept = new Set([...latest.values()].map((v) => v.row));
  return { rows: rows.filter((r) => kept.has(r)), superseded: rows.filter((r) => !kept.has(r)) };
}
