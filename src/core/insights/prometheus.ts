import { JOULES_PER_UNIT, unitFromName, type EnergyUnit } from './columns.js';

/**
 * One DCGM exporter scrape (Prometheus text exposition), saved with a timestamp per scrape, read
 * into per-GPU power and energy readings. The energy unit comes from the scrape's own `# HELP`
 * line ("(in mJ)") or, without one, from the field's definition (NVML/DCGM total energy is mJ).
 */

const ENERGY_METRICS = new Set(['DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', 'dcgm_total_energy_consumption']);
const POWER_METRICS = new Set(['DCGM_FI_DEV_POWER_USAGE', 'dcgm_power_usage']);
const DEFINED_ENERGY_UNIT: EnergyUnit = 'mJ';
const MAX_LINE = 8192;
const MAX_GPUS = 65_536;

export interface ScrapeReading {
  powerW?: number;
  energyJ?: number;
}

export interface Scrape {
  readings: Map<string, ScrapeReading>;
  energyUnit?: EnergyUnit;
  /** `help_unit_unreadable`: a HELP line names a unit that is not an energy unit; the counter is left out. */
  problems: string[];
}

const SAMPLE = /^([A-Za-z_:][A-Za-z0-9_:]*)(\{[^}]*\})?\s+(\S+)(?:\s+\S+)?\s*$/;

export function readDcgmScrape(text: string): Scrape {
  const readings = new Map<string, ScrapeReading>();
  const problems: string[] = [];
  let energyUnit: EnergyUnit | undefined;
  let helpUnitBad = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.length > MAX_LINE) continue;
    if (line.startsWith('#')) {
      const help = /^#\s*HELP\s+(\S+)\s+(.*)$/.exec(line);
      if (help && ENERGY_METRICS.has(help[1] as string)) {
        const stated = /\(in\s+([^)]+)\)/i.exec(help[2] as string)?.[1];
        if (stated !== undefined) {
          const unit = unitFromName(`x [${stated.trim()}]`);
          if (unit === undefined) helpUnitBad = true;
          else energyUnit = unit;
        }
      }
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) continue;
    const name = sample[1] as string;
    const isEnergy = ENERGY_METRICS.has(name);
    if (!isEnergy && !POWER_METRICS.has(name)) continue;
    const labels = sample[2] ?? '';
    // MIG instances repeat their parent GPU's device-level fields; the parent row is the one to read.
    if (/\bGPU_I_ID\s*=/.test(labels)) continue;
    const gpu = /(?:^|[{,\s])gpu\s*=\s*"([^"]*)"/.exec(labels)?.[1];
    const value = Number(sample[3]);
    if (gpu === undefined || !Number.isFinite(value) || value < 0) continue;
    let reading = readings.get(gpu);
    if (!reading) {
      if (readings.size >= MAX_GPUS) continue;
      readings.set(gpu, (reading = {}));
    }
    if (isEnergy) reading.energyJ = value;
    else reading.powerW = value;
  }
  if (helpUnitBad) {
    problems.push('help_unit_unreadable');
    for (const reading of readings.values()) delete reading.energyJ;
    return { readings, problems };
  }
  const unit = energyUnit ?? DEFINED_ENERGY_UNIT;
  for (const reading of readings.values()) if (reading.energyJ !== undefined) reading.energyJ *= JOULES_PER_UNIT[unit];
  return { readings, energyUnit: unit, problems };
}
