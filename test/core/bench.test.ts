import { describe, expect, it } from 'vitest';
import { readBenchWindow } from '../../src/core/bench.js';

const GOOD = {
  benchmark_start_time_unix: 1000,
  benchmark_end_time_unix: 1060,
  duration: 60,
  completed: 640,
  total_input_tokens: 64_000,
  total_output_tokens: 30_000,
};

describe('readBenchWindow', () => {
  it('reads the window and the counts of a well-formed result', () => {
    const { window, findings } = readBenchWindow(GOOD, 'bench.json');
    expect(findings).toEqual([]);
    expect(window).toEqual({
      startUnix: 1000,
      endUnix: 1060,
      reportedDurationS: 60,
      completed: 640,
      totalInputTokens: 64_000,
      totalOutputTokens: 30_000,
    });
  });

  it('refuses what is not an object', () => {
    for (const bench of [null, [], 'x', 3]) {
      const { window, findings } = readBenchWindow(bench, 'bench.json');
      expect(window).toBeUndefined();
      expect(findings.map((f) => f.code)).toEqual(['invalid_benchmark_result']);
      expect(findings[0]?.message).toContain('bench.json');
    }
  });

  it('refuses a window that is missing, reversed, empty or overflowing', () => {
    const cases: Record<string, unknown>[] = [
      { ...GOOD, benchmark_start_time_unix: undefined },
      { ...GOOD, benchmark_end_time_unix: 1000 },
      { ...GOOD, benchmark_end_time_unix: 900 },
      { ...GOOD, duration: 0 },
      { ...GOOD, duration: '60' },
      { ...GOOD, benchmark_start_time_unix: -1e308, benchmark_end_time_unix: 1e308 },
    ];
    for (const bench of cases) {
      const { window, findings } = readBenchWindow(bench, 'bench.json');
      expect(window).toBeUndefined();
      expect(findings.map((f) => f.code)).toEqual(['invalid_benchmark_window']);
    }
    expect(readBenchWindow(cases[0], 'b.json').findings[0]?.message).toContain('benchmark_start_time_unix (missing)');
  });

  it('flags a reported duration off by more than max(0.5 s, 1 %) of end - start', () => {
    // 60 s window: the tolerance is 0.6 s, so 60.5 passes and 60.7 does not.
    expect(readBenchWindow({ ...GOOD, duration: 60.5 }, 'b.json').findings).toEqual([]);
    expect(readBenchWindow({ ...GOOD, duration: 60.7 }, 'b.json').findings.map((f) => f.code)).toEqual([
      'benchmark_duration_mismatch',
    ]);
    // 10 s window: 1 % is 0.1 s, so the 0.5 s floor applies and 10.4 passes.
    const short = { ...GOOD, benchmark_end_time_unix: 1010, duration: 10.4 };
    expect(readBenchWindow(short, 'b.json').findings).toEqual([]);
  });

  it('keeps the window when a count is bad, with one finding per count and 0 in its place', () => {
    const { window, findings } = readBenchWindow(
      { ...GOOD, completed: 0, total_input_tokens: 1.5, total_output_tokens: undefined },
      'b.json',
    );
    expect(window).toMatchObject({
      startUnix: 1000,
      endUnix: 1060,
      completed: 0,
      totalInputTokens: 0,
      totalOutputTokens: 0,
    });
    expect(findings.map((f) => f.code)).toEqual([
      'invalid_successful_query_count',
      'invalid_input_token_count',
      'invalid_output_token_count',
    ]);
    expect(findings[2]?.message).toBe(
      'b.json: total_output_tokens is missing; a positive integer is needed to normalise energy.',
    );
  });
});
