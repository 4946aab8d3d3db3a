import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runResultPipeline
} from "./chunk-XHNLBTDP.js";
import {
  visualizerLinks
} from "./chunk-XQ4LLTLI.js";
import {
  MAX_RESULT_BYTES,
  capText,
  insightsFromSidecar,
  powerStatusOf,
  reasonsOf,
  sidecarNameFor,
  topologyOf
} from "./chunk-PJCUZUER.js";
import {
  escapeMarkdown
} from "./chunk-XKQWIWGY.js";
import {
  measureNodePower
} from "./chunk-3HMOC6ZE.js";
import {
  renderInsights
} from "./chunk-M55ZDXEJ.js";
import {
  redactCredentials
} from "./chunk-L2B7OZ5H.js";
import {
  envFlag,
  measurePackagePower,
  multinodeGapNote
} from "./chunk-7ECW4JYK.js";
import {
  readJsonBounded,
  readJsonObject,
  reasonCodes
} from "./chunk-O6IYV7DA.js";
import {
  resolveTelemetryPath
} from "./chunk-2XIZMTGU.js";
import {
  confinePath,
  escapesRoot,
  findFiles,
  hasGlob
} from "./chunk-CTM5CEWH.js";

// src/commands/job.ts
import { existsSync as existsSync4 } from "node:fs";
import { basename as basename4, dirname as dirname3, join as join3, relative as relative2, resolve as resolve2 } from "node:path";

// src/io/job-inputs.ts
import { readdir } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
var JobInputError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
};
async function resolveSingleInput(workspace, inputName, value) {
  if (!hasGlob(value)) return confinePath(workspace, value);
  const { files } = await findFiles(workspace, value, { maxFiles: 2 });
  if (files.length === 0)
    throw new JobInputError(
      "telemetry_file_missing",
      `input '${inputName}': "${value}" matches no file in the workspace`
    );
  if (files.length > 1)
    throw new JobInputError(
      "input_matches_many",
      `input '${inputName}': "${value}" matches more than one file (${files.map((f) => basename(f)).join(", ")}, \u2026); make it match exactly one`
    );
  return files[0];
}
async function locateTelemetry(workspace, input, env) {
  if (input) {
    const path = await resolveSingleInput(workspace, "gpu-metrics", input);
    return { path, searched: [path], found: existsSync(path), refused: [] };
  }
  return resolveTelemetryPath(env, workspace);
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
async function locateBenchResult(workspace, input, env) {
  const named = input ?? env.RESULT_FILENAME;
  if (named) {
    const file = named.endsWith(".json") ? named : `${named}.json`;
    const path2 = await confinePath(workspace, file);
    if (!isFile(path2))
      throw new JobInputError(
        "bench_result_missing",
        `${input ? "input 'result-filename'" : "RESULT_FILENAME"}: ${path2} does not exist`
      );
    return { path: path2, resultFilename: basename(file).replace(/\.json$/, ""), refused: [] };
  }
  const candidates = [];
  const refused = [];
  for (const name of (await readdir(workspace)).sort()) {
    if (!name.endsWith(".json") || name.startsWith("agg_") || name.startsWith("power_validation_")) continue;
    const path2 = join(workspace, name);
    const why = escapesRoot(workspace, path2);
    if (why !== void 0) {
      refused.push(why);
      continue;
    }
    const parsed = (await readJsonBounded(path2, 64 * 1024 * 1024)).value;
    if (typeof parsed === "object" && parsed !== null && "benchmark_start_time_unix" in parsed) candidates.push(path2);
  }
  if (candidates.length === 0)
    throw new JobInputError(
      "bench_result_missing",
      `no benchmark result in ${workspace}: set input 'result-filename' or RESULT_FILENAME, or write one *.json with benchmark_start_time_unix${refused.length > 0 ? ` (refused: ${refused.join("; ")})` : ""}`
    );
  if (candidates.length > 1)
    throw new JobInputError(
      "bench_result_ambiguous",
      `more than one benchmark result in ${workspace} (${candidates.map((c) => basename(c)).join(", ")}); set input 'result-filename'`
    );
  const path = candidates[0];
  return { path, resultFilename: basename(path).replace(/\.json$/, ""), refused };
}
var AUDIT_SIDE_FILES = [
  "gpu_metrics_energy_start.csv",
  "gpu_metrics_energy_end.csv",
  "gpu_metrics_identity.json"
];
function auditSideFiles(folder, root) {
  const files = [];
  const refused = [];
  for (const path of AUDIT_SIDE_FILES.map((name) => join(folder, name)).filter(isFile)) {
    const why = escapesRoot(root, path);
    if (why === void 0) files.push(path);
    else refused.push(why);
  }
  return { files, refused };
}

// src/commands/job-finish.ts
import { existsSync as existsSync3 } from "node:fs";
import { basename as basename3, dirname as dirname2, join as join2 } from "node:path";

// src/core/report/job.ts
var esc = (value) => escapeMarkdown(typeof value === "string" ? capText(value) : value);
function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function int(value) {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : finite(value);
  return n !== void 0 && Number.isInteger(n) && n > 0 ? n : void 0;
}
function gpuCountOf(agg, sidecar) {
  const observed = int(sidecar?.observed_gpu_count) ?? int(sidecar?.expected_gpu_count);
  if (observed !== void 0) return observed;
  const prefill = int(agg.num_prefill_gpu);
  const decode = int(agg.num_decode_gpu) ?? (agg.num_decode_gpu === 0 ? 0 : void 0);
  if (prefill !== void 0 && decode !== void 0) return prefill + decode;
  const tp = int(agg.tp);
  return tp === void 0 ? void 0 : tp * (int(agg.pp) ?? 1) * (int(agg.pcp_size) ?? 1);
}
function fixed(value, digits, unit = "") {
  return value === void 0 ? "\u2013" : `${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit}`;
}
function renderJobSummary(input) {
  const { agg, sidecar } = input;
  const status = powerStatusOf(agg);
  const valid = status === "valid";
  const jpot = valid ? finite(agg.joules_per_output_token) : void 0;
  const energy = valid ? finite(agg.total_gpu_energy_j) : void 0;
  const reasons = reasonsOf(sidecar?.reasons, agg.power_invalid_reasons);
  const config = [agg.model ?? agg.infmax_model_prefix, agg.hw, agg.framework, agg.precision].map((v) => esc(v ?? "")).join(" \xB7 ");
  const validity = valid ? "\u2705 valid" : status === "invalid" ? `\u274C invalid${reasons.length > 0 ? `: ${reasons.map(esc).join(", ")}` : ""}` : "\u2796 no power data";
  const lines = [
    `### GPU power${input.resultFilename ? ` \xB7 ${esc(input.resultFilename)}` : ""}`,
    "",
    "| | |",
    "|---|---|",
    `| Config | ${config} \xB7 ${esc(agg.isl ?? "")}/${esc(agg.osl ?? "")} \xB7 conc ${esc(agg.conc ?? "")} |`,
    `| Topology | ${esc(topologyOf(agg))} |`,
    `| GPUs | ${gpuCountOf(agg, sidecar) ?? "\u2013"} |`,
    `| Avg power per GPU | ${fixed(valid ? finite(agg.avg_power_w) : void 0, 1, " W")} |`,
    `| Total GPU energy | ${fixed(energy, 0, " J")} |`,
    `| Energy per output token | ${jpot === void 0 ? "\u2013" : `${Number(jpot.toPrecision(4))} J`} |`,
    `| Output tokens per joule | ${jpot === void 0 || jpot <= 0 ? "\u2013" : String(Number((1 / jpot).toPrecision(4)))} |`,
    `| Power | ${validity} |`
  ];
  const read = insightsFromSidecar(sidecar);
  if (read) lines.push("", ...renderInsights(read.insights, read.startUnix, read.endUnix));
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  if (links) lines.push("", `Visualizer: [inference](${links.inference}) \xB7 [evaluation](${links.evaluation})`);
  if (input.artifacts && input.artifacts.length > 0) {
    lines.push("", "| Artifact | Files | Upload |", "|---|--:|---|");
    for (const a of input.artifacts)
      lines.push(
        `| ${esc(a.name)} | ${a.files.length} | ${a.error ? `\u26A0\uFE0F ${esc(a.error)}` : a.id !== void 0 ? `\u2705 id ${a.id}` : "\u2705"} |`
      );
  }
  return lines.join("\n");
}

// src/github/artifacts.ts
import { basename as basename2, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { existsSync as existsSync2 } from "node:fs";
function artifactNames(resultFilename, prefix = "", attempt = 1) {
  const suffix = attempt > 1 ? `_attempt${attempt}` : "";
  return { bmk: `${prefix}bmk_${resultFilename}${suffix}`, audit: `${prefix}power_audit_${resultFilename}${suffix}` };
}
function runAttemptOf(value) {
  return value !== void 0 && /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value.trim()) : 1;
}
function jobArtifactRequests(job) {
  const names = artifactNames(job.resultFilename, job.prefix, job.attempt);
  const unique = (files) => [
    ...new Set(files.filter((f) => f !== void 0))
  ];
  return [
    { name: names.bmk, files: unique(job.aggResults) },
    {
      name: names.audit,
      files: unique([
        job.benchResult,
        ...job.aggResults,
        job.telemetryCsv,
        ...job.sidecars ?? [],
        ...job.extras ?? []
      ])
    }
  ];
}
function artifactIdsOutput(outcomes) {
  return outcomes.filter((o) => o.id !== void 0).map((o) => `${o.name}=${o.id}`).join(",");
}
function commonRoot(files) {
  const dirs = files.map((f) => dirname(resolve(f)));
  let root = dirs[0] ?? process.cwd();
  for (const dir of dirs.slice(1)) {
    for (; ; ) {
      const rel = relative(root, dir);
      if (rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) || root === dirname(root))
        break;
      root = dirname(root);
    }
  }
  return root;
}
async function defaultClient() {
  const { createArtifactClient } = await import("./artifact-client-PEFD5VA2.js");
  return createArtifactClient();
}
function describeUploadError(error) {
  const e = error;
  const message = redactCredentials(e?.message ?? String(error));
  if (/CreateArtifact|FinalizeArtifact/.test(message)) return message;
  if (e?.name === "RestError" || e?.name === "NetworkError" || /upload progress stalled/i.test(message)) {
    return `the blob upload to artifact storage failed${typeof e.statusCode === "number" ? ` (HTTP ${e.statusCode})` : ""}: ${message}`;
  }
  return message;
}
async function uploadArtifacts(requests, options = {}) {
  const outcomes = [];
  let client = options.client;
  for (const request of requests) {
    const files = request.files.filter((f) => existsSync2(f));
    const missing = request.files.filter((f) => !existsSync2(f));
    const outcome = { name: request.name, files, missing };
    outcomes.push(outcome);
    if (files.length === 0) {
      outcome.error = `artifact ${request.name}: none of its files exist`;
      continue;
    }
    try {
      client ??= await defaultClient();
      const uploaded = await client.uploadArtifact(
        request.name,
        files,
        commonRoot(files),
        options.retentionDays === void 0 ? {} : { retentionDays: options.retentionDays }
      );
      outcome.id = uploaded.id;
      outcome.size = uploaded.size;
    } catch (error) {
      outcome.error = `artifact ${request.name}: ${describeUploadError(error)}`;
    }
  }
  return outcomes;
}
function uploadAdvice(error) {
  if (/none of its files exist/.test(error)) return "Check the paths the job writes.";
  if (/\(409\)|HTTP 409|already.?exists/i.test(error))
    return "Artifact names must be unique in a workflow run: give each job a distinct RESULT_FILENAME or artifact-prefix.";
  if (/\((401|403)\)|HTTP (401|403)/.test(error))
    return "The artifact service refused the job's credentials; rerun the job.";
  return "Rerun the job, or upload the files with actions/upload-artifact.";
}
function uploadWarnings(outcomes) {
  return outcomes.filter((o) => o.error !== void 0).map(
    (o) => `Upload failed, ${o.error}. ${uploadAdvice(o.error)} The files stay in the workspace: ${o.files.map((f) => basename2(f)).join(", ") || "(none)"}.`
  );
}

// src/commands/job-finish.ts
function topologyKindOf(agg) {
  const yes = (v) => v === true || typeof v === "string" && v.trim().toLowerCase() === "true";
  if (!yes(agg.is_multinode)) return "single-node";
  return yes(agg.disagg) ? "multinode-disagg" : "multinode-agg";
}
function numberOutput(value) {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}
async function finishJob(options) {
  const warnings = [];
  const sidecars = options.sidecars ?? options.aggResults.map((agg2) => join2(dirname2(agg2), sidecarNameFor(agg2))).filter((p) => existsSync3(p));
  const roots = options.roots ?? options.aggResults.map((agg2) => dirname2(agg2));
  const side = options.telemetryCsv ? auditSideFiles(dirname2(options.telemetryCsv), roots[0] ?? dirname2(options.telemetryCsv)) : { files: [], refused: [] };
  warnings.push(...side.refused);
  const extras = [...side.files, ...options.extras ?? []];
  let artifacts = [];
  if (options.upload) {
    const requests = jobArtifactRequests({
      resultFilename: options.resultFilename,
      prefix: options.artifactPrefix,
      attempt: options.runAttempt,
      aggResults: options.aggResults,
      benchResult: options.benchResult,
      telemetryCsv: options.telemetryCsv,
      sidecars,
      extras
    });
    const refused = /* @__PURE__ */ new Set();
    for (const request of requests) {
      request.files = request.files.filter((file) => {
        const reasons = roots.map((root) => escapesRoot(root, file));
        if (reasons.some((why) => why === void 0)) return true;
        refused.add(reasons[0]);
        return false;
      });
    }
    warnings.push(...refused);
    artifacts = await uploadArtifacts(requests, { retentionDays: options.retentionDays, client: options.uploader });
    warnings.push(...uploadWarnings(artifacts));
  }
  const primary = options.aggResults[0];
  const agg = (primary ? await readJsonObject(primary, MAX_RESULT_BYTES) : void 0) ?? {};
  const sidecar = sidecars[0] ? await readJsonObject(sidecars[0], MAX_RESULT_BYTES) : void 0;
  if (primary && Object.keys(agg).length === 0)
    warnings.push(`${basename3(primary)} could not be read as a JSON object; the summary has no metrics`);
  const valid = powerStatusOf(agg) === "valid";
  const summary = renderJobSummary({
    agg,
    sidecar,
    resultFilename: options.resultFilename,
    runId: options.runId,
    visualizerUrl: options.visualizerUrl,
    artifacts: artifacts.map((a) => ({ name: a.name, id: a.id, files: a.files, error: a.error }))
  });
  const outputs = {
    "agg-result": primary ?? "",
    "power-valid": valid ? "1" : "0",
    "avg-power-w": valid ? numberOutput(agg.avg_power_w) : "",
    "total-gpu-energy-j": valid ? numberOutput(agg.total_gpu_energy_j) : "",
    "joules-per-output-token": valid ? numberOutput(agg.joules_per_output_token) : "",
    topology: topologyKindOf(agg),
    "artifact-ids": artifactIdsOutput(artifacts)
  };
  return { outputs, summary, warnings, artifacts };
}

// src/commands/job.ts
var JobConfigError = class extends Error {
};
function positiveInt(value) {
  return value !== void 0 && /^\s*\d+\s*$/.test(value) && Number(value) > 0 ? Number(value) : void 0;
}
function expectedGpusFor(input, env) {
  if (input !== void 0) return input;
  const tp = positiveInt(env.TP);
  if (tp === void 0) return void 0;
  return tp * (positiveInt(env.PP_SIZE) ?? 1) * (positiveInt(env.PCP_SIZE) ?? 1);
}
async function locatePowerPackage(workspace, dir, env) {
  const logsRootFromEnv = env.POWER_RESULT_ROOT ? resolve2(dir, env.POWER_RESULT_ROOT) : void 0;
  if (env.POWER_ARTIFACT_DIR)
    return { powerDir: resolve2(dir, env.POWER_ARTIFACT_DIR), logsRoot: logsRootFromEnv ?? resolve2(dir, "LOGS") };
  for (const candidate of ["LOGS/power", "power"]) {
    const powerDir = await confinePath(workspace, relative2(workspace, join3(dir, candidate)));
    if (existsSync4(join3(powerDir, "manifest.json")))
      return { powerDir, logsRoot: logsRootFromEnv ?? dirname3(powerDir) };
  }
  return { powerDir: resolve2(dir, "LOGS/power"), logsRoot: logsRootFromEnv ?? resolve2(dir, "LOGS") };
}
async function packageFiles(powerDir) {
  if (!existsSync4(powerDir)) return [];
  const { files } = await findFiles(powerDir, ".", { maxFiles: 1e3, defaultPattern: "**/*" });
  return files;
}
function logged(result, valid, ports) {
  for (const line of result.log.stdout) ports.info(line);
  for (const line of result.log.stderr) valid(result) ? ports.info(line) : ports.warning(line);
  return result;
}
async function runJob(options, ports) {
  const { workspace, env } = options;
  const located = await ports.group("Locate the job files", async () => {
    const bench2 = await locateBenchResult(workspace, options.resultFilename, env);
    const dir2 = dirname3(bench2.path);
    const multinode2 = envFlag(env.IS_MULTINODE);
    const telemetry2 = multinode2 ? void 0 : await locateTelemetry(workspace, options.gpuMetrics, env);
    const aggPath2 = join3(dir2, `agg_${bench2.resultFilename}.json`);
    for (const why of [...bench2.refused, ...telemetry2?.refused ?? []]) ports.warning(why);
    const aggEscape = escapesRoot(workspace, aggPath2);
    if (aggEscape !== void 0)
      throw new JobConfigError(`${aggEscape}; remove the link so the agg JSON can be written in the workspace`);
    ports.info(`benchmark result: ${bench2.path}`);
    ports.info(
      `agg JSON: ${aggPath2}${existsSync4(aggPath2) ? " (exists: its power fields are patched)" : " (written from the job environment)"}`
    );
    let pkg2;
    if (multinode2) {
      pkg2 = await locatePowerPackage(workspace, dir2, env);
      ports.info(
        `multinode power package: ${pkg2.powerDir}${existsSync4(join3(pkg2.powerDir, "manifest.json")) ? "" : " (no manifest.json)"}`
      );
    } else if (telemetry2) {
      ports.info(
        telemetry2.found ? `telemetry: ${telemetry2.path}` : `telemetry: none found; looked at ${telemetry2.searched.join(", ")}`
      );
    }
    return { bench: bench2, dir: dir2, telemetry: telemetry2, multinode: multinode2, aggPath: aggPath2, pkg: pkg2 };
  });
  const { bench, dir, telemetry, multinode, aggPath, pkg } = located;
  const sidecarPath = join3(dir, `power_validation_${bench.resultFilename}.json`);
  const requirePower = options.requirePower;
  const csv = telemetry && (options.gpuMetrics || telemetry.found) ? telemetry.path : void 0;
  let path;
  let exitCode = 0;
  let reasons = [];
  let validationResult;
  if (existsSync4(aggPath)) {
    if (multinode) {
      path = "aggregate-multinode";
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) ports.warning(note);
      const prefillGpus = positiveInt(env.PREFILL_GPUS);
      const decodeGpus = /^\s*\d+\s*$/.test(env.DECODE_GPUS ?? "") ? Number(env.DECODE_GPUS) : void 0;
      if (prefillGpus === void 0 || decodeGpus === void 0)
        throw new JobConfigError(
          `${basename4(aggPath)} exists and IS_MULTINODE is true: set PREFILL_GPUS (>= 1) and DECODE_GPUS (>= 0, 0 when aggregated) in the job environment`
        );
      const result = await ports.group(
        "Aggregate multinode GPU power",
        async () => logged(
          await measurePackagePower({
            powerDir: pkg?.powerDir,
            logsRoot: pkg?.logsRoot,
            benchResult: bench.path,
            aggResult: aggPath,
            prefillGpus,
            decodeGpus,
            validationResult: sidecarPath,
            requirePower,
            cwd: dir,
            env
          }),
          (r) => r.valid,
          ports
        )
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    } else {
      path = "aggregate";
      const expectedNumGpus = expectedGpusFor(options.expectedNumGpus, env);
      if (expectedNumGpus === void 0)
        throw new JobConfigError(
          `${basename4(aggPath)} exists, so its power fields are patched: set input 'expected-num-gpus' (TP x PP x PCP) or TP (with PP_SIZE, PCP_SIZE) in the job environment`
        );
      const result = await ports.group(
        "Aggregate GPU power",
        async () => logged(
          await measureNodePower({
            csv,
            benchResult: bench.path,
            aggResult: aggPath,
            expectedNumGpus,
            validationResult: sidecarPath,
            maxSampleGapS: options.maxSampleGapS,
            requirePower,
            cwd: dir,
            env
          }),
          (r) => r.valid,
          ports
        )
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    }
  } else {
    path = "process-result";
    const result = await ports.group(
      "Process benchmark result",
      async () => logged(
        await runResultPipeline({
          resultDir: dir,
          resultFilename: bench.resultFilename,
          csv,
          powerDir: pkg?.powerDir,
          logsRoot: pkg?.logsRoot,
          maxSampleGapS: options.maxSampleGapS,
          requirePower,
          cwd: workspace,
          env
        }),
        (r) => r.power?.valid !== false,
        ports
      )
    );
    if (!result.aggWritten) {
      const problems = result.problems.map((p) => `${p.subject}: ${p.problem}`).join("; ") || "the agg JSON was not written";
      return {
        path,
        exitCode: 1,
        failure: `process-result: ${problems}`,
        reasons: [],
        outputs: {},
        summary: "",
        warnings: [],
        artifacts: []
      };
    }
    exitCode = result.exitCode;
    reasons = reasonCodes(result.power?.reasons ?? []);
    validationResult = result.power?.sidecarPath;
  }
  const finished = await ports.group(
    options.upload ? "Upload artifacts and write the job summary" : "Write the job summary",
    async () => {
      const result = await finishJob({
        resultFilename: bench.resultFilename,
        aggResults: [aggPath],
        benchResult: bench.path,
        telemetryCsv: telemetry?.found ? csv : void 0,
        sidecars: existsSync4(sidecarPath) ? [sidecarPath] : [],
        extras: pkg ? await packageFiles(pkg.powerDir) : [],
        upload: options.upload,
        retentionDays: options.retentionDays,
        artifactPrefix: options.artifactPrefix,
        runId: options.runId,
        runAttempt: options.runAttempt,
        visualizerUrl: options.visualizerUrl,
        uploader: options.uploader,
        // A power package named by the workflow may lie outside the workspace; nothing else may.
        roots: [workspace, ...multinode && env.POWER_ARTIFACT_DIR && pkg ? [pkg.powerDir] : []]
      });
      for (const artifact of result.artifacts)
        if (artifact.id !== void 0)
          ports.info(
            `uploaded ${artifact.name} (id ${artifact.id}): ${artifact.files.map((f) => relative2(workspace, f) || f).join(", ")}`
          );
      return result;
    }
  );
  const failure = exitCode !== 0 ? `power is invalid and require-power is set: ${reasons.join(", ")}` : void 0;
  return { ...finished, path, exitCode, failure, validationResult, reasons };
}

export {
  runAttemptOf,
  JobConfigError,
  expectedGpusFor,
  runJob
};
//# sourceMappingURL=chunk-3QPWQ5RY.js.map
