/**
 * Finds the optional columns the insights read (energy counter, power limit, GPU name) in a
 * telemetry header. Units come from the header or the field's definition, never from the size of
 * the numbers: a counter whose unit cannot be read is reported, not guessed.
 */

export type EnergyUnit = 'J' | 'mJ' | 'uJ' | 'kJ' | 'Wh' | 'kWh';

export const JOULES_PER_UNIT: Readonly<Record<EnergyUnit, number>> = {
  J: 1,
  mJ: 1e-3,
  uJ: 1e-6,
  kJ: 1e3,
  Wh: 3600,
  kWh: 3.6e6,
};

/** Where a counter column came from; the renderer prints these fixed words, never the header text. */
/** `amd_smi_snapshots`: the monitor's start/end `amd-smi metric -E` snapshots, a whole-recording delta only. */
export type CounterSource =
  | 'dcgm_total_energy'
  | 'nvidia_smi_total_energy'
  | 'amd_smi_energy_accumulator'
  | 'energy_counter_column'
  | 'amd_smi_snapshots';

export interface CounterColumn {
  index: number;
  source: CounterSource;
  unit: EnergyUnit;
  /** amd-smi: the accumulator counts ticks of `counter_resolution` µJ each, read from this column. */
  resolutionIndex?: number;
}

export type ColumnProblem =
  | { code: 'counter_unit_unknown'; column: string }
  | { code: 'counter_units_mixed'; columns: string[] }
  | { code: 'counter_resolution_missing'; column: string };

export interface InsightColumns {
  counter?: CounterColumn;
  limit?: { index: number; unit: 'W' | 'mW'; enforced: boolean };
  name?: { index: number };
  problems: ColumnProblem[];
}

const UNIT_WORDS: Array<[RegExp, EnergyUnit]> = [
  [/^(mj|millijoules?)$/, 'mJ'],
  [/^(uj|µj|μj|microjoules?)$/, 'uJ'],
  [/^(kj|kilojoules?)$/, 'kJ'],
  [/^(j|joules?)$/, 'J'],
  [/^(kwh)$/, 'kWh'],
  [/^(wh)$/, 'Wh'],
];

/** `[mJ]`, `(J)` or a trailing `_mj` / ` mJ` in a column name, else undefined. */
export function unitFromName(column: string): EnergyUnit | undefined {
  const text = column.trim().toLowerCase();
  const bracket = /[[(]\s*([a-zµμ]+)\s*[\])]\s*$/.exec(text);
  const suffix = /[\s_]([a-zµμ]+)$/.exec(text);
  for (const candidate of [bracket?.[1], suffix?.[1]]) {
    if (candidate === undefined) continue;
    for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(candidate)) return unit;
  }
  return undefined;
}

function baseName(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/\s*[[(][^\])]*[\])]\s*$/, '')
    .trim();
}

interface CounterCandidate {
  index: number;
  source: CounterSource;
  unit?: EnergyUnit;
  name: string;
}

function counterCandidate(column: string, index: number): CounterCandidate | undefined {
  const base = baseName(column);
  const unit = unitFromName(column);
  // NVML field 156 / DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION is defined in mJ since driver load.
  if (base === 'dcgm_fi_dev_total_energy_consumption' || base === 'total_energy_consumption_mj')
    return { index, source: 'dcgm_total_energy', unit: unit ?? 'mJ', name: column };
  if (base === 'total_energy_consumption' || base === 'energy.total' || base === 'total_energy')
    return { index, source: 'nvidia_smi_total_energy', unit, name: column };
  if (base === 'energy_accumulator') return { index, source: 'amd_smi_energy_accumulator', unit: 'uJ', name: column };
  if (/^(energy|energy_consumed|gpu_energy|energy_counter)(_[a-zµμ]+)?$/.test(base) && unit !== undefined)
    return { index, source: 'energy_counter_column', unit, name: column };
  return undefined;
}

const LIMIT_COLUMNS: Array<[RegExp, boolean]> = [
  [/^enforced\.power\.limit$/, true],
  [/^power\.limit$/, false],
  [/^(power_limit|socket_power_limit|power_cap)$/, false],
];

const NAME_COLUMNS = new Set(['name', 'gpu_name', 'product_name', 'market_name', 'modelname', 'model_name']);

export function detectInsightColumns(header: readonly string[]): InsightColumns {
  const result: InsightColumns = { problems: [] };
  const counters = header
    .map((column, index) => counterCandidate(column, index))
    .filter((c): c is CounterCandidate => c !== undefined);
  const withUnit = counters.filter((c) => c.unit !== undefined);
  for (const c of counters)
    if (c.unit === undefined) result.problems.push({ code: 'counter_unit_unknown', column: c.name });
  const units = new Set(withUnit.map((c) => c.unit));
  if (units.size > 1) {
    // Two energy columns in different units: neither can be trusted to be the one the sampler meant.
    result.problems.push({ code: 'counter_units_mixed', columns: withUnit.map((c) => c.name) });
  } else if (withUnit.length > 0) {
    const chosen = withUnit[0] as CounterCandidate;
    if (chosen.source === 'amd_smi_energy_accumulator') {
      const resolutionIndex = header.findIndex((c) => baseName(c) === 'counter_resolution');
      if (resolutionIndex < 0) result.problems.push({ code: 'counter_resolution_missing', column: chosen.name });
      else result.counter = { index: chosen.index, source: chosen.source, unit: 'uJ', resolutionIndex };
    } else {
      result.counter = { index: chosen.index, source: chosen.source, unit: chosen.unit as EnergyUnit };
    }
  }
  for (const [pattern, enforced] of LIMIT_COLUMNS) {
    const index = header.findIndex((c) => pattern.test(baseName(c)));
    if (index >= 0) {
      result.limit = { index, unit: /\[\s*mw\s*\]/i.test(header[index] as string) ? 'mW' : 'W', enforced };
      break;
    }
  }
  const nameIndex = header.findIndex((c) => NAME_COLUMNS.has(baseName(c)));
  if (nameIndex >= 0) result.name = { index: nameIndex };
  return result;
}

const NUMBER_WITH_UNIT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµμ]*)\s*$/;

export type CellReading = { value: number } | { problem: 'not_available' | 'not_a_number' | 'unit_mismatch' };

/**
 * A counter cell in joules. A unit written in the cell must agree with the column's; `[N/A]`,
 * `N/A` and empty cells are not available (not zero).
 */
export function readCounterCell(cells: readonly string[], column: CounterColumn): CellReading {
  const raw = (cells[column.index] ?? '').trim();
  if (raw === '' || /^\[?n\/?a\]?$/i.test(raw)) return { problem: 'not_available' };
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return { problem: 'not_a_number' };
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return { problem: 'not_a_number' };
  if (match[2]) {
    const cellUnit = unitFromName(`x [${match[2]}]`);
    if (cellUnit !== column.unit) return { problem: 'unit_mismatch' };
  }
  if (column.resolutionIndex !== undefined) {
    const resolution = Number((cells[column.resolutionIndex] ?? '').trim());
    if (!Number.isFinite(resolution) || resolution <= 0) return { problem: 'not_a_number' };
    return { value: value * resolution * JOULES_PER_UNIT.uJ };
  }
  return { value: value * JOULES_PER_UNIT[column.unit] };
}

/** A power-limit cell in watts, or undefined for `[N/A]`, empty, non-numeric or non-positive cells. */
export function readLimitCell(
  cells: readonly string[],
  limit: { index: number; unit: 'W' | 'mW' },
): number | undefined {
  const raw = (cells[limit.index] ?? '').trim();
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  if (unit === 'mw' || (unit === '' && limit.unit === 'mW')) return value / 1000;
  if (unit === '' || unit === 'w') return value;
  return undefined;
}
