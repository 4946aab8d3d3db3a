import type { AggregateMultinodeOptions } from './aggregate-multinode.js';
import {
  AGG_RESULT,
  BENCH_RESULT,
  bool,
  KINDS,
  num,
  REQUIRE_POWER,
  str,
  VALIDATION_RESULT,
  type ModeSchema,
} from './options.js';

export type AggregateMultinodeInput = Omit<AggregateMultinodeOptions, 'cwd' | 'env'>;

export const aggregateMultinodeSchema: ModeSchema<AggregateMultinodeInput> = {
  mode: 'aggregate-multinode',
  summary:
    'Multinode power package (manifest.json, samples.csv, windows/) -> whole-deployment and role energy, patched into the agg JSON.',
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    {
      name: 'prefill-gpus',
      kind: KINDS.count,
      placeholder: 'N',
      required: 'PREFILL_GPUS',
      help: 'PREFILL_GPUS (all GPUs of an aggregated run)',
    },
    {
      name: 'decode-gpus',
      kind: KINDS.count,
      placeholder: 'N',
      required: 'DECODE_GPUS, 0 when aggregated',
      help: 'DECODE_GPUS (0: aggregated, no decode pool)',
    },
    {
      name: 'power-dir',
      kind: KINDS.string,
      placeholder: 'DIR',
      help: 'power package (default: $POWER_ARTIFACT_DIR or LOGS/power)',
    },
    {
      name: 'logs-root',
      kind: KINDS.string,
      placeholder: 'DIR',
      help: 'where window result_path values resolve (default: $POWER_RESULT_ROOT or LOGS)',
    },
    {
      name: 'expected-producer-sha',
      kind: KINDS.string,
      placeholder: 'SHA',
      help: 'trusted producer commit (default: $POWER_PRODUCER_SHA)',
    },
    VALIDATION_RESULT,
    REQUIRE_POWER,
  ],
  build: (v) => ({
    benchResult: str(v, 'bench-result') as string,
    aggResult: str(v, 'agg-result') as string,
    prefillGpus: num(v, 'prefill-gpus') as number,
    decodeGpus: num(v, 'decode-gpus') as number,
    powerDir: str(v, 'power-dir'),
    logsRoot: str(v, 'logs-root'),
    expectedProducerSha: str(v, 'expected-producer-sha'),
    validationResult: str(v, 'validation-result'),
    requirePower: bool(v, 'require-power'),
  }),
};
