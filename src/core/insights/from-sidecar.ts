import type { CounterCheck, IdleBaseline, Insights, Phase, PowerLimit, PowerSeries, Quality } from './accumulator.js';
import { CHART_POINTS } from './accumulator.js';

/**
 * The insights of a validation sidecar read back for rendering. A sidecar is a workspace file, so
 * nothing is trusted: every field the renderer prints is checked to be a finite number or one of
 * its fixed words, and anything else leaves that part (or the whole block) out.
 */
export function insightsFromSidecar(
  sidecar: Record<string, unknown> | undefined,
): { insights: Insights; startUnix: number; endUnix: number } | undefined {
  const raw = record(sidecar?.insights);
  const window = record(sidecar?.benchmark_window);
  const startUnix = finite(window?.start_time_unix);
  const endUnix = finite(window?.end_time_unix);
  if (!raw || startUnix === undefined || endUnix === undefined || !Array.isArray(raw.phases)) return undefined;
  const phases: Phase[] = [];
  for (const item of raw.phases.slice(0, 3)) {
    const p = record(item);
    const name = p?.name;
    if (!p || (name !== 'before' && name !== 'benchmark' && name !== 'after')) return undefined;
    const start = finite(p.start_unix);
    const end = finite(p.end_unix);
    const duration = finite(p.duration_s);
    if (start === undefined || end === undefined || duration === undefined) return undefined;
    phases.push({
      name,
      start_unix: start,
      end_unix: end,
      duration_s: duration,
      energy_j: nullable(p.energy_j),
      avg_total_power_w: nullable(p.avg_total_power_w),
      ...(typeof p.reason === 'string' ? { reason: p.reason } : {}),
    });
  }
  const q = record(raw.quality);
  const reporting =
    typeof q?.gpus_reporting === 'string' && /^\d{1,6}\/\d{1,6}$/.test(q.gpus_reporting) ? q.gpus_reporting : '–';
  const quality: Quality = {
    gpus_reporting: reporting,
    per_gpu_coverage: {},
    median_interval_s: nullable(q?.median_interval_s),
    median_interval_method: '',
    energy_bound_j: nullable(q?.energy_bound_j),
  };
  const insights: Insights = {
    phases,
    idle: idle(raw.idle),
    counter: counter(raw.counter),
    power_limit: powerLimit(raw.power_limit),
    quality,
    efficiency: { output_tokens_per_joule: null },
    power_series: series(raw.power_series),
    warnings: [],
  };
  return { insights, startUnix, endUnix };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function nullable(value: unknown): number | null {
  return finite(value) ?? null;
}

function count(value: unknown): number {
  const n = finite(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : 0;
}

function idle(value: unknown): IdleBaseline | null {
  const v = record(value);
  const baseline = finite(v?.baseline_total_w);
  return v && baseline !== undefined
    ? {
        baseline_total_w: baseline,
        method: '',
        span_start_unix: finite(v.span_start_unix) ?? 0,
        energy_above_idle_j: nullable(v.energy_above_idle_j),
      }
    : null;
}

const SOURCES = [
  'dcgm_total_energy',
  'nvidia_smi_total_energy',
  'amd_smi_energy_accumulator',
  'energy_counter_column',
  'amd_smi_snapshots',
] as const;
const AGREEMENTS = ['ok', 'warn', 'reject'] as const;

function counter(value: unknown): CounterCheck | null {
  const v = record(value);
  const source = SOURCES.find((s) => s === v?.source);
  const agreement = AGREEMENTS.find((a) => a === v?.agreement);
  const energy = finite(v?.energy_j);
  if (!v || !source || !agreement || energy === undefined) return null;
  return {
    source,
    energy_j: energy,
    integral_energy_j: nullable(v.integral_energy_j),
    ratio: nullable(v.ratio),
    resets: count(v.resets),
    frozen_intervals: count(v.frozen_intervals),
    filled_intervals: count(v.filled_intervals),
    agreement,
    ...(v.scope === 'whole_recording' ? { scope: 'whole_recording' as const } : {}),
  };
}

function powerLimit(value: unknown): PowerLimit | null {
  const v = record(value);
  const enforced = finite(v?.enforced_w);
  const source = v?.source === 'column' || v?.source === 'nameplate' ? v.source : undefined;
  if (!v || enforced === undefined || !source) return null;
  return {
    enforced_w: enforced,
    source,
    share_at_cap: nullable(v.share_at_cap),
    implausible_samples: count(v.implausible_samples),
    implausible_examples: [],
  };
}

function series(value: unknown): PowerSeries | null {
  const v = record(value);
  const origin = finite(v?.origin_unix);
  const step = finite(v?.step_s);
  // Bounds keep every number the chart prints in plain fixed-point form (toFixed turns to exponents at 1e21).
  if (
    !v ||
    origin === undefined ||
    step === undefined ||
    !(step > 0 && step <= 1e7) ||
    !Array.isArray(v.total_w) ||
    v.total_w.length > CHART_POINTS
  )
    return null;
  return {
    origin_unix: origin,
    step_s: step,
    total_w: v.total_w.map((w) => (typeof w === 'number' && w >= 0 && w <= 1e9 ? w : null)),
  };
}

/** The insight figures the report comment shows per config; each absent when the sidecar lacks it. */
export interface RowInsights {
  /** The idle floor's share of the benchmark energy: `baseline_total_w` × window / benchmark `energy_j`. */
  idleShare?: number;
  counterAgreement?: CounterCheck['agreement'];
  /** `power_limit.share_at_cap`: share of in-window samples at ≥ 95 % of the power limit. */
  shareAtCap?: number;
}

/** Shares outside this range come from a damaged sidecar, not a run: left out rather than printed. */
const MAX_SHARE = 10;

/**
 * The report's per-config insight cells from a sidecar's `insights` block; undefined when the
 * sidecar has no such block (an older sidecar, or none), so the report can leave the columns out.
 */
export function rowInsightsFromSidecar(sidecar: Record<string, unknown> | undefined): RowInsights | undefined {
  const raw = record(sidecar?.insights);
  if (!raw) return undefined;
  const out: RowInsights = {};
  const bench = Array.isArray(raw.phases)
    ? raw.phases
        .slice(0, 3)
        .map(record)
        .find((p) => p?.name === 'benchmark')
    : undefined;
  const energy = finite(bench?.energy_j);
  const duration = finite(bench?.duration_s);
  const baseline = finite(record(raw.idle)?.baseline_total_w);
  if (energy !== undefined && energy > 0 && duration !== undefined && baseline !== undefined) {
    const share = (baseline * duration) / energy;
    if (share >= 0 && share <= MAX_SHARE) out.idleShare = share;
  }
  const agreement = counter(raw.counter)?.agreement;
  if (agreement) out.counterAgreement = agreement;
  const atCap = powerLimit(raw.power_limit)?.share_at_cap;
  if (atCap !== null && atCap !== undefined && atCap >= 0 && atCap <= 1) out.shareAtCap = atCap;
  return out;
}
