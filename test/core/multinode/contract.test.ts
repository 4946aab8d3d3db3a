import { describe, expect, it } from 'vitest';
import {
  checkWireContract,
  deviceKey,
  ManifestError,
  multinodeGapNote,
  PACKAGE_MAX_SAMPLE_GAP_S,
  parseExpectedDevices,
  parseExpectedWindows,
  show,
} from '../../../src/core/multinode/contract.js';

/** A terminal manifest that keeps the v1 contract. */
function manifest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: 1,
    producer: 'srt-slurm.dcgm-power',
    source_metric: 'DCGM_FI_DEV_POWER_USAGE',
    unit: 'W',
    power_scope: 'gpu_device_board_as_reported_by_dcgm',
    timestamp_source: 'head_node_unix_clock',
    status: 'complete',
    started_at_unix: 1000,
    stopped_at_unix: 2000,
    sample_interval_seconds: 1,
    request_timeout_seconds: 2,
    scrape_count: 10,
    sample_row_count: 80,
    required: true,
    reason_codes: [],
    dcgm_exporter: { container_image_resolved: 'nvcr.io/nvidia/k8s/dcgm-exporter@sha256:ab' },
    ...over,
  };
}

const device = (over: Record<string, unknown> = {}, assignment: Record<string, unknown> = {}) => ({
  hostname: 'node-1',
  gpu_index: 0,
  assignments: [{ worker_role: 'prefill', worker_index: 0, worker_process: 0, het_group: 0, ...assignment }],
  ...over,
});

function manifestError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('no ManifestError');
}

describe('multinodeGapNote', () => {
  it('says nothing when no gap was asked for or it is the package limit', () => {
    expect(PACKAGE_MAX_SAMPLE_GAP_S).toBe(3);
    expect(multinodeGapNote(undefined)).toBeUndefined();
    expect(multinodeGapNote(3)).toBeUndefined();
  });

  it('says that another gap limit does not apply to a package', () => {
    expect(multinodeGapNote(5)).toBe(
      'sweep-power: the maximum sample gap of 5 s applies to single-node telemetry only; a multinode power package is checked against its own 3 s limit.',
    );
    expect(multinodeGapNote(0.5)).toContain('the maximum sample gap of 0.5 s');
  });
});

describe('show', () => {
  it('writes a value as JSON, "missing" for undefined, and cuts at 60 characters', () => {
    expect(show(undefined)).toBe('missing');
    expect(show('x')).toBe('"x"');
    expect(show(null)).toBe('null');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show(() => 1)).toBe('() => 1');
    // '"' + 58 letters + '"' is 60 characters: shown whole; one more letter is cut to 57 + '...'.
    expect(show('y'.repeat(58))).toBe(`"${'y'.repeat(58)}"`);
    expect(show('y'.repeat(59))).toBe(`"${'y'.repeat(56)}...`);
  });
});

describe('deviceKey', () => {
  it('joins host and index with a character no hostname holds', () => {
    expect(deviceKey('node-1', 3)).toBe('node-1\u00003');
    // 'a1' + 2 and 'a' + 12 would collide without a separator.
    expect(deviceKey('a1', 2)).not.toBe(deviceKey('a', 12));
  });
});

describe('parseExpectedDevices', () => {
  it('reads each device with its roles and het groups', () => {
    const devices = parseExpectedDevices(
      manifest({
        expected_devices: [
          device(),
          device(
            { hostname: 'node-2', gpu_index: 7 },
            { worker_role: 'decode', worker_index: 1, worker_process: 3, het_group: undefined },
          ),
          {
            hostname: 'node-3',
            gpu_index: 0,
            assignments: [
              { worker_role: 'agg', worker_index: 0, worker_process: 0, het_group: null },
              { worker_role: 'decode', worker_index: 2, worker_process: 0, het_group: 4 },
            ],
          },
        ],
      }),
    );
    expect(devices).toEqual([
      { hostname: 'node-1', gpuIndex: 0, roles: ['prefill'], hetGroups: [0] },
      { hostname: 'node-2', gpuIndex: 7, roles: ['decode'], hetGroups: [null] },
      { hostname: 'node-3', gpuIndex: 0, roles: ['agg', 'decode'], hetGroups: [null, 4] },
    ]);
  });

  it('reads a manifest without expected devices as none', () => {
    expect(parseExpectedDevices(manifest())).toEqual([]);
    expect(parseExpectedDevices(manifest({ expected_devices: null }))).toEqual([]);
  });

  it.each([
    [{ expected_devices: { 0: {} } }, 'expected_devices is not a list: {"0":{}}'],
    [{ expected_devices: [device(), 'node-2'] }, 'expected_devices[1] is not an object'],
    [{ expected_devices: [null] }, 'expected_devices[0] is not an object'],
    [{ expected_devices: [device({ assignments: [] })] }, 'expected_devices[0].assignments is not a non-empty list'],
    [{ expected_devices: [device({ assignments: {} })] }, 'expected_devices[0].assignments is not a non-empty list'],
    [
      { expected_devices: [device({}, { worker_role: 'router' })] },
      'expected_devices[0] worker_role is not one of prefill/decode/agg: "router"',
    ],
    [
      { expected_devices: [device({ assignments: ['prefill'] })] },
      'expected_devices[0] worker_role is not one of prefill/decode/agg: missing',
    ],
    [
      { expected_devices: [device({}, { worker_index: -1 })] },
      'expected_devices[0] worker_index is not an integer >= 0: -1',
    ],
    [
      { expected_devices: [device({}, { worker_process: 1.5 })] },
      'expected_devices[0] worker_process is not an integer >= 0: 1.5',
    ],
    [
      { expected_devices: [device({}, { worker_process: undefined })] },
      'expected_devices[0] worker_process is not an integer >= 0: missing',
    ],
    [{ expected_devices: [device({}, { het_group: -1 })] }, 'expected_devices[0] het_group is not an integer >= 0: -1'],
    [
      { expected_devices: [device({}, { het_group: '0' })] },
      'expected_devices[0] het_group is not an integer >= 0: "0"',
    ],
    [{ expected_devices: [device({ hostname: '' })] }, 'expected_devices[0].hostname is not a non-empty string'],
    [{ expected_devices: [device({ hostname: 5 })] }, 'expected_devices[0].hostname is not a non-empty string'],
    [{ expected_devices: [device({ gpu_index: '0' })] }, 'expected_devices[0].gpu_index is not an integer >= 0: "0"'],
    [{ expected_devices: [device({ gpu_index: -1 })] }, 'expected_devices[0].gpu_index is not an integer >= 0: -1'],
  ])('refuses %j', (over, message) => {
    expect(manifestError(() => parseExpectedDevices(manifest(over)))).toBe(message);
  });

  it('accepts index 0 and het group 0, the smallest allowed', () => {
    expect(parseExpectedDevices(manifest({ expected_devices: [device({ gpu_index: 0 }, { het_group: 0 })] }))).toEqual([
      { hostname: 'node-1', gpuIndex: 0, roles: ['prefill'], hetGroups: [0] },
    ]);
  });
});

describe('parseExpectedWindows', () => {
  it('reads each window type and concurrency', () => {
    expect(
      parseExpectedWindows(
        manifest({
          expected_windows: [
            { benchmark_type: 'sa-bench', concurrency: 1 },
            { benchmark_type: 'sa-bench', concurrency: 64, extra: true },
          ],
        }),
      ),
    ).toEqual([
      { benchmarkType: 'sa-bench', concurrency: 1 },
      { benchmarkType: 'sa-bench', concurrency: 64 },
    ]);
    expect(parseExpectedWindows(manifest())).toEqual([]);
  });

  it.each([
    [{ expected_windows: 'sa-bench' }, 'expected_windows is not a list: "sa-bench"'],
    [{ expected_windows: [null] }, 'expected_windows[0].benchmark_type is not a non-empty string'],
    [
      { expected_windows: [{ benchmark_type: '', concurrency: 1 }] },
      'expected_windows[0].benchmark_type is not a non-empty string',
    ],
    [
      {
        expected_windows: [
          { benchmark_type: 'a', concurrency: 1 },
          { benchmark_type: 'a', concurrency: 0 },
        ],
      },
      'expected_windows[1].concurrency is not an integer >= 1: 0',
    ],
    [
      { expected_windows: [{ benchmark_type: 'a', concurrency: 2.5 }] },
      'expected_windows[0].concurrency is not an integer >= 1: 2.5',
    ],
    [
      { expected_windows: [{ benchmark_type: 'a' }] },
      'expected_windows[0].concurrency is not an integer >= 1: missing',
    ],
  ])('refuses %j', (over, message) => {
    expect(manifestError(() => parseExpectedWindows(manifest(over)))).toBe(message);
  });
});

describe('checkWireContract', () => {
  it('passes a complete v1 manifest', () => {
    expect(checkWireContract(manifest())).toEqual([]);
  });

  it.each([
    ['producer', 'srt-slurm.other', 'manifest producer is "srt-slurm.other", expected "srt-slurm.dcgm-power"'],
    ['source_metric', undefined, 'manifest source_metric is missing, expected "DCGM_FI_DEV_POWER_USAGE"'],
    ['unit', 'mW', 'manifest unit is "mW", expected "W"'],
    ['power_scope', 'gpu', 'manifest power_scope is "gpu", expected "gpu_device_board_as_reported_by_dcgm"'],
    ['timestamp_source', 'local', 'manifest timestamp_source is "local", expected "head_node_unix_clock"'],
    ['schema_version', '1', 'manifest schema_version is "1", expected 1'],
    ['status', 'running', 'manifest status is "running", expected "complete"'],
    ['started_at_unix', '1000', 'manifest started_at_unix is not a finite number'],
    ['stopped_at_unix', null, 'manifest stopped_at_unix is not a finite number in a terminal manifest'],
    ['sample_interval_seconds', 0, 'manifest sample_interval_seconds is not finite and positive'],
    ['request_timeout_seconds', -1, 'manifest request_timeout_seconds is not finite and positive'],
    ['scrape_count', -1, 'manifest scrape_count is not a non-negative integer'],
    ['sample_row_count', 1.5, 'manifest sample_row_count is not a non-negative integer'],
    ['required', 'true', 'manifest required is "true", expected a boolean'],
    ['reason_codes', ['ok', 1], 'manifest reason_codes is not a list of strings'],
    ['reason_codes', null, 'manifest reason_codes is not a list of strings'],
    ['dcgm_exporter', ['image'], 'manifest dcgm_exporter is not an object'],
    ['dcgm_exporter', null, 'manifest dcgm_exporter is not an object'],
    ['dcgm_exporter', { container_image_resolved: '' }, 'manifest dcgm_exporter.container_image_resolved is empty'],
  ])('names %s = %j', (key, value, failure) => {
    expect(checkWireContract(manifest({ [key]: value }))).toEqual([failure]);
  });

  it('accepts zero scrapes and rows, and a manifest that is not required', () => {
    expect(checkWireContract(manifest({ scrape_count: 0, sample_row_count: 0, required: false }))).toEqual([]);
  });

  it('refuses fatal lifecycle reasons in a complete manifest, sorted and once each', () => {
    expect(
      checkWireContract(
        manifest({
          reason_codes: ['collector_interrupted', 'exporter_exited', 'collector_interrupted', 'window_skipped'],
        }),
      ),
    ).toEqual(['complete manifest carries lifecycle-failure reasons: collector_interrupted, exporter_exited']);
    for (const fatal of ['collector_exception', 'collector_join_timeout', 'benchmark_child_reap_timeout']) {
      expect(checkWireContract(manifest({ reason_codes: [fatal], required: false }))).toEqual([
        `complete manifest carries lifecycle-failure reasons: ${fatal}`,
      ]);
    }
  });

  it('refuses a startup failure only when power was required', () => {
    const startup = ['exporter_startup_timeout', 'exporter_launch_failed', 'endpoint_resolution_failed'];
    expect(checkWireContract(manifest({ reason_codes: startup, required: false }))).toEqual([]);
    expect(checkWireContract(manifest({ reason_codes: startup, required: true }))).toEqual([
      'complete manifest carries lifecycle-failure reasons: endpoint_resolution_failed, exporter_launch_failed, exporter_startup_timeout',
    ]);
    // A required flag that is not true does not make a startup failure fatal; it is a failure of its own.
    expect(checkWireContract(manifest({ reason_codes: startup, required: 'yes' }))).toEqual([
      'manifest required is "yes", expected a boolean',
    ]);
  });

  it('lists every failure of an empty manifest', () => {
    // 6 wire fields; status, started, stopped; 2 durations; 2 counts; required, reason_codes, dcgm_exporter.
    expect(checkWireContract({})).toHaveLength(6 + 3 + 2 + 2 + 3);
  });
});
