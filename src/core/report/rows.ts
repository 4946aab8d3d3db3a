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
}

/** Longest value a row keeps: agg fields are short names; anything longer is cut before any escaping. */
export const MAX_VALUE_CHARS = 200;
/** Most reason codes a row lists. */
export const MAX_REASONS = 20;

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
      const code = typeof item === 'string' ? capText(item) : typeof item === 'object' && item !== null ? text((item as { code?: unknown }).code) : '';
      if (code !== '' && !codes.includes(code)) codes.push(code);
      if (codes.length >= MAX_REASONS) return codes;
    }
    if (codes.length > 0) break;
  }
  return codes;
}

export function rowFromAgg(source: string, agg: Record<string, unknown>, sidecar?: Record<string, unknown>): ReportRow {
  const status = powerStatusOf(agg);
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
    reasons: status === 'invalid' ? reasonsOf(sidecar?.reasons, agg.power_invalid_reasons) : [],
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
