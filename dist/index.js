import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_LABELS,
  envRequiresPower,
  parseLabels,
  pullRequestFromEvent,
  runAggregate,
  runAggregateMultinode,
  runJob,
  runProcessResult,
  runReportAction,
  runValidateChangelog
} from "./chunks/chunk-BZ2EZQ3I.js";
import {
  DEFAULT_RETRY,
  escapeMarkdown,
  safeUrl
} from "./chunks/chunk-P4KM3R73.js";
import {
  error,
  getBooleanInput,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunks/chunk-BZG263QF.js";
import "./chunks/chunk-5LN5HCCW.js";
import "./chunks/chunk-2FNGD6TF.js";

// src/core/changelog/report.ts
var MAX_PROBLEM_ROWS = 300;
var MAX_ENTRY_ROWS = 200;
var cell = (text) => escapeMarkdown(text);
function plain(text) {
  return text.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\|/g, "\\|");
}
function code(text) {
  return `<code>${cell(text)}</code>`;
}
function renderChangelogReport(input) {
  const lines = [];
  const problems = input.problems;
  lines.push(input.ok ? `### \u2705 ${plain(input.file)}: the change passes the changelog gate` : `### \u274C ${plain(input.file)}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}`, "");
  if (problems.length > 0) {
    if (input.annotated < problems.length) lines.push(`The first ${input.annotated} are annotated on the diff; all are listed here.`, "");
    lines.push("| Location | Problem |", "|---|---|");
    for (const problem of problems.slice(0, MAX_PROBLEM_ROWS)) lines.push(`| <code>${plain(`${problem.file}:${problem.line}:${problem.column}`)}</code> | ${cell(problem.message)} |`);
    if (problems.length > MAX_PROBLEM_ROWS) lines.push(`| \u2026 | ${problems.length - MAX_PROBLEM_ROWS} more problems left out; run \`sweep-power validate-changelog\` locally for all. |`);
    lines.push("");
  }
  if (input.newEntries.length > 0) {
    lines.push(`#### New entries (${input.newEntries.length})`, "", "| Line | Config keys | Triggers | Options | pr-link | Description |", "|---|---|---|---|---|---|");
    for (const { line, entry, expanded } of input.newEntries.slice(0, MAX_ENTRY_ROWS)) {
      const triggers = expanded.length === 0 ? "\u2014" : expanded.map((e) => e.keys.length === 0 ? `${code(e.pattern)} \u2192 **no match**` : e.keys.length === 1 && e.keys[0] === e.pattern ? code(e.pattern) : `${code(e.pattern)} \u2192 ${e.keys.map(code).join(", ")}`).join("<br>");
      const options = [entry.evalsOnly && "evals-only", entry.allEvals && "all-evals", entry.appendOnly && "append-only", entry.evalMinPrefillEp !== void 0 && `eval-min-prefill-ep ${entry.evalMinPrefillEp}`, entry.scenarioType && `scenario-type ${entry.scenarioType.join(", ")}`].filter(Boolean).join("<br>");
      lines.push(`| ${line} | ${entry.configKeys.map(code).join("<br>")} | ${triggers} | ${options || "\u2014"} | ${cell(entry.prLink)} | ${entry.description.map(cell).join("<br>")} |`);
    }
    if (input.newEntries.length > MAX_ENTRY_ROWS) lines.push(`| \u2026 | ${input.newEntries.length - MAX_ENTRY_ROWS} more entries left out | | | | |`);
    lines.push("", input.ok ? `**${input.triggeredConfigs.length} config${input.triggeredConfigs.length === 1 ? "" : "s"} triggered** (output \`configs\`).` : "Nothing is triggered until the problems are fixed (output `configs` is `[]`).", "");
  } else if (input.corrections > 0) {
    lines.push(`${input.corrections} pr-link correction${input.corrections === 1 ? "" : "s"} of history entries; no new entries, no configs triggered.`, "");
  } else if (input.ok) {
    lines.push("No new entries; no configs triggered.", "");
  }
  return lines;
}

// src/github/changelogAnnotations.ts
var MAX_ANNOTATIONS = 10;
function annotateProblems(problems, limit = MAX_ANNOTATIONS) {
  const shown = problems.slice(0, limit);
  for (const problem of shown) {
    error(problem.message, { title: `perf-changelog ${problem.code}`, file: problem.file, startLine: problem.line, startColumn: problem.column });
  }
  return shown.length;
}
async function writeJobSummary(markdownLines) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdownLines.join("\n"), true).write();
}

// src/github/event.ts
import { readFileSync } from "node:fs";
var ZERO_SHA = /^0+$/;
function readEventPayload(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function readEventDefaults(env) {
  const payload = readEventPayload(env);
  const pullRequest = payload.pull_request;
  if (pullRequest && typeof pullRequest.number === "number") {
    return { prNumber: pullRequest.number, baseSha: typeof pullRequest.base?.sha === "string" ? pullRequest.base.sha : void 0 };
  }
  const before = payload.before;
  return typeof before === "string" && !ZERO_SHA.test(before) ? { baseSha: before } : {};
}

// src/main.ts
var MODES = ["job", "aggregate", "process-result", "aggregate-multinode", "report", "validate-changelog"];
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
function booleanInput(name, fallback) {
  const value = optional(name);
  if (value === void 0) return fallback;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new InputError(`input '${name}' is "${value}"; expected true or false`);
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
function getValidateChangelogConfig(env) {
  const event = readEventDefaults(env);
  const prInput = optional("pr-number");
  if (prInput !== void 0 && (!/^\d+$/.test(prInput) || Number(prInput) <= 0)) throw new InputError(`input 'pr-number' is "${prInput}"; expected a positive integer`);
  const repo = optional("repo") ?? (env.GITHUB_REPOSITORY || void 0);
  if (repo !== void 0 && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new InputError(`input 'repo' is "${repo}"; expected owner/name`);
  const baseFile = optional("base-file");
  const baseRef = optional("base-ref") ?? (baseFile === void 0 ? event.baseSha : void 0);
  if (baseRef === void 0 && baseFile === void 0) {
    throw new InputError("input 'base-ref' is required for mode validate-changelog outside pull_request and push events (e.g. origin/main), or give 'base-file'");
  }
  return {
    mode: "validate-changelog",
    changelog: optional("changelog"),
    baseRef,
    headRef: optional("head-ref"),
    baseFile,
    headFile: optional("head-file"),
    configs: optional("configs"),
    prNumber: prInput !== void 0 ? Number(prInput) : event.prNumber,
    repo,
    outputConfigs: optional("output-configs"),
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  };
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
function getUploadConfig() {
  const retention = optional("retention-days");
  if (retention !== void 0 && (!/^\d+$/.test(retention) || Number(retention) < 1 || Number(retention) > 90)) {
    throw new InputError(`input 'retention-days' is "${retention}"; expected a whole number of days from 1 to 90`);
  }
  const artifactPrefix = optional("artifact-prefix") ?? "";
  if (/[":<>|*?\r\n\\/]/.test(artifactPrefix)) throw new InputError(`input 'artifact-prefix' is "${artifactPrefix}"; it may not contain " : < > | * ? \\ / or line breaks`);
  return { upload: booleanInput("upload", true), retentionDays: retention === void 0 ? void 0 : Number(retention), artifactPrefix };
}
function getConfig(env = process.env) {
  const mode = optional("mode") ?? "job";
  if (!MODES.includes(mode)) throw new InputError(`input 'mode' is "${mode}"; expected one of: ${MODES.join(", ")}`);
  if (mode === "report") return getReportConfig(env);
  if (mode === "process-result") return getProcessResultConfig(env);
  if (mode === "aggregate-multinode") return getAggregateMultinodeConfig(env);
  if (mode === "validate-changelog") return getValidateChangelogConfig(env);
  if (mode === "job") return getJobConfig(env);
  return getAggregateConfig(env);
}
function reportPowerRun(result) {
  result.log.stdout.forEach((line) => info(line));
  result.log.stderr.forEach((line) => result.valid ? info(line) : warning(line));
  setOutput("power-valid", result.valid ? "1" : "0");
  setOutput("agg-result", result.aggResult);
  setOutput("validation-result", result.sidecarPath);
  setOutput("reasons", result.reasonCodes.join(","));
  if (result.valid) {
    setOutput("avg-power-w", String(result.metrics.avg_power_w));
    setOutput("total-gpu-energy-j", String(result.metrics.total_gpu_energy_j));
    setOutput("joules-per-output-token", String(result.metrics.joules_per_output_token));
  }
  if (result.exitCode !== 0) setFailed(`power is invalid and require-power is set: ${result.reasonCodes.join(", ")}`);
}
async function runAggregateMode(config) {
  const result = await group("Aggregate GPU power", () => runAggregate({ ...config, cwd: config.workspace, env: process.env }));
  reportPowerRun({ ...result, reasonCodes: result.reasons.map((r) => r.code) });
}
async function runAggregateMultinodeMode(config) {
  const result = await group("Aggregate multinode GPU power", () => runAggregateMultinode({ ...config, cwd: config.workspace, env: process.env }));
  reportPowerRun({ ...result, reasonCodes: result.reasons });
}
async function runReportMode(config) {
  const retry = { ...config.retry, onRetry: (message) => info(message) };
  let comment;
  if (config.token && config.owner && config.repo) {
    const github = await import("./chunks/comment-IHKLWKNV.js");
    const octokit = github.createOctokit(config.token);
    comment = {
      getPullRequest: (number) => github.getPullRequest(octokit, config.owner, config.repo, number, retry),
      upsert: (issueNumber, markdown) => github.upsertStickyComment(octokit, { owner: config.owner, repo: config.repo, issueNumber }, config.commentKey, markdown, retry)
    };
  }
  const { appendSummary } = await import("./chunks/summary-YE6GMLWT.js");
  const result = await group(
    "Sweep power report",
    () => runReportAction(
      { results: config.results, root: config.workspace, confine: true, runId: config.runId, runUrl: config.runUrl, visualizerUrl: config.visualizerUrl, event: config.event, labels: config.labels },
      {
        comment,
        writeSummary: async (markdown) => {
          await appendSummary(markdown).catch((error2) => warning(`Could not write the job summary: ${error2.message}`));
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
async function runValidateChangelogMode(config) {
  const result = await runValidateChangelog({ ...config, cwd: config.workspace });
  const annotated = annotateProblems(result.problems);
  result.log.stderr.slice(annotated).forEach((line) => info(line));
  result.log.stdout.forEach((line) => info(line));
  setOutput("configs", JSON.stringify(result.triggeredConfigs));
  setOutput("new-entries", String(result.verdict?.newEntries.length ?? 0));
  await writeJobSummary(
    renderChangelogReport({
      file: result.file,
      ok: result.ok,
      problems: result.problems,
      newEntries: result.verdict?.newEntries ?? [],
      corrections: result.verdict?.corrections ?? 0,
      triggeredConfigs: result.triggeredConfigs,
      annotated
    })
  );
  if (!result.ok) setFailed(`${result.file}: ${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`}; see the annotations and the job summary.`);
}
async function run() {
  let config;
  try {
    config = getConfig();
  } catch (error2) {
    setFailed(error2.message);
    return;
  }
  try {
    if (config.mode === "report") await runReportMode(config);
    else if (config.mode === "process-result") await runProcessResultMode(config);
    else if (config.mode === "aggregate-multinode") await runAggregateMultinodeMode(config);
    else if (config.mode === "validate-changelog") await runValidateChangelogMode(config);
    else if (config.mode === "job") await runJobMode(config);
    else await runAggregateMode(config);
  } catch (error2) {
    setFailed(`sweep-power ${config.mode}: ${error2.message}`);
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
function getJobConfig(env) {
  const gpus = optional("expected-num-gpus");
  if (gpus !== void 0 && (!/^\d+$/.test(gpus) || Number(gpus) <= 0)) throw new InputError(`input 'expected-num-gpus' is "${gpus}"; expected a positive integer`);
  const visualizerUrl = optional("visualizer-url") ?? DEFAULT_VISUALIZER_URL;
  if (!safeUrl(visualizerUrl)) throw new InputError(`input 'visualizer-url' is "${visualizerUrl}"; expected an http(s) URL`);
  return {
    mode: "job",
    gpuMetrics: optional("gpu-metrics"),
    resultFilename: optional("result-filename"),
    expectedNumGpus: gpus === void 0 ? void 0 : Number(gpus),
    requirePower: requirePowerInput(env),
    visualizerUrl,
    runId: env.GITHUB_RUN_ID || void 0,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...getUploadConfig()
  };
}
async function runJobMode(config) {
  const result = await runJob({ ...config, env: process.env }, { group: (name, fn) => group(name, fn), info: (m) => info(m), warning: (m) => warning(m) });
  result.warnings.forEach((w) => warning(w));
  if (result.summary) {
    const { appendSummary } = await import("./chunks/summary-YE6GMLWT.js");
    await appendSummary(result.summary).catch((error2) => warning(`Could not write the job summary: ${error2.message}`));
  }
  const o = result.outputs;
  if (o["agg-result"] !== void 0) {
    setOutput("agg-result", o["agg-result"]);
    setOutput("power-valid", o["power-valid"]);
    setOutput("avg-power-w", o["avg-power-w"]);
    setOutput("total-gpu-energy-j", o["total-gpu-energy-j"]);
    setOutput("joules-per-output-token", o["joules-per-output-token"]);
    setOutput("topology", o.topology);
    setOutput("artifact-ids", o["artifact-ids"]);
    setOutput("validation-result", result.validationResult ?? "");
    setOutput("reasons", result.reasons.join(","));
  }
  if (result.failure) setFailed(result.failure);
}

// src/index.ts
void run();
//# sourceMappingURL=index.js.map
