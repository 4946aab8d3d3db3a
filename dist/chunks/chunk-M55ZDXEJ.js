import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/insights/render.ts
var SOURCE_LABEL = {
  dcgm_total_energy: "DCGM total energy counter",
  nvidia_smi_total_energy: "nvidia-smi total energy counter",
  amd_smi_energy_accumulator: "amd-smi energy accumulator",
  energy_counter_column: "energy counter column",
  amd_smi_snapshots: "amd-smi start/end snapshots"
};
var PHASE_LABEL = {
  before: "before (load, warmup)",
  benchmark: "benchmark",
  after: "after (eval, teardown)"
};
var REASON_LABEL = {
  zero_length_phase: "no time in this phase",
  recording_starts_at_or_after_window_start: "recording starts at or after the benchmark start",
  recording_ends_at_or_before_window_end: "recording ends at or before the benchmark end",
  no_power_samples: "no power samples",
  insufficient_power_samples: "too few samples",
  benchmark_window_not_bracketed: "samples do not cover the window",
  out_of_order_samples: "rows out of time order",
  power_value_out_of_range: "power values out of range"
};
function formatNumber(value, digits) {
  if (!Number.isFinite(value)) return "0";
  const text = value.toFixed(digits);
  return text === `-${0 .toFixed(digits)}` ? 0 .toFixed(digits) : text;
}
function grouped(value, digits) {
  const [whole, fraction] = formatNumber(value, digits).split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction !== void 0 ? `${withCommas}.${fraction}` : withCommas;
}
function cell(value, digits) {
  return value === null ? "\u2013" : grouped(value, digits);
}
function renderPhaseTable(insights, windowStartUnix) {
  const lines = [
    "| Phase | Starts at (s from benchmark start) | Duration (s) | Energy (J) | Avg total power (W) | Note |",
    "|---|---:|---:|---:|---:|---|"
  ];
  for (const phase of insights.phases) {
    const note = phase.reason !== void 0 ? REASON_LABEL[phase.reason] ?? "see the validation sidecar" : "";
    lines.push(
      `| ${PHASE_LABEL[phase.name]} | ${cell(phase.start_unix - windowStartUnix, 1)} | ${cell(phase.duration_s, 1)} | ${cell(phase.energy_j, 1)} | ${cell(phase.avg_total_power_w, 1)} | ${note} |`
    );
  }
  return lines;
}
function renderCounterLine(insights) {
  const counter = insights.counter;
  if (!counter) return "Energy counter: none in the telemetry; energy is the power integral only.";
  const label = SOURCE_LABEL[counter.source];
  const integral = counter.integral_energy_j === null ? "no complete power integral to compare with" : `power integral ${grouped(counter.integral_energy_j, 1)} J`;
  const ratio = counter.ratio === null ? "ratio \u2013" : `ratio ${formatNumber(counter.ratio, 3)}`;
  const verdict = counter.agreement === "ok" ? "agree" : counter.agreement === "warn" ? "disagree (outside 0.9\u20131.1)" : "counter ignored (outside 0.1\u201310 or no integral)";
  const extras = [
    `${counter.resets} reset(s)`,
    `${counter.frozen_intervals} frozen interval(s)`,
    `${counter.filled_intervals} interval(s) without a reading`
  ];
  if (counter.scope === "whole_recording") {
    return `Energy counter (${label}, whole recording, not the benchmark window): ${grouped(counter.energy_j, 1)} J vs ${integral} over the recording, ${ratio}: ${verdict}; ${counter.resets} GPU(s) whose counter went backwards.`;
  }
  return `Energy counter (${label}): ${grouped(counter.energy_j, 1)} J vs ${integral}, ${ratio}: ${verdict}; ${extras.join(", ")}.`;
}
function renderContextLines(insights) {
  const lines = [];
  const benchmark = insights.phases.find((p) => p.name === "benchmark");
  const q = insights.quality;
  if (benchmark?.energy_j !== null && benchmark?.energy_j !== void 0 && q.energy_bound_j !== null) {
    lines.push(
      `Benchmark energy: ${grouped(benchmark.energy_j, 1)} J \xB1 ${grouped(q.energy_bound_j, 1)} J (half the gap between upper and lower Riemann sums), ${q.gpus_reporting} GPUs reporting, median sampling interval ${q.median_interval_s === null ? "\u2013" : formatNumber(q.median_interval_s, 3)} s.`
    );
  } else {
    lines.push(`Benchmark energy: not available; ${q.gpus_reporting} GPUs reporting.`);
  }
  if (insights.idle) {
    const above = insights.idle.energy_above_idle_j === null ? "\u2013" : grouped(insights.idle.energy_above_idle_j, 1);
    lines.push(
      `Idle floor: ${grouped(insights.idle.baseline_total_w, 1)} W total (lowest 10 s mean of the recording); benchmark energy above idle: ${above} J.`
    );
  } else {
    lines.push("Idle floor: not available (no 10 s span with every GPU reporting).");
  }
  const limit = insights.power_limit;
  if (limit) {
    const share = limit.share_at_cap === null ? "\u2013" : `${formatNumber(limit.share_at_cap * 100, 1)} %`;
    const source = limit.source === "column" ? "enforced limit from the telemetry" : "nameplate power";
    const implausible = limit.implausible_samples > 0 ? `; ${limit.implausible_samples} sample(s) above 1.7\xD7 the limit (implausible readings)` : "";
    lines.push(
      `Power limit: ${grouped(limit.enforced_w, 0)} W per GPU (${source}); ${share} of in-window samples at \u2265 95 % of it${implausible}.`
    );
  } else {
    lines.push("Power limit: unknown (no limit column and no known GPU name).");
  }
  return lines;
}
function renderPowerChart(insights, windowStartUnix, windowEndUnix) {
  const series = insights.power_series;
  if (!series || series.total_w.length === 0) return [];
  const values = series.total_w.map((w) => w === null ? 0 : w);
  const inWindow = values.map((w, j) => {
    const bucketStart = series.origin_unix + j * series.step_s;
    return bucketStart + series.step_s > windowStartUnix && bucketStart < windowEndUnix ? w : 0;
  });
  const top = Math.max(1, Math.ceil(Math.max(...values) * 1.1 / 100) * 100);
  const span = Math.max(1, series.step_s * values.length);
  return [
    "```mermaid",
    "xychart-beta",
    '    title "Total GPU power (W); bars mark the benchmark window"',
    `    x-axis "seconds since the first sample" 0 --> ${formatNumber(span, 0)}`,
    `    y-axis "W" 0 --> ${formatNumber(top, 0)}`,
    `    bar [${inWindow.map((w) => formatNumber(w, 1)).join(", ")}]`,
    `    line [${values.map((w) => formatNumber(w, 1)).join(", ")}]`,
    "```"
  ];
}
function renderInsightText(insights, windowStartUnix) {
  return [
    "Where the energy went:",
    ...renderPhaseTable(insights, windowStartUnix),
    renderCounterLine(insights),
    ...renderContextLines(insights)
  ];
}
function renderInsights(insights, windowStartUnix, windowEndUnix) {
  return [
    "#### Where the energy went",
    "",
    ...renderPhaseTable(insights, windowStartUnix),
    "",
    renderCounterLine(insights),
    "",
    ...renderContextLines(insights).flatMap((line) => [line, ""]),
    ...renderPowerChart(insights, windowStartUnix, windowEndUnix)
  ];
}
function withoutCharts(markdown) {
  return markdown.replace(/\n?```mermaid\n[\s\S]*?\n```/g, "");
}

export {
  formatNumber,
  renderPhaseTable,
  renderCounterLine,
  renderContextLines,
  renderPowerChart,
  renderInsightText,
  renderInsights,
  withoutCharts
};
//# sourceMappingURL=chunk-M55ZDXEJ.js.map
