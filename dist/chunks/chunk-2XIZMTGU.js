import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  escapesRoot,
  rootFor
} from "./chunk-CTM5CEWH.js";
import {
  compareGpuIds
} from "./chunk-4XNPLKRI.js";

// src/io/files.ts
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
async function readTextBounded(path, maxBytes, strictUtf8 = false) {
  const bytes = readBoundedBytes(path, maxBytes);
  if (!strictUtf8) return bytes.toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${path} is not valid UTF-8 (byte ${firstInvalidUtf8(bytes)})`);
  }
}
function readSmallTextFile(path, maxBytes, options = {}) {
  return readBoundedBytes(path, maxBytes, options).toString("utf8");
}
function readBoundedBytes(path, maxBytes, options = {}) {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0);
  let fd;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    if (error.code === "ELOOP") throw new Error(`${path} is a symlink: refused, not read`);
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(`${path} is not a regular file`);
    if (info.size > maxBytes) throw new Error(`${path} is ${info.size} bytes, over the ${maxBytes}-byte limit`);
    if (options.reserve && !options.reserve(info.size))
      throw new Error(`${path} was not read: ${options.refusal ?? "over the byte limit"}`);
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let filled = 0;
    for (; ; ) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new Error(`${path} grew over the ${maxBytes}-byte limit while being read`);
      if (filled === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
function firstInvalidUtf8(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const extra = lead < 128 ? 0 : lead >= 194 && lead <= 223 ? 1 : lead >= 224 && lead <= 239 ? 2 : lead >= 240 && lead <= 244 ? 3 : -1;
    if (extra < 0) return i;
    const low = lead === 224 ? 160 : lead === 240 ? 144 : 128;
    const high = lead === 237 ? 159 : lead === 244 ? 143 : 191;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === void 0 || next < (k === 1 ? low : 128) || next > (k === 1 ? high : 191)) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function resolveTelemetryPath(env, cwd) {
  const candidates = [];
  const fromEnv = env.GPU_METRICS_CSV;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(resolve(cwd, "gpu_metrics.csv"), "/workspace/gpu_metrics.csv");
  const searched = [];
  const refused = [];
  for (const candidate of candidates) {
    const why = isFile(candidate) ? escapesRoot(rootFor(cwd, candidate), candidate) : void 0;
    if (why === void 0 && isFile(candidate))
      return { path: candidate, searched: [...searched, candidate], found: true, refused };
    if (why !== void 0) refused.push(why);
    searched.push(why === void 0 ? candidate : `${candidate} (refused: a symlink out of its folder)`);
  }
  return { path: searched[searched.length - 1], searched, found: false, refused };
}

// src/core/telemetry/integrate.ts
var DeviceIntegrator = class {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }
  start;
  end;
  pendingTime = Number.NaN;
  pendingSum = 0;
  pendingCount = 0;
  prevTime = Number.NaN;
  prevPower = 0;
  firstTime = Number.NaN;
  lastTime = Number.NaN;
  distinctSamples = 0;
  energy = 0;
  maxGap = 0;
  maxGapAt = Number.NaN;
  /** Last timestamp accepted; a sample earlier than this is out of order. */
  get latestTime() {
    return this.pendingCount > 0 ? this.pendingTime : this.prevTime;
  }
  push(time, power) {
    if (this.pendingCount > 0 && time === this.pendingTime) {
      this.pendingSum += power;
      this.pendingCount += 1;
      return;
    }
    this.flush();
    this.pendingTime = time;
    this.pendingSum = power;
    this.pendingCount = 1;
  }
  flush() {
    if (this.pendingCount === 0) return;
    const time = this.pendingTime;
    const power = this.pendingSum / this.pendingCount;
    this.pendingCount = 0;
    this.distinctSamples += 1;
    if (Number.isNaN(this.firstTime)) this.firstTime = time;
    this.lastTime = time;
    if (!Number.isNaN(this.prevTime)) this.addSegment(this.prevTime, this.prevPower, time, power);
    this.prevTime = time;
    this.prevPower = power;
  }
  addSegment(a, pa, b, pb) {
    if (!(b > this.start && a < this.end)) return;
    const gap = b - a;
    if (gap > this.maxGap) {
      this.maxGap = gap;
      this.maxGapAt = a;
    }
    const left = Math.max(a, this.start);
    const right = Math.min(b, this.end);
    const slope = (pb - pa) / gap;
    const pLeft = left === a ? pa : pa + slope * (left - a);
    const pRight = right === b ? pb : pa + slope * (right - a);
    this.energy += (right - left) * (pLeft + pRight) / 2;
  }
  finish() {
    this.flush();
    const sampleCount = this.distinctSamples;
    if (sampleCount < 2) return { sampleCount, issue: "insufficient_power_samples" };
    if (this.firstTime > this.start || this.lastTime < this.end) {
      return {
        sampleCount,
        issue: "benchmark_window_not_bracketed",
        firstTime: this.firstTime,
        lastTime: this.lastTime
      };
    }
    return { sampleCount, energyJ: this.energy, maxGapS: this.maxGap, maxGapAt: this.maxGapAt };
  }
};
function integrateSamples(times, powers, start, end) {
  const order = Array.from({ length: times.length }, (_, i) => i).sort(
    (x, y) => times[x] - times[y]
  );
  const integrator = new DeviceIntegrator(start, end);
  for (const i of order) integrator.push(times[i], powers[i]);
  return integrator.finish();
}

// src/core/insights/tdp.ts
var NAMEPLATE = [
  [/\bh100\b.*\b(pcie)\b/i, { watts: 350, model: "H100 PCIe" }],
  [/\bh100\b.*\bnvl\b/i, { watts: 400, model: "H100 NVL" }],
  [/\bh100\b/i, { watts: 700, model: "H100 SXM" }],
  [/\bh200\b.*\b(nvl|pcie)\b/i, { watts: 600, model: "H200 NVL" }],
  [/\bh200\b/i, { watts: 700, model: "H200 SXM" }],
  [/\bb200\b/i, { watts: 1e3, model: "B200" }],
  [/\ba100\b.*\bsxm/i, { watts: 400, model: "A100 SXM" }],
  [/\bmi300x\b/i, { watts: 750, model: "MI300X" }],
  [/\bmi325x\b/i, { watts: 1e3, model: "MI325X" }],
  [/\bmi350x\b/i, { watts: 1e3, model: "MI350X" }],
  [/\bmi355x\b/i, { watts: 1400, model: "MI355X" }]
];
function nameplatePower(gpuName) {
  const name = gpuName.trim();
  if (name === "" || name.length > 200) return void 0;
  for (const [pattern, power] of NAMEPLATE) if (pattern.test(name)) return power;
  return void 0;
}

// src/core/insights/accumulator.ts
var COUNTER_OK = [0.9, 1.1];
var COUNTER_PLAUSIBLE = [0.1, 10];
var FROZEN_MIN_W = 10;
var CAP_SHARE_THRESHOLD = 0.95;
var IMPLAUSIBLE_FACTOR = 1.7;
var IDLE_SPAN_S = 10;
var CHART_POINTS = 120;
var MAX_GPUS = 65536;
var BIN_S = 1;
var BIN_LAG_S = 30;
var BIN_RING = 64;
var SPAN_BINS = IDLE_SPAN_S / BIN_S;
var BEFORE_J = 0;
var AFTER_J = 1;
var COVERED_S = 2;
var BOUND_J = 3;
var COUNTER_J = 4;
var SUMS = 5;
var MAX_CHART_BUCKETS = 2 * CHART_POINTS;
var MAX_EXAMPLES = 10;
var EXACT_INTERVALS = 64;
var RUN_SLOTS = 16;
var HISTOGRAM_STEPS_PER_DECADE = 50;
function counterAgreement(energyJ, integralJ, warnings) {
  const ratio = integralJ !== null && integralJ > 0 ? finiteOrNull(energyJ / integralJ) : null;
  let agreement = "reject";
  if (ratio !== null && ratio >= COUNTER_OK[0] && ratio <= COUNTER_OK[1]) agreement = "ok";
  else if (ratio !== null && ratio >= COUNTER_PLAUSIBLE[0] && ratio <= COUNTER_PLAUSIBLE[1]) agreement = "warn";
  if (agreement === "warn") warnings.push("counter_disagrees_with_integral");
  if (agreement === "reject") warnings.push("counter_rejected");
  return { ratio, agreement };
}
var IDLE_METHOD = "min_mean_total_power_over_10s_spans_of_1s_bins_all_gpus_covered";
var MEDIAN_METHOD = "exact_up_to_64_distinct_intervals_else_log_histogram_50_per_decade";
var InsightAccumulator = class {
  constructor(options) {
    this.options = options;
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.start = options.start;
    this.end = options.end;
    this.maxGapS = options.maxSampleGapS;
    this.withoutCounter = options.withoutCounter === true;
    this.nameplate = options.gpuName !== void 0 ? nameplatePower(options.gpuName) : void 0;
    this.nameplateW = this.nameplate?.watts;
  }
  options;
  gpus = /* @__PURE__ */ new Map();
  /** The states of GPUs pushed with a slot, by slot (the same objects as in `gpus`). */
  statesBySlot = [];
  low;
  high;
  // The options the per-row path reads, held as fields (one load each, not two).
  start;
  end;
  maxGapS;
  withoutCounter;
  rejectedSamples = 0;
  droppedGpus = 0;
  // Idle baseline and chart: 1 s bins of total node energy.
  /** Open bins k live at k mod BIN_RING; at most BIN_LAG_S / BIN_S + 2 are open at once. */
  binEnergy = new Float64Array(BIN_RING);
  binCovered = new Float64Array(BIN_RING);
  nextBin = Number.NaN;
  maxTime = Number.NEGATIVE_INFINITY;
  /** The last complete bins, oldest at spanHead once spanLength reaches SPAN_BINS (a ring: one closes per second). */
  span = new Float64Array(SPAN_BINS);
  spanHead = 0;
  spanLength = 0;
  bestSpanMeanW = Number.POSITIVE_INFINITY;
  bestSpanStart = Number.NaN;
  chartOrigin = Number.NaN;
  chartStep = 1;
  chartEnergy = [];
  chartCovered = [];
  // Sampling interval statistics.
  exactIntervals = /* @__PURE__ */ new Map();
  histogram;
  intervalCount = 0;
  // Runs of equal intervals not yet counted into the maps: a few slots, because per-row stamps of
  // several GPUs interleave a handful of distinct intervals (ms-resolution jitter).
  runIntervals = new Float64Array(RUN_SLOTS).fill(Number.NaN);
  runCounts = new Float64Array(RUN_SLOTS);
  nextRunSlot = 0;
  /** The histogram key counted last, its open bounds in seconds and its count not yet in the map. */
  lastKey = 0;
  lastKeyLow = Number.NaN;
  lastKeyHigh = Number.NaN;
  lastKeyCount = 0;
  /** The last interval as measured and rounded to 1 µs (doubles from the start: NaN). */
  lastRawInterval = Number.NaN;
  lastRoundedInterval = Number.NaN;
  // Power limit.
  samplesWithLimit = 0;
  samplesAtCap = 0;
  implausible = 0;
  implausibleExamples = [];
  nameplate;
  nameplateW;
  push(sample) {
    this.pushValues(sample.t, sample.gpu, sample.watts, sample.energyJ, sample.limitW);
  }
  /**
   * push() without building a sample object, for the per-row hot path.
   * @param slot the GPU id's value when it is a small canonical number (`gpuId` is its decimal
   *   text), else -1: the state is then found by array index instead of a string hash.
   */
  pushValues(t, gpuId, watts, energyJ, limitW, slot = -1) {
    if (!Number.isFinite(t) || !Number.isFinite(watts) || watts < 0) {
      this.rejectedSamples += 1;
      return;
    }
    let state = slot >= 0 ? this.statesBySlot[slot] : void 0;
    if (state === void 0) {
      state = this.gpus.get(gpuId);
      if (!state) {
        if (this.gpus.size >= MAX_GPUS) {
          this.droppedGpus += 1;
          return;
        }
        state = newGpuState(this.start, this.end, this.options.windowFromScan !== true);
        this.gpus.set(gpuId, state);
      }
      if (slot >= 0) this.statesBySlot[slot] = state;
    }
    const latest = state.pendingCount > 0 ? state.pendingTime : state.prevTime;
    if (t < latest) {
      state.outOfOrder += 1;
      return;
    }
    if (state.bench !== void 0 && t >= this.low && t <= this.high) state.bench.push(t, watts);
    if (limitW !== void 0 && limitW > 0 && Number.isFinite(limitW)) {
      state.limitW = limitW;
      state.limitFromColumn = true;
    }
    const limit = state.limitW ?? this.nameplateW;
    if (limit !== void 0 && t >= this.start && t <= this.end) {
      this.samplesWithLimit += 1;
      if (watts >= CAP_SHARE_THRESHOLD * limit) this.samplesAtCap += 1;
      if (watts > IMPLAUSIBLE_FACTOR * limit) this.noteImplausible(t, gpuId, watts, limit);
    }
    const energy = energyJ !== void 0 && Number.isFinite(energyJ) ? energyJ : void 0;
    if (state.pendingCount > 0 && t === state.pendingTime) {
      state.pendingSum += watts;
      state.pendingCount += 1;
      if (energy !== void 0) state.pendingCounter = energy;
      return;
    }
    this.flush(state);
    state.pendingTime = t;
    state.pendingSum = watts;
    state.pendingCount = 1;
    state.pendingCounter = energy;
  }
  noteImplausible(t, gpu, watts, limit) {
    this.implausible += 1;
    if (this.implausibleExamples.length < MAX_EXAMPLES)
      this.implausibleExamples.push({ t, gpu, watts, limit_w: limit });
  }
  /** One distinct timestamp of one GPU (rows with the same timestamp averaged, as the integrator does). */
  flush(state) {
    if (state.pendingCount === 0) return;
    const time = state.pendingTime;
    state.pendingPower = state.pendingSum / state.pendingCount;
    state.pendingCount = 0;
    if (state.pendingCounter !== void 0) state.hasCounter = true;
    if (Number.isNaN(state.firstTime)) state.firstTime = time;
    state.lastTime = time;
    if (!Number.isNaN(state.prevTime)) this.segment(state);
    state.prevTime = time;
    state.prevPower = state.pendingPower;
    state.prevCounter = state.pendingCounter;
  }
  /**
   * The segment from the GPU's previous sample to its pending one. Hot path: the samples are read
   * from the state and never passed to a call that may stay out of line, because such a call boxes
   * each double argument, and the optimiser may box them ahead of the branch that makes the call,
   * so on every row (measured: two to four allocations per row before this shape).
   */
  segment(state) {
    const a = state.prevTime;
    const pa = state.prevPower;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    const dt = b - a;
    this.intervalCount += 1;
    let value = dt;
    if (!this.histogram) {
      if (dt !== this.lastRawInterval) {
        this.lastRawInterval = dt;
        this.lastRoundedInterval = Math.round(dt * 1e6) / 1e6;
      }
      value = this.lastRoundedInterval;
    }
    let slot = 0;
    while (slot < RUN_SLOTS && this.runIntervals[slot] !== value) slot++;
    if (slot < RUN_SLOTS) this.runCounts[slot] = this.runCounts[slot] + 1;
    else if (this.histogram && this.inLastKey(dt)) this.lastKeyCount += 1;
    else this.newIntervalRun(value);
    const start = this.start;
    const end = this.end;
    if (a < start || b > end) this.outsideWindow(state);
    if (Number.isNaN(this.nextBin)) this.nextBin = Math.floor(a / BIN_S);
    const firstBin = Math.max(Math.floor(a / BIN_S), this.nextBin);
    const lastBin = Math.ceil(b / BIN_S) - 1;
    if (firstBin === lastBin && a >= firstBin * BIN_S && firstBin - this.nextBin < BIN_RING) {
      const bin = firstBin & BIN_RING - 1;
      this.binEnergy[bin] = this.binEnergy[bin] + dt * (pa + pb) / 2;
      this.binCovered[bin] = this.binCovered[bin] + dt;
    } else {
      const slope = (pb - pa) / dt;
      for (let k = firstBin; k <= lastBin; k++) {
        if (k - this.nextBin >= BIN_RING) this.closeBinsBefore(k - BIN_RING + 1);
        const left = Math.max(a, k * BIN_S);
        const right = Math.min(b, (k + 1) * BIN_S);
        if (!(right > left)) continue;
        const pLeft = left === a ? pa : pa + slope * (left - a);
        const pRight = right === b ? pb : pa + slope * (right - a);
        const bin = k & BIN_RING - 1;
        this.binEnergy[bin] = this.binEnergy[bin] + (right - left) * (pLeft + pRight) / 2;
        this.binCovered[bin] = this.binCovered[bin] + (right - left);
      }
    }
    if (b > this.maxTime) {
      this.maxTime = b;
      const closeBefore = Math.floor((b - BIN_LAG_S) / BIN_S);
      if (this.nextBin < closeBefore) this.closeBinsBefore(closeBefore);
    }
    const overlap = Math.min(b, end) - Math.max(a, start);
    if (!(overlap > 0)) return;
    if (dt <= this.maxGapS) state.sums[COVERED_S] = state.sums[COVERED_S] + overlap;
    state.sums[BOUND_J] = state.sums[BOUND_J] + Math.abs(pb - pa) * overlap / 2;
    if (!this.withoutCounter) this.counterSegment(state);
  }
  /** Before and after the window: the same trapezoids as the window's integrator, split at its edges. */
  outsideWindow(state) {
    const a = state.prevTime;
    const pa = state.prevPower;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    if (a < this.start)
      state.sums[BEFORE_J] = state.sums[BEFORE_J] + trapezoid(a, pa, b, pb, a, Math.min(b, this.start));
    if (b > this.end)
      state.sums[AFTER_J] = state.sums[AFTER_J] + trapezoid(a, pa, b, pb, Math.max(a, this.end), b);
  }
  /** The counter's energy over the segment's part inside the window (which is not empty). */
  counterSegment(state) {
    const a = state.prevTime;
    const pa = state.prevPower;
    const ca = state.prevCounter;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    const cb = state.pendingCounter;
    const left = Math.max(a, this.start);
    const right = Math.min(b, this.end);
    if (ca === void 0 || cb === void 0) {
      state.filled += 1;
      state.sums[COUNTER_J] = state.sums[COUNTER_J] + trapezoid(a, pa, b, pb, left, right);
      return;
    }
    const increment = cb - ca;
    if (increment < 0) {
      state.resets += 1;
      state.sums[COUNTER_J] = state.sums[COUNTER_J] + trapezoid(a, pa, b, pb, left, right);
      return;
    }
    if (increment === 0 && (pa + pb) / 2 >= FROZEN_MIN_W) state.frozen += 1;
    state.sums[COUNTER_J] = state.sums[COUNTER_J] + increment * (right - left) / (b - a);
  }
  /** Takes the next run slot for a new interval value, counting its old run into the maps first. */
  newIntervalRun(value) {
    const slot = this.nextRunSlot;
    this.nextRunSlot = (slot + 1) % RUN_SLOTS;
    this.flushIntervalRun(slot);
    this.runIntervals[slot] = value;
    this.runCounts[slot] = 1;
  }
  /** Counts one run slot into the exact map (or the histogram past EXACT_INTERVALS distinct values). */
  flushIntervalRun(slot) {
    const count = this.runCounts[slot];
    if (count === 0) return;
    const value = this.runIntervals[slot];
    this.runCounts[slot] = 0;
    this.runIntervals[slot] = Number.NaN;
    if (this.histogram) {
      this.addToHistogram(value, count);
      return;
    }
    this.exactIntervals.set(value, (this.exactIntervals.get(value) ?? 0) + count);
    if (this.exactIntervals.size <= EXACT_INTERVALS) return;
    this.histogram = /* @__PURE__ */ new Map();
    for (const [interval, n] of this.exactIntervals) this.addToHistogram(interval, n);
    this.exactIntervals.clear();
    for (let other = 0; other < RUN_SLOTS; other++) this.flushIntervalRun(other);
  }
  addToHistogram(dt, count) {
    if (this.inLastKey(dt)) {
      this.lastKeyCount += count;
      return;
    }
    this.flushHistogramKey();
    const key = dt > 0 ? Math.max(-400, Math.min(400, Math.round(Math.log10(dt) * HISTOGRAM_STEPS_PER_DECADE))) : -401;
    this.lastKey = key;
    this.lastKeyCount = count;
    if (key > -400 && key < 400) {
      this.lastKeyLow = 10 ** ((key - 0.5) / HISTOGRAM_STEPS_PER_DECADE) * (1 + 1e-9);
      this.lastKeyHigh = 10 ** ((key + 0.5) / HISTOGRAM_STEPS_PER_DECADE) * (1 - 1e-9);
    } else {
      this.lastKeyLow = Number.NaN;
      this.lastKeyHigh = Number.NaN;
    }
  }
  /** Strictly inside the last histogram key's bucket (false while there is none). */
  inLastKey(dt) {
    return dt > this.lastKeyLow && dt < this.lastKeyHigh;
  }
  flushHistogramKey() {
    if (this.lastKeyCount === 0) return;
    const histogram = this.histogram;
    histogram.set(this.lastKey, (histogram.get(this.lastKey) ?? 0) + this.lastKeyCount);
    this.lastKeyCount = 0;
  }
  /**
   * Closes every open bin below `closeBefore`: into the idle span and the chart. One bin closes per
   * second of recording, so this is the per-bin hot path, kept in one function (locals, no objects).
   */
  closeBinsBefore(closeBefore) {
    const gpuCount = this.gpus.size;
    while (this.nextBin < closeBefore) {
      const k = this.nextBin;
      const slot = k & BIN_RING - 1;
      const energy = this.binEnergy[slot];
      const covered = this.binCovered[slot];
      this.binEnergy[slot] = 0;
      this.binCovered[slot] = 0;
      this.nextBin = k + 1;
      const complete = gpuCount > 0 && covered >= gpuCount * BIN_S * (1 - 1e-9);
      if (complete) {
        this.span[this.spanHead] = energy;
        this.spanHead = this.spanHead === SPAN_BINS - 1 ? 0 : this.spanHead + 1;
        if (this.spanLength < SPAN_BINS) this.spanLength += 1;
        if (this.spanLength === SPAN_BINS) {
          let sum = 0;
          for (let i = this.spanHead; i < SPAN_BINS; i++) sum += this.span[i];
          for (let i = 0; i < this.spanHead; i++) sum += this.span[i];
          const mean = sum / IDLE_SPAN_S;
          if (mean < this.bestSpanMeanW) {
            this.bestSpanMeanW = mean;
            this.bestSpanStart = (k + 1) * BIN_S - IDLE_SPAN_S;
          }
        }
      } else {
        this.spanLength = 0;
      }
      if (Number.isNaN(this.chartOrigin)) this.chartOrigin = k;
      let j = Math.floor((k - this.chartOrigin) / this.chartStep);
      while (j >= MAX_CHART_BUCKETS) {
        this.halveChart();
        j = Math.floor((k - this.chartOrigin) / this.chartStep);
      }
      while (this.chartEnergy.length <= j) {
        this.chartEnergy.push(0);
        this.chartCovered.push(0);
      }
      this.chartEnergy[j] = this.chartEnergy[j] + energy;
      this.chartCovered[j] = this.chartCovered[j] + covered;
    }
  }
  halveChart() {
    const energy = [];
    const covered = [];
    for (let i = 0; i < this.chartEnergy.length; i += 2) {
      energy.push(this.chartEnergy[i] + (this.chartEnergy[i + 1] ?? 0));
      covered.push(this.chartCovered[i] + (this.chartCovered[i + 1] ?? 0));
    }
    this.chartEnergy = energy;
    this.chartCovered = covered;
    this.chartStep *= 2;
  }
  /**
   * @param referenceBenchmarkEnergyJ the aggregate's own total for the window, when it has one
   *   (it also replays GPUs whose rows were out of order); otherwise this pass's integral is used.
   * @param scanResults the scan's per-GPU window results, required with `windowFromScan`: a GPU
   *   the scan never saw inside the window has no samples there.
   */
  finish(referenceBenchmarkEnergyJ, scanResults) {
    const warnings = [];
    const ids = [...this.gpus.keys()].sort(compareGpuIds);
    const results = /* @__PURE__ */ new Map();
    for (const id of ids) {
      const state = this.gpus.get(id);
      this.flush(state);
      results.set(
        id,
        state.bench?.finish() ?? scanResults?.get(id) ?? { sampleCount: 0, issue: "insufficient_power_samples" }
      );
      if (state.outOfOrder > 0 && !warnings.includes("out_of_order_samples")) warnings.push("out_of_order_samples");
    }
    this.closeBinsBefore(Math.ceil(this.maxTime / BIN_S));
    if (this.rejectedSamples > 0) warnings.push("unreadable_samples_skipped");
    if (this.droppedGpus > 0) warnings.push("too_many_gpu_ids");
    const { start, end } = this.options;
    const windowS = end - start;
    const benchmark = this.benchmarkEnergy(ids, results, referenceBenchmarkEnergyJ);
    const phases = this.phases(ids, benchmark, warnings);
    const benchmarkJ = benchmark.energy;
    let idle = null;
    if (Number.isFinite(this.bestSpanMeanW)) {
      idle = {
        baseline_total_w: this.bestSpanMeanW,
        method: IDLE_METHOD,
        span_start_unix: this.bestSpanStart,
        energy_above_idle_j: benchmarkJ !== null ? finiteOrNull(benchmarkJ - this.bestSpanMeanW * windowS) : null
      };
    }
    const validCount = ids.filter((id) => okEnergy(results.get(id)) !== void 0).length;
    const coverage = {};
    let bound = 0;
    for (const id of ids) {
      const state = this.gpus.get(id);
      coverage[id] = windowS > 0 ? Math.min(1, state.sums[COVERED_S] / windowS) : null;
      bound += state.sums[BOUND_J];
    }
    const quality = {
      gpus_reporting: `${validCount}/${this.options.expectedGpus !== void 0 && this.options.expectedGpus > 0 ? this.options.expectedGpus : ids.length}`,
      per_gpu_coverage: coverage,
      median_interval_s: this.medianInterval(),
      median_interval_method: MEDIAN_METHOD,
      energy_bound_j: ids.length > 0 ? finiteOrNull(bound) : null
    };
    const efficiency = { output_tokens_per_joule: null };
    if (benchmarkJ !== null && benchmarkJ > 0) {
      if (this.options.outputTokens !== void 0 && this.options.outputTokens > 0)
        efficiency.output_tokens_per_joule = finiteOrNull(this.options.outputTokens / benchmarkJ);
      if (this.options.concurrency !== void 0 && this.options.concurrency > 0) {
        const perUser = benchmarkJ / this.options.concurrency;
        if (Number.isFinite(perUser)) efficiency.energy_per_user_j = perUser;
      }
    }
    return {
      phases,
      idle,
      counter: this.counterCheck(ids, results, warnings),
      power_limit: this.powerLimit(ids, warnings),
      quality,
      efficiency,
      power_series: this.series(),
      warnings
    };
  }
  benchmarkEnergy(ids, results, reference) {
    if (reference !== void 0 && Number.isFinite(reference)) return { energy: reference };
    if (ids.length === 0) return { energy: null, reason: "no_power_samples" };
    let total = 0;
    for (const id of ids) {
      const result = results.get(id);
      if (result.issue !== void 0) return { energy: null, reason: result.issue };
      if (this.gpus.get(id)?.outOfOrder) return { energy: null, reason: "out_of_order_samples" };
      total += result.energyJ;
    }
    return Number.isFinite(total) ? { energy: total } : { energy: null, reason: "power_value_out_of_range" };
  }
  phases(ids, benchmark, warnings) {
    const { start, end } = this.options;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let beforeJ = 0;
    let afterJ = 0;
    for (const id of ids) {
      const state = this.gpus.get(id);
      if (Number.isNaN(state.firstTime)) continue;
      first = Math.min(first, state.firstTime);
      last = Math.max(last, state.lastTime);
      beforeJ += state.sums[BEFORE_J];
      afterJ += state.sums[AFTER_J];
    }
    const bench = phase("benchmark", start, end, benchmark.energy);
    if (benchmark.reason) bench.reason = benchmark.reason;
    if (!Number.isFinite(first)) {
      return [
        { ...phase("before", start, start, null), reason: "no_power_samples" },
        bench,
        { ...phase("after", end, end, null), reason: "no_power_samples" }
      ];
    }
    const before = phase(
      "before",
      Math.min(first, start),
      Math.max(Math.min(first, start), Math.min(start, last)),
      beforeJ
    );
    if (first >= start) {
      before.reason = "recording_starts_at_or_after_window_start";
      if (first > start) warnings.push("recording_starts_after_window_start");
    }
    const afterStart = Math.max(end, first);
    const after = phase("after", Math.min(afterStart, Math.max(last, end)), Math.max(last, end), afterJ);
    if (last <= end) {
      after.reason = "recording_ends_at_or_before_window_end";
      if (last < end) warnings.push("recording_ends_before_window_end");
    }
    return [before, bench, after];
  }
  counterCheck(ids, results, warnings) {
    const counted = ids.filter((id) => this.gpus.get(id).hasCounter);
    if (counted.length === 0) return null;
    let energy = 0;
    let integral = 0;
    let resets = 0;
    let frozen = 0;
    let filled = 0;
    for (const id of counted) {
      const state = this.gpus.get(id);
      energy += state.sums[COUNTER_J];
      resets += state.resets;
      frozen += state.frozen;
      filled += state.filled;
      const integralJ = okEnergy(results.get(id));
      integral = integral === null || integralJ === void 0 ? null : integral + integralJ;
    }
    const { ratio, agreement } = counterAgreement(energy, integral, warnings);
    if (frozen > 0) warnings.push("counter_frozen");
    return {
      source: this.options.counterSource ?? "energy_counter_column",
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: frozen,
      filled_intervals: filled,
      agreement
    };
  }
  powerLimit(ids, warnings) {
    const byGpu = {};
    let fromColumn = false;
    for (const id of ids) {
      const state = this.gpus.get(id);
      const limit = state.limitW ?? this.nameplate?.watts;
      if (limit !== void 0) byGpu[id] = limit;
      if (state.limitFromColumn) fromColumn = true;
    }
    const limits = Object.values(byGpu);
    if (limits.length === 0) {
      if (this.options.gpuName !== void 0 && this.nameplate === void 0)
        warnings.push("gpu_name_not_in_tdp_table");
      return null;
    }
    if (this.implausible > 0) warnings.push("implausible_power_samples");
    const distinct = new Set(limits);
    const result = {
      enforced_w: Math.max(...limits),
      source: fromColumn ? "column" : "nameplate",
      share_at_cap: this.samplesWithLimit > 0 ? this.samplesAtCap / this.samplesWithLimit : null,
      implausible_samples: this.implausible,
      implausible_examples: this.implausibleExamples
    };
    if (distinct.size > 1) result.enforced_w_by_gpu = byGpu;
    if (!fromColumn && this.nameplate) result.nameplate_model = this.nameplate.model;
    return result;
  }
  medianInterval() {
    for (let slot = 0; slot < RUN_SLOTS; slot++) this.flushIntervalRun(slot);
    if (this.histogram) this.flushHistogramKey();
    if (this.intervalCount === 0) return null;
    const half = this.intervalCount / 2;
    const source = this.histogram ?? this.exactIntervals;
    const keys = [...source.keys()].sort((x, y) => x - y);
    let seen = 0;
    for (const key of keys) {
      seen += source.get(key);
      if (seen >= half) return this.histogram ? key < -400 ? 0 : 10 ** (key / HISTOGRAM_STEPS_PER_DECADE) : key;
    }
    return null;
  }
  series() {
    if (this.chartEnergy.length === 0 || this.gpus.size === 0) return null;
    while (this.chartEnergy.length > CHART_POINTS) this.halveChart();
    const gpuCount = this.gpus.size;
    return {
      origin_unix: this.chartOrigin * BIN_S,
      step_s: this.chartStep * BIN_S,
      total_w: this.chartEnergy.map((energy, j) => {
        const covered = this.chartCovered[j];
        return covered > 0 ? finiteOrNull(energy / (covered / gpuCount)) : null;
      })
    };
  }
};
function newGpuState(start, end, integrate) {
  return {
    bench: integrate ? new DeviceIntegrator(start, end) : void 0,
    sums: new Float64Array(SUMS),
    pendingTime: Number.NaN,
    // NaN, not 0: a field that starts as a small integer changes shape at its first fraction (see sums).
    pendingSum: Number.NaN,
    pendingCount: 0,
    pendingCounter: void 0,
    pendingPower: Number.NaN,
    prevTime: Number.NaN,
    prevPower: Number.NaN,
    prevCounter: void 0,
    firstTime: Number.NaN,
    lastTime: Number.NaN,
    outOfOrder: 0,
    hasCounter: false,
    resets: 0,
    frozen: 0,
    filled: 0,
    limitW: void 0,
    limitFromColumn: false
  };
}
function trapezoid(a, pa, b, pb, left, right) {
  const slope = (pb - pa) / (b - a);
  const pLeft = left === a ? pa : pa + slope * (left - a);
  const pRight = right === b ? pb : pa + slope * (right - a);
  return (right - left) * (pLeft + pRight) / 2;
}
function okEnergy(result) {
  return result && result.issue === void 0 && Number.isFinite(result.energyJ) ? result.energyJ : void 0;
}
function finiteOrNull(value) {
  return Number.isFinite(value) ? value : null;
}
function phase(name, startUnix, endUnix, energy) {
  const duration = Math.max(0, endUnix - startUnix);
  const energyJ = energy === null ? null : finiteOrNull(energy);
  return {
    name,
    start_unix: startUnix,
    end_unix: endUnix,
    duration_s: duration,
    energy_j: energyJ,
    avg_total_power_w: energyJ !== null && duration > 0 ? energyJ / duration : null,
    ...duration === 0 ? { reason: "zero_length_phase" } : {}
  };
}

export {
  readTextBounded,
  readSmallTextFile,
  resolveTelemetryPath,
  DeviceIntegrator,
  integrateSamples,
  CHART_POINTS,
  counterAgreement,
  InsightAccumulator
};
//# sourceMappingURL=chunk-2XIZMTGU.js.map
