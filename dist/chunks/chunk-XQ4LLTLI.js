import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compareRows
} from "./chunk-PJCUZUER.js";
import {
  WORD_JOINER,
  escapeMarkdown,
  normalizeText,
  safeUrl
} from "./chunk-XKQWIWGY.js";

// src/core/report/stats.ts
var T975 = [
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042
];
var Z975 = 1.959963984540054;
function tQuantile975(df) {
  if (!(df >= 1)) return Number.NaN;
  const whole = Math.floor(df);
  if (whole <= T975.length) return T975[whole - 1];
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * whole) + (5 * z5 + 16 * z3 + 3 * z) / (96 * whole ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * whole ** 3);
}
function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
function sampleSd(values) {
  if (values.length < 2) return void 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}
function relativePredictionInterval(values) {
  const s = sampleSd(values);
  const m = mean(values);
  if (s === void 0 || !(m > 0)) return void 0;
  return tQuantile975(values.length - 1) * s * Math.sqrt(1 + 1 / values.length) / m;
}

// src/core/report/compare.ts
var DEFAULT_THRESHOLD = 0.05;
function configIdentity(row) {
  return [
    row.model,
    row.framework,
    row.precision,
    row.hardware,
    row.isl,
    row.osl,
    row.conc,
    row.specDecoding ?? "",
    row.topology,
    row.parallelism ?? ""
  ];
}
function configKey(row) {
  return JSON.stringify(configIdentity(row));
}
function latestByConfig(rows) {
  const groups = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const key = configKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const sides = /* @__PURE__ */ new Map();
  for (const [key, group] of groups) {
    group.sort(
      (a, b) => (a.endedAt ?? -Infinity) - (b.endedAt ?? -Infinity) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
    );
    const valid = group.map((r) => r.joulesPerOutputToken).filter((j) => positive(j));
    let repeatSpread = 0;
    if (valid.length >= 2) {
      const m = valid.reduce((a, b) => a + b, 0) / valid.length;
      repeatSpread = (Math.max(...valid) - Math.min(...valid)) / (2 * m);
    }
    sides.set(key, {
      latest: group[group.length - 1],
      all: group,
      setAside: group.length - 1,
      repeatSpread
    });
  }
  return sides;
}
function positive(j) {
  return j !== void 0 && Number.isFinite(j) && j > 0;
}
function unusable(side, which) {
  const row = side.latest;
  if (row.status === "invalid")
    return `${which}: invalid power${row.reasons.length > 0 ? ` (${row.reasons.join(", ")})` : ""}`;
  if (row.status === "missing") return `${which}: no power data`;
  if (!positive(row.joulesPerOutputToken)) return `${which}: no J/output-token`;
  return void 0;
}
function relativeBound(row) {
  if (row.energyBoundJ === void 0 || row.energyJ === void 0 || !(row.energyJ > 0)) return void 0;
  return row.energyBoundJ / row.energyJ;
}
function toleranceFor(current, baseline, history, threshold) {
  const boundCurrent = relativeBound(current.latest);
  const boundBaseline = relativeBound(baseline.latest);
  const bounds = (boundCurrent ?? 0) + (boundBaseline ?? 0);
  const repeats = Math.hypot(current.repeatSpread, baseline.repeatSpread);
  const historyInterval = relativePredictionInterval(history) ?? 0;
  const combined = bounds + Math.hypot(repeats, historyInterval);
  let decidedBy = "threshold";
  if (combined > threshold) {
    const parts = [
      ["energy bounds", bounds],
      ["repeats", repeats],
      ["history", historyInterval]
    ];
    decidedBy = parts.reduce((best, part) => part[1] > best[1] ? part : best)[0];
  }
  return {
    value: Math.max(threshold, combined),
    threshold,
    bounds,
    repeats,
    history: historyInterval,
    combined,
    decidedBy,
    boundsKnown: boundCurrent !== void 0 && boundBaseline !== void 0
  };
}
function compareRuns(current, baseline, options = {}) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const now = latestByConfig(current);
  const before = latestByConfig(baseline);
  const historyRuns = (options.history ?? []).map((run) => latestByConfig(run));
  const counts = {
    regression: 0,
    improvement: 0,
    withinNoise: 0,
    notComparable: 0,
    comparable: 0,
    new: 0,
    gone: 0
  };
  const configs = [];
  let boundsUnknown = 0;
  const historyOf = (key) => historyRuns.map((run) => run.get(key)?.latest).filter((r) => r?.status === "valid" && positive(r.joulesPerOutputToken)).map((r) => r.joulesPerOutputToken);
  for (const [key, side] of now) {
    const base = before.get(key);
    if (!base) {
      counts.new += 1;
      configs.push({ key, row: side.latest, current: side, presence: "new", history: historyOf(key) });
      continue;
    }
    const entry = {
      key,
      row: side.latest,
      current: side,
      baseline: base,
      presence: "both",
      history: historyOf(key)
    };
    const why = unusable(side, "this run") ?? unusable(base, "baseline");
    if (why) {
      entry.verdict = "not comparable";
      entry.reason = why;
      counts.notComparable += 1;
    } else {
      const jNow = side.latest.joulesPerOutputToken;
      const jBefore = base.latest.joulesPerOutputToken;
      const delta = jNow / jBefore - 1;
      const tolerance = toleranceFor(side, base, entry.history, threshold);
      entry.deltaJoulesPerToken = delta;
      entry.deltaTokensPerJoule = jBefore / jNow - 1;
      entry.tolerance = tolerance;
      if (!tolerance.boundsKnown) boundsUnknown += 1;
      counts.comparable += 1;
      if (Math.abs(delta) > tolerance.value) {
        entry.verdict = delta > 0 ? "regression" : "improvement";
        counts[entry.verdict] += 1;
      } else {
        entry.verdict = "within noise";
        counts.withinNoise += 1;
      }
    }
    configs.push(entry);
  }
  for (const [key, side] of before) {
    if (now.has(key)) continue;
    counts.gone += 1;
    configs.push({ key, row: side.latest, baseline: side, presence: "gone", history: historyOf(key) });
  }
  configs.sort((a, b) => compareRows(a.row, b.row));
  let setAsideBaseline = 0;
  for (const side of before.values()) setAsideBaseline += side.setAside;
  let setAsideCurrent = 0;
  for (const side of now.values()) setAsideCurrent += side.setAside;
  return {
    threshold,
    configs,
    counts,
    setAside: { current: setAsideCurrent, baseline: setAsideBaseline },
    boundsUnknown,
    historyRuns: historyRuns.length
  };
}
function changes(comparison) {
  return comparison.configs.filter((c) => c.verdict === "regression" || c.verdict === "improvement").sort(
    (a, b) => Math.abs(b.deltaJoulesPerToken ?? 0) - Math.abs(a.deltaJoulesPerToken ?? 0) || compareRows(a.row, b.row)
  );
}
function comparisonJson(comparison, baselineLabel) {
  const side = (s) => s && {
    source: s.latest.source,
    status: s.latest.status,
    joules_per_output_token: s.latest.joulesPerOutputToken ?? null,
    energy_j: s.latest.energyJ ?? null,
    energy_bound_j: s.latest.energyBoundJ ?? null,
    reasons: s.latest.reasons,
    results: s.all.length,
    set_aside: s.setAside
  };
  return {
    schema_version: 1,
    threshold: comparison.threshold,
    baseline: baselineLabel ?? null,
    counts: comparison.counts,
    set_aside: comparison.setAside,
    configs: comparison.configs.map((c) => {
      const [model, framework, precision, hardware, isl, osl, conc, specDecoding, topology, parallelism] = configIdentity(c.row);
      return {
        config: {
          model,
          framework,
          precision,
          hardware,
          isl,
          osl,
          conc,
          spec_decoding: specDecoding,
          topology,
          parallelism
        },
        presence: c.presence,
        verdict: c.verdict ?? null,
        reason: c.reason ?? null,
        delta_joules_per_output_token: c.deltaJoulesPerToken ?? null,
        delta_tokens_per_joule: c.deltaTokensPerJoule ?? null,
        tolerance: c.tolerance ? {
          value: c.tolerance.value,
          threshold: c.tolerance.threshold,
          energy_bounds: c.tolerance.bounds,
          repeats: c.tolerance.repeats,
          history: c.tolerance.history,
          decided_by: c.tolerance.decidedBy,
          bounds_known: c.tolerance.boundsKnown
        } : null,
        history: c.history,
        current: side(c.current) ?? null,
        baseline: side(c.baseline) ?? null
      };
    })
  };
}

// src/core/report/history.ts
var HISTORY_MARKER = "sweep-power-history:v1";
var MAX_PUSHES = 12;
var MAX_BLOCK_CHARS = 24e3;
var DEFAULT_BLOCK_BUDGET = 12e3;
var MAX_CONFIGS = 1e4;
function emptyHistory() {
  return { pushes: [], values: /* @__PURE__ */ new Map() };
}
function configHash(key) {
  let a = 2166136261;
  let b = 16777619 ^ 1540483477;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619) >>> 0;
    b = Math.imul(b ^ c, 1540483477) >>> 0;
    b ^= b >>> 15;
  }
  return (a.toString(36).padStart(7, "0") + (b >>> 0).toString(36).padStart(7, "0")).slice(0, 12);
}
var HASH = /^[0-9a-z]{12}$/;
var COMMIT = /^[0-9a-f]{7,64}$/;
var RUN = /^\d{0,20}$/;
function validValue(v) {
  return v === null || typeof v === "number" && Number.isFinite(v) && v > 0 && v < 1e12;
}
function readHistoryBlock(body) {
  if (!body) return { history: emptyHistory() };
  const start = body.indexOf(`<!-- ${HISTORY_MARKER} `);
  if (start < 0) return { history: emptyHistory() };
  const end = body.indexOf(" -->", start);
  if (end < 0) return { history: void 0, problem: "the history block is not closed" };
  const encoded = body.slice(start + HISTORY_MARKER.length + 6, end);
  if (encoded.length > MAX_BLOCK_CHARS)
    return { history: void 0, problem: `the history block is larger than ${MAX_BLOCK_CHARS} characters` };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return { history: void 0, problem: "the history block is not base64" };
  let data;
  try {
    data = JSON.parse(atob(encoded));
  } catch {
    return { history: void 0, problem: "the history block is not JSON" };
  }
  return parseHistory(data);
}
function parseHistory(data) {
  const bad = (what) => ({ history: void 0, problem: `the history block ${what}` });
  if (typeof data !== "object" || data === null || Array.isArray(data)) return bad("is not an object");
  const d = data;
  if (Object.keys(d).some((k) => k !== "v" && k !== "p" && k !== "c")) return bad("has unknown fields");
  if (d.v !== 1) return bad("has an unknown version");
  if (!Array.isArray(d.p) || d.p.length > MAX_PUSHES) return bad(`does not list at most ${MAX_PUSHES} pushes`);
  const pushes = [];
  for (const p of d.p) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== "string" || typeof p[1] !== "string" || !COMMIT.test(p[0]) || !RUN.test(p[1]))
      return bad("has a malformed push");
    pushes.push({ commit: p[0], run: p[1] });
  }
  if (!Array.isArray(d.c) || d.c.length > MAX_CONFIGS) return bad("has a malformed config list");
  const values = /* @__PURE__ */ new Map();
  for (const c of d.c) {
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== "string" || !HASH.test(c[0]) || values.has(c[0]))
      return bad("has a malformed config");
    const series = c[1];
    if (!Array.isArray(series) || series.length !== pushes.length || !series.every(validValue))
      return bad("has a malformed series");
    values.set(c[0], series);
  }
  return { history: { pushes, values } };
}
function round4(v) {
  return Number(v.toPrecision(4));
}
function appendPush(history, push, figures) {
  const last = history.pushes[history.pushes.length - 1];
  const replace = last !== void 0 && last.commit === push.commit;
  const kept = replace ? history.pushes.length - 1 : history.pushes.length;
  const drop = Math.max(0, kept + 1 - MAX_PUSHES);
  const pushes = [...history.pushes.slice(drop, kept), push];
  const values = /* @__PURE__ */ new Map();
  for (const [hash, series] of history.values) values.set(hash, [...series.slice(drop, kept), null]);
  for (const [hash, value] of figures) {
    const series = values.get(hash) ?? new Array(pushes.length).fill(null);
    series[pushes.length - 1] = round4(value);
    values.set(hash, series);
  }
  for (const [hash, series] of values) if (series.every((v) => v === null)) values.delete(hash);
  return { pushes, values };
}
function encode(pushes, configs) {
  return `<!-- ${HISTORY_MARKER} ${btoa(JSON.stringify({ v: 1, p: pushes.map((p) => [p.commit, p.run]), c: configs }))} -->`;
}
function encodeHistoryBlock(history, priority = [], budget = DEFAULT_BLOCK_BUDGET) {
  const order = [.../* @__PURE__ */ new Set([...priority.filter((h) => history.values.has(h)), ...history.values.keys()])];
  const entries = order.map((h) => [h, history.values.get(h)]);
  const full = encode(history.pushes, entries);
  if (full.length <= budget) return { block: full, configsLeftOut: 0 };
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(history.pushes, entries.slice(0, mid)).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  return { block: encode(history.pushes, entries.slice(0, lo)), configsLeftOut: entries.length - lo };
}
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(series) {
  const present = series.filter((v) => v !== null);
  if (present.length < 2) return "";
  const min = Math.min(...present);
  const max = Math.max(...present);
  return series.map((v) => {
    if (v === null) return "\xB7";
    if (max === min) return BARS[3];
    return BARS[Math.round((v - min) / (max - min) * (BARS.length - 1))];
  }).join("");
}

// src/core/report/layout.ts
var CHART_MAX_CONFIGS = 12;
var LIST_SHOWN_WHEN_SHRUNK = 20;
function htmlText(value) {
  return normalizeText(value).replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]).replace(/[@/#:]/g, (ch) => `${ch}${WORD_JOINER}`).replace(/(w)(w)(w)(\.)/gi, `$1$2$3${WORD_JOINER}$4`).replace(/(g)(h)(-)/gi, `$1$2${WORD_JOINER}$3`).replace(/[[\]()!`*_~|\\]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
}
function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural(n, one, many = `${one}s`) {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}
function link(text, url) {
  const safe = url === void 0 ? void 0 : safeUrl(url);
  return safe ? `[${text}](${safe})` : text;
}
function formatPercent(fraction) {
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `0.${"0".repeat(digits)} %`.replace(/^0\. %$/, "0 %");
  return `${pct > 0 ? "+" : "\u2212"}${text} %`;
}
function formatEnergy(j) {
  if (j === void 0) return "\u2013";
  if (Math.abs(j) >= 1e6) return `${(j / 1e6).toFixed(2)} MJ`;
  if (Math.abs(j) >= 1e3) return `${(j / 1e3).toFixed(1)} kJ`;
  return `${j.toFixed(0)} J`;
}
function formatTokensPerJoule(j) {
  return j === void 0 || !(j > 0) ? "\u2013" : String(Number((1 / j).toPrecision(3)));
}
function formatShare(fraction) {
  if (fraction === void 0) return "\u2013";
  const pct = fraction * 100;
  return `${pct.toFixed(pct >= 100 ? 0 : 1)} %`;
}
function insightCells(row) {
  const i = row.status === "valid" ? row.insights : void 0;
  return ` ${formatShare(i?.idleShare)} | ${i?.counterAgreement ?? "\u2013"} | ${formatShare(i?.shareAtCap)} |`;
}
function islOsl(row) {
  return row.isl === "" && row.osl === "" ? "" : `${escapeMarkdown(row.isl)}/${escapeMarkdown(row.osl)}`;
}
function topologyCell(row) {
  return escapeMarkdown([row.topology, row.parallelism ?? ""].filter((p) => p !== "").join(" \xB7 ")) + (row.specDecoding && row.specDecoding !== "none" ? ` \xB7 spec ${escapeMarkdown(row.specDecoding)}` : "");
}
function configLabel(row) {
  return [
    escapeMarkdown(row.model),
    escapeMarkdown(row.framework),
    escapeMarkdown(row.precision),
    escapeMarkdown(row.hardware),
    islOsl(row),
    `conc ${escapeMarkdown(row.conc)}`,
    topologyCell(row)
  ].filter((p) => p !== "").join(" \xB7 ");
}
var VERDICT_MARK = {
  regression: "\u{1F534}",
  improvement: "\u{1F7E2}",
  "within noise": "\u26AA",
  "not comparable": "\u2298"
};
function deltaCell(c) {
  if (!c) return "";
  if (c.presence === "new") return "new";
  if (c.verdict === "not comparable") return "\u2298 not comparable";
  if (c.deltaJoulesPerToken === void 0) return "";
  const mark = c.verdict === "regression" ? " \u{1F534}\u2191" : c.verdict === "improvement" ? " \u{1F7E2}\u2193" : "";
  return `${formatPercent(c.deltaJoulesPerToken)}${mark}`;
}
function joulesCell(side) {
  const row = side.latest;
  if (row.status === "invalid") return "\u274C invalid";
  if (row.status === "missing") return "\u2796 no data";
  const j = row.joulesPerOutputToken;
  let text = formatJoulesPerToken(j);
  if (j !== void 0 && row.energyBoundJ !== void 0 && row.energyJ !== void 0 && row.energyJ > 0)
    text += ` \xB1 ${formatJoulesPerToken(row.energyBoundJ / row.energyJ * j)}`;
  if (side.setAside > 0) text += ` (latest of ${side.all.length})`;
  return text;
}
function toleranceText(c) {
  const t = c.tolerance;
  if (!t) return "";
  return `\xB1${(t.value * 100).toFixed(1)} % (${t.decidedBy})`;
}
function chartLabel(row) {
  const raw = `${row.hardware} ${row.isl}/${row.osl} c${row.conc}${row.parallelism ? ` ${row.parallelism}` : ""}`;
  const cleaned = raw.replace(/[^A-Za-z0-9 ._/+×-]/g, " ").replace(/\s+/g, " ").trim();
  return (cleaned === "" ? "config" : cleaned).slice(0, 32);
}
function chartNumber(v) {
  const short = Number(v.toPrecision(4));
  const text = String(short);
  return /e/i.test(text) ? short.toFixed(12).replace(/0+$/, "").replace(/\.$/, "") : text;
}
function chartLines(configs) {
  const drawn = configs.filter((c) => c.deltaJoulesPerToken !== void 0).slice(0, CHART_MAX_CONFIGS);
  if (drawn.length === 0) return [];
  const labels = drawn.map((c, i) => `"${i + 1} ${chartLabel(c.row)}"`);
  const before = drawn.map((c) => chartNumber(c.baseline?.latest.joulesPerOutputToken));
  const now = drawn.map((c) => chartNumber(c.current?.latest.joulesPerOutputToken));
  return [
    "```mermaid",
    "xychart-beta",
    '  title "J per output token: baseline (bars) vs this run (line)"',
    `  x-axis [${labels.join(", ")}]`,
    '  y-axis "J per output token"',
    `  bar [${before.join(", ")}]`,
    `  line [${now.join(", ")}]`,
    "```"
  ];
}
function renderLayout(input, options) {
  const measure = options.measure ?? ((s) => s.length);
  const limit = options.limit - (options.reserve ?? 0);
  const hint = options.fullListHint ?? "the job summary and the `bmk_*` artifacts of this run";
  const comparison = input.comparison;
  const current = latestByConfig(input.rows);
  const sides = [...current.values()].sort((a, b) => compareRows(a.latest, b.latest));
  const setAside = sides.reduce((n, s) => n + s.setAside, 0);
  const unreadable = input.unreadable ?? [];
  const counts = { total: sides.length, valid: 0, invalid: 0, missing: 0, unreadable: unreadable.length };
  for (const side of sides) counts[side.latest.status] += 1;
  const byKey = /* @__PURE__ */ new Map();
  for (const c of comparison?.configs ?? []) if (c.current) byKey.set(c.key, c);
  const trends = input.trends;
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  const head = [];
  const runLink = input.runId && /^\d+$/.test(input.runId) ? link(input.runId, input.runUrl) : void 0;
  const commit = input.commit && /^[0-9a-f]{7,64}$/i.test(input.commit.sha) ? link(`\`${input.commit.sha.slice(0, 7)}\``, input.commit.url) : void 0;
  head.push(`### GPU power${commit ? ` \xB7 commit ${commit}` : ""}${runLink ? ` \xB7 sweep run ${runLink}` : ""}`, "");
  if (links) head.push(`Visualizer: [inference](${links.inference}) \xB7 [evaluation](${links.evaluation})`, "");
  const tally = [
    `**${plural(counts.total, "config")}**`,
    `\u2705 ${grouped(counts.valid)} valid`,
    `\u274C ${grouped(counts.invalid)} invalid`,
    `\u2796 ${grouped(counts.missing)} without power data`
  ];
  if (counts.unreadable > 0) tally.push(`\u26A0\uFE0F ${plural(counts.unreadable, "unreadable file")}`);
  head.push(tally.join(" \xB7 "), "");
  if (setAside > 0)
    head.push(
      `_${plural(setAside, "earlier result")} of repeated configs set aside: the latest result of each config is used._`,
      ""
    );
  const base = input.baseline;
  if (base) {
    const parts = [];
    if (base.runId && /^\d+$/.test(base.runId)) parts.push(`run ${link(base.runId, base.runUrl)}`);
    if (base.commit && /^[0-9a-f]{7,64}$/i.test(base.commit))
      parts.push(`commit ${link(`\`${base.commit.slice(0, 7)}\``, base.commitUrl)}`);
    if (base.label) parts.push(escapeMarkdown(base.label));
    if (comparison && comparison.historyRuns > 1) parts.push(`history of ${comparison.historyRuns} runs`);
    head.push(`Baseline: ${parts.length > 0 ? parts.join(" \xB7 ") : "given results"}`, "");
  }
  for (const note of input.notes ?? []) head.push(`_${escapeMarkdown(note)}_`, "");
  if (comparison) {
    const k = comparison.counts;
    const n = (count) => grouped(count);
    head.push(
      `**Verdicts:** \u{1F534} ${plural(k.regression, "regression")} \xB7 \u{1F7E2} ${plural(k.improvement, "improvement")} \xB7 \u26AA ${n(k.withinNoise)} within noise \xB7 \u2298 ${n(k.notComparable)} not comparable \xB7 \u{1F195} ${n(k.new)} new \xB7 ${n(k.gone)} gone (threshold ${(comparison.threshold * 100).toFixed(1)} %)`,
      ""
    );
    if (comparison.boundsUnknown > 0) {
      head.push(
        `_Energy error bound unknown for ${plural(comparison.boundsUnknown, "compared config")}: counted as 0 in the tolerance, so the threshold, repeats and history decide there._`,
        ""
      );
    }
    if (comparison.setAside.baseline > 0)
      head.push(
        `_${plural(comparison.setAside.baseline, "earlier baseline result")} of repeated configs set aside._`,
        ""
      );
  }
  const changed = comparison ? changes(comparison) : [];
  const changeHead = [
    "#### Changes",
    "",
    "| | Config | J/output token | \u0394 J/token | \u0394 tokens/J | Tolerance | Trend |",
    "|---|---|--:|--:|--:|---|---|"
  ];
  const changeRows = changed.map((c) => {
    const before = formatJoulesPerToken(c.baseline?.latest.joulesPerOutputToken);
    const now = formatJoulesPerToken(c.current?.latest.joulesPerOutputToken);
    const arrow = c.verdict === "regression" ? "\u{1F534} \u2191" : "\u{1F7E2} \u2193";
    return `| ${arrow} | ${configLabel(c.row)} | ${before} \u2192 ${now} | ${formatPercent(c.deltaJoulesPerToken)} | ${formatPercent(c.deltaTokensPerJoule)} | ${toleranceText(c)} | ${sparkline(trends?.get(c.key) ?? [])} |`;
  });
  const changesNone = comparison ? ["#### Changes", "", "_No regression or improvement beyond the tolerance._", ""] : [];
  const chartSource = changed.length > 0 ? changed : (comparison?.configs ?? []).filter((c) => c.deltaJoulesPerToken !== void 0);
  const chartBody = chartLines(chartSource);
  const chart = chartBody.length > 0 ? ["", ...chartBody, ""] : [];
  const groups = [];
  const showDelta = comparison !== void 0;
  const showTrend = trends !== void 0 && trends.size > 0;
  const showInsights = sides.some((s) => s.latest.insights !== void 0);
  const groupHead = [
    `| Hardware | ISL/OSL | Conc | Topology | GPUs | J/output token |${showDelta ? " \u0394 vs baseline |" : ""} Tokens/J | W/GPU | Energy |${showInsights ? " Idle share | Counter | At cap |" : ""}${showTrend ? " Trend |" : ""}${links ? " |" : ""}`,
    `|---|---|--:|---|--:|--:|${showDelta ? "--:|" : ""}--:|--:|--:|${showInsights ? "--:|---|--:|" : ""}${showTrend ? "---|" : ""}${links ? "---|" : ""}`
  ];
  let groupStart = 0;
  while (groupStart < sides.length) {
    const first = sides[groupStart].latest;
    let end = groupStart;
    while (end < sides.length && sides[end].latest.model === first.model && sides[end].latest.framework === first.framework && sides[end].latest.precision === first.precision)
      end++;
    const members = sides.slice(groupStart, end);
    const verdicts = /* @__PURE__ */ new Map();
    const rows = members.map((side) => {
      const row = side.latest;
      const key = configKey(row);
      const c = byKey.get(key);
      if (c?.verdict) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
      const valid = row.status === "valid";
      const trend = showTrend ? ` ${sparkline(trends?.get(key) ?? [])} |` : "";
      return `| ${escapeMarkdown(row.hardware)} | ${islOsl(row)} | ${escapeMarkdown(row.conc)} | ${topologyCell(row)} | ${row.gpus ?? "\u2013"} | ${joulesCell(side)} |${showDelta ? ` ${deltaCell(c)} |` : ""} ${valid ? formatTokensPerJoule(row.joulesPerOutputToken) : "\u2013"} | ${formatWatts(row.avgPowerW)} | ${valid ? formatEnergy(row.energyJ) : "\u2013"} |${showInsights ? insightCells(row) : ""}${trend}${links ? ` [\u2197](${links.inference}) |` : ""}`;
    });
    const tallies = ["regression", "improvement", "within noise", "not comparable"].filter((v) => verdicts.has(v)).map((v) => `${VERDICT_MARK[v]} ${verdicts.get(v)}`);
    const title = `<b>${htmlText(first.model)}</b> \xB7 ${htmlText(first.framework)} \xB7 ${htmlText(first.precision)} \xB7 ${plural(members.length, "config")}${tallies.length > 0 ? ` \xB7 ${tallies.join(" ")}` : ""}`;
    groups.push({ title, rows, configs: members.length });
    groupStart = end;
  }
  const groupLines = (g) => [
    "",
    `<details><summary>${g.title}</summary>`,
    "",
    ...groupHead,
    ...g.rows,
    "",
    "</details>"
  ];
  const section = (title, items) => items.length === 0 ? [] : ["", `<details><summary>${title}</summary>`, "", ...items, "", "</details>"];
  const capped = (items, shrink) => shrink && items.length > LIST_SHOWN_WHEN_SHRUNK ? [
    ...items.slice(0, LIST_SHOWN_WHEN_SHRUNK),
    `- \u2026 and ${grouped(items.length - LIST_SHOWN_WHEN_SHRUNK)} more in ${hint}`
  ] : items;
  const invalidSides = sides.filter((s) => s.latest.status === "invalid");
  const invalidItems = invalidSides.map((s) => {
    const row = s.latest;
    const reasons = row.reasons.length > 0 ? row.reasons.map((code) => `**${escapeMarkdown(code)}**${row.reasonMessages?.[code] ? ` ${escapeMarkdown(row.reasonMessages[code])}` : ""}`).join("; ") : "no reason recorded (download the `power_audit_*` artifacts next to the `bmk_*` ones to see why)";
    return `- ${configLabel(row)}: ${reasons}`;
  });
  const byReason = /* @__PURE__ */ new Map();
  for (const s of invalidSides)
    for (const code of s.latest.reasons.length > 0 ? s.latest.reasons : ["(no reason recorded)"])
      byReason.set(code, (byReason.get(code) ?? 0) + 1);
  const reasonItems = [...byReason.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `- ${escapeMarkdown(code)}: ${plural(n, "config")}`);
  const notComparable = (comparison?.configs ?? []).filter((c) => c.verdict === "not comparable").map((c) => `- ${configLabel(c.row)}: ${escapeMarkdown(c.reason ?? "")}`);
  const added = (comparison?.configs ?? []).filter((c) => c.presence === "new").map((c) => `- ${configLabel(c.row)}`);
  const gone = (comparison?.configs ?? []).filter((c) => c.presence === "gone").map((c) => `- ${configLabel(c.row)}`);
  const unreadableItems = unreadable.map((u) => `- ${escapeMarkdown(u.source)}: ${escapeMarkdown(u.reason)}`);
  const lists = (shrink) => [
    ...shrink ? section(`Invalid power: ${plural(invalidSides.length, "config")}, by reason`, reasonItems) : section(`Invalid power: ${plural(invalidSides.length, "config")}`, invalidItems),
    ...section(
      `Not comparable with the baseline: ${plural(notComparable.length, "config")}`,
      capped(notComparable, shrink)
    ),
    ...section(`New configs (not in the baseline): ${grouped(added.length)}`, capped(added, shrink)),
    ...section(`Gone configs (in the baseline only): ${grouped(gone.length)}`, capped(gone, shrink)),
    ...section(`Unreadable result files: ${grouped(unreadable.length)}`, capped(unreadableItems, shrink))
  ];
  const size = (lines) => lines.reduce((sum, line) => sum + measure(line) + 1, 0);
  const changesBlock = (rows, note) => rows.length > 0 ? [...changeHead, ...rows, ...note, ""] : changesNone;
  const allGroupLines = groups.flatMap(groupLines);
  const finish = (parts, shrunk) => {
    const shownConfigs = parts.groups.reduce((n, g) => n + g.configs, 0);
    const markdown = [
      ...head,
      ...changesBlock(parts.changeRows, parts.changeNote),
      ...parts.chart,
      ...parts.groups.flatMap(groupLines),
      ...parts.note,
      ...parts.lists
    ].join("\n").replace(/\n+$/, "");
    return { markdown, counts, rowsShown: shownConfigs, rowsLeftOut: sides.length - shownConfigs, shrunk };
  };
  const full = [...head, ...changesBlock(changeRows, []), ...chart, ...allGroupLines, ...lists(false)];
  if (size(full) <= limit)
    return finish({ changeRows, changeNote: [], chart, groups, note: [], lists: lists(false) }, false);
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...lists(false)]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: lists(false) }, true);
  const shortLists = lists(true);
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...shortLists]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: shortLists }, true);
  const noteFor = (left) => [
    "",
    `_${plural(left, "row")} left out to stay under the size limit; the full report is in ${hint}._`
  ];
  const noteMax = size(noteFor(sides.length));
  const listsFit = size([...head, ...changesBlock(changeRows, []), ...shortLists]) + noteMax <= limit;
  const tailLists = listsFit ? shortLists : [];
  let used = size([...head, ...changesBlock(changeRows, []), ...tailLists]) + noteMax;
  if (used <= limit) {
    const kept = [];
    for (const g of groups) {
      const next = used + size(groupLines(g));
      if (next > limit) break;
      used = next;
      kept.push(g);
    }
    const left = sides.length - kept.reduce((n, g) => n + g.configs, 0);
    return finish({ changeRows, changeNote: [], chart: [], groups: kept, note: noteFor(left), lists: tailLists }, true);
  }
  const changeNoteFor = (left) => [
    "",
    `_${plural(left, "more change")} left out to stay under the size limit; every verdict is in ${hint}._`
  ];
  used = size([...head, ...changeHead, ""]) + size(changeNoteFor(changeRows.length)) + noteMax;
  const keptChanges = [];
  for (const row of changeRows) {
    const next = used + measure(row) + 1;
    if (next > limit) break;
    used = next;
    keptChanges.push(row);
  }
  return finish(
    {
      changeRows: keptChanges,
      changeNote: changeNoteFor(changeRows.length - keptChanges.length),
      chart: [],
      groups: [],
      note: noteFor(sides.length),
      lists: []
    },
    true
  );
}

// src/core/report/render.ts
var COMMENT_LIMIT_CHARS = 65536;
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function visualizerLinks(visualizerUrl, runId) {
  if (!visualizerUrl || !runId || !/^\d+$/.test(runId)) return void 0;
  const base = visualizerUrl.replace(/\/+$/, "");
  const inference = safeUrl(`${base}/inference?unofficialRun=${runId}`);
  const evaluation = safeUrl(`${base}/evaluation?unofficialRun=${runId}`);
  return inference && evaluation ? { inference, evaluation } : void 0;
}
function formatWatts(w) {
  return w === void 0 ? "\u2013" : w.toFixed(1);
}
function formatJoulesPerToken(j) {
  if (j === void 0) return "\u2013";
  return Math.abs(j) >= 100 ? j.toFixed(1) : String(Number(j.toPrecision(3)));
}
function renderReport(input, options) {
  return renderLayout(input, options);
}

export {
  latestByConfig,
  compareRuns,
  changes,
  comparisonJson,
  configHash,
  readHistoryBlock,
  appendPush,
  encodeHistoryBlock,
  COMMENT_LIMIT_CHARS,
  SUMMARY_LIMIT_BYTES,
  visualizerLinks,
  renderReport
};
//# sourceMappingURL=chunk-XQ4LLTLI.js.map
