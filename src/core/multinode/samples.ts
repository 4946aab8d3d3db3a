import { deviceKey, PACKAGE_SCHEMA_VERSION, SAMPLES_HEADER } from './contract.js';

/** samples.csv: one row per (scrape, host, GPU); parsed, deduplicated and grouped per device. */
export interface SampleRow {
  time: number;
  seq: number;
  hostname: string;
  gpuIndex: number;
  uuid: string;
  watts: number;
}

const INT_CELL = /^\s*[+-]?\d+\s*$/;
const FLOAT_CELL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** One samples.csv row, or undefined when any cell breaks the contract. */
export function parseSampleRow(cells: string[]): SampleRow | undefined {
  if (cells.length !== SAMPLES_HEADER.length) return undefined;
  const [schema, ts, seq, hostname, gpu, uuid, watts] = cells as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (
    !INT_CELL.test(schema) ||
    !FLOAT_CELL.test(ts) ||
    !INT_CELL.test(seq) ||
    !INT_CELL.test(gpu) ||
    !FLOAT_CELL.test(watts)
  )
    return undefined;
  const row = { time: Number(ts), seq: Number(seq), hostname, gpuIndex: Number(gpu), uuid, watts: Number(watts) };
  if (Number(schema) !== PACKAGE_SCHEMA_VERSION || hostname === '' || uuid === '') return undefined;
  if (!Number.isFinite(row.time) || !Number.isFinite(row.watts) || row.watts < 0 || row.seq < 0 || row.gpuIndex < 0)
    return undefined;
  if (!Number.isSafeInteger(row.seq) || !Number.isSafeInteger(row.gpuIndex)) return undefined;
  return row;
}

export interface ObservedDevice {
  hostname: string;
  gpuIndex: number;
  uuids: string[];
  /** Sample times and powers sorted by time. */
  times: number[];
  powers: number[];
}

/** More rows than this is not one benchmark's package (72 GPUs at 1 Hz for 24 h is 6.2 M); it bounds memory. */
export const MAX_SAMPLE_ROWS = 20_000_000;

interface DeviceRows {
  hostname: string;
  gpuIndex: number;
  seqs: number[];
  times: number[];
  watts: number[];
  uuidIndex: number[];
  uuids: string[];
}

export interface SampleSummary {
  /** Unique rows: the first row of each (scrape, host, GPU) key. */
  rowCount: number;
  duplicateRows: number;
  maxSeq: number;
  /** Some device's timestamps do not strictly increase with its scrape sequence. */
  nonMonotonic: boolean;
  /** Sorted by (hostname, gpu index), as the producer lists them. */
  devices: ObservedDevice[];
}

/** Accumulates samples.csv rows as numbers per device (a few bytes a row), judged once at the end. */
export class SampleTable {
  totalRows = 0;
  private readonly byDevice = new Map<string, DeviceRows>();

  add(row: SampleRow): void {
    const key = deviceKey(row.hostname, row.gpuIndex);
    let device = this.byDevice.get(key);
    if (!device)
      this.byDevice.set(
        key,
        (device = {
          hostname: row.hostname,
          gpuIndex: row.gpuIndex,
          seqs: [],
          times: [],
          watts: [],
          uuidIndex: [],
          uuids: [],
        }),
      );
    let uuid = device.uuids.indexOf(row.uuid);
    if (uuid < 0) uuid = device.uuids.push(row.uuid) - 1;
    device.seqs.push(row.seq);
    device.times.push(row.time);
    device.watts.push(row.watts);
    device.uuidIndex.push(uuid);
    this.totalRows += 1;
  }

  summarise(): SampleSummary {
    const summary: SampleSummary = { rowCount: 0, duplicateRows: 0, maxSeq: -1, nonMonotonic: false, devices: [] };
    const list = [...this.byDevice.values()].sort((a, b) =>
      a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.gpuIndex - b.gpuIndex,
    );
    for (const d of list) {
      // Stable sort by scrape: among rows of one key the first in the file is the one kept.
      const bySeq = Array.from(d.seqs.keys()).sort((x, y) => (d.seqs[x] as number) - (d.seqs[y] as number));
      const kept: number[] = [];
      for (const i of bySeq) {
        const previous = kept[kept.length - 1];
        if (previous !== undefined && d.seqs[previous] === d.seqs[i]) {
          summary.duplicateRows += 1;
          continue;
        }
        if (previous !== undefined && (d.times[i] as number) <= (d.times[previous] as number))
          summary.nonMonotonic = true;
        kept.push(i);
      }
      summary.rowCount += kept.length;
      summary.maxSeq = Math.max(summary.maxSeq, d.seqs[kept[kept.length - 1] as number] as number);
      const uuids = [...new Set(kept.map((i) => d.uuids[d.uuidIndex[i] as number] as string))];
      const byTime = [...kept].sort(
        (x, y) => (d.times[x] as number) - (d.times[y] as number) || (d.watts[x] as number) - (d.watts[y] as number),
      );
      summary.devices.push({
        hostname: d.hostname,
        gpuIndex: d.gpuIndex,
        uuids,
        times: byTime.map((i) => d.times[i] as number),
        powers: byTime.map((i) => d.watts[i] as number),
      });
    }
    return summary;
  }
}

/** The producer's observed_devices entry for a device. */
export function observedDeviceRecord(device: ObservedDevice): Record<string, unknown> {
  return {
    hostname: device.hostname,
    gpu_index: device.gpuIndex,
    gpu_uuids: device.uuids,
    first_sample_time_unix: device.times[0],
    last_sample_time_unix: device.times[device.times.length - 1],
  };
}

/** `host/uuid` when the device kept one UUID, else `host/index`: the label of per-GPU maps. */
export function deviceLabel(hostname: string, gpuIndex: number, observed?: ObservedDevice): string {
  return observed && observed.uuids.length === 1 ? `${hostname}/${observed.uuids[0]}` : `${hostname}/${gpuIndex}`;
}
