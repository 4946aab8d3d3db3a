import { basename, dirname, join, relative } from 'node:path';
import { readSmallTextFile } from './files.js';
import { findFiles } from './workspace.js';
import { rowFromAgg, type ReportRow } from '../core/report/rows.js';
import { latestAttempts } from '../core/report/attempts.js';
import type { UnreadableResult } from '../core/report/render.js';

/** agg JSONs are a few KiB; anything this large is not one. */
export const MAX_RESULT_BYTES = 4 * 1024 * 1024;
export const MAX_RESULT_FILES = 50_000;
/** All result files and sidecars of one report together: some 30,000 agg JSONs of about 1 KiB fit; padded hostile files do not. */
export const MAX_TOTAL_RESULT_BYTES = 32 * 1024 * 1024;

/** Hands out read budget: a file's size is reserved from the total before it is read. */
export class ReadBudget {
  private spent = 0;
  /** Files refused because they would have passed the total. */
  refused = 0;
  constructor(readonly total: number) {}

  /** False when the file would pass the total: it is not read. */
  take(bytes: number): boolean {
    if (this.spent + bytes > this.total) {
      this.refused += 1;
      return false;
    }
    this.spent += bytes;
    return true;
  }
}

export interface LoadedResults {
  rows: ReportRow[];
  unreadable: UnreadableResult[];
  /** Files matched but skipped: validation sidecars, JSON that is not an agg result, results a re-run replaced. */
  skipped: number;
  /** Results left out because a later attempt of the same job uploaded them again. */
  superseded: string[];
  refused: string[];
  truncated: boolean;
}

const SIDECAR_PREFIX = 'power_validation_';

/** `agg_<stem>.json` → `power_validation_<stem>.json` in the same folder. */
export function sidecarNameFor(aggPath: string): string {
  const name = basename(aggPath);
  const stem = name.replace(/^agg_/, '').replace(/\.json$/, '');
  return `${SIDECAR_PREFIX}${stem}.json`;
}

function isAggResult(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return 'hw' in v || 'power_valid' in v || 'is_multinode' in v;
}

/**
 * Reads every agg JSON under a folder or matching a glob (relative to `root`), with its validation
 * sidecar when one lies beside it. Files are read one at a time with blocking calls, each with a
 * size bound and within the byte budget (one report's, or `budget` shared with other loads), so at
 * most one file's bytes are held unparsed. A file that cannot be read or parsed is listed, not fatal.
 */
export async function loadResults(
  root: string,
  input: string,
  options: { confine: boolean; maxFiles?: number; maxTotalBytes?: number; budget?: ReadBudget },
): Promise<LoadedResults> {
  const budget = options.budget ?? new ReadBudget(options.maxTotalBytes ?? MAX_TOTAL_RESULT_BYTES);
  const refusal = `the result files together pass the ${budget.total}-byte limit of one report`;
  const read = (path: string, noFollow = false): string =>
    readSmallTextFile(path, MAX_RESULT_BYTES, { noFollow, reserve: (bytes) => budget.take(bytes), refusal });
  const found = await findFiles(root, input, {
    maxFiles: options.maxFiles ?? MAX_RESULT_FILES,
    confine: options.confine,
  });
  const candidates = found.files.filter((f) => !basename(f).startsWith(SIDECAR_PREFIX));
  // The power_audit_* artifacts hold the sidecars (and a copy of the agg JSON) in a folder of their own.
  const sidecarsByName = new Map<string, string[]>();
  for (const f of found.files) {
    if (!basename(f).startsWith(SIDECAR_PREFIX)) continue;
    const list = sidecarsByName.get(basename(f));
    if (list) list.push(f);
    else sidecarsByName.set(basename(f), [f]);
  }
  const foundFiles = new Set(found.files);
  const refusedFiles = new Set(found.refused);
  const seenCopies = new Map<string, Set<string>>();
  // The job step puts the same agg JSON in both artifacts: a power_audit_* copy of an agg that also
  // lies in another folder is not read at all (the sidecar beside it still is).
  const inAudit = (f: string): boolean => /(?:^|[_-])power_audit_/.test(basename(dirname(f)));
  const elsewhereNames = new Set(candidates.filter((f) => !inAudit(f)).map((f) => basename(f)));
  const auditCopies = candidates.filter((f) => inAudit(f) && elsewhereNames.has(basename(f)));
  const toRead =
    auditCopies.length === 0 ? candidates : candidates.filter((f) => !(inAudit(f) && elsewhereNames.has(basename(f))));
  /**
   * The sidecar's text, or undefined. A walk of a whole folder found every `*.json` in it, so a
   * sidecar it did not find does not exist (or links outside and was refused); after a glob, the
   * file beside is tried directly, refusing a symlink there since no walk vetted it.
   */
  const sidecarText = (aggPath: string): string | undefined => {
    const name = sidecarNameFor(aggPath);
    const beside = join(dirname(aggPath), name);
    const elsewhere = sidecarsByName.get(name);
    const fromElsewhere = (): string | undefined =>
      elsewhere?.length === 1 ? read(elsewhere[0] as string) : undefined;
    if (foundFiles.has(beside)) return read(beside);
    if (refusedFiles.has(beside)) return undefined;
    if (found.complete) return fromElsewhere();
    try {
      return read(beside, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fromElsewhere();
      throw error;
    }
  };
  const rows: ReportRow[] = [];
  const unreadable: UnreadableResult[] = [];
  let skipped = found.files.length - candidates.length + auditCopies.length;
  const display = (path: string): string => relative(root, path) || basename(path);
  for (const path of toRead) {
    let agg: unknown;
    let text: string;
    try {
      text = read(path);
      agg = JSON.parse(text);
    } catch (error) {
      unreadable.push({ source: display(path), reason: (error as Error).message.replace(path, display(path)) });
      continue;
    }
    if (!isAggResult(agg)) {
      skipped += 1;
      continue;
    }
    let sidecar: Record<string, unknown> | undefined;
    try {
      const text = sidecarText(path);
      const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        sidecar = parsed as Record<string, unknown>;
    } catch {
      // An unreadable sidecar only costs the reason codes.
    }
    const row = rowFromAgg(display(path), agg, sidecar);
    // The same result downloaded twice (bmk_* and power_audit_* both carry the agg JSON) is one result, not a repeat.
    const name = basename(row.source);
    const copies = seenCopies.get(name) ?? new Set<string>();
    seenCopies.set(name, copies);
    if (copies.has(text)) {
      skipped += 1;
      continue;
    }
    copies.add(text);
    rows.push(row);
  }
  const latest = latestAttempts(rows);
  skipped += latest.superseded.length;
  return {
    rows: latest.rows,
    superseded: latest.superseded.map((r) => r.source),
    unreadable,
    skipped,
    refused: found.refused.map(display),
    truncated: found.truncated,
  };
}
