import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_LABELS,
  parseLabels
} from "./chunk-GDY5Q3FJ.js";
import {
  validateChangelogSchema
} from "./chunk-RBLTMJLN.js";
import {
  AGG_INSIGHTS,
  AGG_RESULT,
  BENCH_RESULT,
  KINDS,
  MAX_SAMPLE_GAP,
  REQUIRE_POWER,
  TELEMETRY_CSV,
  VALIDATION_RESULT,
  VISUALIZER_URL,
  bool,
  num,
  str
} from "./chunk-TZYXUIKV.js";

// src/commands/aggregate.options.ts
var aggregateSchema = {
  mode: "aggregate",
  summary: "Measured GPU power over the benchmark window, patched into the agg JSON.",
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    // Any integer, as the reference takes it: zero or negative gives an audit record (invalid_expected_gpu_count).
    {
      name: "expected-num-gpus",
      kind: KINDS.integer,
      placeholder: "N",
      required: "the node GPU count, TP x PP x PCP",
      help: "GPUs of the node: TP x PP x PCP"
    },
    TELEMETRY_CSV,
    VALIDATION_RESULT,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    AGG_INSIGHTS
  ],
  build: (v) => ({
    csv: str(v, "csv"),
    benchResult: str(v, "bench-result"),
    aggResult: str(v, "agg-result"),
    expectedNumGpus: num(v, "expected-num-gpus"),
    validationResult: str(v, "validation-result"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power"),
    aggInsights: bool(v, "agg-insights")
  })
};

// src/commands/aggregate-multinode.options.ts
var aggregateMultinodeSchema = {
  mode: "aggregate-multinode",
  summary: "Multinode power package (manifest.json, samples.csv, windows/) -> whole-deployment and role energy, patched into the agg JSON.",
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    {
      name: "prefill-gpus",
      kind: KINDS.count,
      placeholder: "N",
      required: "PREFILL_GPUS",
      help: "PREFILL_GPUS (all GPUs of an aggregated run)"
    },
    {
      name: "decode-gpus",
      kind: KINDS.count,
      placeholder: "N",
      required: "DECODE_GPUS, 0 when aggregated",
      help: "DECODE_GPUS (0: aggregated, no decode pool)"
    },
    {
      name: "power-dir",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "power package (default: $POWER_ARTIFACT_DIR or LOGS/power)"
    },
    {
      name: "logs-root",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "where window result_path values resolve (default: $POWER_RESULT_ROOT or LOGS)"
    },
    {
      name: "expected-producer-sha",
      kind: KINDS.string,
      placeholder: "SHA",
      help: "trusted producer commit (default: $POWER_PRODUCER_SHA)"
    },
    VALIDATION_RESULT,
    REQUIRE_POWER
  ],
  build: (v) => ({
    benchResult: str(v, "bench-result"),
    aggResult: str(v, "agg-result"),
    prefillGpus: num(v, "prefill-gpus"),
    decodeGpus: num(v, "decode-gpus"),
    powerDir: str(v, "power-dir"),
    logsRoot: str(v, "logs-root"),
    expectedProducerSha: str(v, "expected-producer-sha"),
    validationResult: str(v, "validation-result"),
    requirePower: bool(v, "require-power")
  })
};

// src/commands/job.options.ts
var days = {
  expected: "a whole number of days from 1 to 90",
  parse: (text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 90 ? Number(text) : void 0
};
var artifactPrefix = {
  expected: 'a prefix without " : < > | * ? \\ / or line breaks',
  parse: (text) => /[":<>|*?\r\n\\/]/.test(text) ? void 0 : text
};
var jobSchema = {
  mode: "job",
  summary: "The per-job step: finds the bench result, telemetry and power package in the job folder, writes or patches the agg JSON, writes the job summary and (in the action) uploads the artifacts (see docs/job-step.md).",
  options: [
    {
      name: "workspace",
      kind: KINDS.string,
      placeholder: "DIR",
      only: "cli",
      help: "the job folder (default: the working folder)"
    },
    {
      name: "gpu-metrics",
      kind: KINDS.string,
      placeholder: "PATH_OR_GLOB",
      help: "telemetry CSV inside the job folder (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)"
    },
    {
      name: "result-filename",
      kind: KINDS.string,
      placeholder: "NAME",
      help: "bench result NAME.json (default: $RESULT_FILENAME, else the one *.json with benchmark_start_time_unix)"
    },
    // Any integer, as in mode aggregate: zero or negative gives the audit record invalid_expected_gpu_count.
    {
      name: "expected-num-gpus",
      kind: KINDS.integer,
      placeholder: "N",
      help: "GPUs of the node, used when the agg JSON exists (default: TP x PP_SIZE x PCP_SIZE)"
    },
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    { ...VISUALIZER_URL, only: "action" },
    {
      name: "upload",
      kind: KINDS.boolean,
      default: "true",
      only: "action",
      help: "upload the bmk_ and power_audit_ artifacts"
    },
    {
      name: "retention-days",
      kind: days,
      placeholder: "DAYS",
      only: "action",
      help: "artifact retention in days (default: the repository setting)"
    },
    {
      name: "artifact-prefix",
      kind: artifactPrefix,
      default: "",
      only: "action",
      help: "prefix for the artifact names"
    }
  ],
  build: (v) => ({
    workspace: str(v, "workspace"),
    gpuMetrics: str(v, "gpu-metrics"),
    resultFilename: str(v, "result-filename"),
    expectedNumGpus: num(v, "expected-num-gpus"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power"),
    visualizerUrl: str(v, "visualizer-url"),
    upload: bool(v, "upload"),
    retentionDays: num(v, "retention-days"),
    artifactPrefix: str(v, "artifact-prefix") ?? ""
  })
};

// src/commands/process-result.options.ts
var processResultSchema = {
  mode: "process-result",
  summary: "Benchmark result + job environment -> agg_<RESULT_FILENAME>.json, then measured power (single node: the telemetry CSV; multinode: the power package). Reads RUNNER_TYPE, FRAMEWORK, PRECISION, SPEC_DECODING, RESULT_FILENAME, ISL, OSL, DISAGG, MODEL_PREFIX, IMAGE, TP/EP_SIZE/DP_ATTENTION or IS_MULTINODE=true with PREFILL_*/DECODE_* (see docs/process-result-env.md).",
  options: [
    {
      name: "result-dir",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "folder of <RESULT_FILENAME>.json and the outputs (default: the working folder)"
    },
    TELEMETRY_CSV,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER
  ],
  build: (v) => ({
    resultDir: str(v, "result-dir"),
    csv: str(v, "csv"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power")
  })
};

// src/commands/report.options.ts
var MAX_THRESHOLD_PERCENT = 1e3;
var PERCENT = {
  expected: `a percentage from 0 to ${MAX_THRESHOLD_PERCENT} such as 5`,
  parse: (text) => {
    const digits = text.trim().replace(/\s*%$/, "");
    return /^\d+(\.\d+)?$/.test(digits) && Number(digits) <= MAX_THRESHOLD_PERCENT ? Number(digits) / 100 : void 0;
  }
};
var BASELINE_HISTORY = {
  expected: "a whole number of runs from 1 to 20",
  parse: (text) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 20 ? Number(text) : void 0
};
var reportSchema = {
  mode: "report",
  summary: "The sweep's power report as markdown, as the pull request comment shows it.",
  options: [
    {
      name: "results",
      kind: KINDS.string,
      placeholder: "DIR_OR_GLOB",
      required: "a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts",
      help: "folder of agg JSONs (searched recursively) or a glob"
    },
    { name: "run-id", kind: KINDS.runId, placeholder: "N", help: "workflow run id for the visualizer links" },
    VISUALIZER_URL,
    {
      name: "out",
      kind: KINDS.string,
      placeholder: "FILE",
      only: "cli",
      help: "write the markdown here instead of stdout"
    },
    {
      name: "comment-key",
      kind: KINDS.string,
      env: "GITHUB_WORKFLOW",
      default: "sweep-power",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: "${{ github.workflow }}",
      only: "action",
      help: "key of the hidden marker that makes the comment sticky"
    },
    {
      name: "labels",
      kind: KINDS.string,
      default: DEFAULT_LABELS.join(", "),
      emptyIsValue: true,
      only: "action",
      help: "comment only on pull requests carrying one of these labels; empty: every pull request"
    },
    {
      name: "github-token",
      kind: KINDS.string,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: "${{ github.token }}",
      only: "action",
      help: "token for the comment"
    },
    {
      name: "pr-number",
      kind: KINDS.positiveInteger,
      placeholder: "N",
      only: "action",
      help: "pull request to comment on when the event does not carry one"
    },
    {
      name: "baseline",
      kind: KINDS.string,
      placeholder: "DIR_OR_GLOB",
      help: "agg JSONs (and their power_validation_* sidecars) to compare with: deltas and regression verdicts; the action also takes `auto` (the base branch's latest successful runs of this workflow)"
    },
    {
      name: "baseline-history",
      kind: BASELINE_HISTORY,
      placeholder: "N",
      default: "5",
      only: "action",
      help: "with baseline auto: how many successful base-branch runs to read; their spread widens the tolerance"
    },
    {
      name: "threshold",
      kind: PERCENT,
      placeholder: "PCT",
      default: "5",
      help: "change in J/output-token (percent) never called a regression or improvement below this"
    },
    {
      name: "fail-on-regression",
      kind: KINDS.boolean,
      default: "false",
      only: "action",
      help: "fail the step when a config regressed beyond its tolerance, after the comment is written"
    },
    {
      name: "comparison",
      kind: KINDS.string,
      placeholder: "FILE",
      only: "cli",
      help: "write every config's comparison as JSON here"
    }
  ],
  build: (v) => ({
    results: str(v, "results"),
    runId: str(v, "run-id"),
    visualizerUrl: str(v, "visualizer-url"),
    out: str(v, "out"),
    commentKey: str(v, "comment-key"),
    labels: v.labels === void 0 ? void 0 : parseLabels(str(v, "labels")),
    token: str(v, "github-token"),
    prNumber: num(v, "pr-number"),
    baseline: str(v, "baseline"),
    baselineHistory: num(v, "baseline-history"),
    threshold: num(v, "threshold"),
    failOnRegression: bool(v, "fail-on-regression"),
    comparison: str(v, "comparison")
  })
};

// src/commands/modes.ts
var SCHEMAS = {
  job: jobSchema,
  aggregate: aggregateSchema,
  "process-result": processResultSchema,
  "aggregate-multinode": aggregateMultinodeSchema,
  report: reportSchema,
  "validate-changelog": validateChangelogSchema
};
var MODES = Object.keys(SCHEMAS);
var isMode = (name) => Object.hasOwn(SCHEMAS, name);
var ACTION_INPUTS = [
  {
    name: "mode",
    kind: { expected: `one of: ${MODES.join(", ")}`, parse: (text) => isMode(text) ? text : void 0 },
    default: "job",
    help: "what to run"
  }
];

export {
  aggregateSchema,
  aggregateMultinodeSchema,
  jobSchema,
  processResultSchema,
  reportSchema,
  SCHEMAS,
  MODES,
  isMode,
  ACTION_INPUTS
};
//# sourceMappingURL=chunk-G6SXSBS5.js.map
