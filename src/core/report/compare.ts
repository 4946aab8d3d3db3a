// Over 300 lines on purpose: matching, latest-of-repeats, deltas and the tolerance that decides each verdict
// share one config type and one set of rules; split apart, each part would restate them.
import { compareRows, type ReportRow } from './rows.js';
import { relativePredictionInterval } from './stats.js';

export type Verdict = 'regression' | 'improvement' | 'within noise' | 'not comparable';
/** The part of the tolerance that was largest, and so decided the verdict. */
export type ToleranceSource = 'threshold' | 'energy bounds' | 'repeats' | 'history';

export const DEFAULT_THRESHOLD = 0.05;

/** The fields that make two results the same benchmark config. */
export function configIdentity(row: ReportRow): string[] {
  return [
    row.model,
    row.framework,
    row.precision,
    row.hardware,
    row.isl,
    row.osl,
    row.conc,
    row.specDecoding ?? '',
    row.topology,
    row.parallelism ?? '',
  ];
}

export function configKey(row: ReportRow): string {
  return JSON.stringify(configIdentity(row));
}

/** The results of one config in one run: the latest stands for the config, the rest are set aside. */
export interface ConfigSide {
  latest: ReportRow;
  /** Every result of the config in the run, oldest first. */
  all: ReportRow[];
  setAside: number;
  /** Half the range of the valid repeats' J/output-token, relative to their mean; 0 for a single result. */
  repeatSpread: number;
}

export interface Tolerance {
  /** The tolerance applied: the larger of the threshold and the combined uncertainty (fractions). */
  value: number;
  threshold: number;
  /** Both sides' relative energy bounds added (worst case); 0 where a bound is unknown. */
  bounds: number;
  /** Repeat spreads of both sides, in quadrature. */
  repeats: number;
  /** Prediction interval of the baseline history for a new run. */
  history: number;
  combined: number;
  decidedBy: ToleranceSource;
  /** False when either side's energy bound is unknown (counted as 0). */
  boundsKnown: boolean;
}

export interface ConfigComparison {
  key: string;
  /** The row that names the config (the current one when present). */
  row: ReportRow;
  current?: ConfigSide;
  baseline?: ConfigSide;
  presence: 'both' | 'new' | 'gone';
  verdict?: Verdict;
  /** Why the config is not comparable. */
  reason?: string;
  /** Relative changes (fractions): J per output token, and output tokens per joule. */
  deltaJoulesPerToken?: number;
  deltaTokensPerJoule?: number;
  tolerance?: Tolerance;
  /** Valid J/output-token of the config in each baseline history run, oldest first. */
  history: number[];
}

export interface ComparisonCounts {
  regression: number;
  improvement: number;
  withinNoise: number;
  notComparable: number;
  comparable: number;
  new: number;
  gone: number;
}

export interface Comparison {
  threshold: number;
  configs: ConfigComparison[];
  counts: ComparisonCounts;
  /** Results set aside as earlier repeats of a config. */
  setAside: { current: number; baseline: number };
  /** Compared configs where a side had no energy bound. */
  boundsUnknown: number;
  historyRuns: number;
}

/** Groups a run's results by config, latest last (by benchmark end time, then source path). */
export function latestByConfig(rows: readonly ReportRow[]): Map<string, ConfigSide> {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = configKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const sides = new Map<string, ConfigSide>();
  for (const [key, group] of groups) {
    group.sort(
      (a, b) =>
        (a.endedAt ?? -Infinity) - (b.endedAt ?? -Infinity) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
    );
    const valid = group.map((r) => r.joulesPerOutputToken).filter((j): j is number => positive(j));
    let repeatSpread = 0;
    if (valid.length >= 2) {
      const m = valid.reduce((a, b) => a + b, 0) / valid.length;
      repeatSpread = (Math.max(...valid) - Math.min(...valid)) / (2 * m);
    }
    sides.set(key, {
      latest: group[group.length - 1] as ReportRow,
      all: group,
      setAside: group.length - 1,
      repeatSpread,
    });
  }
  return sides;
}

function positive(j: number | undefined): j is number {
  return j !== undefined && Number.isFinite(j) && j > 0;
}

function unusable(side: ConfigSide, which: string): string | undefined {
  const row = side.latest;
  if (row.status === 'invalid')
    return `${which}: invalid power${row.reasons.length > 0 ? ` (${row.reasons.join(', ')})` : ''}`;
  if (row.status === 'missing') return `${which}: no power data`;
  if (!positive(row.joulesPerOutputToken)) return `${which}: no J/output-token`;
  return undefined;
}

function relativeBound(row: ReportRow): number | undefined {
  if (row.energyBoundJ === undefined || row.energyJ === undefined || !(row.energyJ > 0)) return undefined;
  return row.energyBoundJ / row.energyJ;
}

/** The tolerance for one config: the larger of the threshold and the combined measurement uncertainty. */
export function toleranceFor(
  current: ConfigSide,
  baseline: ConfigSide,
  history: readonly number[],
  threshold: number,
): Tolerance {
  const boundCurrent = relativeBound(current.latest);
  const boundBaseline = relativeBound(baseline.latest);
  // Error bounds are worst-case limits, so they add; the spreads are statistical and add in quadrature.
  const bounds = (boundCurrent ?? 0) + (boundBaseline ?? 0);
  const repeats = Math.hypot(current.repeatSpread, baseline.repeatSpread);
  const historyInterval = relativePredictionInterval(history) ?? 0;
  const combined = bounds + Math.hypot(repeats, historyInterval);
  let decidedBy: ToleranceSource = 'threshold';
  if (combined > threshold) {
    const parts: Array<[ToleranceSource, number]> = [
      ['energy bounds', bounds],
      ['repeats', repeats],
      ['history', historyInterval],
    ];
    decidedBy = parts.reduce((best, part) => (part[1] > best[1] ? part : best))[0];
  }
  return {
    value: Math.max(threshold, combined),
    threshold,
    bounds,
    repeats,
    history: historyInterval,
    combined,
    decidedBy,
    boundsKnown: boundCurrent !== undefined && boundBaseline !== undefined,
  };
}

export interface CompareOptions {
  /** Relative change below which a difference is never called (default 5 %). */
  threshold?: number;
  /** Earlier baseline runs (the baseline's own run included), oldest first, for the history interval. */
  history?: ReadonlyArray<readonly ReportRow[]>;
}

/** Matches this run's configs with the baseline's and gives each matched config a verdict. */
export function compareRuns(
  current: readonly ReportRow[],
  baseline: readonly ReportRow[],
  options: CompareOptions = {},
): Comparison {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const now = latestByConfig(current);
  const before = latestByConfig(baseline);
  const historyRuns = (options.history ?? []).map((run) => latestByConfig(run));
  const counts: ComparisonCounts = {
    regression: 0,
    improvement: 0,
    withinNoise: 0,
    notComparable: 0,
    comparable: 0,
    new: 0,
    gone: 0,
  };
  const configs: ConfigComparison[] = [];
  let boundsUnknown = 0;
  const historyOf = (key: string): number[] =>
    historyRuns
      .map((run) => run.get(key)?.latest)
      .filter((r): r is ReportRow => r?.status === 'valid' && positive(r.joulesPerOutputToken))
      .map((r) => r.joulesPerOutputToken as number);

  for (const [key, side] of now) {
    const base = before.get(key);
    if (!base) {
      counts.new += 1;
      configs.push({ key, row: side.latest, current: side, presence: 'new', history: historyOf(key) });
      continue;
    }
    const entry: ConfigComparison = {
      key,
      row: side.latest,
      current: side,
      baseline: base,
      presence: 'both',
      history: historyOf(key),
    };
    const why = unusable(side, 'this run') ?? unusable(base, 'baseline');
    if (why) {
      entry.verdict = 'not comparable';
      entry.reason = why;
      counts.notComparable += 1;
    } else {
      const jNow = side.latest.joulesPerOutputToken as number;
      const jBefore = base.latest.joulesPerOutputToken as number;
      const delta = jNow / jBefore - 1;
      const tolerance = toleranceFor(side, base, entry.history, threshold);
      entry.deltaJoulesPerToken = delta;
      entry.deltaTokensPerJoule = jBefore / jNow - 1;
      entry.tolerance = tolerance;
      if (!tolerance.boundsKnown) boundsUnknown += 1;
      counts.comparable += 1;
      if (Math.abs(delta) > tolerance.value) {
        entry.verdict = delta > 0 ? 'regression' : 'improvement';
        counts[entry.verdict] += 1;
      } else {
        entry.verdict = 'within noise';
        counts.withinNoise += 1;
      }
    }
    configs.push(entry);
  }
  for (const [key, side] of before) {
    if (now.has(key)) continue;
    counts.gone += 1;
    configs.push({ key, row: side.latest, baseline: side, presence: 'gone', history: historyOf(key) });
  }
  configs.sort((a, b) => compareRows(a.row, b.row));
  let setAsideBaseline = 0;
  for (const side of before.values()) setAsideBaseline += side.setAside;
  let setAsideCurrent = 0;
  for (const side of now.values()) setAsideCurrent += side.setAside;
  return {
    threshold,
    configs,
    counts,
    setAside: { current: setAsideCurrent, baseline: setAsideBaseline },
    boundsUnknown,
    historyRuns: historyRuns.length,
  };
}

/** Regressions and improvements, biggest relative change first. */
export function changes(comparison: Comparison): ConfigComparison[] {
  return comparison.configs
    .filter((c) => c.verdict === 'regression' || c.verdict === 'improvement')
    .sort(
      (a, b) =>
        Math.abs(b.deltaJoulesPerToken ?? 0) - Math.abs(a.deltaJoulesPerToken ?? 0) || compareRows(a.row, b.row),
    );
}

/** The comparison as plain JSON (the `comparison` output file): one entry per config. */
export function comparisonJson(
  comparison: Comparison,
  baselineLabel?: { runId?: string; commit?: string },
): Record<string, unknown> {
  const side = (s: ConfigSide | undefined) =>
    s && {
      source: s.latest.source,
      status: s.latest.status,
      joules_per_output_token: s.latest.joulesPerOutputToken ?? null,
      energy_j: s.latest.energyJ ?? null,
      energy_bound_j: s.latest.energyBoundJ ?? null,
      reasons: s.latest.reasons,
      results: s.all.length,
      set_aside: s.setAside,
    };
  return {
    schema_version: 1,
    threshold: comparison.threshold,
    baseline: baselineLabel ?? null,
    counts: comparison.counts,
    set_aside: comparison.setAside,
    configs: comparison.configs.map((c) => {
      const [model, framework, precision, hardware, isl, osl, conc, specDecoding, topology, parallelism] =
        configIdentity(c.row);
      return {
        config: {
          model,
          framework,
          precision,
          hardware,
          isl,
          osl,
          conc,
          spec_decoding: specDecoding,
          topology,
          parallelism,
        },
        presence: c.presence,
        verdict: c.verdict ?? null,
        reason: c.reason ?? null,
        delta_joules_per_output_token: c.deltaJoulesPerToken ?? null,
        delta_tokens_per_joule: c.deltaTokensPerJoule ?? null,
        tolerance: c.tolerance
          ? {
              value: c.tolerance.value,
              threshold: c.tolerance.threshold,
              energy_bounds: c.tolerance.bounds,
              repeats: c.tolerance.repeats,
              history: c.tolerance.history,
              decided_by: c.tolerance.decidedBy,
              bounds_known: c.tolerance.boundsKnown,
            }
          : null,
        history: c.history,
        current: side(c.current) ?? null,
        baseline: side(c.baseline) ?? null,
      };
    }),
  };
}
