import { describe, expect, it } from 'vitest';
import { checkWindowResult, parseWindow, scanWindows, type WindowEntry } from '../../../src/core/multinode/index.js';

const payload = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema_version: 1,
  clock_source: 'head_node_unix_clock',
  benchmark_type: 'sa-bench',
  concurrency: 4,
  status: 'completed',
  benchmark_start_time_unix: 1000,
  benchmark_end_time_unix: 1010,
  duration: 10,
  reason: null,
  result_path: 'r.json',
  ...over,
});
const entry = (name: string, over: Partial<WindowEntry> = {}, body = payload({ result_path: name })): WindowEntry => ({
  name,
  isPlainFile: true,
  readable: true,
  payload: body,
  resultPathStaysBelow: true,
  ...over,
});

describe('scanWindows', () => {
  it('refuses every copy of a duplicated window and any entry that is not a plain file', () => {
    const scan = scanWindows('inside', [entry('a.json'), entry('b.json'), entry('c.json', { isPlainFile: false })]);
    expect(scan.parsed.size).toBe(0);
    expect(scan.artifactErrors).toEqual([
      { path: 'windows/a.json', reason_codes: ['measurement_window_duplicate'] },
      { path: 'windows/b.json', reason_codes: ['measurement_window_duplicate'] },
      { path: 'windows/c.json', reason_codes: ['measurement_window_artifact_path_invalid'] },
    ]);
  });

  it('names a windows folder that leaves the package, and an unreadable or escaping file', () => {
    expect(scanWindows('escapes', [entry('a.json')]).artifactErrors).toEqual([
      { path: 'windows', reason_codes: ['measurement_window_artifact_path_invalid'] },
    ]);
    const scan = scanWindows('inside', [
      entry('a.json', { readable: false }),
      entry('b.json', { resultPathStaysBelow: false }),
    ]);
    expect(scan.artifactErrors.map((e) => e.reason_codes[0])).toEqual([
      'measurement_window_malformed',
      'measurement_window_result_path_invalid',
    ]);
  });
});

describe('parseWindow / checkWindowResult', () => {
  it('refuses a result path with ".." and one whose stem differs from the window file', () => {
    expect(parseWindow(payload({ result_path: '../r.json' }), 'r.json', () => true).reason).toBe(
      'measurement_window_result_path_invalid',
    );
    expect(parseWindow(payload({ result_path: 'other.json' }), 'r.json', () => true).reason).toBe(
      'measurement_window_result_path_invalid',
    );
  });

  it('judges the clock: wall time 10 s against a stated duration beyond max(0.5 s, 1 %)', () => {
    const window = parseWindow(payload(), 'r.json', () => true).window!;
    const result = { benchmark_start_time_unix: 1000, benchmark_end_time_unix: 1010, duration: 10 };
    expect(checkWindowResult(window, result)).toEqual([]);
    const stretched = parseWindow(payload({ duration: 10.6 }), 'r.json', () => true).window!;
    expect(checkWindowResult(stretched, { ...result, duration: 10.6 })).toEqual(['measurement_window_clock_mismatch']);
    expect(checkWindowResult(window, undefined)).toEqual(['measurement_window_result_missing']);
  });
});
