import { readBenchWindow, type BenchWindow } from '../core/bench.js';
import type { Finding } from '../core/reasons.js';
import { MAX_JSON_BYTES, readJsonBounded } from './json.js';

/** The benchmark window of a result file, or the findings that say why there is none. */
export async function loadBench(path: string): Promise<{ window?: BenchWindow; findings: Finding[] }> {
  const read = await readJsonBounded(path, MAX_JSON_BYTES, { python: true });
  if (read.error !== undefined) {
    const what = read.failed === 'read' ? 'cannot be read' : 'not valid JSON';
    return { findings: [{ code: 'invalid_benchmark_result', message: `${path}: ${what} (${read.error}).` }] };
  }
  return readBenchWindow(read.value, path);
}
