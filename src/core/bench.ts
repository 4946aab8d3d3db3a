import type { Finding } from './reasons.js';

/** Benchmark fields that define the measured window and normalise energy. */
export interface BenchWindow {
  startUnix: number;
  endUnix: number;
  reportedDurationS: number;
  completed: number;
  totalInputTokens: number;
  totalOutputTokens: number;
  /** `max_concurrency` of the benchmark client, when it records one: the run is concurrency-bound. */
  maxConcurrency?: number;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function positiveCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * Reads the window and token counts from a parsed benchmark result. The window is fatal when
 * missing; bad token counts are findings that still let power be measured for the audit.
 */
export function readBenchWindow(bench: unknown, source: string): { window?: BenchWindow; findings: Finding[] } {
  if (typeof bench !== 'object' || bench === null || Array.isArray(bench)) {
    return {
      findings: [
        { code: 'invalid_benchmark_result', message: `${source}: the benchmark result is not a JSON object.` },
      ],
    };
  }
  const b = bench as Record<string, unknown>;
  const start = b.benchmark_start_time_unix;
  const end = b.benchmark_end_time_unix;
  const duration = b.duration;
  // end - start must itself be finite: -1e308..1e308 would make every rate 0 or NaN.
  if (
    !isNumber(start) ||
    !isNumber(end) ||
    !isNumber(duration) ||
    end <= start ||
    duration <= 0 ||
    !Number.isFinite(end - start)
  ) {
    return {
      findings: [
        {
          code: 'invalid_benchmark_window',
          message: `${source}: benchmark_start_time_unix (${show(start)}), benchmark_end_time_unix (${show(end)}) and duration (${show(duration)}) must be numbers with end > start and duration > 0. Use a benchmark client that records the window.`,
        },
      ],
    };
  }
  const findings: Finding[] = [];
  const integrationDuration = end - start;
  const tolerance = Math.max(0.5, integrationDuration * 0.01);
  if (Math.abs(duration - integrationDuration) > tolerance) {
    findings.push({
      code: 'benchmark_duration_mismatch',
      message: `${source}: duration ${duration} s differs from end - start = ${integrationDuration} s by more than ${tolerance} s.`,
    });
  }
  const count = (key: string, code: string): number => {
    const value = b[key];
    if (positiveCount(value)) return value;
    findings.push({
      code,
      message: `${source}: ${key} is ${show(value)}; a positive integer is needed to normalise energy.`,
    });
    return 0;
  };
  const completed = count('completed', 'invalid_successful_query_count');
  const totalInputTokens = count('total_input_tokens', 'invalid_input_token_count');
  const totalOutputTokens = count('total_output_tokens', 'invalid_output_token_count');
  // Advisory (energy per user only): an unusable value leaves the figure out instead of failing the run.
  const maxConcurrency = positiveCount(b.max_concurrency) ? b.max_concurrency : undefined;
  return {
    window: {
      startUnix: start,
      endUnix: end,
      reportedDurationS: duration,
      completed,
      totalInputTokens,
      totalOutputTokens,
      ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
    },
    findings,
  };
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
