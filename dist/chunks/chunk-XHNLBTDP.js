import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  measureNodePower,
  pyFloatOfText,
  pyIntOfText
} from "./chunk-3HMOC6ZE.js";
import {
  classifyTopology,
  envFlag,
  measurePackagePower,
  multinodeGapNote,
  topologyGpuCount
} from "./chunk-7ECW4JYK.js";
import {
  Findings,
  MAX_JSON_BYTES,
  patchAggPower,
  powerExitCode,
  pyJsonFloat,
  pyJsonInt,
  pyJsonString,
  pyJsonStringObject,
  readTopLevelObject,
  renderTopLevelObject,
  writeSidecar
} from "./chunk-O6IYV7DA.js";
import {
  readTextBounded,
  resolveTelemetryPath
} from "./chunk-2XIZMTGU.js";
import {
  DEFAULT_MAX_SAMPLE_GAP_S,
  buildSidecar
} from "./chunk-IPYRE2BI.js";
import {
  writeFileAtomic
} from "./chunk-KRTMRXDF.js";

// src/io/result-run.ts
import { join, resolve } from "node:path";

// src/core/bench-fields.ts
var NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
function numberOf(raw) {
  if (raw === "NaN") return Number.NaN;
  if (raw === "Infinity") return Infinity;
  if (raw === "-Infinity") return -Infinity;
  return NUMBER_TEXT.test(raw) ? Number(raw) : void 0;
}
function pyNumberOf(raw, kind) {
  if (raw === "true") return 1;
  if (raw === "false") return 0;
  if (raw.startsWith('"')) {
    let text;
    try {
      text = JSON.parse(raw);
    } catch {
      return void 0;
    }
    if (typeof text !== "string") return void 0;
    return kind === "int" ? pyIntOfText(text) : pyFloatOfText(text);
  }
  return numberOf(raw);
}
function describe(raw) {
  if (raw.startsWith('"')) {
    const shown = raw.length > 40 ? `${raw.slice(0, 36)}..."` : raw;
    return `the string ${shown.replace(/[\u0000-\u001f\u007f]/g, "?")}`;
  }
  const kind = raw.startsWith("[") ? "a list" : raw.startsWith("{") ? "an object" : raw;
  return kind.length > 40 ? `${kind.slice(0, 37)}...` : kind;
}
function readBench(text, source, problems) {
  const parsed = readTopLevelObject(text);
  if (!parsed.ok) {
    const trimmed = text.replace(/^\uFEFF/, "").trimStart();
    const what = trimmed.startsWith("[") ? "is a JSON list; expected one benchmark result object" : `is not a JSON object (${parsed.error})`;
    problems.push({
      subject: source,
      problem: `${what}. Point RESULT_FILENAME at the benchmark client's --save-result output.`
    });
    return void 0;
  }
  const values = /* @__PURE__ */ new Map();
  for (const member of parsed.members) values.set(member.key, member.valueRaw);
  const before = problems.length;
  const field = (key) => {
    const raw = values.get(key);
    if (raw === void 0)
      problems.push({
        subject: `${source}: ${key}`,
        problem: "missing; the benchmark client writes it in every result"
      });
    return raw;
  };
  const finite = (key) => {
    const raw = field(key);
    if (raw === void 0) return Number.NaN;
    const n = pyNumberOf(raw, "float");
    if (n === void 0 || !Number.isFinite(n)) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe(raw)}; expected a finite number (a number, or a string such as "6000.5" that Python's float() reads)`
      });
      return Number.NaN;
    }
    return n;
  };
  let concurrency = Number.NaN;
  const concRaw = field("max_concurrency");
  if (concRaw !== void 0) {
    const n = pyNumberOf(concRaw, "int");
    if (n === void 0 || !Number.isSafeInteger(n) || n <= 0)
      problems.push({
        subject: `${source}: max_concurrency`,
        problem: `is ${describe(concRaw)}; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`
      });
    else concurrency = n;
  }
  let modelId = "";
  const modelRaw = field("model_id");
  if (modelRaw !== void 0) {
    const value = modelRaw.startsWith('"') ? JSON.parse(modelRaw) : void 0;
    if (typeof value !== "string" || value === "")
      problems.push({
        subject: `${source}: model_id`,
        problem: `is ${describe(modelRaw)}; expected the model name as a non-empty string`
      });
    else modelId = value;
  }
  const totalThroughput = finite("total_token_throughput");
  const outputThroughput = finite("output_throughput");
  const conversions = [];
  for (const [key, raw] of values) {
    const isMs = key.endsWith("ms");
    const isTpot = key.includes("tpot");
    if (!isMs && !isTpot) continue;
    const n = pyNumberOf(raw, "float");
    if (n === void 0) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe(raw)}; keys ending in "ms" or naming "tpot" must hold a number of milliseconds (or a string Python's float() reads)`
      });
      continue;
    }
    if (isMs) conversions.push([key.replaceAll("_ms", ""), pyJsonFloat(n / 1e3)]);
    if (isTpot) {
      if (n === 0) {
        problems.push({
          subject: `${source}: ${key}`,
          problem: "is 0; interactivity is 1000 / tpot, so tpot must be non-zero"
        });
        continue;
      }
      conversions.push([key.replaceAll("_ms", "").replaceAll("tpot", "intvty"), pyJsonFloat(1e3 / n)]);
    }
  }
  if (problems.length > before) return void 0;
  return { concurrency, modelId, totalThroughput, outputThroughput, conversions };
}

// src/core/process-result.ts
var MISSING_ENV_LEAD = "Missing required environment variables";
var REQUIRED_ENV = [
  "RUNNER_TYPE",
  "FRAMEWORK",
  "PRECISION",
  "SPEC_DECODING",
  "RESULT_FILENAME",
  "ISL",
  "OSL",
  "DISAGG",
  "MODEL_PREFIX",
  "IMAGE"
];
var COMPONENT_METADATA_ENV = [["ROUTER_METADATA", "router"]];
function checkResultFilename(name) {
  if (name === "") return "is empty; expected the benchmark result file name without .json";
  if (/[/\\]/.test(name) || name === "." || name === ".." || name.includes("\0")) {
    return `is "${name.replace(/[\u0000-\u001f]/g, "?")}"; expected a plain file name in the result folder (no path separators, no "..")`;
  }
  return void 0;
}
function componentMetadata(env, variable, problems) {
  const raw = env[variable];
  if (raw === void 0 || raw === "" || raw === "null") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({
      subject: variable,
      problem: 'is not valid JSON; expected {"name": "...", "version": "..."}',
      lead: `${variable} must contain valid JSON`
    });
    return void 0;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    problems.push({
      subject: variable,
      problem: 'is not a JSON object; expected exactly {"name": "...", "version": "..."}',
      lead: `${variable} must contain exactly 'name' and 'version'`
    });
    return void 0;
  }
  const keys = Object.keys(parsed);
  if (keys.length !== 2 || !keys.includes("name") || !keys.includes("version")) {
    problems.push({
      subject: variable,
      problem: `has keys [${keys.join(", ")}]; expected exactly "name" and "version"`,
      lead: `${variable} must contain exactly 'name' and 'version'`
    });
    return void 0;
  }
  const entries = Object.entries(parsed);
  if (!entries.every(([, v]) => typeof v === "string" && v !== "")) {
    problems.push({
      subject: variable,
      problem: "name and version must be non-empty strings",
      lead: `${variable} name and version must be non-empty strings`
    });
    return void 0;
  }
  return entries;
}
function topologyLead(env, variable) {
  if (env[variable] === void 0 && !variable.endsWith("_HARDWARE")) return MISSING_ENV_LEAD;
  const multinode = envFlag(env.IS_MULTINODE);
  if (variable === "DISAGG" && !multinode) return "Disaggregated mode requires multinode setup.";
  if (variable === "PREFILL_HARDWARE" || variable === "DECODE_HARDWARE")
    return "PREFILL_HARDWARE and DECODE_HARDWARE must be specified together.";
  if (multinode && (variable === "PREFILL_GPUS" || variable === "DECODE_GPUS")) {
    const prefill = pyIntOfText(env.PREFILL_GPUS ?? "");
    const decode = pyIntOfText(env.DECODE_GPUS ?? "");
    if (prefill !== void 0 && decode !== void 0) {
      if (prefill + decode <= 0) return "Multinode results require at least one GPU.";
      if (prefill <= 0) return "Multinode results require at least one prefill GPU.";
    }
  }
  return void 0;
}
function processResult(env, benchSource, benchText) {
  const problems = [];
  for (const name of REQUIRED_ENV) {
    if (env[name] === void 0)
      problems.push({ subject: name, problem: "missing; it is required for every run", lead: MISSING_ENV_LEAD });
  }
  const resultFilename = env.RESULT_FILENAME ?? "";
  if (env.RESULT_FILENAME !== void 0) {
    const bad = checkResultFilename(resultFilename);
    if (bad) problems.push({ subject: "RESULT_FILENAME", problem: bad });
  }
  const sequence = (name) => {
    const raw = env[name];
    if (raw === void 0) return Number.NaN;
    const n = pyIntOfText(raw);
    if (n === void 0 || !(n > 0) || !Number.isSafeInteger(n)) {
      problems.push({
        subject: name,
        problem: `is "${raw.slice(0, 40)}"; expected the ${name === "ISL" ? "input" : "output"} sequence length, a positive integer`
      });
      return Number.NaN;
    }
    return n;
  };
  const isl = sequence("ISL");
  const osl = sequence("OSL");
  const metadata = [];
  for (const [variable, key] of COMPONENT_METADATA_ENV) {
    const entries = componentMetadata(env, variable, problems);
    if (entries) metadata.push([key, entries]);
  }
  const classified = classifyTopology(env);
  if (!classified.ok)
    problems.push(
      ...classified.problems.map((p) => ({
        subject: p.variable,
        problem: p.problem,
        lead: topologyLead(env, p.variable)
      }))
    );
  if (benchText === void 0) return { ok: false, problems };
  const bench = readBench(benchText, benchSource, problems);
  if (problems.length > 0 || !bench || !classified.ok) return { ok: false, problems };
  const topology = classified.topology;
  const members = [
    ["hw", pyJsonString(env.RUNNER_TYPE)],
    ["conc", pyJsonInt(bench.concurrency)],
    ["image", pyJsonString(env.IMAGE)],
    ["model", pyJsonString(bench.modelId)],
    ["infmax_model_prefix", pyJsonString(env.MODEL_PREFIX)],
    ["framework", pyJsonString(env.FRAMEWORK)],
    ["precision", pyJsonString(env.PRECISION)],
    ["spec_decoding", pyJsonString(env.SPEC_DECODING)],
    // The topology decides: a multinode run without a decode pool is aggregated whatever DISAGG says.
    ["disagg", String(topology.disagg)],
    ["recipe_fingerprint", pyJsonString(env.RECIPE_FINGERPRINT ?? "")],
    ["isl", pyJsonInt(isl)],
    ["osl", pyJsonInt(osl)]
  ];
  for (const [key, entries] of metadata) members.push([key, pyJsonStringObject(entries, 1)]);
  if (env.KV_P2P_TRANSFER) members.push(["kv_p2p_transfer", pyJsonString(env.KV_P2P_TRANSFER)]);
  const inputThroughput = bench.totalThroughput - bench.outputThroughput;
  if (topology.kind === "single-node") {
    const gpus = topology.gpuCount;
    members.push(
      ["is_multinode", "false"],
      ["tp", pyJsonInt(topology.tp)],
      ["pp", pyJsonInt(topology.pp)],
      ["dcp_size", pyJsonInt(topology.dcpSize)],
      ["pcp_size", pyJsonInt(topology.pcpSize)],
      ["ep", pyJsonInt(topology.ep)],
      ["dp_attention", pyJsonString(topology.dpAttention)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / gpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / gpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / gpus)]
    );
  } else {
    const { prefill, decode } = topology;
    const outputGpus = decode.gpus > 0 ? decode.gpus : topology.totalGpus;
    members.push(
      ["is_multinode", "true"],
      ["prefill_tp", pyJsonInt(prefill.tp)],
      ["prefill_pp", pyJsonInt(prefill.pp)],
      ["prefill_dcp_size", pyJsonInt(prefill.dcpSize)],
      ["prefill_pcp_size", pyJsonInt(prefill.pcpSize)],
      ["prefill_ep", pyJsonInt(prefill.ep)],
      ["prefill_dp_attention", pyJsonString(prefill.dpAttention)],
      ["prefill_num_workers", pyJsonInt(prefill.numWorkers)],
      ["decode_tp", pyJsonInt(decode.tp)],
      ["decode_pp", pyJsonInt(decode.pp)],
      ["decode_dcp_size", pyJsonInt(decode.dcpSize)],
      ["decode_pcp_size", pyJsonInt(decode.pcpSize)],
      ["decode_ep", pyJsonInt(decode.ep)],
      ["decode_dp_attention", pyJsonString(decode.dpAttention)],
      ["decode_num_workers", pyJsonInt(decode.numWorkers)],
      ["num_prefill_gpu", pyJsonInt(prefill.gpus)],
      ["num_decode_gpu", pyJsonInt(decode.gpus)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / topology.totalGpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / outputGpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / prefill.gpus)]
    );
    if (topology.prefillHardware !== void 0) {
      members.push(
        ["prefill_hw", pyJsonString(topology.prefillHardware)],
        ["decode_hw", pyJsonString(topology.decodeHardware)]
      );
    }
  }
  const ordered = new Map(members);
  for (const [key, value] of bench.conversions) ordered.set(key, value);
  const rendered = [...ordered].map(([key, valueRaw]) => ({ key, keyRaw: pyJsonString(key), valueRaw }));
  return { ok: true, agg: { text: renderTopLevelObject(rendered), topology, resultFilename } };
}

// src/io/result-run.ts
var EXIT_CONFIG = 1;
async function runResultPipeline(options, steps = { aggregate: measureNodePower, aggregateMultinode: measurePackagePower }) {
  const log = { stdout: [], stderr: [] };
  const dir = resolve(options.cwd, options.resultDir ?? ".");
  const env = options.resultFilename === void 0 ? options.env : { ...options.env, RESULT_FILENAME: options.resultFilename };
  const name = env.RESULT_FILENAME;
  const readProblems = [];
  let benchPath = join(dir, `${name ?? "<RESULT_FILENAME>"}.json`);
  let benchText;
  if (name !== void 0 && checkResultFilename(name) === void 0) {
    benchPath = join(dir, `${name}.json`);
    try {
      benchText = await readTextBounded(benchPath, MAX_JSON_BYTES);
    } catch (error) {
      const code = error.code;
      readProblems.push({
        subject: benchPath,
        problem: code === "ENOENT" ? "no such file; check RESULT_FILENAME (without .json) and the result-dir option" : `cannot be read (${error.message})`
      });
    }
  }
  const outcome = processResult(env, benchPath, benchText);
  if (!outcome.ok || readProblems.length > 0) {
    const problems = [...readProblems, ...outcome.ok ? [] : outcome.problems];
    log.stderr.push(`sweep-power process-result: ${problems.length} configuration problem(s); nothing was written:`);
    for (const lead of leadLines(problems)) log.stderr.push(`  ${lead}`);
    for (const p of problems) log.stderr.push(`  ${p.subject}: ${p.problem}`);
    return { exitCode: EXIT_CONFIG, aggWritten: false, problems, log };
  }
  const { agg } = outcome;
  const aggPath = join(dir, `agg_${agg.resultFilename}.json`);
  const sidecarPath = join(dir, `power_validation_${agg.resultFilename}.json`);
  try {
    await writeFileAtomic(aggPath, agg.text);
  } catch (error) {
    log.stderr.push(`sweep-power process-result: cannot write ${aggPath}: ${error.message}`);
    return { exitCode: 1, topology: agg.topology.kind, aggResult: aggPath, aggWritten: false, problems: [], log };
  }
  log.stdout.push(`sweep-power process-result: ${agg.topology.kind} -> ${aggPath}`);
  const requirePower = options.requirePower;
  const topology = agg.topology;
  const expectedGpus = topologyGpuCount(topology);
  let power;
  let exitCode = 0;
  try {
    if (topology.kind === "single-node") {
      power = await steps.aggregate({
        csv: options.csv,
        benchResult: benchPath,
        aggResult: aggPath,
        expectedNumGpus: expectedGpus,
        validationResult: sidecarPath,
        maxSampleGapS: options.maxSampleGapS,
        requirePower,
        cwd: dir,
        env
      });
    } else {
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) log.stderr.push(note);
      power = await steps.aggregateMultinode({
        powerDir: options.powerDir,
        logsRoot: options.logsRoot,
        benchResult: benchPath,
        aggResult: aggPath,
        prefillGpus: topology.prefill.gpus,
        decodeGpus: topology.decode.gpus,
        validationResult: sidecarPath,
        requirePower,
        cwd: dir,
        env
      });
    }
    log.stdout.push(...power.log.stdout);
    log.stderr.push(...power.log.stderr);
    exitCode = power.exitCode;
  } catch (error) {
    log.stderr.push(
      `sweep-power process-result: power aggregation failed: ${error?.message ?? String(error)}`
    );
    const telemetrySource = topology.kind === "single-node" ? options.csv ? resolve(dir, options.csv) : resolveTelemetryPath(env, dir).path : resolve(dir, options.powerDir ?? (env.POWER_ARTIFACT_DIR || "LOGS/power"));
    power = await recordInternalError(
      aggPath,
      sidecarPath,
      benchPath,
      telemetrySource,
      expectedGpus,
      error,
      requirePower,
      log
    );
    exitCode = power.exitCode;
  }
  const aggJson = await readTextBounded(aggPath, MAX_JSON_BYTES).catch(() => agg.text);
  return {
    exitCode,
    topology: topology.kind,
    aggResult: aggPath,
    aggWritten: true,
    problems: [],
    power,
    log,
    aggJson: aggJson.replace(/\n$/, "")
  };
}
function leadLines(problems) {
  const lines = [];
  const missing = problems.filter((p) => p.lead === MISSING_ENV_LEAD).map((p) => p.subject);
  for (const p of problems) {
    if (p.lead === void 0) continue;
    const line = p.lead === MISSING_ENV_LEAD ? `${MISSING_ENV_LEAD}: ${missing.join(", ")}` : p.lead;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
async function recordInternalError(aggPath, sidecarPath, benchPath, telemetrySource, expectedGpus, error, requirePower, log) {
  const message = error instanceof Error ? error.message : String(error);
  const findings = new Findings();
  findings.add(
    "aggregation_internal_error",
    `power aggregation failed unexpectedly (${message.slice(0, 200)}); the agg JSON keeps power_valid 0. Report this with the telemetry attached.`
  );
  const aggPatched = await patchAggPower(aggPath, false, {}, findings);
  if (!aggPatched)
    log.stderr.push(
      `sweep-power process-result: could not mark ${aggPath} power_valid 0: ${findings.list().slice(1).map((f) => f.message).join("; ")}`
    );
  const reasons = findings.list().slice(0, 1);
  let sidecarWritten = false;
  try {
    const sidecar = buildSidecar({
      telemetrySource,
      benchResult: benchPath,
      valid: false,
      findings: reasons,
      expectedGpus,
      devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
      metrics: {},
      maxSampleGapS: DEFAULT_MAX_SAMPLE_GAP_S
    });
    sidecar.internal_error = {
      type: error instanceof Error ? error.name : typeof error,
      message: message.slice(0, 500)
    };
    sidecarWritten = await writeSidecar(sidecarPath, sidecar, "process-result", log.stderr, null);
  } catch (sidecarError) {
    log.stderr.push(
      `sweep-power process-result: cannot write the validation sidecar ${sidecarPath}: ${sidecarError.message}`
    );
  }
  return {
    valid: false,
    reasons,
    metrics: {},
    aggResult: aggPath,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(false, sidecarWritten, requirePower),
    log: { stdout: [], stderr: [] }
  };
}

export {
  EXIT_CONFIG,
  runResultPipeline
};
//# sourceMappingURL=chunk-XHNLBTDP.js.map
