import {
  parseSampleRow,
  SampleTable,
  scanWindows,
  type PackageFiles,
  type WindowEntry,
} from '../../../src/core/multinode/index.js';

/** An in-memory v1 package for the pure audit: devices sampled every second from 998 to 1012. */
export interface Device {
  host: string;
  gpu: number;
  role: 'prefill' | 'decode' | 'agg';
  het: number | null;
  watts: number;
}

export const SHA = 'b'.repeat(40);
export const BENCH = {
  max_concurrency: 4,
  benchmark_start_time_unix: 1000,
  benchmark_end_time_unix: 1010,
  duration: 10,
  completed: 40,
  total_input_tokens: 40_000,
  total_output_tokens: 20_000,
};
export const BENCH_WINDOW = {
  startUnix: 1000,
  endUnix: 1010,
  reportedDurationS: 10,
  completed: 40,
  totalInputTokens: 40_000,
  totalOutputTokens: 20_000,
};

const uuid = (d: Device): string => `GPU-${d.host}-${d.gpu}`;

export function packageFiles(
  devices: Device[],
  edit: (manifest: Record<string, unknown>) => void = () => {},
): PackageFiles {
  const sorted = [...devices].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.gpu - b.gpu));
  const table = new SampleTable();
  let seq = 0;
  for (let t = 998; t <= 1012; t += 1, seq += 1) {
    for (const d of devices)
      table.add(parseSampleRow(['1', String(t), String(seq), d.host, String(d.gpu), uuid(d), String(d.watts)])!);
  }
  const window = {
    schema_version: 1,
    clock_source: 'head_node_unix_clock',
    benchmark_type: 'sa-bench',
    concurrency: 4,
    status: 'completed',
    benchmark_start_time_unix: 1000,
    benchmark_end_time_unix: 1010,
    duration: 10,
    reason: null,
    result_path: 'orig.json',
  };
  const entries: WindowEntry[] = [
    { name: 'orig.json', isPlainFile: true, readable: true, payload: window, resultPathStaysBelow: true },
  ];
  const manifest: Record<string, unknown> = {
    schema_version: 1,
    producer: 'srt-slurm.dcgm-power',
    producer_git_commit: SHA,
    source_metric: 'DCGM_FI_DEV_POWER_USAGE',
    unit: 'W',
    power_scope: 'gpu_device_board_as_reported_by_dcgm',
    timestamp_source: 'head_node_unix_clock',
    sample_interval_seconds: 1.0,
    request_timeout_seconds: 2.0,
    required: true,
    started_at_unix: 990,
    stopped_at_unix: 1020,
    status: 'complete',
    publication_valid: true,
    dcgm_exporter: { container_image_resolved: '/squash/dcgm.sqsh', container_image_sha256: 'c'.repeat(64) },
    expected_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      assignments: [{ worker_role: d.role, worker_index: 0, worker_process: 0, het_group: d.het }],
    })),
    observed_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      gpu_uuids: [uuid(d)],
      first_sample_time_unix: 998,
      last_sample_time_unix: 1012,
    })),
    expected_windows: [{ benchmark_type: 'sa-bench', concurrency: 4 }],
    scrape_count: seq,
    sample_row_count: seq * devices.length,
    window_validations: [
      {
        benchmark_type: 'sa-bench',
        concurrency: 4,
        window_file: 'windows/orig.json',
        power_coverage_valid: true,
        reason_codes: [],
        per_device_max_sample_gap_seconds: Object.fromEntries(sorted.map((d) => [`${d.host}/${uuid(d)}`, 1.0])),
      },
    ],
    artifact_errors: [],
    reason_codes: [],
  };
  edit(manifest);
  return {
    powerDir: '/pkg',
    manifestPath: '/pkg/manifest.json',
    samplesPath: '/pkg/samples.csv',
    manifest,
    samples: { summary: table.summarise(), reasons: [] },
    windows: scanWindows('inside', entries),
    originals: new Map([['orig.json', { path: '/logs/orig.json', value: BENCH }]]),
    processed: { value: { ...BENCH } },
  };
}

/** 2 prefill GPUs at 500 W (het group 0) and 4 decode GPUs at 700 W (het group 1). */
export const DISAGG: Device[] = [
  { host: 'node-p', gpu: 0, role: 'prefill', het: 0, watts: 500 },
  { host: 'node-p', gpu: 1, role: 'prefill', het: 0, watts: 500 },
  ...[0, 1, 2, 3].map((gpu) => ({ host: 'node-d', gpu, role: 'decode' as const, het: 1, watts: 700 })),
];
