import type { AggregateOptions } from './aggregate.js';
import {
  AGG_INSIGHTS,
  AGG_RESULT,
  BENCH_RESULT,
  bool,
  KINDS,
  MAX_SAMPLE_GAP,
  num,
  REQUIRE_POWER,
  str,
  TELEMETRY_CSV,
  VALIDATION_RESULT,
  type ModeSchema,
} from './options.js';

export type AggregateInput = Omit<AggregateOptions, 'cwd' | 'env'>;

export const aggregateSchema: ModeSchema<AggregateInput> = {
  mode: 'aggregate',
  summary: 'Measured GPU power over the benchmark window, patched into the agg JSON.',
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    // Any integer, as the reference takes it: zero or negative gives an audit record (invalid_expected_gpu_count).
    {
      name: 'expected-num-gpus',
      kind: KINDS.integer,
      placeholder: 'N',
      required: 'the node GPU count, TP x PP x PCP',
      help: 'GPUs of the node: TP x PP x PCP',
    },
    TELEMETRY_CSV,
    VALIDATION_RESULT,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    AGG_INSIGHTS,
  ],
  build: (v) => ({
    csv: str(v, 'csv'),
    benchResult: str(v, 'bench-result') as string,
    aggResult: str(v, 'agg-result') as string,
    expectedNumGpus: num(v, 'expected-num-gpus') as number,
    validationResult: str(v, 'validation-result'),
    maxSampleGapS: num(v, 'max-sample-gap'),
    requirePower: bool(v, 'require-power'),
    aggInsights: bool(v, 'agg-insights'),
  }),
};
