import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from './workspace.js';

/** A real-shaped srt-slurm dcgm power package (v1), self-consistent unless a test edits it. */
export const PRODUCER_SHA = 'a'.repeat(40);
export const WINDOW_START = 1000;
export const WINDOW_END = 1010;

export interface PackageDevice {
  host: string;
  gpu: number;
  role: 'prefill' | 'decode' | 'agg';
  het: number | null;
  watts: number | ((t: number) => number);
}

export interface PackageSpec {
  devices: PackageDevice[];
  /** Samples every second from..to inclusive (default 998..1012: the window bracketed with 2 s spare). */
  from?: number;
  to?: number;
  concurrency?: number;
  stem?: string;
  bench?: Record<string, unknown>;
  publicationValid?: boolean;
}

export const uuid = (host: string, gpu: number): string => `GPU-${host}-${gpu}`;

export interface BuiltPackage {
  root: string;
  powerDir: string;
  logsRoot: string;
  bench: Record<string, unknown>;
  manifestPath: string;
  samplesPath: string;
  windowPath: string;
}

/** Python repr of a float as the producer's csv writer emits it (998.0, 500.0). */
const pyNum = (x: number): string => (Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x));

/** Writes LOGS/power/{manifest.json,samples.csv,windows/<stem>.json} and LOGS/<stem>.json under `root`. */
export function buildPackage(root: string, spec: PackageSpec): BuiltPackage {
  const from = spec.from ?? WINDOW_START - 2;
  const to = spec.to ?? WINDOW_END + 2;
  const concurrency = spec.concurrency ?? 4;
  const stem = spec.stem ?? 'original_result';
  const logsRoot = join(root, 'LOGS');
  const powerDir = join(logsRoot, 'power');
  const sorted = [...spec.devices].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.gpu - b.gpu));

  const rows = ['schema_version,timestamp_unix,scrape_seq,hostname,gpu_index,gpu_uuid,power_w'];
  let seq = 0;
  for (let t = from; t <= to; t += 1, seq += 1) {
    for (const d of spec.devices) {
      const w = typeof d.watts === 'number' ? d.watts : d.watts(t);
      rows.push(`1,${pyNum(t)},${seq},${d.host},${d.gpu},${uuid(d.host, d.gpu)},${pyNum(w)}`);
    }
  }
  const samplesPath = writeFile(powerDir, 'samples.csv', `${rows.join('\r\n')}\r\n`);

  const bench = {
    model_id: 'deepseek-ai/DeepSeek-R1-0528',
    max_concurrency: concurrency,
    benchmark_start_time_unix: WINDOW_START,
    benchmark_end_time_unix: WINDOW_END,
    duration: WINDOW_END - WINDOW_START,
    completed: 40,
    total_input_tokens: 40_000,
    total_output_tokens: 20_000,
    total_token_throughput: 6000.0,
    output_throughput: 2000.0,
    mean_ttft_ms: 150.5,
    mean_tpot_ms: 25.0,
    ...spec.bench,
  };
  writeFile(logsRoot, `${stem}.json`, JSON.stringify(bench, null, 2));
  const windowPath = writeFile(
    powerDir,
    `windows/${stem}.json`,
    JSON.stringify(
      {
        schema_version: 1,
        clock_source: 'head_node_unix_clock',
        benchmark_type: 'sa-bench',
        concurrency,
        status: 'completed',
        benchmark_start_time_unix: WINDOW_START,
        benchmark_end_time_unix: WINDOW_END,
        duration: WINDOW_END - WINDOW_START,
        reason: null,
        result_path: `${stem}.json`,
      },
      null,
      2,
    ),
  );

  const manifest = {
    schema_version: 1,
    producer: 'srt-slurm.dcgm-power',
    producer_version: '1.0',
    producer_git_commit: PRODUCER_SHA,
    source_metric: 'DCGM_FI_DEV_POWER_USAGE',
    unit: 'W',
    power_scope: 'gpu_device_board_as_reported_by_dcgm',
    timestamp_source: 'head_node_unix_clock',
    sample_interval_seconds: 1.0,
    request_timeout_seconds: 2.0,
    required: true,
    started_at_unix: from - 5,
    stopped_at_unix: to + 5,
    status: 'complete',
    publication_valid: spec.publicationValid ?? true,
    dcgm_exporter: {
      container_image_resolved: '/squash/dcgm-exporter.sqsh',
      container_image_sha256: 'e3b0c442'.repeat(8),
    },
    expected_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      assignments: [{ worker_role: d.role, worker_index: 0, worker_process: 0, het_group: d.het }],
    })),
    observed_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      gpu_uuids: [uuid(d.host, d.gpu)],
      first_sample_time_unix: from,
      last_sample_time_unix: to,
    })),
    expected_windows: [{ benchmark_type: 'sa-bench', concurrency }],
    scrape_count: seq,
    sample_row_count: seq * spec.devices.length,
    window_validations: [
      {
        benchmark_type: 'sa-bench',
        concurrency,
        window_file: `windows/${stem}.json`,
        power_coverage_valid: true,
        reason_codes: [],
        per_device_max_sample_gap_seconds: Object.fromEntries(
          sorted.map((d) => [`${d.host}/${uuid(d.host, d.gpu)}`, 1.0]),
        ),
      },
    ],
    artifact_errors: [],
    reason_codes: [],
  };
  const manifestPath = writeFile(powerDir, 'manifest.json', JSON.stringify(manifest, null, 2));
  return { root, powerDir, logsRoot, bench, manifestPath, samplesPath, windowPath };
}

export function editJson(path: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

/** 2 prefill GPUs on node-p at 500 W and 4 decode GPUs on node-d at 700 W, het groups 0 and 1. */
export const DISAGG_DEVICES: PackageDevice[] = [
  { host: 'node-p', gpu: 0, role: 'prefill', het: 0, watts: 500 },
  { host: 'node-p', gpu: 1, role: 'prefill', het: 0, watts: 500 },
  { host: 'node-d', gpu: 0, role: 'decode', het: 1, watts: 700 },
  { host: 'node-d', gpu: 1, role: 'decode', het: 1, watts: 700 },
  { host: 'node-d', gpu: 2, role: 'decode', het: 1, watts: 700 },
  { host: 'node-d', gpu: 3, role: 'decode', het: 1, watts: 700 },
];

/** One aggregated pool over two nodes: 4 GPUs at 600 W, one plain Slurm job. */
export const AGG_DEVICES: PackageDevice[] = [
  { host: 'node-a', gpu: 0, role: 'agg', het: null, watts: 600 },
  { host: 'node-a', gpu: 1, role: 'agg', het: null, watts: 600 },
  { host: 'node-b', gpu: 0, role: 'agg', het: null, watts: 600 },
  { host: 'node-b', gpu: 1, role: 'agg', het: null, watts: 600 },
];
