/**
 * Per-device energy over a window [start, end]: trapezoidal over the samples with linear
 * interpolation at the window edges, in one streaming pass with O(1) state per device.
 *
 * Samples must arrive in non-decreasing time order; samples with the same timestamp are averaged.
 * A segment between consecutive samples (a, b) takes part when it overlaps the open window
 * (b > start and a < end): exactly the samples from the last one at or before `start` to the first
 * one at or after `end`, so the maximum gap is measured over the same samples that are integrated.
 */
export class DeviceIntegrator {
  private pendingTime = Number.NaN;
  private pendingSum = 0;
  private pendingCount = 0;
  private prevTime = Number.NaN;
  private prevPower = 0;
  private firstTime = Number.NaN;
  private lastTime = Number.NaN;
  private distinctSamples = 0;
  private energy = 0;
  private maxGap = 0;
  private maxGapAt = Number.NaN;

  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  /** Last timestamp accepted; a sample earlier than this is out of order. */
  get latestTime(): number {
    return this.pendingCount > 0 ? this.pendingTime : this.prevTime;
  }

  push(time: number, power: number): void {
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

  private flush(): void {
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

  private addSegment(a: number, pa: number, b: number, pb: number): void {
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
    this.energy += ((right - left) * (pLeft + pRight)) / 2;
  }

  finish(): DeviceResult {
    this.flush();
    const sampleCount = this.distinctSamples;
    if (sampleCount < 2) return { sampleCount, issue: 'insufficient_power_samples' };
    if (this.firstTime > this.start || this.lastTime < this.end) {
      return {
        sampleCount,
        issue: 'benchmark_window_not_bracketed',
        firstTime: this.firstTime,
        lastTime: this.lastTime,
      };
    }
    return { sampleCount, energyJ: this.energy, maxGapS: this.maxGap, maxGapAt: this.maxGapAt };
  }
}

export type DeviceResult =
  | { sampleCount: number; issue: 'insufficient_power_samples' }
  | { sampleCount: number; issue: 'benchmark_window_not_bracketed'; firstTime: number; lastTime: number }
  | { sampleCount: number; issue?: undefined; energyJ: number; maxGapS: number; maxGapAt: number };

/** Integrates an unordered list of samples: sorts by time, then streams them through DeviceIntegrator. */
export function integrateSamples(
  times: ArrayLike<number>,
  powers: ArrayLike<number>,
  start: number,
  end: number,
): DeviceResult {
  const order = Array.from({ length: times.length }, (_, i) => i).sort(
    (x, y) => (times[x] as number) - (times[y] as number),
  );
  const integrator = new DeviceIntegrator(start, end);
  for (const i of order) integrator.push(times[i] as number, powers[i] as number);
  return integrator.finish();
}
