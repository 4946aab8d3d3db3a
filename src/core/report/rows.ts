import { rowInsightsFromSidecar, type RowInsights } from '../insights/from-sidecar.js';

/** One benchmark config of a sweep as the report shows it, read from an agg JSON and its sidecar. */
export type PowerStatus = 'valid' | 'invalid' | 'missing';

export interface ReportRow {
  /** Where the row came from, relative to the results root; used for ordering and the invalid list. */
  source: string;
  model: string;
  hardware: string;
  framework: string;
  precision: string;
  isl: string;
  osl: string;
  conc: string;
  topology: string;
  avgPowerW?: number;
  joulesPerOutputToken?: number;
  status: PowerStatus;
  reasons: string[];
  /** Speculative decoding setting (`spec_decoding`), part of the config's identity. */
  specDecoding?: string;
  /** Parallelism: `TP8 EP1`, `TP8 EP8 DPA`, or the prefill/decode split of a disaggregated run. */
  parallelism?: string;
  gpus?: number;
  energyJ?: number;
  /** Error bound of `energyJ` from the sidecar's insights; undefined when the sidecar has none. */
  energyBoundJ?: number;
  /** Idle share, counter agreement and power-cap share from the sidecar's insights; undefined without them. */
  insights?: RowInsights;
  /** Human messages per reason code, from the sidecar. */
  reasonMessages?: Record<string, string>;
  /** When the benchmark ended (unix seconds), to pick the latest of repeated results. */
  endedAt?: number;
}

/** Longest value a row keeps: agg fields are short names; anything longer is cut before any escaping. */
export const MAX_VALUE_CHARS = 200;
/** Most reason codes a row lists. */
export const MAX_REASONS = 20;
/** Longest reason message a row keeps: messages name a file, a line and a fix, so they get more room than a value. */
export const MAX_MESSAGE_CHARS = 2 * MAX_VALUE_CHARS;

/** `value` cut to `max` characters with a visible ellipsis, never splitting a surrogate pair. */
export function capText(value: string, max = MAX_VALUE_CHARS): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function text(value: unknown): string {
  if (typeof value === 'string') return capText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return '';
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Booleans as the reference writes them: JSON true, or the string "true" in any case. */
function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** single-node, multi-node or multi-node disagg (the reference treats multinode as disaggregated). */
export function topologyOf(agg: Record<string, unknown>): string {
  const multinode = flag(agg.is_multinode);
  const disagg = flag(agg.disagg);
  if (multinode) return disagg ? 'multi-node disagg' : 'multi-node';
  return disagg ? 'single-node disagg' : 'single-node';
}

/** `power_valid` is the integer 0/1; a missing key means the job recorded no power at all. */
export function powerStatusOf(agg: Record<string, unknown>): PowerStatus {
  const v = agg.power_valid;
  if (v === 1 || v === true) return 'valid';
  if (v === 0 || v === false) return 'invalid';
  return 'missing';
}

/** Reason codes from a sidecar's `reasons` (strings or `{code}` objects) or the agg's own list. */
export function reasonsOf(...sources: unknown[]): string[] {
  const codes: string[] = [];
  for (const source of sources) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const code =
        typeof item === 'string'
          ? capText(item)
          : typeof item === 'object' && item !== null
            ? text((item as { code?: unknown }).code)
            : '';
      if (code !== '' && !codes.includes(code)) codes.push(code);
      if (codes.length >= MAX_REASONS) return codes;
    }
    if (codes.length > 0) break;
  }
  return codes;
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function poolParallelism(agg: Record<string, unknown>, prefix: string): string {
  const tp = positiveInt(agg[`${prefix}tp`]);
  const pp = positiveInt(agg[`${prefix}pp`]);
  const ep = positiveInt(agg[`${prefix}ep`]);
  const parts: string[] = [];
  if (tp !== undefined) parts.push(`TP${tp}`);
  if (pp !== undefined && pp > 1) parts.push(`PP${pp}`);
  if (ep !== undefined) parts.push(`EP${ep}`);
  if (flag(agg[`${prefix}dp_attention`])) parts.push('DPA');
  return parts.join(' ');
}

/** TP/PP/EP/DP-attention of a single-node run, or the prefill/decode split (workers × parallelism) of a multinode one. */
export function parallelismOf(agg: Record<string, unknown>): string {
  if (!flag(agg.is_multinode)) return poolParallelism(agg, '');
  const pool = (role: 'prefill' | 'decode', label: string): string => {
    const workers = positiveInt(agg[`${role}_num_workers`]);
    const gpus = positiveInt(agg[`num_${role}_gpu`]);
    const shape = poolParallelism(agg, `${role}_`);
    if (workers === 0 || gpus === 0) return '';
    return `${label} ${workers !== undefined ? `${workers}×` : ''}${shape}`.trim();
  };
  return [pool('prefill', 'P'), pool('decode', 'D')].filter((p) => p !== '').join(' + ');
}

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** GPUs of the deployment: the sidecar's observed count, else the topology fields of the agg. */
function gpusOf(agg: Record<string, unknown>, sidecar?: Record<string, unknown>): number | undefined {
  const observed = positiveInt(sidecar?.observed_gpu_count);
  if (observed !== undefined && observed > 0) return observed;
  const prefill = positiveInt(agg.num_prefill_gpu);
  const decode = positiveInt(agg.num_decode_gpu);
  if (prefill !== undefined && decode !== undefined) return prefill + decode;
  const tp = positiveInt(agg.tp);
  return tp === undefined ? undefined : tp * (positiveInt(agg.pp) ?? 1) * (positiveInt(agg.pcp_size) ?? 1);
}

/** Messages for the row's own (capped) reason codes only, each cut before any escaping. */
function messagesOf(
  sidecar: Record<string, unknown> | undefined,
  reasons: string[],
): Record<string, string> | undefined {
  const messages = object(sidecar?.reason_messages);
  if (!messages) return undefined;
  // No prototype: a reason code such as `constructor` must not find a message that is not there.
  const out = Object.create(null) as Record<string, string>;
  for (const code of reasons) {
    const message = Object.hasOwn(messages, code) ? messages[code] : undefined;
    if (typeof message === 'string') out[code] = capText(message, MAX_MESSAGE_CHARS);
  }
  return out;
}

export function rowFromAgg(source: string, agg: Record<string, unknown>, sidecar?: Record<string, unknown>): ReportRow {
  const status = powerStatusOf(agg);
  const energyJ = status === 'valid' ? finite(agg.total_gpu_energy_j) : undefined;
  const bound = finite(object(object(sidecar?.insights)?.quality)?.energy_bound_j);
  const window = object(sidecar?.benchmark_window);
  const reasons = status === 'invalid' ? reasonsOf(sidecar?.reasons, agg.power_invalid_reasons) : [];
  return {
    source: capText(source, 4 * MAX_VALUE_CHARS),
    model: text(agg.model) || text(agg.infmax_model_prefix),
    hardware: text(agg.hw),
    framework: text(agg.framework),
    precision: text(agg.precision),
    isl: text(agg.isl),
    osl: text(agg.osl),
    conc: text(agg.conc),
    topology: topologyOf(agg),
    avgPowerW: status === 'valid' ? finite(agg.avg_power_w) : undefined,
    joulesPerOutputToken: status === 'valid' ? finite(agg.joules_per_output_token) : undefined,
    status,
    reasons,
    specDecoding: text(agg.spec_decoding),
    parallelism: parallelismOf(agg),
    gpus: gpusOf(agg, sidecar),
    energyJ,
    energyBoundJ: energyJ !== undefined && bound !== undefined && bound >= 0 ? bound : undefined,
    reasonMessages: status === 'invalid' ? messagesOf(sidecar, reasons) : undefined,
    insights: rowInsightsFromSidecar(sidecar),
    endedAt: finite(window?.end_time_unix),
  };
}

function numericOrText(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order: model, hardware, framework, precision, ISL, OSL, concurrency, topology, then source. */
export function compareRows(a: ReportRow, b: ReportRow): number {
  return (
    numericOrText(a.model, b.model) ||
    numericOrText(a.hardware, b.hardware) ||
    numericOrText(a.framework, b.framework) ||
    numericOrText(a.precision, b.precision) ||
    numericOrText(a.isl, b.isl) ||
    numericOrText(a.osl, b.osl) ||
    numericOrText(a.conc, b.conc) ||
    numericOrText(a.topology, b.topology) ||
    numericOrText(a.source, b.source)
  );
}
