import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  safeUrl
} from "./chunk-XKQWIWGY.js";
import {
  DEFAULT_MAX_SAMPLE_GAP_S
} from "./chunk-IPYRE2BI.js";

// src/commands/options.ts
function parseBoolean(text) {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "true" || value === "yes" || value === "1") return true;
  if (value === "false" || value === "no" || value === "0") return false;
  return void 0;
}
function integer(min, max = Number.MAX_SAFE_INTEGER) {
  return (text) => {
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) return void 0;
    const n = Number(trimmed);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : void 0;
  };
}
var KINDS = {
  string: { expected: "a value", parse: (text) => text },
  boolean: { expected: "true or false (also yes/no, 1/0)", parse: parseBoolean, boolean: true },
  integer: { expected: "an integer", parse: integer(Number.MIN_SAFE_INTEGER) },
  count: { expected: "a non-negative integer", parse: integer(0) },
  positiveInteger: { expected: "a positive integer", parse: integer(1) },
  // A number at all: zero or negative is the reference's audit record (invalid_max_sample_gap), not a usage error.
  seconds: {
    expected: "a number of seconds",
    parse: (text) => text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : void 0
  },
  url: { expected: "an http(s) URL", parse: (text) => safeUrl(text) ? text : void 0 },
  runId: { expected: "a workflow run id (digits)", parse: (text) => /^\d+$/.test(text) ? text : void 0 },
  repo: { expected: "owner/name", parse: (text) => /^[\w.-]+\/[\w.-]+$/.test(text) ? text : void 0 }
};
function optionsFor(schema, entry) {
  return schema.options.filter((o) => o.only === void 0 || o.only === entry);
}
function parseOptions(schema, raw, env, entry) {
  const problems = [];
  const values = {};
  for (const spec of optionsFor(schema, entry)) {
    const given = raw[spec.name];
    let text = given === void 0 || given.trim() === "" && !spec.emptyIsValue ? void 0 : spec.emptyIsValue ? given : given.trim();
    let fromEnv;
    if (text === void 0 && spec.env !== void 0 && (env[spec.env] ?? "").trim() !== "") {
      fromEnv = spec.env;
      text = env[spec.env].trim();
    }
    if (text === void 0 && spec.required !== void 0) {
      problems.push({ kind: "missing", option: spec.name, what: spec.required });
      continue;
    }
    if (text === void 0) text = spec.default;
    if (text === void 0) continue;
    const value = spec.kind.parse(text);
    if (value === void 0)
      problems.push({
        kind: "invalid",
        option: spec.name,
        value: text,
        expected: spec.kind.expected,
        ...fromEnv ? { env: fromEnv } : {}
      });
    else values[spec.name] = value;
  }
  if (problems.length === 0 && schema.check) problems.push(...schema.check(values));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options: schema.build(values) };
}
var str = (values, name) => values[name];
var num = (values, name) => values[name];
var bool = (values, name) => values[name] === true;
var SHOWN = 40;
var shown = (value) => value.length > SHOWN ? `${value.slice(0, SHOWN - 3)}...` : value;
var AGG_INSIGHTS = {
  name: "agg-insights",
  kind: KINDS.boolean,
  default: "false",
  help: "also write the main energy-insight figures into the agg JSON as insights_* keys (valid runs only)"
};
var REQUIRE_POWER = {
  name: "require-power",
  kind: KINDS.boolean,
  env: "REQUIRE_POWER",
  help: "fail (exit 1) when power is invalid, after writing the audit files (also REQUIRE_POWER=1|true|yes)"
};
var VALIDATION_RESULT = {
  name: "validation-result",
  kind: KINDS.string,
  placeholder: "FILE",
  help: "sidecar path (default: power_validation_<bench stem>.json beside the bench result)"
};
var BENCH_RESULT = {
  name: "bench-result",
  kind: KINDS.string,
  placeholder: "BENCH.json",
  required: "the raw benchmark result JSON",
  help: "raw benchmark result (window and token counts)"
};
var AGG_RESULT = {
  name: "agg-result",
  kind: KINDS.string,
  placeholder: "AGG.json",
  required: "the agg JSON to patch",
  help: "agg JSON to patch in place"
};
var TELEMETRY_CSV = {
  name: "csv",
  kind: KINDS.string,
  placeholder: "CSV",
  help: "telemetry CSV (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)"
};
var DEFAULT_VISUALIZER_URL = "https://inferencex.semianalysis.com";
var VISUALIZER_URL = {
  name: "visualizer-url",
  kind: KINDS.url,
  placeholder: "URL",
  default: DEFAULT_VISUALIZER_URL,
  help: "visualizer base URL for the links"
};
var MAX_SAMPLE_GAP = {
  name: "max-sample-gap",
  kind: KINDS.seconds,
  placeholder: "SECONDS",
  default: DEFAULT_MAX_SAMPLE_GAP_S.toFixed(1),
  help: "largest allowed gap between two samples of one GPU inside the window (single-node telemetry)"
};

export {
  parseBoolean,
  KINDS,
  optionsFor,
  parseOptions,
  str,
  num,
  bool,
  shown,
  AGG_INSIGHTS,
  REQUIRE_POWER,
  VALIDATION_RESULT,
  BENCH_RESULT,
  AGG_RESULT,
  TELEMETRY_CSV,
  DEFAULT_VISUALIZER_URL,
  VISUALIZER_URL,
  MAX_SAMPLE_GAP
};
//# sourceMappingURL=chunk-TZYXUIKV.js.map
