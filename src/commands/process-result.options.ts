import type { ProcessResultOptions } from './process-result.js';
import { bool, MAX_SAMPLE_GAP, num, REQUIRE_POWER, str, TELEMETRY_CSV, KINDS, type ModeSchema } from './options.js';

export type ProcessResultInput = Omit<ProcessResultOptions, 'cwd' | 'env' | 'resultFilename' | 'powerDir' | 'logsRoot'>;

export const processResultSchema: ModeSchema<ProcessResultInput> = {
  mode: 'process-result',
  summary:
    'Benchmark result + job environment -> agg_<RESULT_FILENAME>.json, then measured power (single node: the telemetry CSV; multinode: the power package). Reads RUNNER_TYPE, FRAMEWORK, PRECISION, SPEC_DECODING, RESULT_FILENAME, ISL, OSL, DISAGG, MODEL_PREFIX, IMAGE, TP/EP_SIZE/DP_ATTENTION or IS_MULTINODE=true with PREFILL_*/DECODE_* (see docs/process-result-env.md).',
  options: [
    {
      name: 'result-dir',
      kind: KINDS.string,
      placeholder: 'DIR',
      help: 'folder of <RESULT_FILENAME>.json and the outputs (default: the working folder)',
    },
    TELEMETRY_CSV,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
  ],
  build: (v) => ({
    resultDir: str(v, 'result-dir'),
    csv: str(v, 'csv'),
    maxSampleGapS: num(v, 'max-sample-gap'),
    requirePower: bool(v, 'require-power'),
  }),
};
