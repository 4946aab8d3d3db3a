/**
 * Energy insights accumulated in one pass. Long on purpose: one class holds the per-GPU state that
 * every insight (phases, idle baseline, counters, power limit, chart, quality) updates per sample,
 * so the hot loop stays one method; the pure helpers at the end and the renderer live apart.
 */
import { DeviceIntegrator, type DeviceResult } from '../telemetry/integrate.js';
import { compareGpuIds } from '../gpuids.js';
import type { CounterSource } from './columns.js';
import { nameplatePower } from './tdp.js';

/** One telemetry row as the scan reads it; `energyJ` and `limitW` are already in joules and watts. */
export interface InsightSample {
  t: number;
  gpu: string;
  watts: number;
  energyJ?: number;
  limitW?: number;
}

export interface InsightOptions {
  /** The benchmark window, unix seconds. */
  start: number;
  end: number;
  /** Samples further than this outside the window do not reach the benchmark integral (as in the scan). */
  maxSampleGapS: number;
  expectedGpus?: number;
  counterSource?: CounterSource;
  /** GPU model name from the telemetry (`name` column), for the nameplate fallback of the power limit. */
  gpuName?: string;
  outputTokens?: number;
  /** Set only when the run is concurrency-bound: energy per user is energy / concurrency. */
  concurrency?: number;
  /**
   * The telemetry scan integrates every GPU over the window itself and hands its per-GPU results
   * to finish(): the samples are then not integrated a second time here. Only when the scan's GPU
   * identities are this pass's (a GPU column, not row positions).
   */
  windowFromScan?: boolean;
  /** The telemetry has no energy-counter column: no sample carries `energyJ`, so no counter is kept. */
  withoutCounter?: boolean;
}

export interface Phase {
  name: 'before' | 'benchmark' | 'after';
  start_unix: number;
  end_unix: number;
  duration_s: number;
  energy_j: number | null;
  avg_total_power_w: number | null;
  reason?: string;
}

export interface IdleBaseline {
  baseline_total_w: number;
  method: string;
  span_start_unix: number;
  energy_above_idle_j: number | null;
}

export interface CounterCheck {
  source: CounterSource;
  energy_j: number;
  integral_energy_j: number | null;
  ratio: number | null;
  resets: number;
  frozen_intervals: number;
  filled_intervals: number;
  agreement: 'ok' | 'warn' | 'reject';
  /** Set for snapshot counters: both energies cover the whole recording, not the benchmark window. */
  scope?: 'whole_recording';
}

export interface PowerLimit {
  enforced_w: number;
  enforced_w_by_gpu?: Record<string, number>;
  source: 'column' | 'nameplate';
  nameplate_model?: string;
  share_at_cap: number | null;
  implausible_samples: number;
  implausible_examples: Array<{ t: number; gpu: string; watts: number; limit_w: number }>;
}

export interface Quality {
  gpus_reporting: string;
  per_gpu_coverage: Record<string, number | null>;
  median_interval_s: number | null;
  median_interval_method: string;
  energy_bound_j: number | null;
}

export interface Insights {
  phases: Phase[];
  idle: IdleBaseline | null;
  counter: CounterCheck | null;
  power_limit: PowerLimit | null;
  quality: Quality;
  efficiency: { output_tokens_per_joule: number | null; energy_per_user_j?: number };
  /** Total node power over the recording, at most CHART_POINTS evenly spaced buckets, for the chart. */
  power_series: PowerSeries | null;
  warnings: string[];
}

export interface PowerSeries {
  origin_unix: number;
  step_s: number;
  /** Mean total power per bucket; null where no GPU reported. */
  total_w: Array<number | null>;
}

/** Agreement bands of counter energy / power integral. */
export const COUNTER_OK = [0.9, 1.1] as const;
export const COUNTER_PLAUSIBLE = [0.1, 10] as const;
/** A counter that does not move while the mean power of the interval is at least this is frozen. */
export const FROZEN_MIN_W = 10;
export const CAP_SHARE_THRESHOLD = 0.95;
/** The ML.ENERGY benchmark's bound for instantaneous power relative to TDP. */
export const IMPLAUSIBLE_FACTOR = 1.7;
export const IDLE_SPAN_S = 10;
export const CHART_POINTS = 120;
const MAX_GPUS = 65_536;
const BIN_S = 1;
/** Bins older than this behind the newest sample are closed: bounds memory when a GPU stops reporting. */
const BIN_LAG_S = 30;
const BIN_RING = 64;
const SPAN_BINS = IDLE_SPAN_S / BIN_S;
// Indices of GpuState.sums.
const BEFORE_J = 0;
const AFTER_J = 1;
const COVERED_S = 2;
const BOUND_J = 3;
const COUNTER_J = 4;
const SUMS = 5;
const MAX_CHART_BUCKETS = 2 * CHART_POINTS;
const MAX_EXAMPLES = 10;
const EXACT_INTERVALS = 64;
/** Distinct sampling intervals counted without a map lookup (see segment). */
const RUN_SLOTS = 16;
const HISTOGRAM_STEPS_PER_DECADE = 50;

/** Counter energy over the power integral, and the band it falls in (warnings name a disagreement). */
export function counterAgreement(
  energyJ: number,
  integralJ: number | null,
  warnings: string[],
): { ratio: number | null; agreement: CounterCheck['agreement'] } {
  const ratio = integralJ !== null && integralJ > 0 ? finiteOrNull(energyJ / integralJ) : null;
  let agreement: CounterCheck['agreement'] = 'reject';
  if (ratio !== null && ratio >= COUNTER_OK[0] && ratio <= COUNTER_OK[1]) agreement = 'ok';
  else if (ratio !== null && ratio >= COUNTER_PLAUSIBLE[0] && ratio <= COUNTER_PLAUSIBLE[1]) agreement = 'warn';
  if (agreement === 'warn') warnings.push('counter_disagrees_with_integral');
  if (agreement === 'reject') warnings.push('counter_rejected');
  return { ratio, agreement };
}

export const IDLE_METHOD = 'min_mean_total_power_over_10s_spans_of_1s_bins_all_gpus_covered';
export const MEDIAN_METHOD = 'exact_up_to_64_distinct_intervals_else_log_histogram_50_per_decade';

interface GpuState {
  /** Absent when the scan's window results are used. */
  bench: DeviceIntegrator | undefined;
  /**
   * Per-GPU sums that grow by fractions (indices BEFORE_J ... COUNTER_J). Object fields that start
   * at 0 hold small integers until the first fraction arrives (for the after phase: at the end of
   * the recording); the object's shape then changes and the optimised per-row code is thrown away
   * and compiled again. A Float64Array holds doubles from the start.
   */
  sums: Float64Array;
  pendingTime: number;
  pendingSum: number;
  pendingCount: number;
  pendingCounter: number | undefined;
  /** The pending rows' mean power, set when they are flushed. */
  pendingPower: number;
  prevTime: number;
  prevPower: number;
  prevCounter: number | undefined;
  firstTime: number;
  lastTime: number;
  outOfOrder: number;
  hasCounter: boolean;
  resets: number;
  frozen: number;
  filled: number;
  limitW: number | undefined;
  limitFromColumn: boolean;
}

/**
 * Energy insights in one pass over the telemetry, fed sample by sample in file order. Memory is
 * O(GPUs) plus bounded buffers (open 1 s bins, ≤ 240 chart buckets, ≤ 64 exact intervals or a
 * log histogram), so a 24 h recording costs no more memory than a short one.
 */
export class InsightAccumulator {
  private readonly gpus = new Map<string, GpuState>();
  /** The states of GPUs pushed with a slot, by slot (the same objects as in `gpus`). */
  private readonly statesBySlot: Array<GpuState | undefined> = [];
  private readonly low: number;
  private readonly high: number;
  // The options the per-row path reads, held as fields (one load each, not two).
  private readonly start: number;
  private readonly end: number;
  private readonly maxGapS: number;
  private readonly withoutCounter: boolean;
  private rejectedSamples = 0;
  private droppedGpus = 0;
  // Idle baseline and chart: 1 s bins of total node energy.
  /** Open bins k live at k mod BIN_RING; at most BIN_LAG_S / BIN_S + 2 are open at once. */
  private readonly binEnergy = new Float64Array(BIN_RING);
  private readonly binCovered = new Float64Array(BIN_RING);
  private nextBin = Number.NaN;
  private maxTime = Number.NEGATIVE_INFINITY;
  /** The last complete bins, oldest at spanHead once spanLength reaches SPAN_BINS (a ring: one closes per second). */
  private readonly span = new Float64Array(SPAN_BINS);
  private spanHead = 0;
  private spanLength = 0;
  private bestSpanMeanW = Number.POSITIVE_INFINITY;
  private bestSpanStart = Number.NaN;
  private chartOrigin = Number.NaN;
  private chartStep = 1;
  private chartEnergy: number[] = [];
  private chartCovered: number[] = [];
  // Sampling interval statistics.
  private readonly exactIntervals = new Map<number, number>();
  private histogram: Map<number, number> | undefined;
  private intervalCount = 0;
  // Runs of equal intervals not yet counted into the maps: a few slots, because per-row stamps of
  // several GPUs interleave a handful of distinct intervals (ms-resolution jitter).
  private readonly runIntervals = new Float64Array(RUN_SLOTS).fill(Number.NaN);
  private readonly runCounts = new Float64Array(RUN_SLOTS);
  private nextRunSlot = 0;
  /** The histogram key counted last, its open bounds in seconds and its count not yet in the map. */
  private lastKey = 0;
  private lastKeyLow = Number.NaN;
  private lastKeyHigh = Number.NaN;
  private lastKeyCount = 0;
  /** The last interval as measured and rounded to 1 µs (doubles from the start: NaN). */
  private lastRawInterval = Number.NaN;
  private lastRoundedInterval = Number.NaN;
  // Power limit.
  private samplesWithLimit = 0;
  private samplesAtCap = 0;
  private implausible = 0;
  private readonly implausibleExamples: PowerLimit['implausible_examples'] = [];
  private readonly nameplate;
  private readonly nameplateW: number | undefined;

  constructor(private readonly options: InsightOptions) {
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.start = options.start;
    this.end = options.end;
    this.maxGapS = options.maxSampleGapS;
    this.withoutCounter = options.withoutCounter === true;
    this.nameplate = options.gpuName !== undefined ? nameplatePower(options.gpuName) : undefined;
    this.nameplateW = this.nameplate?.watts;
  }

  push(sample: InsightSample): void {
    this.pushValues(sample.t, sample.gpu, sample.watts, sample.energyJ, sample.limitW);
  }

  /**
   * push() without building a sample object, for the per-row hot path.
   * @param slot the GPU id's value when it is a small canonical number (`gpuId` is its decimal
   *   text), else -1: the state is then found by array index instead of a string hash.
   */
  pushValues(t: number, gpuId: string, watts: number, energyJ?: number, limitW?: number, slot = -1): void {
    if (!Number.isFinite(t) || !Number.isFinite(watts) || watts < 0) {
      this.rejectedSamples += 1;
      return;
    }
    let state = slot >= 0 ? this.statesBySlot[slot] : undefined;
    if (state === undefined) {
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
    if (state.bench !== undefined && t >= this.low && t <= this.high) state.bench.push(t, watts);
    // Power limit: the column's value when the row has one, else the last one seen, else the nameplate.
    if (limitW !== undefined && limitW > 0 && Number.isFinite(limitW)) {
      state.limitW = limitW;
      state.limitFromColumn = true;
    }
    const limit = state.limitW ?? this.nameplateW;
    if (limit !== undefined && t >= this.start && t <= this.end) {
      this.samplesWithLimit += 1;
      if (watts >= CAP_SHARE_THRESHOLD * limit) this.samplesAtCap += 1;
      if (watts > IMPLAUSIBLE_FACTOR * limit) this.noteImplausible(t, gpuId, watts, limit);
    }
    const energy = energyJ !== undefined && Number.isFinite(energyJ) ? energyJ : undefined;
    if (state.pendingCount > 0 && t === state.pendingTime) {
      state.pendingSum += watts;
      state.pendingCount += 1;
      if (energy !== undefined) state.pendingCounter = energy;
      return;
    }
    this.flush(state);
    state.pendingTime = t;
    state.pendingSum = watts;
    state.pendingCount = 1;
    state.pendingCounter = energy;
  }

  private noteImplausible(t: number, gpu: string, watts: number, limit: number): void {
    this.implausible += 1;
    if (this.implausibleExamples.length < MAX_EXAMPLES)
      this.implausibleExamples.push({ t, gpu, watts, limit_w: limit });
  }

  /** One distinct timestamp of one GPU (rows with the same timestamp averaged, as the integrator does). */
  private flush(state: GpuState): void {
    if (state.pendingCount === 0) return;
    const time = state.pendingTime;
    state.pendingPower = state.pendingSum / state.pendingCount;
    state.pendingCount = 0;
    if (state.pendingCounter !== undefined) state.hasCounter = true;
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
  private segment(state: GpuState): void {
    const a = state.prevTime;
    const pa = state.prevPower;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    const dt = b - a;
    // One function for the whole per-row path (intervals, bins, window sums): each helper that runs per
    // row is compiled on its own before its caller is, which costs more than the loop it runs.

    // Sampling intervals. Until the histogram takes over, they count under their value rounded to
    // 1 µs, as the exact map keys them: ms-resolution stamps on epoch seconds give many raw doubles
    // for one interval. Sampling repeats a few intervals: they count in the run slots, and the maps
    // are touched only when a slot is reused (Map keys that are doubles cost a hash and often an
    // allocation). Jittered sampling gives a new interval nearly every time, nearly always in the
    // last histogram key's bucket: counting it there directly is the same count (order-free).
    this.intervalCount += 1;
    let value = dt;
    if (!this.histogram) {
      // Sampling repeats its interval: the rounding of the last one is reused.
      if (dt !== this.lastRawInterval) {
        this.lastRawInterval = dt;
        this.lastRoundedInterval = Math.round(dt * 1e6) / 1e6;
      }
      value = this.lastRoundedInterval;
    }
    let slot = 0;
    while (slot < RUN_SLOTS && this.runIntervals[slot] !== value) slot++;
    if (slot < RUN_SLOTS) this.runCounts[slot] = (this.runCounts[slot] as number) + 1;
    else if (this.histogram && this.inLastKey(dt)) this.lastKeyCount += 1;
    else this.newIntervalRun(value);

    const start = this.start;
    const end = this.end;
    if (a < start || b > end) this.outsideWindow(state);

    // The trapezoid spread over the open 1 s bins it touches, with the same interpolation as
    // trapezoid() and the slope worked out once.
    if (Number.isNaN(this.nextBin)) this.nextBin = Math.floor(a / BIN_S);
    const firstBin = Math.max(Math.floor(a / BIN_S), this.nextBin);
    const lastBin = Math.ceil(b / BIN_S) - 1;
    if (firstBin === lastBin && a >= firstBin * BIN_S && firstBin - this.nextBin < BIN_RING) {
      // The whole segment in one open bin: the loop below would give the same sums, with more steps.
      const bin = firstBin & (BIN_RING - 1);
      this.binEnergy[bin] = (this.binEnergy[bin] as number) + (dt * (pa + pb)) / 2;
      this.binCovered[bin] = (this.binCovered[bin] as number) + dt;
    } else {
      const slope = (pb - pa) / dt;
      for (let k = firstBin; k <= lastBin; k++) {
        // A segment longer than the ring (a first segment, a long silence) closes the bins it has already filled.
        if (k - this.nextBin >= BIN_RING) this.closeBinsBefore(k - BIN_RING + 1);
        const left = Math.max(a, k * BIN_S);
        const right = Math.min(b, (k + 1) * BIN_S);
        if (!(right > left)) continue;
        const pLeft = left === a ? pa : pa + slope * (left - a);
        const pRight = right === b ? pb : pa + slope * (right - a);
        // k & (BIN_RING - 1) is k mod BIN_RING for any integer k, negative ones included.
        const bin = k & (BIN_RING - 1);
        this.binEnergy[bin] = (this.binEnergy[bin] as number) + ((right - left) * (pLeft + pRight)) / 2;
        this.binCovered[bin] = (this.binCovered[bin] as number) + (right - left);
      }
    }
    if (b > this.maxTime) {
      this.maxTime = b;
      // Bins older than BIN_LAG_S close; the call is made once per bin, not once per row.
      const closeBefore = Math.floor((b - BIN_LAG_S) / BIN_S);
      if (this.nextBin < closeBefore) this.closeBinsBefore(closeBefore);
    }
    const overlap = Math.min(b, end) - Math.max(a, start);
    if (!(overlap > 0)) return;
    if (dt <= this.maxGapS) state.sums[COVERED_S] = (state.sums[COVERED_S] as number) + overlap;
    // Upper minus lower Riemann sum over this interval, halved: |pb - pa| × overlap / 2.
    state.sums[BOUND_J] = (state.sums[BOUND_J] as number) + (Math.abs(pb - pa) * overlap) / 2;
    if (!this.withoutCounter) this.counterSegment(state);
  }

  /** Before and after the window: the same trapezoids as the window's integrator, split at its edges. */
  private outsideWindow(state: GpuState): void {
    const a = state.prevTime;
    const pa = state.prevPower;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    if (a < this.start)
      state.sums[BEFORE_J] = (state.sums[BEFORE_J] as number) + trapezoid(a, pa, b, pb, a, Math.min(b, this.start));
    if (b > this.end)
      state.sums[AFTER_J] = (state.sums[AFTER_J] as number) + trapezoid(a, pa, b, pb, Math.max(a, this.end), b);
  }

  /** The counter's energy over the segment's part inside the window (which is not empty). */
  private counterSegment(state: GpuState): void {
    const a = state.prevTime;
    const pa = state.prevPower;
    const ca = state.prevCounter;
    const b = state.pendingTime;
    const pb = state.pendingPower;
    const cb = state.pendingCounter;
    const left = Math.max(a, this.start);
    const right = Math.min(b, this.end);
    if (ca === undefined || cb === undefined) {
      state.filled += 1;
      state.sums[COUNTER_J] = (state.sums[COUNTER_J] as number) + trapezoid(a, pa, b, pb, left, right);
      return;
    }
    const increment = cb - ca;
    if (increment < 0) {
      // Reset or wrap: this one interval is taken from the power integral, the rest keep the counter.
      state.resets += 1;
      state.sums[COUNTER_J] = (state.sums[COUNTER_J] as number) + trapezoid(a, pa, b, pb, left, right);
      return;
    }
    if (increment === 0 && (pa + pb) / 2 >= FROZEN_MIN_W) state.frozen += 1;
    state.sums[COUNTER_J] = (state.sums[COUNTER_J] as number) + (increment * (right - left)) / (b - a);
  }

  /** Takes the next run slot for a new interval value, counting its old run into the maps first. */
  private newIntervalRun(value: number): void {
    const slot = this.nextRunSlot;
    this.nextRunSlot = (slot + 1) % RUN_SLOTS;
    this.flushIntervalRun(slot);
    this.runIntervals[slot] = value;
    this.runCounts[slot] = 1;
  }

  /** Counts one run slot into the exact map (or the histogram past EXACT_INTERVALS distinct values). */
  private flushIntervalRun(slot: number): void {
    const count = this.runCounts[slot] as number;
    if (count === 0) return;
    const value = this.runIntervals[slot] as number;
    this.runCounts[slot] = 0;
    this.runIntervals[slot] = Number.NaN;
    if (this.histogram) {
      this.addToHistogram(value, count);
      return;
    }
    this.exactIntervals.set(value, (this.exactIntervals.get(value) ?? 0) + count);
    if (this.exactIntervals.size <= EXACT_INTERVALS) return;
    this.histogram = new Map();
    for (const [interval, n] of this.exactIntervals) this.addToHistogram(interval, n);
    this.exactIntervals.clear();
    // The other slots hold rounded values too: they join the histogram as the exact map's values did.
    for (let other = 0; other < RUN_SLOTS; other++) this.flushIntervalRun(other);
  }

  private addToHistogram(dt: number, count: number): void {
    // Jittered sampling gives a new interval every time, nearly always in the last key's bucket:
    // strictly inside that bucket's bounds the key is known without a logarithm.
    if (this.inLastKey(dt)) {
      this.lastKeyCount += count;
      return;
    }
    this.flushHistogramKey();
    const key = dt > 0 ? Math.max(-400, Math.min(400, Math.round(Math.log10(dt) * HISTOGRAM_STEPS_PER_DECADE))) : -401;
    this.lastKey = key;
    this.lastKeyCount = count;
    if (key > -400 && key < 400) {
      // Narrowed by a relative 1e-9 so that rounding in 10 ** x never puts a boundary value inside.
      this.lastKeyLow = 10 ** ((key - 0.5) / HISTOGRAM_STEPS_PER_DECADE) * (1 + 1e-9);
      this.lastKeyHigh = 10 ** ((key + 0.5) / HISTOGRAM_STEPS_PER_DECADE) * (1 - 1e-9);
    } else {
      this.lastKeyLow = Number.NaN;
      this.lastKeyHigh = Number.NaN;
    }
  }

  /** Strictly inside the last histogram key's bucket (false while there is none). */
  private inLastKey(dt: number): boolean {
    return dt > this.lastKeyLow && dt < this.lastKeyHigh;
  }

  private flushHistogramKey(): void {
    if (this.lastKeyCount === 0) return;
    const histogram = this.histogram as Map<number, number>;
    histogram.set(this.lastKey, (histogram.get(this.lastKey) ?? 0) + this.lastKeyCount);
    this.lastKeyCount = 0;
  }

  /**
   * Closes every open bin below `closeBefore`: into the idle span and the chart. One bin closes per
   * second of recording, so this is the per-bin hot path, kept in one function (locals, no objects).
   */
  private closeBinsBefore(closeBefore: number): void {
    const gpuCount = this.gpus.size;
    while (this.nextBin < closeBefore) {
      const k = this.nextBin;
      const slot = k & (BIN_RING - 1);
      const energy = this.binEnergy[slot] as number;
      const covered = this.binCovered[slot] as number;
      this.binEnergy[slot] = 0;
      this.binCovered[slot] = 0;
      this.nextBin = k + 1;
      const complete = gpuCount > 0 && covered >= gpuCount * BIN_S * (1 - 1e-9);
      if (complete) {
        // The newest bin replaces the oldest; the sum runs oldest to newest, as over a list.
        this.span[this.spanHead] = energy;
        this.spanHead = this.spanHead === SPAN_BINS - 1 ? 0 : this.spanHead + 1;
        if (this.spanLength < SPAN_BINS) this.spanLength += 1;
        if (this.spanLength === SPAN_BINS) {
          let sum = 0;
          for (let i = this.spanHead; i < SPAN_BINS; i++) sum += this.span[i] as number;
          for (let i = 0; i < this.spanHead; i++) sum += this.span[i] as number;
          const mean = sum / IDLE_SPAN_S;
          if (mean < this.bestSpanMeanW) {
            this.bestSpanMeanW = mean;
            this.bestSpanStart = (k + 1) * BIN_S - IDLE_SPAN_S;
          }
        }
      } else {
        this.spanLength = 0;
      }
      // The chart: CHART_POINTS to MAX_CHART_BUCKETS buckets, halved when the recording outgrows them.
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
      this.chartEnergy[j] = (this.chartEnergy[j] as number) + energy;
      this.chartCovered[j] = (this.chartCovered[j] as number) + covered;
    }
  }

  private halveChart(): void {
    const energy: number[] = [];
    const covered: number[] = [];
    for (let i = 0; i < this.chartEnergy.length; i += 2) {
      energy.push((this.chartEnergy[i] as number) + (this.chartEnergy[i + 1] ?? 0));
      covered.push((this.chartCovered[i] as number) + (this.chartCovered[i + 1] ?? 0));
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
  finish(referenceBenchmarkEnergyJ?: number, scanResults?: ReadonlyMap<string, DeviceResult>): Insights {
    const warnings: string[] = [];
    const ids = [...this.gpus.keys()].sort(compareGpuIds);
    const results = new Map<string, DeviceResult>();
    for (const id of ids) {
      const state = this.gpus.get(id) as GpuState;
      this.flush(state);
      results.set(
        id,
        state.bench?.finish() ?? scanResults?.get(id) ?? { sampleCount: 0, issue: 'insufficient_power_samples' },
      );
      if (state.outOfOrder > 0 && !warnings.includes('out_of_order_samples')) warnings.push('out_of_order_samples');
    }
    // Every bin that starts before the last sample: nextBin < maxTime / BIN_S, for an integer nextBin.
    this.closeBinsBefore(Math.ceil(this.maxTime / BIN_S));
    if (this.rejectedSamples > 0) warnings.push('unreadable_samples_skipped');
    if (this.droppedGpus > 0) warnings.push('too_many_gpu_ids');

    const { start, end } = this.options;
    const windowS = end - start;
    const benchmark = this.benchmarkEnergy(ids, results, referenceBenchmarkEnergyJ);
    const phases = this.phases(ids, benchmark, warnings);
    const benchmarkJ = benchmark.energy;

    let idle: IdleBaseline | null = null;
    if (Number.isFinite(this.bestSpanMeanW)) {
      idle = {
        baseline_total_w: this.bestSpanMeanW,
        method: IDLE_METHOD,
        span_start_unix: this.bestSpanStart,
        energy_above_idle_j: benchmarkJ !== null ? finiteOrNull(benchmarkJ - this.bestSpanMeanW * windowS) : null,
      };
    }

    const validCount = ids.filter((id) => okEnergy(results.get(id)) !== undefined).length;
    const coverage: Record<string, number | null> = {};
    let bound = 0;
    for (const id of ids) {
      const state = this.gpus.get(id) as GpuState;
      coverage[id] = windowS > 0 ? Math.min(1, (state.sums[COVERED_S] as number) / windowS) : null;
      bound += state.sums[BOUND_J] as number;
    }
    const quality: Quality = {
      gpus_reporting: `${validCount}/${this.options.expectedGpus !== undefined && this.options.expectedGpus > 0 ? this.options.expectedGpus : ids.length}`,
      per_gpu_coverage: coverage,
      median_interval_s: this.medianInterval(),
      median_interval_method: MEDIAN_METHOD,
      energy_bound_j: ids.length > 0 ? finiteOrNull(bound) : null,
    };

    const efficiency: Insights['efficiency'] = { output_tokens_per_joule: null };
    if (benchmarkJ !== null && benchmarkJ > 0) {
      if (this.options.outputTokens !== undefined && this.options.outputTokens > 0)
        efficiency.output_tokens_per_joule = finiteOrNull(this.options.outputTokens / benchmarkJ);
      if (this.options.concurrency !== undefined && this.options.concurrency > 0) {
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
      warnings,
    };
  }

  private benchmarkEnergy(
    ids: string[],
    results: Map<string, DeviceResult>,
    reference: number | undefined,
  ): { energy: number | null; reason?: string } {
    if (reference !== undefined && Number.isFinite(reference)) return { energy: reference };
    if (ids.length === 0) return { energy: null, reason: 'no_power_samples' };
    let total = 0;
    for (const id of ids) {
      const result = results.get(id) as DeviceResult;
      if (result.issue !== undefined) return { energy: null, reason: result.issue };
      if (this.gpus.get(id)?.outOfOrder) return { energy: null, reason: 'out_of_order_samples' };
      total += result.energyJ;
    }
    return Number.isFinite(total) ? { energy: total } : { energy: null, reason: 'power_value_out_of_range' };
  }

  private phases(ids: string[], benchmark: { energy: number | null; reason?: string }, warnings: string[]): Phase[] {
    const { start, end } = this.options;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let beforeJ = 0;
    let afterJ = 0;
    for (const id of ids) {
      const state = this.gpus.get(id) as GpuState;
      if (Number.isNaN(state.firstTime)) continue;
      first = Math.min(first, state.firstTime);
      last = Math.max(last, state.lastTime);
      beforeJ += state.sums[BEFORE_J] as number;
      afterJ += state.sums[AFTER_J] as number;
    }
    const bench: Phase = phase('benchmark', start, end, benchmark.energy);
    if (benchmark.reason) bench.reason = benchmark.reason;
    if (!Number.isFinite(first)) {
      return [
        { ...phase('before', start, start, null), reason: 'no_power_samples' },
        bench,
        { ...phase('after', end, end, null), reason: 'no_power_samples' },
      ];
    }
    const before = phase(
      'before',
      Math.min(first, start),
      Math.max(Math.min(first, start), Math.min(start, last)),
      beforeJ,
    );
    if (first >= start) {
      before.reason = 'recording_starts_at_or_after_window_start';
      if (first > start) warnings.push('recording_starts_after_window_start');
    }
    const afterStart = Math.max(end, first);
    const after = phase('after', Math.min(afterStart, Math.max(last, end)), Math.max(last, end), afterJ);
    if (last <= end) {
      after.reason = 'recording_ends_at_or_before_window_end';
      if (last < end) warnings.push('recording_ends_before_window_end');
    }
    return [before, bench, after];
  }

  private counterCheck(ids: string[], results: Map<string, DeviceResult>, warnings: string[]): CounterCheck | null {
    const counted = ids.filter((id) => (this.gpus.get(id) as GpuState).hasCounter);
    if (counted.length === 0) return null;
    let energy = 0;
    let integral: number | null = 0;
    let resets = 0;
    let frozen = 0;
    let filled = 0;
    for (const id of counted) {
      const state = this.gpus.get(id) as GpuState;
      energy += state.sums[COUNTER_J] as number;
      resets += state.resets;
      frozen += state.frozen;
      filled += state.filled;
      const integralJ = okEnergy(results.get(id));
      integral = integral === null || integralJ === undefined ? null : integral + integralJ;
    }
    const { ratio, agreement } = counterAgreement(energy, integral, warnings);
    if (frozen > 0) warnings.push('counter_frozen');
    return {
      source: this.options.counterSource ?? 'energy_counter_column',
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: frozen,
      filled_intervals: filled,
      agreement,
    };
  }

  private powerLimit(ids: string[], warnings: string[]): PowerLimit | null {
    const byGpu: Record<string, number> = {};
    let fromColumn = false;
    for (const id of ids) {
      const state = this.gpus.get(id) as GpuState;
      const limit = state.limitW ?? this.nameplate?.watts;
      if (limit !== undefined) byGpu[id] = limit;
      if (state.limitFromColumn) fromColumn = true;
    }
    const limits = Object.values(byGpu);
    if (limits.length === 0) {
      if (this.options.gpuName !== undefined && this.nameplate === undefined)
        warnings.push('gpu_name_not_in_tdp_table');
      return null;
    }
    if (this.implausible > 0) warnings.push('implausible_power_samples');
    const distinct = new Set(limits);
    const result: PowerLimit = {
      enforced_w: Math.max(...limits),
      source: fromColumn ? 'column' : 'nameplate',
      share_at_cap: this.samplesWithLimit > 0 ? this.samplesAtCap / this.samplesWithLimit : null,
      implausible_samples: this.implausible,
      implausible_examples: this.implausibleExamples,
    };
    if (distinct.size > 1) result.enforced_w_by_gpu = byGpu;
    if (!fromColumn && this.nameplate) result.nameplate_model = this.nameplate.model;
    return result;
  }

  private medianInterval(): number | null {
    for (let slot = 0; slot < RUN_SLOTS; slot++) this.flushIntervalRun(slot);
    if (this.histogram) this.flushHistogramKey();
    if (this.intervalCount === 0) return null;
    const half = this.intervalCount / 2;
    const source = this.histogram ?? this.exactIntervals;
    const keys = [...source.keys()].sort((x, y) => x - y);
    let seen = 0;
    for (const key of keys) {
      seen += source.get(key) as number;
      if (seen >= half) return this.histogram ? (key < -400 ? 0 : 10 ** (key / HISTOGRAM_STEPS_PER_DECADE)) : key;
    }
    return null;
  }

  private series(): PowerSeries | null {
    if (this.chartEnergy.length === 0 || this.gpus.size === 0) return null;
    while (this.chartEnergy.length > CHART_POINTS) this.halveChart();
    const gpuCount = this.gpus.size;
    return {
      origin_unix: this.chartOrigin * BIN_S,
      step_s: this.chartStep * BIN_S,
      total_w: this.chartEnergy.map((energy, j) => {
        const covered = this.chartCovered[j] as number;
        return covered > 0 ? finiteOrNull(energy / (covered / gpuCount)) : null;
      }),
    };
  }
}

function newGpuState(start: number, end: number, integrate: boolean): GpuState {
  return {
    bench: integrate ? new DeviceIntegrator(start, end) : undefined,
    sums: new Float64Array(SUMS),
    pendingTime: Number.NaN,
    // NaN, not 0: a field that starts as a small integer changes shape at its first fraction (see sums).
    pendingSum: Number.NaN,
    pendingCount: 0,
    pendingCounter: undefined,
    pendingPower: Number.NaN,
    prevTime: Number.NaN,
    prevPower: Number.NaN,
    prevCounter: undefined,
    firstTime: Number.NaN,
    lastTime: Number.NaN,
    outOfOrder: 0,
    hasCounter: false,
    resets: 0,
    frozen: 0,
    filled: 0,
    limitW: undefined,
    limitFromColumn: false,
  };
}

/** Trapezoid over [left, right] ⊆ [a, b] of the line through (a, pa) and (b, pb). */
function trapezoid(a: number, pa: number, b: number, pb: number, left: number, right: number): number {
  const slope = (pb - pa) / (b - a);
  const pLeft = left === a ? pa : pa + slope * (left - a);
  const pRight = right === b ? pb : pa + slope * (right - a);
  return ((right - left) * (pLeft + pRight)) / 2;
}

function okEnergy(result: DeviceResult | undefined): number | undefined {
  return result && result.issue === undefined && Number.isFinite(result.energyJ) ? result.energyJ : undefined;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function phase(name: Phase['name'], startUnix: number, endUnix: number, energy: number | null): Phase {
  const duration = Math.max(0, endUnix - startUnix);
  const energyJ = energy === null ? null : finiteOrNull(energy);
  return {
    name,
    start_unix: startUnix,
    end_unix: endUnix,
    duration_s: duration,
    energy_j: energyJ,
    avg_total_power_w: energyJ !== null && duration > 0 ? energyJ / duration : null,
    ...(duration === 0 ? { reason: 'zero_length_phase' } : {}),
  };
}
