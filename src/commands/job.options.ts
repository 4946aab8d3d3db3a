import type { JobOptions } from './job.js';
import {
  bool,
  KINDS,
  MAX_SAMPLE_GAP,
  num,
  REQUIRE_POWER,
  str,
  VISUALIZER_URL,
  type ModeSchema,
  type OptionKind,
} from './options.js';

/** The job's options; the workspace comes from the entry (the CLI's --workspace, the action's GITHUB_WORKSPACE). */
export type JobInput = Omit<JobOptions, 'workspace' | 'env' | 'runId' | 'uploader'> & { workspace?: string };

const days: OptionKind = {
  expected: 'a whole number of days from 1 to 90',
  parse: (text) => (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 90 ? Number(text) : undefined),
};
const artifactPrefix: OptionKind = {
  expected: 'a prefix without " : < > | * ? \\ / or line breaks',
  parse: (text) => (/[":<>|*?\r\n\\/]/.test(text) ? undefined : text),
};

export const jobSchema: ModeSchema<JobInput> = {
  mode: 'job',
  summary:
    'The per-job step: finds the bench result, telemetry and power package in the job folder, writes or patches the agg JSON, writes the job summary and (in the action) uploads the artifacts (see docs/job-step.md).',
  options: [
    {
      name: 'workspace',
      kind: KINDS.string,
      placeholder: 'DIR',
      only: 'cli',
      help: 'the job folder (default: the working folder)',
    },
    {
      name: 'gpu-metrics',
      kind: KINDS.string,
      placeholder: 'PATH_OR_GLOB',
      help: 'telemetry CSV inside the job folder (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)',
    },
    {
      name: 'result-filename',
      kind: KINDS.string,
      placeholder: 'NAME',
      help: 'bench result NAME.json (default: $RESULT_FILENAME, else the one *.json with benchmark_start_time_unix)',
    },
    // Any integer, as in mode aggregate: zero or negative gives the audit record invalid_expected_gpu_count.
    {
      name: 'expected-num-gpus',
      kind: KINDS.integer,
      placeholder: 'N',
      help: 'GPUs of the node, used when the agg JSON exists (default: TP x PP_SIZE x PCP_SIZE)',
    },
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    { ...VISUALIZER_URL, only: 'action' },
    {
      name: 'upload',
      kind: KINDS.boolean,
      default: 'true',
      only: 'action',
      help: 'upload the bmk_ and power_audit_ artifacts',
    },
    {
      name: 'retention-days',
      kind: days,
      placeholder: 'DAYS',
      only: 'action',
      help: 'artifact retention in days (default: the repository setting)',
    },
    {
      name: 'artifact-prefix',
      kind: artifactPrefix,
      default: '',
      only: 'action',
      help: 'prefix for the artifact names',
    },
  ],
  build: (v) => ({
    workspace: str(v, 'workspace'),
    gpuMetrics: str(v, 'gpu-metrics'),
    resultFilename: str(v, 'result-filename'),
    expectedNumGpus: num(v, 'expected-num-gpus'),
    maxSampleGapS: num(v, 'max-sample-gap'),
    requirePower: bool(v, 'require-power'),
    visualizerUrl: str(v, 'visualizer-url'),
    upload: bool(v, 'upload'),
    retentionDays: num(v, 'retention-days'),
    artifactPrefix: str(v, 'artifact-prefix') ?? '',
  }),
};
