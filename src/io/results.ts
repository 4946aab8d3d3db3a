import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { readTextBounded } from './files.js';
import { findFiles } from './workspace.js';
import { rowFromAgg, type ReportRow } from '../core/report/rows.js';
import { latestAttempts } from '../core/report/attempts.js';
import type { UnreadableResult } from '../core/report/render.js';

/** agg JSONs are a few KiB; anything this large is not one. */
export const MAX_RESULT_BYTES = 4 * 1024 * 1024;
export const MAX_RESULT_FILES = 50_000;
/** All result files and sidecars of one report together: some 30,000 agg JSONs of about 1 KiB fit; padded hostile files do not. */
export const MAX_TOTAL_RESULT_BYTES = 32 * 1024 * 1024;
const READ_CONCURRENCY = 64;
/** Bytes being read and parsed at once: bounds memory whatever the file sizes. */
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;

/**
 * Hands out read budget: a file's size is reserved from the total before it is read, and at most
 * MAX_BYTES_IN_FLIGHT are read at once (one larger file alone).
 */
class ReadBudget {
  private spent = 0;
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  constructor(readonly total: number) {}

  /** False when the total is used up: the file is not read. */
  async acquire(bytes: number): Promise<boolean> {
    if (this.spent + bytes > this.total) return false;
    this.spent += bytes;
    while (this.inFlight > 0 && this.inFlight + bytes > MAX_BYTES_IN_FLIGHT)
      await new Promise<void>((r) => this.waiting.push(r));
    this.inFlight += bytes;
    return true;
  }

  release(bytes: number): void {
    this.inFlight -= bytes;
    for (const wake of this.waiting.splice(0)) wake();
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

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Reads every agg JSON under a folder or matching a glob (relative to `root`), with its validation
 * sidecar when one lies beside it. Files are read with a size bound and limited concurrency; a
 * file that cannot be read or parsed is listed, not fatal.
 */
export async function loadResults(
  root: string,
  input: string,
  options: { confine: boolean; maxFiles?: number; maxTotalBytes?: number },
): Promise<LoadedResults> {
  const budget = new ReadBudget(options.maxTotalBytes ?? MAX_TOTAL_RESULT_BYTES);
  /** Reads a file within the budget; undefined with the reason when the budget refuses it. */
  const readBudgeted = async (path: string): Promise<string> => {
    const size = (await stat(path)).size;
    if (size > MAX_RESULT_BYTES) throw new Error(`${path} is ${size} bytes, over the ${MAX_RESULT_BYTES}-byte limit`);
    if (!(await budget.acquire(size)))
      throw new Error(
        `${path} was not read: the result files together pass the ${budget.total}-byte limit of one report`,
      );
    try {
      return await readTextBounded(path, MAX_RESULT_BYTES);
    } finally {
      budget.release(size);
    }
  };
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
  const seenCopies = new Map<string, Set<string>>();
  // The job step puts the same agg JSON in both artifacts: a power_audit_* copy of an agg that also
  // lies in another folder is not read at all (the sidecar beside it still is).
  const inAudit = (f: string): boolean => /(?:^|[_-])power_audit_/.test(basename(dirname(f)));
  const elsewhereNames = new Set(candidates.filter((f) => !inAudit(f)).map((f) => basename(f)));
  const auditCopies = candidates.filter((f) => inAudit(f) && elsewhereNames.has(basename(f)));
  const toRead =
    auditCopies.length === 0 ? candidates : candidates.filter((f) => !(inAudit(f) && elsewhereNames.has(basename(f))));
  const folderListings = new Map<string, Promise<Set<string>>>();
  const namesIn = (dir: string): Promise<Set<string>> => {
    let listing = folderListings.get(dir);
    if (!listing) {
      listing = readdir(dir).then(
        (n) => new Set(n),
        () => new Set<string>(),
      );
      folderListings.set(dir, listing);
    }
    return listing;
  };
  const rows: ReportRow[] = [];
  const unreadable: UnreadableResult[] = [];
  let skipped = found.files.length - candidates.length + auditCopies.length;
  const display = (path: string): string => relative(root, path) || basename(path);
  const results = await mapBounded(toRead, READ_CONCURRENCY, async (path) => {
    let agg: unknown;
    let text: string;
    try {
      text = await readBudgeted(path);
      agg = JSON.parse(text);
    } catch (error) {
      return { unreadable: { source: display(path), reason: (error as Error).message.replace(path, display(path)) } };
    }
    if (!isAggResult(agg)) return { skipped: true as const };
    let sidecar: Record<string, unknown> | undefined;
    const sidecarName = sidecarNameFor(path);
    const elsewhere = sidecarsByName.get(sidecarName);
    const sidecarPath = (await namesIn(dirname(path))).has(sidecarName)
      ? join(dirname(path), sidecarName)
      : elsewhere?.length === 1
        ? elsewhere[0]
        : undefined;
    if (sidecarPath !== undefined) {
      try {
        const parsed: unknown = JSON.parse(await readBudgeted(sidecarPath));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          sidecar = parsed as Record<string, unknown>;
      } catch {
        // An unreadable sidecar only costs the reason codes.
      }
    }
    return { row: rowFromAgg(display(path), agg, sidecar), text };
  });
  for (const r of results) {
    if ('row' in r && r.row) {
      // The same result downloaded twice (bmk_* and power_audit_* both carry the agg JSON) is one result, not a repeat.
      const name = basename(r.row.source);
      const copies = seenCopies.get(name) ?? new Set<string>();
      seenCopies.set(name, copies);
      if (copies.has(r.text)) {
        skipped += 1;
        continue;
      }
      copies.add(r.text);
      rows.push(r.row);
    } else if ('unreadable' in r && r.unreadable) unreadable.push(r.unreadable);
    else skipped += 1;
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
