import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runAttemptOf,
  runJob
} from "./chunks/chunk-3QPWQ5RY.js";
import {
  runProcessResult
} from "./chunks/chunk-5ZXZZLVZ.js";
import "./chunks/chunk-XHNLBTDP.js";
import {
  runReportAction
} from "./chunks/chunk-AGXVQBND.js";
import "./chunks/chunk-XQ4LLTLI.js";
import {
  capText
} from "./chunks/chunk-PJCUZUER.js";
import {
  DEFAULT_RETRY
} from "./chunks/chunk-A3GTAV63.js";
import {
  runValidateChangelog
} from "./chunks/chunk-XAYN3BT5.js";
import "./chunks/chunk-KMWR2CGF.js";
import {
  ACTION_INPUTS,
  MODES,
  SCHEMAS,
  aggregateMultinodeSchema,
  aggregateSchema,
  jobSchema,
  processResultSchema,
  reportSchema
} from "./chunks/chunk-G6SXSBS5.js";
import {
  pullRequestFromEvent
} from "./chunks/chunk-GDY5Q3FJ.js";
import {
  validateChangelogSchema
} from "./chunks/chunk-RBLTMJLN.js";
import {
  DEFAULT_VISUALIZER_URL,
  optionsFor,
  parseOptions,
  shown
} from "./chunks/chunk-TZYXUIKV.js";
import {
  escapeMarkdown
} from "./chunks/chunk-XKQWIWGY.js";
import {
  runAggregate
} from "./chunks/chunk-ORUTBG33.js";
import "./chunks/chunk-3HMOC6ZE.js";
import "./chunks/chunk-M55ZDXEJ.js";
import {
  appendSummary,
  core
} from "./chunks/chunk-KDNOBT2T.js";
import "./chunks/chunk-L2B7OZ5H.js";
import {
  runAggregateMultinode
} from "./chunks/chunk-MYATVUG3.js";
import "./chunks/chunk-7ECW4JYK.js";
import {
  reasonCodes
} from "./chunks/chunk-O6IYV7DA.js";
import "./chunks/chunk-2XIZMTGU.js";
import "./chunks/chunk-CTM5CEWH.js";
import "./chunks/chunk-IPYRE2BI.js";
import "./chunks/chunk-4XNPLKRI.js";
import "./chunks/chunk-KRTMRXDF.js";
import "./chunks/chunk-JVWCU4CW.js";
import "./chunks/chunk-5LN5HCCW.js";
import "./chunks/chunk-2FNGD6TF.js";

// src/action/inputs.ts
var InputError = class extends Error {
};
var inputKey = (name) => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
function rawInputs(specs, inputs = process.env) {
  return Object.fromEntries(specs.map((spec) => [spec.name, inputs[inputKey(spec.name)]]));
}
function actionInputs() {
  const all = /* @__PURE__ */ new Map();
  for (const spec of [...ACTION_INPUTS, ...MODES.flatMap((mode) => optionsFor(SCHEMAS[mode], "action"))])
    if (!all.has(spec.name)) all.set(spec.name, spec);
  return all;
}
var declaredDefault = (spec) => spec.actionDefault ?? spec.default;
function wordInputProblem(problem, mode) {
  switch (problem.kind) {
    case "missing":
      return `input '${problem.option}' is required for mode ${mode}${problem.what ? ` (${problem.what})` : ""}`;
    case "invalid":
      return problem.env ? `${problem.env} is "${shown(problem.value)}"; expected ${problem.expected}` : `input '${problem.option}' is "${shown(problem.value)}"; expected ${problem.expected}`;
    case "conflict":
      return `give input '${problem.options[0]}' or '${problem.options[1]}', not both`;
    case "missing-one-of":
      return `input '${problem.options[0]}' or '${problem.options[1]}' is required for mode ${mode} (${problem.what})`;
    case "unused":
      return `input '${problem.option}' is not used by mode ${problem.mode}; remove it (modes that use it: ${MODES.filter((m) => optionsFor(SCHEMAS[m], "action").some((o) => o.name === problem.option)).join(", ")})`;
  }
}
function unusedInputs(mode, inputs) {
  const taken = new Set([...ACTION_INPUTS, ...optionsFor(SCHEMAS[mode], "action")].map((o) => o.name));
  const problems = [];
  for (const [name, spec] of actionInputs()) {
    const value = inputs[inputKey(name)]?.trim();
    if (taken.has(name) || value === void 0 || value === "") continue;
    const declared = declaredDefault(spec);
    if (declared?.includes("${{") || value === declared) continue;
    problems.push({ kind: "unused", option: name, mode });
  }
  return problems;
}
function readMode(inputs = process.env) {
  const raw = inputs[inputKey("mode")]?.trim() || "job";
  if (!MODES.includes(raw))
    throw new InputError(
      wordInputProblem({ kind: "invalid", option: "mode", value: raw, expected: `one of: ${MODES.join(", ")}` }, raw)
    );
  return raw;
}
function readOptions(schema, env, context, inputs = process.env) {
  let raw = rawInputs(optionsFor(schema, "action"), inputs);
  if (context) raw = context(raw);
  const parsed = parseOptions(schema, raw, env, "action");
  const problems = [
    ...parsed.ok ? [] : parsed.problems,
    ...MODES.includes(schema.mode) ? unusedInputs(schema.mode, inputs) : []
  ];
  if (problems.length > 0 || !parsed.ok)
    throw new InputError(problems.map((p) => wordInputProblem(p, schema.mode)).join("; "));
  return parsed.options;
}
var workspaceOf = (env) => env.GITHUB_WORKSPACE || process.cwd();

// src/action/log.ts
var log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (name, fn) => core.group(name, fn),
  fail: (message) => core.setFailed(message)
};

// src/action/power.ts
function reportPowerRun(result) {
  const codes = reasonCodes(result.reasons);
  for (const line of result.log.stdout) log.info(line);
  for (const line of result.log.stderr) result.valid ? log.info(line) : log.warning(line);
  core.setOutput("power-valid", result.valid ? "1" : "0");
  core.setOutput("agg-result", result.aggResult);
  core.setOutput("validation-result", result.sidecarPath);
  core.setOutput("reasons", codes.join(","));
  if (result.valid) {
    core.setOutput("avg-power-w", String(result.metrics.avg_power_w));
    core.setOutput("total-gpu-energy-j", String(result.metrics.total_gpu_energy_j));
    core.setOutput("joules-per-output-token", String(result.metrics.joules_per_output_token));
  }
  return result.exitCode !== 0 ? `power is invalid and require-power is set: ${codes.join(", ")}` : void 0;
}

// src/action/aggregate.ts
var aggregateAction = {
  configure: (env) => ({ mode: "aggregate", workspace: workspaceOf(env), ...readOptions(aggregateSchema, env) }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group("Aggregate GPU power", () => runAggregate({ ...options, cwd: workspace, env }));
    if (result.insightLines.length > 0) {
      const { appendSummary: appendSummary2 } = await import("./chunks/summary-EDHEUY6F.js");
      await appendSummary2(result.insightLines.join("\n")).catch(
        (error) => log.warning(`Could not write the job summary: ${error.message}`)
      );
    }
    return reportPowerRun(result);
  }
};

// src/action/aggregate-multinode.ts
var aggregateMultinodeAction = {
  configure: (env) => ({
    mode: "aggregate-multinode",
    workspace: workspaceOf(env),
    ...readOptions(aggregateMultinodeSchema, env)
  }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group(
      "Aggregate multinode GPU power",
      () => runAggregateMultinode({ ...options, cwd: workspace, env })
    );
    return reportPowerRun(result);
  }
};

// src/action/job.ts
var jobAction = {
  configure: (env) => {
    const { workspace: _cliOnly, visualizerUrl, ...options } = readOptions(jobSchema, env);
    return {
      mode: "job",
      ...options,
      visualizerUrl: visualizerUrl ?? DEFAULT_VISUALIZER_URL,
      runId: env.GITHUB_RUN_ID || void 0,
      runAttempt: runAttemptOf(env.GITHUB_RUN_ATTEMPT),
      workspace: workspaceOf(env)
    };
  },
  run: async ({ mode: _mode, ...config }, env) => {
    const result = await runJob({ ...config, env }, { group: log.group, info: log.info, warning: log.warning });
    for (const w of result.warnings) log.warning(w);
    if (result.summary) {
      const { appendSummary: appendSummary2 } = await import("./chunks/summary-EDHEUY6F.js");
      await appendSummary2(result.summary).catch(
        (error) => log.warning(`Could not write the job summary: ${error.message}`)
      );
    }
    const o = result.outputs;
    if (o["agg-result"] !== void 0) {
      core.setOutput("agg-result", o["agg-result"]);
      core.setOutput("power-valid", o["power-valid"]);
      core.setOutput("avg-power-w", o["avg-power-w"]);
      core.setOutput("total-gpu-energy-j", o["total-gpu-energy-j"]);
      core.setOutput("joules-per-output-token", o["joules-per-output-token"]);
      core.setOutput("topology", o.topology);
      core.setOutput("artifact-ids", o["artifact-ids"]);
      core.setOutput("validation-result", result.validationResult ?? "");
      core.setOutput("reasons", result.reasons.join(","));
    }
    return result.failure;
  }
};

// src/action/process-result.ts
var processResultAction = {
  configure: (env) => ({
    mode: "process-result",
    workspace: workspaceOf(env),
    ...readOptions(processResultSchema, env)
  }),
  run: async ({ mode: _mode, workspace, ...options }, env) => {
    const result = await log.group(
      "Process benchmark result",
      () => runProcessResult({ ...options, cwd: workspace, env })
    );
    for (const line of result.log.stdout) log.info(line);
    for (const line of result.log.stderr) result.power?.valid === false ? log.warning(line) : log.info(line);
    if (result.topology) core.setOutput("topology", result.topology);
    if (result.aggResult && result.aggWritten) core.setOutput("agg-result", result.aggResult);
    if (result.power) {
      core.setOutput("power-valid", result.power.valid ? "1" : "0");
      core.setOutput("validation-result", result.power.sidecarPath);
      core.setOutput("reasons", reasonCodes(result.power.reasons).join(","));
    }
    if (!result.aggWritten)
      return `process-result: ${result.problems.map((p) => `${p.subject}: ${p.problem}`).join("; ") || "the agg JSON was not written"}`;
    if (result.exitCode !== 0)
      return `power is invalid and require-power is set: ${reasonCodes(result.power?.reasons ?? []).join(", ")}`;
    return void 0;
  }
};

// src/action/report.ts
import { tmpdir } from "node:os";
import { join } from "node:path";

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
    return {
      prNumber: pullRequest.number,
      baseSha: typeof pullRequest.base?.sha === "string" ? pullRequest.base.sha : void 0
    };
  }
  const before = payload.before;
  return typeof before === "string" && !ZERO_SHA.test(before) ? { baseSha: before } : {};
}

// src/action/report.ts
function nonNegativeEnv(env, name, fallback) {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 && env[name] !== void 0 && env[name] !== "" ? value : fallback;
}
function triggeringRunOf(run3) {
  const name = run3?.head_repository?.full_name;
  return {
    headSha: typeof run3?.head_sha === "string" ? run3.head_sha : void 0,
    headRepository: typeof name === "string" ? name : void 0
  };
}
function configure(env) {
  const options = readOptions(reportSchema, env);
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const workflowRun = payload.workflow_run;
  const workflowRunPr = workflowRun?.pull_requests?.[0]?.number;
  const event = {
    name: eventName,
    pullRequest: eventName === "pull_request" ? pullRequestFromEvent(payload) : void 0,
    pullRequestNumber: options.prNumber ?? (typeof workflowRunPr === "number" ? workflowRunPr : void 0),
    triggeringRun: eventName === "workflow_run" ? triggeringRunOf(workflowRun) : void 0
  };
  const runId = options.runId ?? (eventName === "workflow_run" && typeof workflowRun?.id === "number" ? String(workflowRun.id) : env.GITHUB_RUN_ID);
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const baseBranch = payload.pull_request?.base?.ref ?? workflowRun?.pull_requests?.[0]?.base?.ref ?? payload.repository?.default_branch;
  const headSha = payload.pull_request?.head?.sha ?? workflowRun?.head_sha ?? env.GITHUB_SHA;
  return {
    mode: "report",
    baseline: options.baseline,
    baselineHistory: options.baselineHistory,
    threshold: options.threshold,
    failOnRegression: options.failOnRegression,
    commit: typeof headSha === "string" && /^[0-9a-f]{40,64}$/.test(headSha) ? headSha : void 0,
    baseBranch: typeof baseBranch === "string" && baseBranch !== "" ? baseBranch : void 0,
    serverUrl: server,
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    results: options.results,
    visualizerUrl: options.visualizerUrl,
    commentKey: options.commentKey,
    labels: options.labels ?? [],
    token: options.token,
    runId,
    runUrl: runId && owner && repo ? `${server}/${owner}/${repo}/actions/runs/${runId}` : void 0,
    event,
    workspace: workspaceOf(env),
    owner,
    repo,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: nonNegativeEnv(env, "SWEEP_POWER_RETRY_BASE_MS", DEFAULT_RETRY.baseDelayMs),
      timeoutMs: nonNegativeEnv(env, "SWEEP_POWER_HTTP_TIMEOUT_MS", DEFAULT_RETRY.timeoutMs)
    }
  };
}
async function run(config) {
  const retry = { ...config.retry, onRetry: (message) => log.info(message) };
  let comment;
  if (config.token && config.owner && config.repo) {
    const github = await import("./chunks/comment-MW7SRHWG.js");
    const octokit = github.createOctokit(config.token, retry);
    const target = (issueNumber) => ({ owner: config.owner, repo: config.repo, issueNumber });
    comment = {
      getPullRequest: (number) => github.getPullRequest(octokit, config.owner, config.repo, number),
      upsert: (issueNumber, markdown) => github.upsertStickyComment(octokit, target(issueNumber), config.commentKey, markdown, retry),
      find: async (issueNumber) => {
        const found = await github.findStickyComment(octokit, target(issueNumber), config.commentKey);
        return {
          body: found.existing?.body,
          upsert: (markdown) => github.upsertStickyComment(octokit, target(issueNumber), config.commentKey, markdown, retry, found)
        };
      }
    };
  }
  const { appendSummary: appendSummary2 } = await import("./chunks/summary-EDHEUY6F.js");
  const baselineOptions = await resolveBaseline(config, retry);
  const markdownFile = join(config.runnerTemp, "sweep-power-report.md");
  const comparisonFile = join(config.runnerTemp, "sweep-power-comparison.json");
  const result = await log.group(
    "Sweep power report",
    () => runReportAction(
      {
        results: config.results,
        root: config.workspace,
        confine: true,
        runId: config.runId,
        runUrl: config.runUrl,
        visualizerUrl: config.visualizerUrl,
        event: config.event,
        labels: config.labels,
        ...baselineOptions,
        threshold: config.threshold,
        commit: config.commit ? { sha: config.commit, url: `${config.serverUrl}/${config.owner}/${config.repo}/commit/${config.commit}` } : void 0,
        push: config.commit ? { commit: config.commit, run: config.runId ?? "" } : void 0,
        markdownFile,
        comparisonFile
      },
      {
        comment,
        writeSummary: async (markdown) => {
          await appendSummary2(markdown).catch(
            (error) => log.warning(`Could not write the job summary: ${error.message}`)
          );
        },
        info: log.info,
        warning: log.warning
      }
    )
  );
  core.setOutput("comment", result.comment);
  core.setOutput("comment-id", result.commentId === void 0 ? "" : String(result.commentId));
  core.setOutput("comment-url", result.commentUrl ?? "");
  core.setOutput("results-total", String(result.counts.total));
  core.setOutput("results-valid", String(result.counts.valid));
  core.setOutput("results-invalid", String(result.counts.invalid));
  core.setOutput("results-missing", String(result.counts.missing));
  core.setOutput("rows-left-out", String(result.rowsLeftOut));
  const verdicts = result.comparison?.counts;
  core.setOutput("regressions", String(verdicts?.regression ?? 0));
  core.setOutput("improvements", String(verdicts?.improvement ?? 0));
  core.setOutput("comparable", String(verdicts?.comparable ?? 0));
  core.setOutput("comparison", result.comparison ? comparisonFile : "");
  core.setOutput("markdown-file", markdownFile);
  if (config.failOnRegression && (verdicts?.regression ?? 0) > 0)
    return `${verdicts?.regression} energy regression(s) beyond the tolerance; see the report.`;
  return void 0;
}
async function resolveBaseline(config, retry) {
  if (config.baseline === void 0) return {};
  if (config.baseline !== "auto") return { baseline: config.baseline };
  const { loadAutoBaseline } = await import("./chunks/baseline-BXQ5GSIX.js");
  const auto = await log.group(
    "Baseline from the base branch",
    () => loadAutoBaseline({
      token: config.token,
      owner: config.owner,
      repo: config.repo,
      serverUrl: config.serverUrl,
      runId: config.runId,
      branch: config.baseBranch,
      runs: config.baselineHistory,
      tempDir: config.runnerTemp,
      retry,
      info: log.info
    })
  );
  for (const warning of auto.warnings) log.warning(warning);
  return auto.runs ? { baselineRuns: auto.runs, baselineLabel: auto.label, notes: auto.notes } : { notes: auto.notes };
}
var reportAction = { configure, run };

// src/core/changelog/report.ts
var MAX_PROBLEM_ROWS = 300;
var MAX_ENTRY_ROWS = 200;
var CHANGELOG_SUMMARY_BUDGET_BYTES = 512 * 1024;
var MAX_CELL_CHARS = 1e3;
var cell = (text) => escapeMarkdown(capText(text, MAX_CELL_CHARS));
function plain(text) {
  return text.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\|/g, "\\|");
}
function code(text) {
  return `<code>${cell(text)}</code>`;
}
var utf8 = new TextEncoder();
function withinBudget(rows, budget) {
  const kept = [];
  for (const row of rows) {
    const bytes = utf8.encode(row).length + 1;
    if (bytes > budget.left) {
      budget.left = 0;
      break;
    }
    budget.left -= bytes;
    kept.push(row);
  }
  return kept;
}
function renderChangelogReport(input, budgetBytes = CHANGELOG_SUMMARY_BUDGET_BYTES) {
  const lines = [];
  const budget = { left: budgetBytes };
  const problems = input.problems;
  lines.push(
    input.ok ? `### \u2705 ${plain(input.file)}: the change passes the changelog gate` : `### \u274C ${plain(input.file)}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}`,
    ""
  );
  if (problems.length > 0) {
    if (input.annotated < problems.length)
      lines.push(`The first ${input.annotated} are annotated on the diff; all are listed here.`, "");
    lines.push("| Location | Problem |", "|---|---|");
    const shown2 = withinBudget(
      problems.slice(0, MAX_PROBLEM_ROWS).map(
        (problem) => `| <code>${plain(`${problem.file}:${problem.line}:${problem.column}`)}</code> | ${cell(problem.message)} |`
      ),
      budget
    );
    lines.push(...shown2);
    if (problems.length > shown2.length)
      lines.push(
        `| \u2026 | ${problems.length - shown2.length} more problems left out to stay under the size limit; run \`sweep-power validate-changelog\` locally for all. |`
      );
    lines.push("");
  }
  if (input.newEntries.length > 0) {
    lines.push(
      `#### New entries (${input.newEntries.length})`,
      "",
      "| Line | Config keys | Triggers | Options | pr-link | Description |",
      "|---|---|---|---|---|---|"
    );
    const rows = [];
    for (const { line, entry, expanded } of input.newEntries.slice(0, MAX_ENTRY_ROWS)) {
      if (budget.left <= 0) break;
      const triggers = expanded.length === 0 ? "\u2014" : expanded.map(
        (e) => e.keys.length === 0 ? `${code(e.pattern)} \u2192 **no match**` : e.keys.length === 1 && e.keys[0] === e.pattern ? code(e.pattern) : `${code(e.pattern)} \u2192 ${e.keys.map(code).join(", ")}`
      ).join("<br>");
      const options = [
        entry.evalsOnly && "evals-only",
        entry.allEvals && "all-evals",
        entry.appendOnly && "append-only",
        entry.evalMinPrefillEp !== void 0 && `eval-min-prefill-ep ${entry.evalMinPrefillEp}`,
        entry.scenarioType && `scenario-type ${entry.scenarioType.join(", ")}`
      ].filter(Boolean).join("<br>");
      rows.push(
        `| ${line} | ${entry.configKeys.map(code).join("<br>")} | ${triggers} | ${options || "\u2014"} | ${cell(entry.prLink)} | ${entry.description.map(cell).join("<br>")} |`
      );
    }
    const shown2 = withinBudget(rows, budget);
    lines.push(...shown2);
    if (input.newEntries.length > shown2.length)
      lines.push(
        `| \u2026 | ${input.newEntries.length - shown2.length} more entries left out to stay under the size limit | | | | |`
      );
    lines.push(
      "",
      input.ok ? `**${input.triggeredConfigs.length} config${input.triggeredConfigs.length === 1 ? "" : "s"} triggered** (output \`configs\`).` : "Nothing is triggered until the problems are fixed (output `configs` is `[]`).",
      ""
    );
  } else if (input.corrections > 0) {
    lines.push(
      `${input.corrections} pr-link correction${input.corrections === 1 ? "" : "s"} of history entries; no new entries, no configs triggered.`,
      ""
    );
  } else if (input.ok) {
    lines.push("No new entries; no configs triggered.", "");
  }
  return lines;
}

// src/github/changelog-annotations.ts
var MAX_ANNOTATIONS = 10;
function annotateProblems(problems, limit = MAX_ANNOTATIONS) {
  const shown2 = problems.slice(0, limit);
  for (const problem of shown2) {
    core.error(problem.message, {
      title: `perf-changelog ${problem.code}`,
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column
    });
  }
  return shown2.length;
}

// src/action/validate-changelog.ts
var validateChangelogAction = {
  /** PR number and base commit come from the event when the inputs leave them out. */
  configure: (env) => {
    const event = readEventDefaults(env);
    const options = readOptions(
      validateChangelogSchema,
      env,
      (raw) => raw["base-ref"]?.trim() || raw["base-file"]?.trim() ? raw : { ...raw, "base-ref": event.baseSha }
    );
    return {
      mode: "validate-changelog",
      workspace: workspaceOf(env),
      ...options,
      prNumber: options.prNumber ?? event.prNumber
    };
  },
  run: async ({ mode: _mode, workspace, ...options }) => {
    const result = await runValidateChangelog({ ...options, cwd: workspace });
    const annotated = annotateProblems(result.problems);
    for (const line of result.log.stderr.slice(annotated)) log.info(line);
    for (const line of result.log.stdout) log.info(line);
    core.setOutput("configs", JSON.stringify(result.triggeredConfigs));
    core.setOutput("new-entries", String(result.verdict?.newEntries.length ?? 0));
    await appendSummary(
      renderChangelogReport({
        file: result.file,
        ok: result.ok,
        problems: result.problems,
        newEntries: result.verdict?.newEntries ?? [],
        corrections: result.verdict?.corrections ?? 0,
        triggeredConfigs: result.triggeredConfigs,
        annotated
      }).join("\n")
    );
    return result.ok ? void 0 : `${result.file}: ${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`}; see the annotations and the job summary.`;
  }
};

// src/main.ts
var ACTIONS = {
  job: jobAction,
  aggregate: aggregateAction,
  "process-result": processResultAction,
  "aggregate-multinode": aggregateMultinodeAction,
  report: reportAction,
  "validate-changelog": validateChangelogAction
};
function getConfig(env = process.env) {
  return ACTIONS[readMode()].configure(env);
}
async function run2(env = process.env) {
  const token = (env["INPUT_GITHUB-TOKEN"] ?? "").trim();
  if (token !== "") core.setSecret(token);
  let failure;
  let mode;
  try {
    const config = getConfig(env);
    mode = config.mode;
    failure = await ACTIONS[config.mode].run(config, env);
  } catch (error) {
    failure = error instanceof InputError || mode === void 0 ? error.message : `sweep-power ${mode}: ${error.message}`;
  }
  if (failure !== void 0) log.fail(failure);
}

// src/index.ts
void run2();
//# sourceMappingURL=index.js.map
