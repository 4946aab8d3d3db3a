import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CHART_POINTS,
  readSmallTextFile
} from "./chunk-2XIZMTGU.js";
import {
  findFiles
} from "./chunk-CTM5CEWH.js";

// src/io/results.ts
import { basename, dirname, join, relative } from "node:path";

// src/core/insights/from-sidecar.ts
function insightsFromSidecar(sidecar) {
  const raw = record(sidecar?.insights);
  const window = record(sidecar?.benchmark_window);
  const startUnix = finite(window?.start_time_unix);
  const endUnix = finite(window?.end_time_unix);
  if (!raw || startUnix === void 0 || endUnix === void 0 || !Array.isArray(raw.phases)) return void 0;
  const phases = [];
  for (const item of raw.phases.slice(0, 3)) {
    const p = record(item);
    const name = p?.name;
    if (!p || name !== "before" && name !== "benchmark" && name !== "after") return void 0;
    const start = finite(p.start_unix);
    const end = finite(p.end_unix);
    const duration = finite(p.duration_s);
    if (start === void 0 || end === void 0 || duration === void 0) return void 0;
    phases.push({
      name,
      start_unix: start,
      end_unix: end,
      duration_s: duration,
      energy_j: nullable(p.energy_j),
      avg_total_power_w: nullable(p.avg_total_power_w),
      ...typeof p.reason === "string" ? { reason: p.reason } : {}
    });
  }
  const q = record(raw.quality);
  const reporting = typeof q?.gpus_reporting === "string" && /^\d{1,6}\/\d{1,6}$/.test(q.gpus_reporting) ? q.gpus_reporting : "\u2013";
  const quality = {
    gpus_reporting: reporting,
    per_gpu_coverage: {},
    median_interval_s: nullable(q?.median_interval_s),
    median_interval_method: "",
    energy_bound_j: nullable(q?.energy_bound_j)
  };
  const insights = {
    phases,
    idle: idle(raw.idle),
    counter: counter(raw.counter),
    power_limit: powerLimit(raw.power_limit),
    quality,
    efficiency: { output_tokens_per_joule: null },
    power_series: series(raw.power_series),
    warnings: []
  };
  return { insights, startUnix, endUnix };
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function nullable(value) {
  return finite(value) ?? null;
}
function count(value) {
  const n = finite(value);
  return n !== void 0 && Number.isInteger(n) && n >= 0 ? n : 0;
}
function idle(value) {
  const v = record(value);
  const baseline = finite(v?.baseline_total_w);
  return v && baseline !== void 0 ? {
    baseline_total_w: baseline,
    method: "",
    span_start_unix: finite(v.span_start_unix) ?? 0,
    energy_above_idle_j: nullable(v.energy_above_idle_j)
  } : null;
}
var SOURCES = [
  "dcgm_total_energy",
  "nvidia_smi_total_energy",
  "amd_smi_energy_accumulator",
  "energy_counter_column",
  "amd_smi_snapshots"
];
var AGREEMENTS = ["ok", "warn", "reject"];
function counter(value) {
  const v = record(value);
  const source = SOURCES.find((s) => s === v?.source);
  const agreement = AGREEMENTS.find((a) => a === v?.agreement);
  const energy = finite(v?.energy_j);
  if (!v || !source || !agreement || energy === void 0) return null;
  return {
    source,
    energy_j: energy,
    integral_energy_j: nullable(v.integral_energy_j),
    ratio: nullable(v.ratio),
    resets: count(v.resets),
    frozen_intervals: count(v.frozen_intervals),
    filled_intervals: count(v.filled_intervals),
    agreement,
    ...v.scope === "whole_recording" ? { scope: "whole_recording" } : {}
  };
}
function powerLimit(value) {
  const v = record(value);
  const enforced = finite(v?.enforced_w);
  const source = v?.source === "column" || v?.source === "nameplate" ? v.source : void 0;
  if (!v || enforced === void 0 || !source) return null;
  return {
    enforced_w: enforced,
    source,
    share_at_cap: nullable(v.share_at_cap),
    implausible_samples: count(v.implausible_samples),
    implausible_examples: []
  };
}
function series(value) {
  const v = record(value);
  const origin = finite(v?.origin_unix);
  const step = finite(v?.step_s);
  if (!v || origin === void 0 || step === void 0 || !(step > 0 && step <= 1e7) || !Array.isArray(v.total_w) || v.total_w.length > CHART_POINTS)
    return null;
  return {
    origin_unix: origin,
    step_s: step,
    total_w: v.total_w.map((w) => typeof w === "number" && w >= 0 && w <= 1e9 ? w : null)
  };
}
var MAX_SHARE = 10;
function rowInsightsFromSidecar(sidecar) {
  const raw = record(sidecar?.insights);
  if (!raw) return void 0;
  const out = {};
  const bench = Array.isArray(raw.phases) ? raw.phases.slice(0, 3).map(record).find((p) => p?.name === "benchmark") : void 0;
  const energy = finite(bench?.energy_j);
  const duration = finite(bench?.duration_s);
  const baseline = finite(record(raw.idle)?.baseline_total_w);
  if (energy !== void 0 && energy > 0 && duration !== void 0 && baseline !== void 0) {
    const share = baseline * duration / energy;
    if (share >= 0 && share <= MAX_SHARE) out.idleShare = share;
  }
  const agreement = counter(raw.counter)?.agreement;
  if (agreement) out.counterAgreement = agreement;
  const atCap = powerLimit(raw.power_limit)?.share_at_cap;
  if (atCap !== null && atCap !== void 0 && atCap >= 0 && atCap <= 1) out.shareAtCap = atCap;
  return out;
}

// src/core/report/rows.ts
var MAX_VALUE_CHARS = 200;
var MAX_REASONS = 20;
var MAX_MESSAGE_CHARS = 2 * MAX_VALUE_CHARS;
function capText(value, max = MAX_VALUE_CHARS) {
  if (value.length <= max) return value;
  let cut = value.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}
function text(value) {
  if (typeof value === "string") return capText(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return "";
}
function finite2(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function flag(value) {
  return value === true || typeof value === "string" && value.trim().toLowerCase() === "true";
}
function topologyOf(agg) {
  const multinode = flag(agg.is_multinode);
  const disagg = flag(agg.disagg);
  if (multinode) return disagg ? "multi-node disagg" : "multi-node";
  return disagg ? "single-node disagg" : "single-node";
}
function powerStatusOf(agg) {
  const v = agg.power_valid;
  if (v === 1 || v === true) return "valid";
  if (v === 0 || v === false) return "invalid";
  return "missing";
}
function reasonsOf(...sources) {
  const codes = [];
  for (const source of sources) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const code = typeof item === "string" ? capText(item) : typeof item === "object" && item !== null ? text(item.code) : "";
      if (code !== "" && !codes.includes(code)) codes.push(code);
      if (codes.length >= MAX_REASONS) return codes;
    }
    if (codes.length > 0) break;
  }
  return codes;
}
function positiveInt(value) {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : void 0;
}
function poolParallelism(agg, prefix) {
  const tp = positiveInt(agg[`${prefix}tp`]);
  const pp = positiveInt(agg[`${prefix}pp`]);
  const ep = positiveInt(agg[`${prefix}ep`]);
  const parts = [];
  if (tp !== void 0) parts.push(`TP${tp}`);
  if (pp !== void 0 && pp > 1) parts.push(`PP${pp}`);
  if (ep !== void 0) parts.push(`EP${ep}`);
  if (flag(agg[`${prefix}dp_attention`])) parts.push("DPA");
  return parts.join(" ");
}
function parallelismOf(agg) {
  if (!flag(agg.is_multinode)) return poolParallelism(agg, "");
  const pool = (role, label) => {
    const workers = positiveInt(agg[`${role}_num_workers`]);
    const gpus = positiveInt(agg[`num_${role}_gpu`]);
    const shape = poolParallelism(agg, `${role}_`);
    if (workers === 0 || gpus === 0) return "";
    return `${label} ${workers !== void 0 ? `${workers}\xD7` : ""}${shape}`.trim();
  };
  return [pool("prefill", "P"), pool("decode", "D")].filter((p) => p !== "").join(" + ");
}
function object(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function gpusOf(agg, sidecar) {
  const observed = positiveInt(sidecar?.observed_gpu_count);
  if (observed !== void 0 && observed > 0) return observed;
  const prefill = positiveInt(agg.num_prefill_gpu);
  const decode = positiveInt(agg.num_decode_gpu);
  if (prefill !== void 0 && decode !== void 0) return prefill + decode;
  const tp = positiveInt(agg.tp);
  return tp === void 0 ? void 0 : tp * (positiveInt(agg.pp) ?? 1) * (positiveInt(agg.pcp_size) ?? 1);
}
function messagesOf(sidecar, reasons) {
  const messages = object(sidecar?.reason_messages);
  if (!messages) return void 0;
  const out = /* @__PURE__ */ Object.create(null);
  for (const code of reasons) {
    const message = Object.hasOwn(messages, code) ? messages[code] : void 0;
    if (typeof message === "string") out[code] = capText(message, MAX_MESSAGE_CHARS);
  }
  return out;
}
function rowFromAgg(source, agg, sidecar) {
  const status = powerStatusOf(agg);
  const energyJ = status === "valid" ? finite2(agg.total_gpu_energy_j) : void 0;
  const bound = finite2(object(object(sidecar?.insights)?.quality)?.energy_bound_j);
  const window = object(sidecar?.benchmark_window);
  const reasons = status === "invalid" ? reasonsOf(sidecar?.reasons, agg.power_invalid_reasons) : [];
  return {
    source: capText(source, 4 * MAX_VALUE_CHARS),
    model: text(agg.model) || text(agg.infmax_model_prefix),
    hardware: text(agg.hw),
    framework: text(agg.framework),
    precision: text(agg.precision),
    isl: text(agg.isl),
    osl: text(agg.osl),
    conc: text(agg.conc),
    topology: topologyOf(agg),
    avgPowerW: status === "valid" ? finite2(agg.avg_power_w) : void 0,
    joulesPerOutputToken: status === "valid" ? finite2(agg.joules_per_output_token) : void 0,
    status,
    reasons,
    specDecoding: text(agg.spec_decoding),
    parallelism: parallelismOf(agg),
    gpus: gpusOf(agg, sidecar),
    energyJ,
    energyBoundJ: energyJ !== void 0 && bound !== void 0 && bound >= 0 ? bound : void 0,
    reasonMessages: status === "invalid" ? messagesOf(sidecar, reasons) : void 0,
    insights: rowInsightsFromSidecar(sidecar),
    endedAt: finite2(window?.end_time_unix)
  };
}
function numericOrText(a, b) {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareRows(a, b) {
  return numericOrText(a.model, b.model) || numericOrText(a.hardware, b.hardware) || numericOrText(a.framework, b.framework) || numericOrText(a.precision, b.precision) || numericOrText(a.isl, b.isl) || numericOrText(a.osl, b.osl) || numericOrText(a.conc, b.conc) || numericOrText(a.topology, b.topology) || numericOrText(a.source, b.source);
}

// src/core/report/attempts.ts
var ATTEMPT_FOLDER = /^(.+)_attempt([1-9]\d{0,5})$/;
function attemptOf(source) {
  const parts = source.split(/[\\/]/);
  let attempt = 1;
  const folders = parts.slice(0, -1).map((part) => {
    const m = part.match(ATTEMPT_FOLDER);
    if (!m) return part;
    attempt = Math.max(attempt, Number(m[2]));
    return m[1];
  });
  return { key: [...folders, parts[parts.length - 1] ?? ""].join("/"), attempt };
}
function latestAttempts(rows) {
  const latest = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const { key, attempt } = attemptOf(row.source);
    const seen = latest.get(key);
    if (!seen || attempt > seen.attempt) latest.set(key, { row, attempt });
  }
  const kept = new Set([...latest.values()].map((v) => v.row));
  return { rows: rows.filter((r) => kept.has(r)), superseded: rows.filter((r) => !kept.has(r)) };
}

// src/io/results.ts
var MAX_RESULT_BYTES = 4 * 1024 * 1024;
var MAX_RESULT_FILES = 5e4;
var MAX_TOTAL_RESULT_BYTES = 32 * 1024 * 1024;
var ReadBudget = class {
  constructor(total) {
    this.total = total;
  }
  total;
  spent = 0;
  /** Files refused because they would have passed the total. */
  refused = 0;
  /** False when the file would pass the total: it is not read. */
  take(bytes) {
    if (this.spent + bytes > this.total) {
      this.refused += 1;
      return false;
    }
    this.spent += bytes;
    return true;
  }
};
var SIDECAR_PREFIX = "power_validation_";
function sidecarNameFor(aggPath) {
  const name = basename(aggPath);
  const stem = name.replace(/^agg_/, "").replace(/\.json$/, "");
  return `${SIDECAR_PREFIX}${stem}.json`;
}
function isAggResult(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value;
  return "hw" in v || "power_valid" in v || "is_multinode" in v;
}
async function loadResults(root, input, options) {
  const budget = options.budget ?? new ReadBudget(options.maxTotalBytes ?? MAX_TOTAL_RESULT_BYTES);
  const refusal = `the result files together pass the ${budget.total}-byte limit of one report`;
  const read = (path, noFollow = false) => readSmallTextFile(path, MAX_RESULT_BYTES, { noFollow, reserve: (bytes) => budget.take(bytes), refusal });
  const found = await findFiles(root, input, {
    maxFiles: options.maxFiles ?? MAX_RESULT_FILES,
    confine: options.confine
  });
  const candidates = found.files.filter((f) => !basename(f).startsWith(SIDECAR_PREFIX));
  const sidecarsByName = /* @__PURE__ */ new Map();
  for (const f of found.files) {
    if (!basename(f).startsWith(SIDECAR_PREFIX)) continue;
    const list = sidecarsByName.get(basename(f));
    if (list) list.push(f);
    else sidecarsByName.set(basename(f), [f]);
  }
  const foundFiles = new Set(found.files);
  const refusedFiles = new Set(found.refused);
  const seenCopies = /* @__PURE__ */ new Map();
  const inAudit = (f) => /(?:^|[_-])power_audit_/.test(basename(dirname(f)));
  const elsewhereNames = new Set(candidates.filter((f) => !inAudit(f)).map((f) => basename(f)));
  const auditCopies = candidates.filter((f) => inAudit(f) && elsewhereNames.has(basename(f)));
  const toRead = auditCopies.length === 0 ? candidates : candidates.filter((f) => !(inAudit(f) && elsewhereNames.has(basename(f))));
  const sidecarText = (aggPath) => {
    const name = sidecarNameFor(aggPath);
    const beside = join(dirname(aggPath), name);
    const elsewhere = sidecarsByName.get(name);
    const fromElsewhere = () => elsewhere?.length === 1 ? read(elsewhere[0]) : void 0;
    if (foundFiles.has(beside)) return read(beside);
    if (refusedFiles.has(beside)) return void 0;
    if (found.complete) return fromElsewhere();
    try {
      return read(beside, true);
    } catch (error) {
      if (error.code === "ENOENT") return fromElsewhere();
      throw error;
    }
  };
  const rows = [];
  const unreadable = [];
  let skipped = found.files.length - candidates.length + auditCopies.length;
  const display = (path) => relative(root, path) || basename(path);
  for (const path of toRead) {
    let agg;
    let text2;
    try {
      text2 = read(path);
      agg = JSON.parse(text2);
    } catch (error) {
      unreadable.push({ source: display(path), reason: error.message.replace(path, display(path)) });
      continue;
    }
    if (!isAggResult(agg)) {
      skipped += 1;
      continue;
    }
    let sidecar;
    try {
      const text3 = sidecarText(path);
      const parsed = text3 === void 0 ? void 0 : JSON.parse(text3);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
        sidecar = parsed;
    } catch {
    }
    const row = rowFromAgg(display(path), agg, sidecar);
    const name = basename(row.source);
    const copies = seenCopies.get(name) ?? /* @__PURE__ */ new Set();
    seenCopies.set(name, copies);
    if (copies.has(text2)) {
      skipped += 1;
      continue;
    }
    copies.add(text2);
    rows.push(row);
  }
  const latest = latestAttempts(rows);
  skipped += latest.superseded.length;
  return {
    rows: latest.rows,
    superseded: latest.superseded.map((r) => r.source),
    unreadable,
    skipped,
    refused: found.refused.map(display),
    truncated: found.truncated
  };
}

export {
  insightsFromSidecar,
  capText,
  topologyOf,
  powerStatusOf,
  reasonsOf,
  compareRows,
  MAX_RESULT_BYTES,
  MAX_TOTAL_RESULT_BYTES,
  ReadBudget,
  sidecarNameFor,
  loadResults
};
//# sourceMappingURL=chunk-PJCUZUER.js.map
