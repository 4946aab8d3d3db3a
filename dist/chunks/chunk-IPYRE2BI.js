import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compareGpuIds
} from "./chunk-4XNPLKRI.js";

// src/core/pynum.ts
function pyRound(x, digits) {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15 || x === 0) return x;
  const rounded = Number(x.toFixed(digits));
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf(".");
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const kept = exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(kept[kept.length - 1] === "." ? kept[kept.length - 2] : kept[kept.length - 1]);
  const down = Number(kept);
  const magnitude = lastDigit % 2 === 0 ? down : Number((down + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}
function pyFloatRepr(x) {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${x} cannot be written to JSON`);
  if (Object.is(x, -0)) return "-0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    let intPart;
    let fracPart;
    if (exponent >= 0) {
      const padded = digits.padEnd(exponent + 1, "0");
      intPart = padded.slice(0, exponent + 1);
      fracPart = padded.slice(exponent + 1);
    } else {
      intPart = "0";
      fracPart = "0".repeat(-exponent - 1) + digits;
    }
    return `${sign}${intPart}.${fracPart === "" ? "0" : fracPart}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? "-" : "+";
  return `${sign}${mant}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

// src/core/telemetry/zonehint.ts
function isZonelessTimestamp(text) {
  return /^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$/.test(text);
}
var HOUR_S = 3600;
function candidateShifts() {
  const shifts = [];
  for (let h = 1; h <= 14; h++) shifts.push(-h * HOUR_S, h * HOUR_S);
  for (let h = 0; h < 14; h++) shifts.push(-(h + 0.5) * HOUR_S, (h + 0.5) * HOUR_S);
  return shifts;
}
function hours(seconds) {
  const total = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
function shownZone(tz) {
  if (tz === void 0 || tz === "") return "TZ unset (the system zone)";
  return /^[A-Za-z0-9_+\-/:]{1,64}$/.test(tz) ? `TZ=${tz}` : "TZ";
}
function zoneShiftHint(span, window, tz) {
  if (!span?.zoneless) return void 0;
  if (!(span.first <= span.last)) return void 0;
  const shift = candidateShifts().find((s) => span.first + s <= window.start && span.last + s >= window.end);
  if (shift === void 0) return void 0;
  const direction = shift < 0 ? "ahead of" : "behind";
  return (
    // Stryker disable next-line EqualityOperator: no candidate shift is 0
    `The telemetry's timestamps carry no time zone and were read in ${shownZone(tz)}; moved by ${shift < 0 ? "-" : "+"}${hours(shift)} they would cover the window, so the machine that sampled ran on a clock ${hours(shift)} ${direction} that zone. Run the action (or the CLI) with TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC.`
  );
}

// src/core/power.ts
var POWER_METRIC_SCHEMA_VERSION = 2;
var DEFAULT_MAX_SAMPLE_GAP_S = 3;
var INTEGRATION_METHOD = "per_device_trapezoidal_with_linear_boundary_interpolation";
var POWER_METRIC_KEYS = [
  "avg_power_w",
  "avg_total_gpu_power_w",
  "total_gpu_energy_j",
  "joules_per_successful_query",
  "joules_per_input_token",
  "joules_per_output_token",
  "joules_per_total_token"
];
var ROLE_METRIC_KEYS = [
  "prefill_gpu_energy_j",
  "decode_gpu_energy_j",
  "prefill_avg_power_w",
  "decode_avg_power_w",
  "prefill_joules_per_input_token",
  "decode_joules_per_output_token"
];
function summariseDevices(results, window, findings, source) {
  const gpuIds = [...results.keys()].sort(compareGpuIds);
  const summary = { gpuIds, sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  if (gpuIds.length === 0) {
    if (findings.has("gpu_identity_column_missing")) return summary;
    const span = window.telemetrySpan ? ` (the file's samples span ${window.telemetrySpan.first}..${window.telemetrySpan.last})` : "";
    const zone = zoneShiftHint(window.telemetrySpan, window, window.timeZone);
    findings.add(
      "no_usable_power_samples",
      `${source}: no power samples near the benchmark window ${window.start}..${window.end}${span}. ${zone ?? "Check that the monitor ran during the benchmark and that its clock matches the benchmark's."}`
    );
    return summary;
  }
  if (window.expectedGpus !== void 0 && window.expectedGpus > 0 && gpuIds.length !== window.expectedGpus) {
    findings.add(
      "expected_gpu_count_mismatch",
      `${source}: telemetry has ${gpuIds.length} GPU(s) (${gpuIds.slice(0, 16).join(", ")}${gpuIds.length > 16 ? ", ..." : ""}) but the configuration expects ${window.expectedGpus}. Check CUDA_VISIBLE_DEVICES / the monitor's GPU list, or the TP x PP x PCP product.`
    );
  }
  for (const gpuId of gpuIds) {
    const result = results.get(gpuId);
    summary.sampleCounts[gpuId] = result.sampleCount;
    if (result.issue === "insufficient_power_samples") {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} has ${result.sampleCount} sample(s) near the window; at least 2 are needed. Sample at 1 Hz or faster.`
      );
      continue;
    }
    if (result.issue === "benchmark_window_not_bracketed") {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} samples span ${result.firstTime}..${result.lastTime} but the window is ${window.start}..${window.end}; start the monitor before the benchmark and stop it after.`
      );
      continue;
    }
    summary.maxGapS[gpuId] = result.maxGapS;
    if (!Number.isFinite(result.energyJ)) {
      summary.issues[gpuId] = ["power_value_out_of_range"];
      findings.add(
        "power_value_out_of_range",
        `${source}: GPU ${gpuId} energy over the window overflows (power values near 1e308 W); check the power column and its unit.`
      );
      continue;
    }
    summary.energyJ[gpuId] = result.energyJ;
    if (result.maxGapS > window.maxSampleGapS) {
      summary.issues[gpuId] = ["sampling_gap_exceeded"];
      findings.add(
        "sampling_gap_exceeded",
        `${source}: GPU ${gpuId} has a ${round3(result.maxGapS)} s gap between samples starting at ${result.maxGapAt} inside the window (limit ${window.maxSampleGapS} s). The monitor stalled or dropped rows.`
      );
    }
  }
  if (Object.keys(summary.energyJ).length === gpuIds.length) {
    const total = gpuIds.reduce((sum, id) => sum + summary.energyJ[id], 0);
    if (Number.isFinite(total)) summary.totalEnergyJ = total;
    else
      findings.add(
        "power_value_out_of_range",
        `${source}: the total energy of ${gpuIds.length} GPU(s) overflows; check the power column and its unit.`
      );
  }
  return summary;
}
function round3(x) {
  return Math.round(x * 1e3) / 1e3;
}
function derivePowerMetrics(totalEnergyJ, gpuCount, bench) {
  const durationS = bench.endUnix - bench.startUnix;
  const avgTotal = totalEnergyJ / durationS;
  return {
    avg_power_w: avgTotal / gpuCount,
    avg_total_gpu_power_w: avgTotal,
    total_gpu_energy_j: totalEnergyJ,
    joules_per_successful_query: totalEnergyJ / bench.completed,
    joules_per_input_token: totalEnergyJ / bench.totalInputTokens,
    joules_per_output_token: totalEnergyJ / bench.totalOutputTokens,
    joules_per_total_token: totalEnergyJ / (bench.totalInputTokens + bench.totalOutputTokens)
  };
}
function deriveRoleMetrics(role, energyJ, gpuCount, bench) {
  const durationS = bench.endUnix - bench.startUnix;
  const perToken = role === "prefill" ? { prefill_joules_per_input_token: energyJ / bench.totalInputTokens } : { decode_joules_per_output_token: energyJ / bench.totalOutputTokens };
  return { [`${role}_gpu_energy_j`]: energyJ, [`${role}_avg_power_w`]: energyJ / durationS / gpuCount, ...perToken };
}
function metricDigits(key) {
  return key.endsWith("_w") || key.endsWith("_j") ? 3 : 6;
}
function aggPowerPatch(valid, metrics) {
  const remove = /* @__PURE__ */ new Set([...POWER_METRIC_KEYS, ...ROLE_METRIC_KEYS, "power_invalid_reasons"]);
  const set = [
    ["power_metric_schema_version", String(POWER_METRIC_SCHEMA_VERSION)],
    ["power_valid", valid ? "1" : "0"]
  ];
  if (valid) {
    for (const [key, value] of Object.entries(metrics)) {
      if (value === void 0) continue;
      if (!Number.isFinite(value)) throw new RangeError(`non-finite power metric ${key}`);
      set.push([key, pyFloatRepr(pyRound(value, metricDigits(key)))]);
    }
  }
  return { remove, set };
}
function benchmarkWindowRecord(bench) {
  return bench ? {
    start_time_unix: bench.startUnix,
    end_time_unix: bench.endUnix,
    reported_duration_s: bench.reportedDurationS,
    integration_duration_s: bench.endUnix - bench.startUnix,
    completed: bench.completed,
    total_input_tokens: bench.totalInputTokens,
    total_output_tokens: bench.totalOutputTokens
  } : null;
}
function buildSidecar(input) {
  const bench = input.bench;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.findings.map((f) => f.code),
    reason_messages: Object.fromEntries(input.findings.map((f) => [f.code, f.message])),
    telemetry_source: input.telemetrySource,
    telemetry_format: input.telemetryFormat ?? null,
    gpu_identity: input.gpuIdentity ?? null,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: input.maxSampleGapS,
    expected_gpu_count: input.expectedGpus ?? null,
    observed_gpu_count: input.devices.gpuIds.length,
    observed_gpu_ids: input.devices.gpuIds,
    per_gpu_sample_counts: input.devices.sampleCounts,
    per_gpu_max_sample_gap_s: input.devices.maxGapS,
    per_gpu_energy_j: input.devices.energyJ,
    device_issues: input.devices.issues,
    telemetry_notes: input.notes ? {
      preamble_lines: input.notes.preambleLines,
      repeated_header_lines: input.notes.repeatedHeaderLines,
      truncated_last_line: input.notes.truncatedLastLine,
      out_of_order_gpus: input.notes.outOfOrderGpus,
      overlong_lines: input.notes.overlongLines
    } : null,
    metrics: Object.fromEntries(
      Object.entries(input.metrics).filter((e) => Number.isFinite(e[1])).map(([k, v]) => [k, pyRound(v, 6)])
    )
  };
}

export {
  pyRound,
  pyFloatRepr,
  isZonelessTimestamp,
  DEFAULT_MAX_SAMPLE_GAP_S,
  INTEGRATION_METHOD,
  summariseDevices,
  derivePowerMetrics,
  deriveRoleMetrics,
  aggPowerPatch,
  benchmarkWindowRecord,
  buildSidecar
};
//# sourceMappingURL=chunk-IPYRE2BI.js.map
