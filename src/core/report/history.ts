/**
 * J/output-token of each config across the pushes of one pull request, kept as a hidden block in
 * the sticky comment. The block comes back from a comment anyone with write access could have
 * edited, so it is read as untrusted input: strict schema, size caps, and any violation discards it.
 */

export const HISTORY_MARKER = 'sweep-power-history:v1';
/** Most pushes kept; the sparkline shows them all. */
export const MAX_PUSHES = 12;
/** Largest block read back (characters of base64); larger ones are ignored. */
export const MAX_BLOCK_CHARS = 24_000;
/** Default size of the block written. */
export const DEFAULT_BLOCK_BUDGET = 12_000;
const MAX_CONFIGS = 10_000;

export interface Push {
  /** Commit SHA (hex). */
  commit: string;
  /** Workflow run id (digits), or empty. */
  run: string;
}

export interface PushHistory {
  pushes: Push[];
  /** Config hash → J/output-token per push (null where the config had no valid figure), aligned with `pushes`. */
  values: Map<string, Array<number | null>>;
}

export function emptyHistory(): PushHistory {
  return { pushes: [], values: new Map() };
}

/** A short stable id of a config key (two 32-bit FNV-1a hashes in base 36); the block stores no config text. */
export function configHash(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return (a.toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0')).slice(0, 12);
}

const HASH = /^[0-9a-z]{12}$/;
const COMMIT = /^[0-9a-f]{7,64}$/;
const RUN = /^\d{0,20}$/;

function validValue(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1e12);
}

export type HistoryRead = { history: PushHistory; problem?: undefined } | { history: undefined; problem: string };

/** Finds and reads the block in a comment body; no block is an empty history, a bad one a problem. */
export function readHistoryBlock(body: string | undefined): HistoryRead {
  if (!body) return { history: emptyHistory() };
  const start = body.indexOf(`<!-- ${HISTORY_MARKER} `);
  if (start < 0) return { history: emptyHistory() };
  const end = body.indexOf(' -->', start);
  if (end < 0) return { history: undefined, problem: 'the history block is not closed' };
  const encoded = body.slice(start + HISTORY_MARKER.length + 6, end);
  if (encoded.length > MAX_BLOCK_CHARS)
    return { history: undefined, problem: `the history block is larger than ${MAX_BLOCK_CHARS} characters` };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return { history: undefined, problem: 'the history block is not base64' };
  let data: unknown;
  try {
    data = JSON.parse(atob(encoded));
  } catch {
    return { history: undefined, problem: 'the history block is not JSON' };
  }
  return parseHistory(data);
}

/** Checks the decoded block against its schema: `{v: 1, p: [[commit, run]…], c: [[hash, [value…]]…]}`. */
export function parseHistory(data: unknown): HistoryRead {
  const bad = (what: string): HistoryRead => ({ history: undefined, problem: `the history block ${what}` });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('is not an object');
  const d = data as Record<string, unknown>;
  if (Object.keys(d).some((k) => k !== 'v' && k !== 'p' && k !== 'c')) return bad('has unknown fields');
  if (d.v !== 1) return bad('has an unknown version');
  if (!Array.isArray(d.p) || d.p.length > MAX_PUSHES) return bad(`does not list at most ${MAX_PUSHES} pushes`);
  const pushes: Push[] = [];
  for (const p of d.p as unknown[]) {
    if (
      !Array.isArray(p) ||
      p.length !== 2 ||
      typeof p[0] !== 'string' ||
      typeof p[1] !== 'string' ||
      !COMMIT.test(p[0]) ||
      !RUN.test(p[1])
    )
      return bad('has a malformed push');
    pushes.push({ commit: p[0], run: p[1] });
  }
  if (!Array.isArray(d.c) || d.c.length > MAX_CONFIGS) return bad('has a malformed config list');
  const values = new Map<string, Array<number | null>>();
  for (const c of d.c as unknown[]) {
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string' || !HASH.test(c[0]) || values.has(c[0]))
      return bad('has a malformed config');
    const series = c[1];
    if (!Array.isArray(series) || series.length !== pushes.length || !series.every(validValue))
      return bad('has a malformed series');
    values.set(c[0], series as Array<number | null>);
  }
  return { history: { pushes, values } };
}

function round4(v: number): number {
  return Number(v.toPrecision(4));
}

/**
 * Adds this push's figures. A rerun of the same commit replaces that commit's entry; the oldest
 * pushes beyond `MAX_PUSHES` are dropped.
 */
export function appendPush(history: PushHistory, push: Push, figures: ReadonlyMap<string, number>): PushHistory {
  const last = history.pushes[history.pushes.length - 1];
  const replace = last !== undefined && last.commit === push.commit;
  const kept = replace ? history.pushes.length - 1 : history.pushes.length;
  const drop = Math.max(0, kept + 1 - MAX_PUSHES);
  const pushes = [...history.pushes.slice(drop, kept), push];
  const values = new Map<string, Array<number | null>>();
  for (const [hash, series] of history.values) values.set(hash, [...series.slice(drop, kept), null]);
  for (const [hash, value] of figures) {
    const series = values.get(hash) ?? new Array<number | null>(pushes.length).fill(null);
    series[pushes.length - 1] = round4(value);
    values.set(hash, series);
  }
  for (const [hash, series] of values) if (series.every((v) => v === null)) values.delete(hash);
  return { pushes, values };
}

function encode(pushes: Push[], configs: Array<[string, Array<number | null>]>): string {
  return `<!-- ${HISTORY_MARKER} ${btoa(JSON.stringify({ v: 1, p: pushes.map((p) => [p.commit, p.run]), c: configs }))} -->`;
}

export interface EncodedHistory {
  block: string;
  /** Configs whose series did not fit the budget. */
  configsLeftOut: number;
}

/**
 * The hidden block, at most `budget` characters: configs in `priority` order come first (the
 * rest follow in stored order) and those that do not fit are left out.
 */
export function encodeHistoryBlock(
  history: PushHistory,
  priority: readonly string[] = [],
  budget = DEFAULT_BLOCK_BUDGET,
): EncodedHistory {
  const order = [...new Set([...priority.filter((h) => history.values.has(h)), ...history.values.keys()])];
  const entries = order.map((h): [string, Array<number | null>] => [h, history.values.get(h) as Array<number | null>]);
  const full = encode(history.pushes, entries);
  if (full.length <= budget) return { block: full, configsLeftOut: 0 };
  // Base64 grows by 4/3 plus padding: estimate, then correct by bisection on the real size.
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(history.pushes, entries.slice(0, mid)).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  return { block: encode(history.pushes, entries.slice(0, lo)), configsLeftOut: entries.length - lo };
}

const BARS = '▁▂▃▄▅▆▇█';

/** One character per push: the value's height between the series' min and max; `·` where it had none. */
export function sparkline(series: ReadonlyArray<number | null>): string {
  const present = series.filter((v): v is number => v !== null);
  // One point is not a trend.
  if (present.length < 2) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  return series
    .map((v) => {
      if (v === null) return '·';
      if (max === min) return BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}
