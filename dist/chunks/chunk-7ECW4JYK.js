import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  Findings,
  MAX_JSON_BYTES,
  PyRawValue,
  defaultSidecarPath,
  loadBench,
  parse,
  patchAggPower,
  powerExitCode,
  powerFailureLines,
  readJsonBounded,
  readLines,
  writeSidecar
} from "./chunk-O6IYV7DA.js";
import {
  DeviceIntegrator,
  InsightAccumulator
} from "./chunk-2XIZMTGU.js";
import {
  escapesRoot
} from "./chunk-CTM5CEWH.js";
import {
  INTEGRATION_METHOD,
  benchmarkWindowRecord,
  derivePowerMetrics,
  deriveRoleMetrics,
  pyRound,
  summariseDevices
} from "./chunk-IPYRE2BI.js";
import {
  compareGpuIds
} from "./chunk-4XNPLKRI.js";

// src/core/multinode/contract.ts
var PACKAGE_SCHEMA_VERSION = 1;
var WIRE_CONTRACT = [
  ["schema_version", PACKAGE_SCHEMA_VERSION],
  ["producer", "srt-slurm.dcgm-power"],
  ["source_metric", "DCGM_FI_DEV_POWER_USAGE"],
  ["unit", "W"],
  ["power_scope", "gpu_device_board_as_reported_by_dcgm"],
  ["timestamp_source", "head_node_unix_clock"]
];
var CLOCK_SOURCE = "head_node_unix_clock";
var SAMPLES_HEADER = [
  "schema_version",
  "timestamp_unix",
  "scrape_seq",
  "hostname",
  "gpu_index",
  "gpu_uuid",
  "power_w"
];
var PACKAGE_MAX_SAMPLE_GAP_S = 3;
function multinodeGapNote(maxSampleGapS) {
  if (maxSampleGapS === void 0 || maxSampleGapS === PACKAGE_MAX_SAMPLE_GAP_S) return void 0;
  return `sweep-power: the maximum sample gap of ${maxSampleGapS} s applies to single-node telemetry only; a multinode power package is checked against its own ${PACKAGE_MAX_SAMPLE_GAP_S} s limit.`;
}
var WORKER_ROLES = ["prefill", "decode", "agg"];
var FATAL_LIFECYCLE_REASONS = [
  "exporter_exited",
  "collector_exception",
  "collector_interrupted",
  "collector_join_timeout",
  "benchmark_child_reap_timeout"
];
var STARTUP_FAILURE_REASONS = ["exporter_startup_timeout", "exporter_launch_failed", "endpoint_resolution_failed"];
var WINDOW_STATUSES = ["running", "completed", "failed", "interrupted"];
var isFiniteNumber = (v) => typeof v === "number" && Number.isFinite(v);
var isWhole = (v, minimum) => typeof v === "number" && Number.isInteger(v) && v >= minimum;
var show = (v) => {
  const text = v === void 0 ? "missing" : JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
var ManifestError = class extends Error {
};
var deviceKey = (hostname, gpuIndex) => `${hostname}\0${gpuIndex}`;
function parseExpectedDevices(manifest) {
  const entries = manifest.expected_devices ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_devices is not a list: ${show(entries)}`);
  return entries.map((entry, i) => {
    if (typeof entry !== "object" || entry === null) throw new ManifestError(`expected_devices[${i}] is not an object`);
    const e = entry;
    const assignments = e.assignments;
    if (!Array.isArray(assignments) || assignments.length === 0)
      throw new ManifestError(`expected_devices[${i}].assignments is not a non-empty list`);
    const roles = [];
    const hetGroups = [];
    for (const a of assignments) {
      const assignment = typeof a === "object" && a !== null ? a : {};
      if (!WORKER_ROLES.includes(assignment.worker_role))
        throw new ManifestError(
          `expected_devices[${i}] worker_role is not one of ${WORKER_ROLES.join("/")}: ${show(assignment.worker_role)}`
        );
      for (const key of ["worker_index", "worker_process"]) {
        if (!isWhole(assignment[key], 0))
          throw new ManifestError(`expected_devices[${i}] ${key} is not an integer >= 0: ${show(assignment[key])}`);
      }
      const het = assignment.het_group ?? null;
      if (het !== null && !isWhole(het, 0))
        throw new ManifestError(`expected_devices[${i}] het_group is not an integer >= 0: ${show(het)}`);
      roles.push(assignment.worker_role);
      hetGroups.push(het);
    }
    if (typeof e.hostname !== "string" || e.hostname === "")
      throw new ManifestError(`expected_devices[${i}].hostname is not a non-empty string`);
    if (!isWhole(e.gpu_index, 0))
      throw new ManifestError(`expected_devices[${i}].gpu_index is not an integer >= 0: ${show(e.gpu_index)}`);
    return { hostname: e.hostname, gpuIndex: e.gpu_index, roles, hetGroups };
  });
}
function parseExpectedWindows(manifest) {
  const entries = manifest.expected_windows ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_windows is not a list: ${show(entries)}`);
  return entries.map((entry, i) => {
    const e = typeof entry === "object" && entry !== null ? entry : {};
    if (typeof e.benchmark_type !== "string" || e.benchmark_type === "")
      throw new ManifestError(`expected_windows[${i}].benchmark_type is not a non-empty string`);
    if (!isWhole(e.concurrency, 1))
      throw new ManifestError(`expected_windows[${i}].concurrency is not an integer >= 1: ${show(e.concurrency)}`);
    return { benchmarkType: e.benchmark_type, concurrency: e.concurrency };
  });
}
function checkWireContract(manifest) {
  const failures = [];
  for (const [key, expected] of WIRE_CONTRACT) {
    if (manifest[key] !== expected)
      failures.push(`manifest ${key} is ${show(manifest[key])}, expected ${show(expected)}`);
  }
  if (manifest.status !== "complete") failures.push(`manifest status is ${show(manifest.status)}, expected "complete"`);
  if (!isFiniteNumber(manifest.started_at_unix)) failures.push("manifest started_at_unix is not a finite number");
  if (!isFiniteNumber(manifest.stopped_at_unix))
    failures.push("manifest stopped_at_unix is not a finite number in a terminal manifest");
  for (const key of ["sample_interval_seconds", "request_timeout_seconds"]) {
    if (!(isFiniteNumber(manifest[key]) && manifest[key] > 0))
      failures.push(`manifest ${key} is not finite and positive`);
  }
  for (const key of ["scrape_count", "sample_row_count"]) {
    if (!isWhole(manifest[key], 0)) failures.push(`manifest ${key} is not a non-negative integer`);
  }
  const required = manifest.required;
  if (typeof required !== "boolean") failures.push(`manifest required is ${show(required)}, expected a boolean`);
  const reasons = manifest.reason_codes;
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === "string")) {
    failures.push("manifest reason_codes is not a list of strings");
  } else {
    const blocking = /* @__PURE__ */ new Set([...FATAL_LIFECYCLE_REASONS, ...required === true ? STARTUP_FAILURE_REASONS : []]);
    const incompatible = [...new Set(reasons)].filter((r) => blocking.has(r)).sort();
    if (incompatible.length > 0)
      failures.push(`complete manifest carries lifecycle-failure reasons: ${incompatible.join(", ")}`);
  }
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter !== "object" || exporter === null || Array.isArray(exporter))
    failures.push("manifest dcgm_exporter is not an object");
  else if (!exporter.container_image_resolved)
    failures.push("manifest dcgm_exporter.container_image_resolved is empty");
  return failures;
}

// src/core/topology.ts
function envFlag(value) {
  return value?.toLowerCase() === "true";
}
var INTEGER = /^\s*[+-]?\d+\s*$/;
var EnvReader = class {
  constructor(env) {
    this.env = env;
  }
  env;
  problems = [];
  /** A variable that may be absent: absent reads as empty. */
  optionalText(name) {
    return this.env[name] ?? "";
  }
  text(name, what) {
    const value = this.env[name];
    if (value === void 0) {
      this.problems.push({ variable: name, problem: `missing; expected ${what}` });
      return "";
    }
    return value;
  }
  /** An integer >= minimum; absent uses `fallback` when one is given, else it is a problem. */
  integer(name, minimum, what, fallback) {
    const raw = this.env[name];
    const expected = `${what}, an integer >= ${minimum}`;
    if (raw === void 0) {
      if (fallback !== void 0) return fallback;
      this.problems.push({ variable: name, problem: `missing; expected ${expected}` });
      return Number.NaN;
    }
    if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
      this.problems.push({ variable: name, problem: `is "${clip(raw)}"; expected ${expected}` });
      return Number.NaN;
    }
    const value = Number(raw);
    if (value < minimum) {
      this.problems.push({ variable: name, problem: `is ${value}; expected ${expected}` });
      return Number.NaN;
    }
    return value === 0 ? 0 : value;
  }
};
function clip(text) {
  const shown = text.replace(/[\u0000-\u001f\u007f]/g, "?");
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}
function pool(env, role, gpus) {
  const name = role.toLowerCase();
  return {
    gpus,
    numWorkers: env.integer(`${role}_NUM_WORKERS`, 1, `the number of ${name} workers`),
    tp: env.integer(`${role}_TP`, 1, `the ${name} workers' tensor-parallel size`),
    pp: env.integer(`${role}_PP_SIZE`, 1, `the ${name} pipeline-parallel size (default 1)`, 1),
    dcpSize: env.integer(`${role}_DCP_SIZE`, 1, `the ${name} decode-context-parallel size (default 1)`, 1),
    pcpSize: env.integer(`${role}_PCP_SIZE`, 1, `the ${name} prefill-context-parallel size (default 1)`, 1),
    ep: env.integer(`${role}_EP`, 0, `the ${name} workers' expert-parallel size`),
    dpAttention: env.text(`${role}_DP_ATTN`, `the ${name} workers' data-parallel attention flag (true/false)`)
  };
}
function absentDecodePool(env) {
  env.integer("DECODE_TP", 0, "the decode workers' tensor-parallel size", 0);
  env.integer("DECODE_EP", 0, "the decode workers' expert-parallel size", 0);
  for (const size of ["PP_SIZE", "DCP_SIZE", "PCP_SIZE"])
    env.integer(`DECODE_${size}`, 1, `the decode ${size.replace("_SIZE", "")} size (default 1)`, 1);
  return {
    gpus: 0,
    numWorkers: env.integer("DECODE_NUM_WORKERS", 0, "the number of decode workers (0 in an aggregated run)", 0),
    tp: 0,
    pp: 1,
    dcpSize: 1,
    pcpSize: 1,
    ep: 0,
    dpAttention: env.optionalText("DECODE_DP_ATTN")
  };
}
function classifyTopology(envMap) {
  const env = new EnvReader(envMap);
  const hardware = { prefill: envMap.PREFILL_HARDWARE ?? "", decode: envMap.DECODE_HARDWARE ?? "" };
  if (hardware.prefill === "" !== (hardware.decode === "")) {
    const [set, unset] = hardware.prefill === "" ? ["DECODE_HARDWARE", "PREFILL_HARDWARE"] : ["PREFILL_HARDWARE", "DECODE_HARDWARE"];
    env.problems.push({
      variable: unset,
      problem: `missing while ${set} is set; expected both hardware names (heterogeneous deployment) or neither`
    });
  }
  if (!envFlag(envMap.IS_MULTINODE)) {
    if (envFlag(envMap.DISAGG)) {
      env.problems.push({
        variable: "DISAGG",
        problem: "is true but IS_MULTINODE is not; a disaggregated run needs separate prefill and decode nodes (set IS_MULTINODE=true with PREFILL_*/DECODE_*, or DISAGG=false)"
      });
    }
    const tp = env.integer("TP", 1, "the tensor-parallel size");
    const ep = env.integer("EP_SIZE", 0, "the expert-parallel size");
    const dpAttention = env.text("DP_ATTENTION", "the data-parallel attention flag (true/false)");
    const pp = env.integer("PP_SIZE", 1, "the pipeline-parallel size (default 1)", 1);
    const dcpSize = env.integer("DCP_SIZE", 1, "the decode-context-parallel size (default 1)", 1);
    const pcpSize = env.integer("PCP_SIZE", 1, "the prefill-context-parallel size (default 1)", 1);
    if (env.problems.length > 0) return { ok: false, problems: env.problems };
    return {
      ok: true,
      topology: {
        kind: "single-node",
        disagg: false,
        tp,
        pp,
        dcpSize,
        pcpSize,
        ep,
        dpAttention,
        gpuCount: tp * pp * pcpSize
      }
    };
  }
  const prefillGpus = env.integer("PREFILL_GPUS", 1, "the number of prefill GPUs (all GPUs in an aggregated run)");
  const decodeGpus = env.integer("DECODE_GPUS", 0, "the number of decode GPUs (0 for an aggregated run)");
  const prefill = pool(env, "PREFILL", prefillGpus);
  const aggregated = multinodeKind(decodeGpus) === "multinode-agg";
  const decode = aggregated ? absentDecodePool(env) : pool(env, "DECODE", decodeGpus);
  if (env.problems.length > 0) return { ok: false, problems: env.problems };
  const topology = {
    kind: aggregated ? "multinode-agg" : "multinode-disagg",
    disagg: !aggregated,
    prefill,
    decode,
    totalGpus: prefillGpus + decodeGpus
  };
  if (hardware.prefill !== "") {
    topology.prefillHardware = hardware.prefill;
    topology.decodeHardware = hardware.decode;
  }
  return { ok: true, topology };
}
function multinodeKind(decodeGpus) {
  return decodeGpus === 0 ? "multinode-agg" : "multinode-disagg";
}
function topologyGpuCount(topology) {
  return topology.kind === "single-node" ? topology.gpuCount : topology.totalGpus;
}

// src/core/multinode/samples.ts
var INT_CELL = /^\s*[+-]?\d+\s*$/;
var FLOAT_CELL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
function parseSampleRow(cells) {
  if (cells.length !== SAMPLES_HEADER.length) return void 0;
  const [schema, ts, seq, hostname, gpu, uuid, watts] = cells;
  if (!INT_CELL.test(schema) || !FLOAT_CELL.test(ts) || !INT_CELL.test(seq) || !INT_CELL.test(gpu) || !FLOAT_CELL.test(watts))
    return void 0;
  const row = { time: Number(ts), seq: Number(seq), hostname, gpuIndex: Number(gpu), uuid, watts: Number(watts) };
  if (Number(schema) !== PACKAGE_SCHEMA_VERSION || hostname === "" || uuid === "") return void 0;
  if (!Number.isFinite(row.time) || !Number.isFinite(row.watts) || row.watts < 0 || row.seq < 0 || row.gpuIndex < 0)
    return void 0;
  if (!Number.isSafeInteger(row.seq) || !Number.isSafeInteger(row.gpuIndex)) return void 0;
  return row;
}
var MAX_SAMPLE_ROWS = 2e7;
var SampleTable = class {
  totalRows = 0;
  byDevice = /* @__PURE__ */ new Map();
  add(row) {
    const key = deviceKey(row.hostname, row.gpuIndex);
    let device = this.byDevice.get(key);
    if (!device)
      this.byDevice.set(
        key,
        device = {
          hostname: row.hostname,
          gpuIndex: row.gpuIndex,
          seqs: [],
          times: [],
          watts: [],
          uuidIndex: [],
          uuids: []
        }
      );
    let uuid = device.uuids.indexOf(row.uuid);
    if (uuid < 0) uuid = device.uuids.push(row.uuid) - 1;
    device.seqs.push(row.seq);
    device.times.push(row.time);
    device.watts.push(row.watts);
    device.uuidIndex.push(uuid);
    this.totalRows += 1;
  }
  summarise() {
    const summary = { rowCount: 0, duplicateRows: 0, maxSeq: -1, nonMonotonic: false, devices: [] };
    const list = [...this.byDevice.values()].sort(
      (a, b) => a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.gpuIndex - b.gpuIndex
    );
    for (const d of list) {
      const bySeq = Array.from(d.seqs.keys()).sort((x, y) => d.seqs[x] - d.seqs[y]);
      const kept = [];
      for (const i of bySeq) {
        const previous = kept[kept.length - 1];
        if (previous !== void 0 && d.seqs[previous] === d.seqs[i]) {
          summary.duplicateRows += 1;
          continue;
        }
        if (previous !== void 0 && d.times[i] <= d.times[previous])
          summary.nonMonotonic = true;
        kept.push(i);
      }
      summary.rowCount += kept.length;
      summary.maxSeq = Math.max(summary.maxSeq, d.seqs[kept[kept.length - 1]]);
      const uuids = [...new Set(kept.map((i) => d.uuids[d.uuidIndex[i]]))];
      const byTime = [...kept].sort(
        (x, y) => d.times[x] - d.times[y] || d.watts[x] - d.watts[y]
      );
      summary.devices.push({
        hostname: d.hostname,
        gpuIndex: d.gpuIndex,
        uuids,
        times: byTime.map((i) => d.times[i]),
        powers: byTime.map((i) => d.watts[i])
      });
    }
    return summary;
  }
};
function observedDeviceRecord(device) {
  return {
    hostname: device.hostname,
    gpu_index: device.gpuIndex,
    gpu_uuids: device.uuids,
    first_sample_time_unix: device.times[0],
    last_sample_time_unix: device.times[device.times.length - 1]
  };
}
function deviceLabel(hostname, gpuIndex, observed) {
  return observed && observed.uuids.length === 1 ? `${hostname}/${observed.uuids[0]}` : `${hostname}/${gpuIndex}`;
}

// src/core/multinode/identity.ts
function checkDeviceIdentity(expected, observed) {
  const reasons = [];
  const expectedKeys = new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  const observedKeys = new Set(observed.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  if (expectedKeys.size === 0 || [...expectedKeys].some((k) => !observedKeys.has(k)))
    reasons.push("expected_device_missing");
  if ([...observedKeys].some((k) => !expectedKeys.has(k))) reasons.push("unexpected_device");
  const uuids = observed.map((d) => d.uuids[0]);
  if (observed.some((d) => d.uuids.length !== 1) || new Set(uuids).size !== uuids.length)
    reasons.push("gpu_uuid_changed");
  const roles = /* @__PURE__ */ new Map();
  let roleConflict = false;
  for (const device of expected) {
    const distinct = new Set(device.roles);
    if (distinct.size !== 1) roleConflict = true;
    else roles.set(deviceKey(device.hostname, device.gpuIndex), device.roles[0]);
  }
  if (roleConflict) {
    reasons.push("conflicting_worker_roles");
    roles.clear();
  }
  if (!hetGroupsByHost(expected).ok) reasons.push("conflicting_het_groups");
  return { reasons, roles };
}
function hetGroupsByHost(expected) {
  const groups = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const distinct = new Set(device.hetGroups);
    if (distinct.size !== 1) return { ok: false, groups };
    const group = device.hetGroups[0];
    if (groups.has(device.hostname) && groups.get(device.hostname) !== group) return { ok: false, groups };
    groups.set(device.hostname, group);
  }
  return { ok: true, groups };
}
function checkRoleTopology(expected, roles, expectedRoles2) {
  const failures = [];
  const counts = /* @__PURE__ */ new Map();
  for (const role of roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
  const found = [...counts.keys()].sort();
  const wanted = [...expectedRoles2.keys()].sort();
  if (found.join(",") !== wanted.join(","))
    failures.push(`expected roles [${wanted.join(", ")}], the manifest assigns [${found.join(", ")}]`);
  for (const role of wanted) {
    if ((counts.get(role) ?? 0) !== expectedRoles2.get(role))
      failures.push(`expected ${expectedRoles2.get(role)} ${role} GPUs, the manifest assigns ${counts.get(role) ?? 0}`);
  }
  const het = hetGroupsByHost(expected);
  if (!het.ok) return [...failures, "conflicting_het_groups (topology)"];
  const perRole = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const role = roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role === void 0) continue;
    let set = perRole.get(role);
    if (!set) perRole.set(role, set = /* @__PURE__ */ new Set());
    set.add(het.groups.get(device.hostname) ?? null);
  }
  const plainJob = [...het.groups.values()].every((g) => g === null);
  const assigned = [];
  for (const role of [...perRole.keys()].sort()) {
    const groups = perRole.get(role);
    if (groups.size !== 1) {
      failures.push(
        `role ${role} spans het groups [${[...groups].map(String).sort().join(", ")}], expected exactly one`
      );
      continue;
    }
    const group = [...groups][0];
    if (group === null) {
      if (!plainJob) failures.push(`role ${role} has het group None while other devices report real het groups`);
      continue;
    }
    assigned.push(group);
  }
  if (new Set(assigned).size !== assigned.length) failures.push("roles share a het group");
  return failures;
}
function expectedRoles(prefillGpus, decodeGpus, assigned) {
  const aggregated = multinodeKind(decodeGpus) === "multinode-agg";
  const aggPool = aggregated && assigned.size > 0 && [...assigned.values()].every((role) => role === "agg");
  const roles = /* @__PURE__ */ new Map();
  if (prefillGpus > 0) roles.set(aggPool ? "agg" : "prefill", prefillGpus);
  if (decodeGpus > 0) roles.set("decode", decodeGpus);
  return roles;
}
var energyPool = (role) => role === "agg" ? "prefill" : role;

// src/core/multinode/windows.ts
function isSafeRelativeSubpath(value) {
  if (value === "" || value.startsWith("/") || value.startsWith("~") || value.includes("\0")) return false;
  const parts = value.split("/").filter((p) => p !== "" && p !== ".");
  return parts.length > 0 && !parts.includes("..");
}
var stem = (name) => {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
};
function parseWindow(payload, fileName, staysBelow) {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return { reason: "measurement_window_malformed" };
  const p = payload;
  const { status, concurrency, benchmark_type: benchmarkType, benchmark_start_time_unix: start } = p;
  if (p.schema_version !== PACKAGE_SCHEMA_VERSION || p.clock_source !== CLOCK_SOURCE || !WINDOW_STATUSES.includes(status) || typeof benchmarkType !== "string" || !Number.isInteger(concurrency) || !isFiniteNumber(start)) {
    return { reason: "measurement_window_malformed" };
  }
  const resultPath = p.result_path;
  if (typeof resultPath !== "string" || !isSafeRelativeSubpath(resultPath) || !staysBelow(resultPath) || stem(resultPath) !== stem(fileName)) {
    return { reason: "measurement_window_result_path_invalid" };
  }
  const end = p.benchmark_end_time_unix ?? null;
  const duration = p.duration ?? null;
  const reason = p.reason ?? null;
  let ok;
  if (status === "running") ok = end === null && duration === null && reason === null;
  else if (status === "interrupted")
    ok = end === null && duration === null && typeof reason === "string" && reason !== "";
  else if (!isFiniteNumber(end) || !isFiniteNumber(duration) || duration <= 0) ok = false;
  else ok = status === "completed" ? reason === null : typeof reason === "string" && reason !== "";
  if (!ok) return { reason: "measurement_window_malformed" };
  return {
    window: {
      relativePath: `windows/${fileName}`,
      benchmarkType,
      concurrency,
      resultPath,
      status,
      start,
      end,
      duration
    }
  };
}
function checkWindowResult(window, result) {
  if (result === void 0) return ["measurement_window_result_missing"];
  if (typeof result !== "object" || result === null || Array.isArray(result))
    return ["measurement_window_result_mismatch"];
  const r = result;
  if (r.benchmark_start_time_unix !== window.start || r.benchmark_end_time_unix !== window.end || r.duration !== window.duration)
    return ["measurement_window_result_mismatch"];
  const wall = window.end - window.start;
  const tolerance = Math.max(0.5, 0.01 * window.duration);
  return Math.abs(wall - window.duration) > tolerance ? ["measurement_window_clock_mismatch"] : [];
}
function integrateDevice(device, start, end) {
  const integrator = new DeviceIntegrator(start, end);
  for (let i = 0; i < device.times.length; i++) integrator.push(device.times[i], device.powers[i]);
  return integrator.finish();
}
function checkCoverage(start, end, expected, observed) {
  const gaps = {};
  const reasons = [];
  const keys = [...new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)))].sort();
  for (const key of keys) {
    const device = observed.get(key);
    if (!device) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    if (device.uuids.length !== 1) {
      reasons.push("gpu_uuid_changed");
      continue;
    }
    const result = integrateDevice(device, start, end);
    if (result.issue !== void 0) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    gaps[`${device.hostname}/${device.uuids[0]}`] = result.maxGapS;
    if (result.maxGapS > PACKAGE_MAX_SAMPLE_GAP_S) reasons.push("sample_gap_exceeded");
  }
  return { gaps, reasons };
}
var windowKey = (benchmarkType, concurrency) => JSON.stringify([benchmarkType, concurrency]);
function scanWindows(folder, entries) {
  const scan = { parsed: /* @__PURE__ */ new Map(), duplicates: /* @__PURE__ */ new Set(), artifactErrors: [] };
  if (folder === "absent") return scan;
  if (folder === "escapes") {
    scan.artifactErrors.push({ path: "windows", reason_codes: ["measurement_window_artifact_path_invalid"] });
    return scan;
  }
  for (const entry of entries) {
    const relativePath = `windows/${entry.name}`;
    if (!entry.isPlainFile) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_artifact_path_invalid"] });
      continue;
    }
    const result = entry.readable ? parseWindow(entry.payload, entry.name, () => entry.resultPathStaysBelow) : { reason: "measurement_window_malformed" };
    if (!result.window) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: [result.reason] });
      continue;
    }
    const key = windowKey(result.window.benchmarkType, result.window.concurrency);
    const earlier = scan.parsed.get(key);
    if (earlier || scan.duplicates.has(key)) {
      scan.duplicates.add(key);
      if (earlier)
        scan.artifactErrors.push({ path: earlier.relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.parsed.delete(key);
      continue;
    }
    scan.parsed.set(key, result.window);
  }
  return scan;
}
function validateWindows(scan, expectedWindows, expected, observed, originalOf) {
  const expectedKeys = new Set(expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency)));
  const unexpected = [...scan.parsed.values()].filter(
    (w) => !expectedKeys.has(windowKey(w.benchmarkType, w.concurrency))
  );
  unexpected.sort(
    (a, b) => a.benchmarkType < b.benchmarkType ? -1 : a.benchmarkType > b.benchmarkType ? 1 : a.concurrency - b.concurrency
  );
  for (const w of unexpected)
    scan.artifactErrors.push({ path: w.relativePath, reason_codes: ["measurement_window_unexpected"] });
  const validations = [];
  for (const want of expectedWindows) {
    const key = windowKey(want.benchmarkType, want.concurrency);
    const window = scan.parsed.get(key);
    if (!window) {
      validations.push({
        benchmark_type: want.benchmarkType,
        concurrency: want.concurrency,
        window_file: null,
        power_coverage_valid: false,
        reason_codes: [scan.duplicates.has(key) ? "measurement_window_duplicate" : "measurement_window_missing"],
        per_device_max_sample_gap_seconds: {}
      });
      continue;
    }
    const reasons = [];
    if (window.status !== "completed") reasons.push("measurement_window_incomplete");
    else reasons.push(...checkWindowResult(window, originalOf(window.resultPath)));
    let gaps = {};
    if (reasons.length === 0) {
      const coverage = checkCoverage(window.start, window.end, expected, observed);
      reasons.push(...coverage.reasons);
      if (coverage.reasons.length === 0) gaps = coverage.gaps;
    }
    validations.push({
      benchmark_type: want.benchmarkType,
      concurrency: want.concurrency,
      window_file: window.relativePath,
      power_coverage_valid: reasons.length === 0,
      reason_codes: [...new Set(reasons)],
      per_device_max_sample_gap_seconds: gaps
    });
  }
  return validations;
}
function completedWindows(scan) {
  return [...scan.parsed.values()].filter((w) => w.status === "completed");
}

// src/core/multinode/json-equal.ts
function pyEqual(a, b) {
  const scalar = (v) => typeof v === "boolean" ? Number(v) : v;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every(
      (k) => Object.hasOwn(b, k) && pyEqual(a[k], b[k])
    );
  }
  return scalar(a) === scalar(b);
}
function canonicalJson(value) {
  if (value instanceof PyRawValue) return value.raw;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/core/insights/roles.ts
function roleInsights(devices, options) {
  const roles = [...new Set(devices.map((d) => d.role))].sort();
  const out = {};
  for (const role of roles) {
    const members = devices.filter((d) => d.role === role);
    const accumulator = new InsightAccumulator({
      start: options.start,
      end: options.end,
      maxSampleGapS: options.maxSampleGapS,
      expectedGpus: members.length,
      ...roles.length === 1 ? { outputTokens: options.outputTokens } : {},
      ...options.concurrency !== void 0 ? { concurrency: options.concurrency } : {}
    });
    const cursor = members.map(() => 0);
    for (; ; ) {
      let next = -1;
      for (let m = 0; m < members.length; m++) {
        const i2 = cursor[m];
        const device2 = members[m];
        if (i2 < device2.times.length && (next < 0 || device2.times[i2] < members[next].times[cursor[next]]))
          next = m;
      }
      if (next < 0) break;
      const device = members[next];
      const i = cursor[next];
      accumulator.pushValues(device.times[i], device.label, device.powers[i]);
      cursor[next] = i + 1;
    }
    const insights = accumulator.finish();
    out[role] = {
      gpus: members.map((d) => d.label).sort(compareGpuIds),
      phases: insights.phases,
      quality: insights.quality,
      efficiency: insights.efficiency
    };
  }
  return out;
}

// src/core/multinode/audit.ts
function fail(audit, code, message) {
  audit.findings.add(code, message);
  audit.failures.push(message);
}
function auditPackage(files, options) {
  const audit = {
    findings: new Findings(),
    failures: [],
    storedValid: null,
    recomputedValid: null,
    producerCommit: null,
    exporterImageSha256: null,
    selectedWindow: null,
    perGpuRole: {},
    devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
    expectedGpuCount: 0,
    observedGpuCount: 0,
    metrics: {},
    roleInsights: null
  };
  const { powerDir, manifestPath } = files;
  if (files.unreadable || !files.manifest) {
    const gate = files.unreadable ?? { code: "manifest_malformed", message: `${manifestPath}: not a JSON object.` };
    fail(audit, gate.code, gate.message);
    return audit;
  }
  const manifest = files.manifest;
  audit.storedValid = typeof manifest.publication_valid === "boolean" ? manifest.publication_valid : null;
  audit.producerCommit = typeof manifest.producer_git_commit === "string" ? manifest.producer_git_commit : null;
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter === "object" && exporter !== null && typeof exporter.container_image_sha256 === "string")
    audit.exporterImageSha256 = exporter.container_image_sha256;
  if (!options.expectedProducerSha)
    fail(
      audit,
      "producer_pin_missing",
      "no expected producer commit; set POWER_PRODUCER_SHA or the expected-producer-sha option."
    );
  else if (audit.producerCommit !== options.expectedProducerSha)
    fail(
      audit,
      "producer_commit_mismatch",
      `${manifestPath}: producer_git_commit ${JSON.stringify(audit.producerCommit)} is not the expected ${options.expectedProducerSha}.`
    );
  const recompute = checkWireContract(manifest);
  let expected;
  let expectedWindows;
  try {
    expected = parseExpectedDevices(manifest);
    expectedWindows = parseExpectedWindows(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(audit, "manifest_malformed", `${manifestPath}: ${error.message}.`);
    audit.recomputedValid = false;
    return audit;
  }
  if (files.samplesEscape !== void 0) fail(audit, "telemetry_path_outside_workspace", files.samplesEscape);
  recompute.push(...files.samples.reasons.map((r) => `${r} in samples.csv`));
  const observed = files.samples.summary.devices;
  const observedByKey = new Map(observed.map((d) => [deviceKey(d.hostname, d.gpuIndex), d]));
  const identity = checkDeviceIdentity(expected, observed);
  recompute.push(...identity.reasons.map((r) => `${r} (device identity/topology)`));
  const scan = { ...files.windows, artifactErrors: [...files.windows.artifactErrors] };
  const validations = validateWindows(
    scan,
    expectedWindows,
    expected,
    observedByKey,
    (resultPath) => files.originals.get(resultPath)?.value
  );
  if (expectedWindows.length === 0) recompute.push("no expected measurement window");
  for (const v of validations)
    recompute.push(
      ...v.reason_codes.map((r) => `${r} (window ${String(v.benchmark_type)}/${String(v.concurrency)})`)
    );
  for (const e of scan.artifactErrors) recompute.push(...e.reason_codes.map((r) => `${r} (${e.path})`));
  recompute.push(
    ...storedEvidenceFailures(manifest, files.samples.summary, observed, validations, scan, expected, expectedWindows)
  );
  audit.recomputedValid = recompute.length === 0;
  audit.failures.push(...recompute);
  if (recompute.length > 0) {
    audit.findings.add(
      "package_recompute_invalid",
      `${powerDir}: the package does not pass its own contract: ${recompute.slice(0, 5).join("; ")}${recompute.length > 5 ? `; and ${recompute.length - 5} more (see failures)` : ""}.`
    );
  }
  if (audit.storedValid !== audit.recomputedValid) {
    fail(
      audit,
      "producer_verdict_mismatch",
      `${manifestPath}: stored publication_valid=${String(audit.storedValid)} but the recomputation says ${String(audit.recomputedValid)}.`
    );
  } else if (audit.storedValid !== true) {
    fail(audit, "package_recompute_invalid", `${manifestPath}: stored and recomputed verdicts are both invalid.`);
  }
  const wanted = expectedRoles(options.prefillGpus, options.decodeGpus, identity.roles);
  if (wanted.size === 0)
    fail(audit, "topology_env_mismatch", "PREFILL_GPUS and DECODE_GPUS are both zero; pass the job GPU counts.");
  else if (identity.roles.size > 0) {
    for (const failure of checkRoleTopology(expected, identity.roles, wanted))
      fail(
        audit,
        "topology_env_mismatch",
        `${manifestPath}: ${failure} (prefill-gpus ${options.prefillGpus}, decode-gpus ${options.decodeGpus}).`
      );
  }
  audit.expectedGpuCount = expected.length;
  audit.observedGpuCount = observed.length;
  for (const device of expected) {
    const role = identity.roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role)
      audit.perGpuRole[deviceLabel(device.hostname, device.gpuIndex, observedByKey.get(deviceKey(device.hostname, device.gpuIndex)))] = role;
  }
  const window = selectWindow(audit, files, options.benchResult, options.bench);
  if (!window || !options.bench || expected.length === 0) return audit;
  integrate(audit, files.samplesPath, window, options, expected, observedByKey, identity.roles);
  return audit;
}
function storedEvidenceFailures(manifest, samples, observed, validations, scan, expected, expectedWindows) {
  const failures = [];
  const rowCount = samples.rowCount;
  if (manifest.sample_row_count !== rowCount)
    failures.push(`sample_row_count is ${JSON.stringify(manifest.sample_row_count)}, samples.csv has ${rowCount} rows`);
  if (rowCount > 0) {
    const least = samples.maxSeq + 1;
    const scrapes = manifest.scrape_count;
    if (!(typeof scrapes === "number" && Number.isInteger(scrapes) && scrapes >= least))
      failures.push(`scrape_count is ${JSON.stringify(scrapes)}, samples.csv needs at least ${least}`);
  }
  if (observed.length === 0) failures.push("observed_devices is empty");
  if (!pyEqual(manifest.observed_devices, observed.map(observedDeviceRecord)))
    failures.push("observed_devices does not match the devices derived from samples.csv");
  if (!pyEqual(manifest.window_validations, validations))
    failures.push("window_validations does not match the recomputed window audit");
  if (!pyEqual(manifest.artifact_errors, scan.artifactErrors))
    failures.push("artifact_errors does not match the recomputed artifact scan");
  const deviceKeys = expected.map((d) => deviceKey(d.hostname, d.gpuIndex));
  if (new Set(deviceKeys).size !== deviceKeys.length) failures.push("expected_devices contains duplicate keys");
  const windowKeys = expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency));
  if (new Set(windowKeys).size !== windowKeys.length) failures.push("expected_windows contains duplicate keys");
  return failures;
}
function selectWindow(audit, files, benchResult, bench) {
  const processed = files.processed;
  if (processed.error !== void 0 || typeof processed.value !== "object" || processed.value === null || Array.isArray(processed.value)) {
    fail(audit, "invalid_benchmark_result", `${benchResult}: ${processed.error ?? "not a JSON object"}.`);
    return void 0;
  }
  const concurrency = processed.value.max_concurrency;
  const matches = [...files.windows.parsed.values()].filter(
    (w) => w.status === "completed" && w.concurrency === concurrency
  );
  if (matches.length !== 1) {
    fail(
      audit,
      "window_for_result_missing",
      `found ${matches.length} completed measurement windows for max_concurrency ${JSON.stringify(concurrency)} in the power package; expected exactly one.`
    );
    return void 0;
  }
  const window = matches[0];
  const read = files.originals.get(window.resultPath);
  const original = read?.value;
  if (original === void 0) {
    fail(
      audit,
      "measurement_window_result_missing",
      `${read?.path ?? window.resultPath}: the original result of ${window.relativePath} cannot be read.`
    );
    return void 0;
  }
  if (canonicalJson(original) !== canonicalJson(processed.value)) {
    fail(
      audit,
      "result_content_mismatch",
      `${benchResult} differs from the original ${window.resultPath} that ${window.relativePath} measured.`
    );
    return void 0;
  }
  if (bench && (bench.startUnix !== window.start || bench.endUnix !== window.end)) {
    fail(
      audit,
      "measurement_window_result_mismatch",
      `${benchResult}: benchmark window ${bench.startUnix}..${bench.endUnix} is not ${window.relativePath}'s ${window.start}..${window.end}.`
    );
    return void 0;
  }
  audit.selectedWindow = {
    window_file: window.relativePath,
    result_path: window.resultPath,
    benchmark_type: window.benchmarkType,
    concurrency: window.concurrency,
    start_time_unix: window.start,
    end_time_unix: window.end,
    duration: window.duration
  };
  return window;
}
function integrate(audit, samplesPath, window, options, expected, observedByKey, roles) {
  const bench = options.bench;
  const results = /* @__PURE__ */ new Map();
  const roleOf = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const key = deviceKey(device.hostname, device.gpuIndex);
    const seen = observedByKey.get(key);
    const label = deviceLabel(device.hostname, device.gpuIndex, seen);
    results.set(
      label,
      seen ? integrateDevice(seen, window.start, window.end) : { sampleCount: 0, issue: "insufficient_power_samples" }
    );
    roleOf.set(label, roles.get(key));
  }
  try {
    const roleDevices = [];
    for (const device of expected) {
      const seen = observedByKey.get(deviceKey(device.hostname, device.gpuIndex));
      if (!seen) continue;
      const label = deviceLabel(device.hostname, device.gpuIndex, seen);
      roleDevices.push({ label, role: roleOf.get(label) ?? "unassigned", times: seen.times, powers: seen.powers });
    }
    audit.roleInsights = roleInsights(roleDevices, {
      start: window.start,
      end: window.end,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      outputTokens: bench.totalOutputTokens,
      ...bench.maxConcurrency !== void 0 ? { concurrency: bench.maxConcurrency } : {}
    });
  } catch {
    audit.roleInsights = null;
  }
  const integration = new Findings();
  audit.devices = summariseDevices(
    results,
    {
      start: window.start,
      end: window.end,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      expectedGpus: options.prefillGpus + options.decodeGpus
    },
    integration,
    samplesPath
  );
  const overflowed = [];
  for (const [label, result] of results) {
    if (result.issue === void 0 && !Number.isFinite(result.energyJ)) {
      overflowed.push(label);
      audit.devices.energyJ[label] = result.energyJ;
      delete audit.devices.issues[label];
    }
  }
  for (const finding of integration.list())
    if (finding.code !== "power_value_out_of_range") audit.findings.add(finding.code, finding.message);
  if (audit.findings.size > 0) return;
  const overflowMessage = (what) => `${samplesPath}: ${what} overflowed; the samples hold absurd power values.`;
  if (overflowed.length > 0 || audit.devices.totalEnergyJ === void 0) {
    fail(
      audit,
      "non_finite_power_metric",
      overflowMessage(overflowed.length > 0 ? `the energy of ${overflowed.join(", ")}` : "total_gpu_energy_j")
    );
    return;
  }
  const metrics = { ...derivePowerMetrics(audit.devices.totalEnergyJ, expected.length, bench) };
  const poolEnergy = (pool2) => audit.devices.gpuIds.filter((id) => energyPool(roleOf.get(id)) === pool2).reduce((sum, id) => sum + audit.devices.energyJ[id], 0);
  if (options.prefillGpus > 0)
    Object.assign(metrics, deriveRoleMetrics("prefill", poolEnergy("prefill"), options.prefillGpus, bench));
  if (options.decodeGpus > 0)
    Object.assign(metrics, deriveRoleMetrics("decode", poolEnergy("decode"), options.decodeGpus, bench));
  const nonFinite = Object.keys(metrics).filter((k) => !Number.isFinite(metrics[k])).sort();
  if (nonFinite.length > 0) {
    fail(audit, "non_finite_power_metric", overflowMessage(nonFinite.join(", ")));
    return;
  }
  audit.metrics = metrics;
}

// src/core/multinode/sidecar.ts
function buildPackageSidecar(input) {
  const { audit, bench } = input;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.reasons.map((r) => r.code),
    reason_messages: Object.fromEntries(input.reasons.map((r) => [r.code, r.message])),
    failures: audit.failures,
    telemetry_source: input.powerDir,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    selected_window: audit.selectedWindow,
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: PACKAGE_MAX_SAMPLE_GAP_S,
    producer: {
      producer_git_commit: audit.producerCommit,
      expected_producer_git_commit: input.expectedProducerSha ?? null,
      exporter_image_sha256: audit.exporterImageSha256,
      stored_publication_valid: audit.storedValid,
      recomputed_publication_valid: audit.recomputedValid
    },
    expected_gpu_count: audit.expectedGpuCount,
    observed_gpu_count: audit.observedGpuCount,
    per_gpu_role: audit.perGpuRole,
    per_gpu_sample_counts: audit.devices.sampleCounts,
    per_gpu_max_sample_gap_s: audit.devices.maxGapS,
    // Overflowed energies become null: strict JSON parsers reject Infinity.
    per_gpu_energy_j: Object.fromEntries(
      Object.entries(audit.devices.energyJ).map(([k, v]) => [k, Number.isFinite(v) ? v : null])
    ),
    device_issues: audit.devices.issues,
    metrics: Object.fromEntries(Object.entries(audit.metrics).map(([k, v]) => [k, pyRound(v, 6)])),
    insights: audit.roleInsights === null ? null : { roles: audit.roleInsights }
  };
}

// src/io/multinode-power-run.ts
import { resolve } from "node:path";

// src/io/power-package.ts
import { lstat, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
var MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;
async function isDirectory(path) {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false
  );
}
function splitRow(line) {
  if (!line.includes('"')) return line.split(",");
  try {
    return parse(line, { relax_column_count: true })[0] ?? [];
  } catch {
    return [];
  }
}
async function readSamples(path) {
  const table = new SampleTable();
  const reasons = /* @__PURE__ */ new Set();
  const empty = () => new SampleTable().summarise();
  const info = await stat(path).catch(() => void 0);
  if (!info?.isFile()) return { summary: empty(), reasons: ["samples_csv_missing"] };
  let headerOk;
  try {
    await readLines(path, {
      line: (text, lineNo) => {
        if (lineNo === 1) {
          const header = splitRow(text);
          headerOk = header.length === SAMPLES_HEADER.length && header.every((c, i) => c === SAMPLES_HEADER[i]);
          return;
        }
        const row = parseSampleRow(splitRow(text));
        if (row) table.add(row);
        else reasons.add("samples_csv_malformed");
      },
      overlong: () => reasons.add("samples_csv_malformed"),
      wantsMore: () => headerOk !== false && table.totalRows < MAX_SAMPLE_ROWS
    });
  } catch {
    reasons.add("samples_csv_malformed");
  }
  if (headerOk !== true) return { summary: empty(), reasons: ["samples_csv_header_mismatch"] };
  if (table.totalRows >= MAX_SAMPLE_ROWS) reasons.add("samples_csv_too_large");
  const summary = table.summarise();
  if (summary.duplicateRows > 0) reasons.add("duplicate_sample_row");
  if (summary.nonMonotonic) reasons.add("timestamp_non_monotonic");
  return { summary, reasons: [...reasons] };
}
async function readWindowEntries(powerDir, logsRoot) {
  const windowsDir = join(powerDir, "windows");
  if (!await isDirectory(windowsDir)) return { folder: "absent", entries: [] };
  if (escapesRoot(powerDir, windowsDir) !== void 0) return { folder: "escapes", entries: [] };
  const entries = [];
  for (const name of (await readdir(windowsDir)).sort()) {
    const info = await lstat(join(windowsDir, name)).catch(() => void 0);
    if (!info || info.isSymbolicLink() || !info.isFile()) {
      entries.push({ name, isPlainFile: false, readable: false, resultPathStaysBelow: false });
      continue;
    }
    const payload = await readJsonBounded(join(windowsDir, name), MAX_PACKAGE_JSON_BYTES, { python: true });
    const candidate = payload.value?.result_path;
    const staysBelow = typeof candidate === "string" && escapesRoot(logsRoot, join(logsRoot, candidate)) === void 0;
    entries.push({
      name,
      isPlainFile: true,
      readable: payload.error === void 0,
      payload: payload.value,
      resultPathStaysBelow: staysBelow
    });
  }
  return { folder: "inside", entries };
}
var emptySamples = (reason) => ({
  summary: new SampleTable().summarise(),
  reasons: [reason]
});
async function readPowerPackage(powerDir, logsRoot, benchResult) {
  const manifestPath = join(powerDir, "manifest.json");
  const samplesPath = join(powerDir, "samples.csv");
  const files = {
    powerDir,
    manifestPath,
    samplesPath,
    samples: emptySamples("samples_csv_missing"),
    windows: scanWindows("absent", []),
    originals: /* @__PURE__ */ new Map(),
    processed: {}
  };
  const closed = (code, message) => ({ ...files, unreadable: { code, message } });
  if (!await isDirectory(powerDir))
    return closed(
      "power_artifacts_missing",
      `${powerDir}: no power package folder. Enable the dcgm power collector for the job, or set the power-dir option (POWER_ARTIFACT_DIR).`
    );
  const manifestInfo = await stat(manifestPath).catch(() => void 0);
  if (!manifestInfo?.isFile())
    return closed(
      "manifest_missing",
      `${manifestPath}: no such file; the collector did not finish writing its package.`
    );
  const manifestEscape = escapesRoot(powerDir, manifestPath);
  if (manifestEscape !== void 0) return closed("telemetry_path_outside_workspace", manifestEscape);
  const read = await readJsonBounded(manifestPath, MAX_PACKAGE_JSON_BYTES, { python: true });
  if (read.error !== void 0 || typeof read.value !== "object" || read.value === null || Array.isArray(read.value))
    return closed("manifest_malformed", `${manifestPath}: ${read.error ?? "not a JSON object"}.`);
  files.manifest = read.value;
  files.samplesEscape = escapesRoot(powerDir, samplesPath);
  files.samples = files.samplesEscape === void 0 ? await readSamples(samplesPath) : emptySamples("samples_csv_missing");
  const windows = await readWindowEntries(powerDir, logsRoot);
  files.windows = scanWindows(windows.folder, windows.entries);
  const originals = /* @__PURE__ */ new Map();
  for (const window of completedWindows(files.windows)) {
    if (originals.has(window.resultPath)) continue;
    const path = join(logsRoot, window.resultPath);
    const original = await readJsonBounded(path, MAX_JSON_BYTES, { python: true });
    originals.set(window.resultPath, { path, value: original.value });
  }
  files.originals = originals;
  const processed = await readJsonBounded(benchResult, MAX_JSON_BYTES, { python: true });
  files.processed = { value: processed.value, error: processed.error };
  return files;
}

// src/io/multinode-power-run.ts
async function measurePackagePower(options) {
  const benchResult = resolve(options.cwd, options.benchResult);
  const aggResult = resolve(options.cwd, options.aggResult);
  const powerDir = resolve(options.cwd, options.powerDir ?? (options.env.POWER_ARTIFACT_DIR || "LOGS/power"));
  const logsRoot = resolve(options.cwd, options.logsRoot ?? (options.env.POWER_RESULT_ROOT || "LOGS"));
  const sidecarPath = options.validationResult ? resolve(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const expectedProducerSha = options.expectedProducerSha ?? (options.env.POWER_PRODUCER_SHA || void 0);
  const log = { stdout: [], stderr: [] };
  const bench = await loadBench(benchResult);
  const files = await readPowerPackage(powerDir, logsRoot, benchResult);
  const effective = bench.findings.length === 0 ? bench.window : void 0;
  const audit = auditPackage(files, {
    benchResult,
    bench: effective,
    prefillGpus: options.prefillGpus,
    decodeGpus: options.decodeGpus,
    expectedProducerSha
  });
  for (const finding of bench.findings) {
    audit.findings.add(finding.code, finding.message);
    audit.failures.push(finding.message);
  }
  let valid = audit.findings.size === 0 && Object.keys(audit.metrics).length > 0;
  if (!valid) audit.metrics = {};
  const aggPatched = await patchAggPower(aggResult, valid, audit.metrics, audit.findings);
  if (!aggPatched) {
    valid = false;
    audit.metrics = {};
  }
  const reasons = audit.findings.list();
  const sidecar = buildPackageSidecar({
    valid,
    reasons,
    audit,
    powerDir,
    benchResult,
    bench: bench.window,
    expectedProducerSha
  });
  const sidecarWritten = await writeSidecar(sidecarPath, sidecar, "aggregate-multinode", log.stderr);
  if (valid) {
    const m = audit.metrics;
    const role = (key) => m[key] === void 0 ? "" : ` ${key}=${m[key].toFixed(2)}`;
    log.stdout.push(
      `sweep-power aggregate-multinode: avg_power_w=${m.avg_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)}${role("prefill_gpu_energy_j")}${role("decode_gpu_energy_j")} (n=${audit.expectedGpuCount}) -> ${aggResult}`
    );
  } else {
    log.stderr.push(...powerFailureLines("aggregate-multinode", reasons, sidecarPath));
  }
  return {
    valid,
    reasons,
    metrics: audit.metrics,
    aggResult,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(valid, sidecarWritten, options.requirePower),
    log
  };
}

export {
  multinodeGapNote,
  envFlag,
  classifyTopology,
  topologyGpuCount,
  measurePackagePower
};
//# sourceMappingURL=chunk-7ECW4JYK.js.map
