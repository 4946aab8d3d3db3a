/**
 * Telemetry schema detection from a CSV header. Each vendor format is a small descriptor here;
 * adding a vendor is adding an entry to TELEMETRY_FORMATS.
 */

export type TelemetryFormatName = 'nvidia-smi' | 'amd-smi' | 'generic-csv';

export interface TelemetrySchema {
  format: TelemetryFormatName;
  header: string[];
  timestampIndex: number;
  powerIndex: number;
  /** -1 when the file has no GPU identity column: rows are then read by position (see identity.ts). */
  gpuIndex: number;
}

interface TelemetryFormat {
  name: TelemetryFormatName;
  /** True when the normalised header is this vendor's. */
  matches(columns: string[]): boolean;
}

const TELEMETRY_FORMATS: TelemetryFormat[] = [
  { name: 'nvidia-smi', matches: (cols) => cols.some((c) => c.startsWith('power.draw')) },
  { name: 'amd-smi', matches: (cols) => cols.some((c) => /socket_power/.test(c)) },
];

const POWER_EXCLUDE = /limit|cap|max|min|management|state|profile|enforced|default/;
/** Preferred power columns, best first; otherwise the first column naming power wins. */
const PREFERRED_POWER = [
  /^power\.draw(\s*\[w\])?$/,
  /^power\.draw\.instant/,
  /^socket_power/,
  /^current_socket_power/,
  /^average_socket_power/,
  /^power(\s*\(w\))?$/,
];
const GPU_IDENTITY = ['index', 'gpu', 'gpu_id', 'gpu_index', 'gpu id', 'gpu index', 'card', 'device', 'device_id'];

function normalise(column: string): string {
  return column.trim().toLowerCase();
}

function findPowerIndex(columns: string[]): number {
  for (const preferred of PREFERRED_POWER) {
    const i = columns.findIndex((c) => preferred.test(c));
    if (i >= 0) return i;
  }
  return columns.findIndex((c) => c.includes('power') && !POWER_EXCLUDE.test(c));
}

export interface HeaderProbe {
  timestampIndex: number;
  powerIndex: number;
  gpuIndex: number;
}

export function probeHeader(header: string[]): HeaderProbe {
  const columns = header.map(normalise);
  const timestampIndex = columns.findIndex((c) => c.includes('time'));
  const powerIndex = findPowerIndex(columns);
  let gpuIndex = -1;
  for (const name of GPU_IDENTITY) {
    gpuIndex = columns.indexOf(name);
    if (gpuIndex >= 0) break;
  }
  return { timestampIndex, powerIndex, gpuIndex };
}

/** A schema when the header names both a timestamp and a power column, else undefined. */
export function detectSchema(header: string[]): TelemetrySchema | undefined {
  const probe = probeHeader(header);
  if (probe.timestampIndex < 0 || probe.powerIndex < 0) return undefined;
  const columns = header.map(normalise);
  const format = TELEMETRY_FORMATS.find((f) => f.matches(columns))?.name ?? 'generic-csv';
  return { format, header: header.map((c) => c.trim()), ...probe };
}
