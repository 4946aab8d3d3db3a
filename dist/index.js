import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_LABELS,
  envRequiresPower,
  parseLabels,
  pullRequestFromEvent,
  runAggregate,
  runAggregateMultinode,
  runProcessResult,
  runReportAction
} from "./chunks/chunk-LO5477XE.js";
import {
  DEFAULT_RETRY
} from "./chunks/chunk-L4SVMLL6.js";
import {
  safeUrl
} from "./chunks/chunk-2AMLPUIF.js";
import {
  getBooleanInput,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  warning
} from "./chunks/chunk-BLE7IZPU.js";
import "./chunks/chunk-KXLOLUO6.js";
import "./chunks/chunk-UY5GXKHN.js";

// src/main.ts
import { readFileSync } from "node:fs";
var MODES = ["aggregate", "process-result", "aggregate-multinode", "report"];
var DEFAULT_VISUALIZER_URL = "https://inferencex.semianalysis.com";
var InputError = class extends Error {
};
function optional(name) {
  const value = getInput(name).trim();
  return value === "" ? void 0 : value;
}
function required(name, why) {
  const value = optional(name);
  if (value === void 0) throw new InputError(`input '${name}' is required ${why}`);
  return value;
}
function count(name, why) {
  const value = required(name, why);
  if (!/^\d+$/.test(value)) throw new InputError(`input '${name}' is "${value}"; expected a non-negative integer`);
  return Number(value);
}
function requirePowerInput(env) {
  return optional("require-power") !== void 0 ? getBooleanInput("require-power") : envRequiresPower(env);
}
function getProcessResultConfig(env) {
  return { mode: "process-result", resultDir: optional("result-dir"), workspace: env.GITHUB_WORKSPACE || process.cwd() };
}
function getAggregateMultinodeConfig(env) {
  return {
    mode: "aggregate-multinode",
    powerDir: optional("power-dir"),
    logsRoot: optional("logs-root"),
    benchResult: required("bench-result", "for mode aggregate-multinode"),
    aggResult: required("agg-result", "for mode aggregate-multinode"),
    prefillGpus: count("prefill-gpus", "for mode aggregate-multinode (PREFILL_GPUS)"),
    decodeGpus: count("decode-gpus", "for mode aggregate-multinode (DECODE_GPUS, 0 when aggregated)"),
    expectedProducerSha: optional("expected-producer-sha"),
    validationResult: optional("validation-result"),
    requirePower: requirePowerInput(env),
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  };
}
function getAggregateConfig(env) {
  const gpus = required("expected-num-gpus", "for mode aggregate (the node GPU count, TP x PP x PCP)");
  if (!/^\d+$/.test(gpus) || Number(gpus) <= 0) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const gap = optional("max-sample-gap");
  if (gap !== void 0 && !(Number(gap) > 0)) throw new InputError(`input 'max-sample-gap' is "${gap}"; expected a positive number of seconds`);
  return {
    mode: "aggregate",
    csv: optional("csv"),
    benchResult: required("bench-result", "for mode aggregate"),
    aggResult: required("agg-result", "for mode aggregate"),
    expectedNumGpus: Number(gpus),
    validationResult: optional("validation-result"),
    requirePower: requirePowerInput(env),
    maxSampleGapS: gap === void 0 ? void 0 : Number(gap),
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  };
}
function readEventPayload(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
function positiveIntEnv(env, name, fallback) {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 && env[name] !== void 0 && env[name] !== "" ? value : fallback;
}
function getReportConfig(env) {
  const results = required("results", "for mode report (a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts)");
  const visualizerUrl = optional("visualizer-url") ?? DEFAULT_VISUALIZER_URL;
  if (!safeUrl(visualizerUrl)) throw new InputError(`input 'visualizer-url' is "${visualizerUrl}"; expected an http(s) URL`);
  const labelsInput = getInput("labels");
  const token = optional("github-token");
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const workflowRun = payload.workflow_run;
  const prInput = optional("pr-number");
  if (prInput !== void 0 && !/^\d+$/.test(prInput)) throw new InputError(`input 'pr-number' is "${prInput}"; expected a pull request number`);
  const workflowRunPr = workflowRun?.pull_requests?.[0]?.number;
  const event = {
    name: eventName,
    pullRequest: eventName === "pull_request" ? pullRequestFromEvent(payload) : void 0,
    pullRequestNumber: prInput !== void 0 ? Number(prInput) : typeof workflowRunPr === "number" ? workflowRunPr : void 0
  };
  const runIdInput = optional("run-id");
  if (runIdInput !== void 0 && !/^\d+$/.test(runIdInput)) throw new InputError(`input 'run-id' is "${runIdInput}"; expected a workflow run id`);
  const runId = runIdInput ?? (eventName === "workflow_run" && typeof workflowRun?.id === "number" ? String(workflowRun.id) : env.GITHUB_RUN_ID);
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return {
    mode: "report",
    results,
    visualizerUrl,
    commentKey: optional("comment-key") ?? env.GITHUB_WORKFLOW ?? "sweep-power",
    labels: parseLabels(labelsInput === "" && env["INPUT_LABELS"] === void 0 ? DEFAULT_LABELS.join(",") : labelsInput),
    token,
    runId,
    runUrl: runId && owner && repo ? `${server}/${owner}/${repo}/actions/runs/${runId}` : void 0,
    event,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    owner,
    repo,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: positiveIntEnv(env, "SWEEP_POWER_RETRY_BASE_MS", DEFAULT_RETRY.baseDelayMs),
      timeoutMs: positiveIntEnv(env, "SWEEP_POWER_HTTP_TIMEOUT_MS", DEFAULT_RETRY.timeoutMs)
    }
  };
}
function getConfig(env = process.env) {
  const mode = optional("mode") ?? "aggregate";
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(", ")}`);
  if (mode === "report") return getReportConfig(env);
  if (mode === "process-result") return getProcessResultConfig(env);
  if (mode === "aggregate-multinode") return getAggregateMultinodeConfig(env);
  return getAggregateConfig(env);
}
async function runAggregateMode(config) {
  const result = await group("Aggregate GPU power", () => runAggregate({ ...config, cwd: config.workspace, env: process.env }));
  result.log.stdout.forEach((line) => info(line));
  result.log.stderr.forEach((line) => result.valid ? info(line) : warning(line));
  setOutput("power-valid", result.valid ? "1" : "0");
  setOutput("agg-result", result.aggResult);
  setOutput("validation-result", result.sidecarPath);
  setOutput("reasons", result.reasons.map((r) => r.code).join(","));
  if (result.valid) {
    setOutput("avg-power-w", String(result.metrics.avg_power_w));
    setOutput("total-gpu-energy-j", String(result.metrics.total_gpu_energy_j));
    setOutput("joules-per-output-token", String(result.metrics.joules_per_output_token));
  }
  if (result.exitCode !== 0) setFailed(`power is invalid and require-power is set: ${result.reasons.map((r) => r.code).join(", ")}`);
}
async function runReportMode(config) {
  const retry = { ...config.retry, onRetry: (message) => info(message) };
  let comment;
  if (config.token && config.owner && config.repo) {
    const github = await import("./chunks/comment-PTOZRC57.js");
    const octokit = github.createOctokit(config.token);
    comment = {
      getPullRequest: (number) => github.getPullRequest(octokit, config.owner, config.repo, number, retry),
      upsert: (issueNumber, markdown) => github.upsertStickyComment(octokit, { owner: config.owner, repo: config.repo, issueNumber }, config.commentKey, markdown, retry)
    };
  }
  const { appendSummary } = await import("./chunks/summary-SLGF6A7J.js");
  const result = await group(
    "Sweep power report",
    () => runReportAction(
      { results: config.results, root: config.workspace, confine: true, runId: config.runId, runUrl: config.runUrl, visualizerUrl: config.visualizerUrl, event: config.event, labels: config.labels },
      {
        comment,
        writeSummary: async (markdown) => {
          await appendSummary(markdown).catch((error) => warning(`Could not write the job summary: ${error.message}`));
        },
        info: (m) => info(m),
        warning: (m) => warning(m)
      }
    )
  );
  setOutput("comment", result.comment);
  setOutput("comment-id", result.commentId === void 0 ? "" : String(result.commentId));
  setOutput("comment-url", result.commentUrl ?? "");
  setOutput("results-total", String(result.counts.total));
  setOutput("results-valid", String(result.counts.valid));
  setOutput("results-invalid", String(result.counts.invalid));
  setOutput("results-missing", String(result.counts.missing));
  setOutput("rows-left-out", String(result.rowsLeftOut));
}
async function run() {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    setFailed(error.message);
    return;
  }
  try {
    if (config.mode === "report") await runReportMode(config);
    else if (config.mode === "process-result") await runProcessResultMode(config);
    else if (config.mode === "aggregate-multinode") await runAggregateMultinodeMode(config);
    else await runAggregateMode(config);
  } catch (error) {
    setFailed(`sweep-power ${config.mode}: ${error.message}`);
  }
}
async function runProcessResultMode(config) {
  const result = await group("Process benchmark result", () => runProcessResult({ resultDir: config.resultDir, cwd: config.workspace, env: process.env }));
  result.log.stdout.forEach((line) => info(line));
  result.log.stderr.forEach((line) => result.power?.valid === false ? warning(line) : info(line));
  if (result.topology) setOutput("topology", result.topology);
  if (result.aggResult && result.aggWritten) setOutput("agg-result", result.aggResult);
  if (result.power) {
    setOutput("power-valid", result.power.valid ? "1" : "0");
    setOutput("validation-result", result.power.sidecarPath);
    setOutput("reasons", result.power.reasons.join(","));
  }
  if (!result.aggWritten) setFailed(`process-result: ${result.problems.map((p) => `${p.subject}: ${p.problem}`).join("; ") || "the agg JSON was not written"}`);
  else if (result.exitCode !== 0) setFailed(`power is invalid and REQUIRE_POWER is set: ${result.power?.reasons.join(", ") ?? ""}`);
}
async function runAggregateMultinodeMode(config) {
  const result = await group("Aggregate multinode GPU power", () => runAggregateMultinode({ ...config, cwd: config.workspace, env: process.env }));
  result.log.stdout.forEach((line) => info(line));
  result.log.stderr.forEach((line) => result.valid ? info(line) : warning(line));
  setOutput("power-valid", result.valid ? "1" : "0");
  setOutput("agg-result", result.aggResult);
  setOutput("validation-result", result.sidecarPath);
  setOutput("reasons", result.reasons.join(","));
  if (result.valid) {
    setOutput("avg-power-w", String(result.metrics.avg_power_w));
    setOutput("total-gpu-energy-j", String(result.metrics.total_gpu_energy_j));
    setOutput("joules-per-output-token", String(result.metrics.joules_per_output_token));
  }
  if (result.exitCode !== 0) setFailed(`power is invalid and require-power is set: ${result.reasons.join(", ")}`);
}

// src/index.ts
void run();
//# sourceMappingURL=index.js.map
