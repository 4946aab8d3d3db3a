/**
 * An independent, deliberately plain statement of the measurement, for checking the streaming
 * implementation: keep samples within [start - gap, end + gap], average equal timestamps per GPU,
 * sort, require bracketing and gaps <= maxGap over the samples that touch the window, then clip at
 * the window edges with linear interpolation and sum trapezoids.
 */

export interface ReferenceSample {
  t: number;
  gpu: string;
  watts: number;
}

export interface ReferenceResult {
  valid: boolean;
  reasons: Set<string>;
  gpuIds: string[];
  energyJ: Map<string, number>;
  totalEnergyJ?: number;
}

export function referenceIntegral(
  samples: ReferenceSample[],
  start: number,
  end: number,
  maxGap: number,
  expectedGpus?: number,
): ReferenceResult {
  const byGpu = new Map<string, Map<number, number[]>>();
  for (const s of samples) {
    if (s.t < start - maxGap || s.t > end + maxGap) continue;
    let times = byGpu.get(s.gpu);
    if (!times) byGpu.set(s.gpu, (times = new Map()));
    const values = times.get(s.t) ?? [];
    values.push(s.watts);
    times.set(s.t, values);
  }
  const reasons = new Set<string>();
  const energyJ = new Map<string, number>();
  const gpuIds = [...byGpu.keys()];
  if (gpuIds.length === 0) reasons.add('no_usable_power_samples');
  if (expectedGpus !== undefined && gpuIds.length > 0 && gpuIds.length !== expectedGpus)
    reasons.add('expected_gpu_count_mismatch');
  for (const [gpu, times] of byGpu) {
    const points = [...times.entries()]
      .map(([t, values]) => [t, values.reduce((a, b) => a + b, 0) / values.length] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    if (points.length < 2) {
      reasons.add('insufficient_power_samples');
      continue;
    }
    if ((points[0] as [number, number])[0] > start || (points[points.length - 1] as [number, number])[0] < end) {
      reasons.add('benchmark_window_not_bracketed');
      continue;
    }
    let first = 0;
    while ((points[first + 1] as [number, number])[0] <= start) first++;
    let last = points.length - 1;
    while ((points[last - 1] as [number, number])[0] >= end) last--;
    let maxSeen = 0;
    for (let i = first; i < last; i++)
      maxSeen = Math.max(maxSeen, (points[i + 1] as [number, number])[0] - (points[i] as [number, number])[0]);
    if (maxSeen > maxGap) reasons.add('sampling_gap_exceeded');
    const at = (t: number): number => {
      for (let i = first; i < last; i++) {
        const [ta, pa] = points[i] as [number, number];
        const [tb, pb] = points[i + 1] as [number, number];
        if (ta === t) return pa;
        if (tb === t) return pb;
        if (ta < t && t < tb) return pa + ((t - ta) / (tb - ta)) * (pb - pa);
      }
      throw new Error('not bracketed');
    };
    const clipped: Array<[number, number]> = [
      [start, at(start)],
      ...points.filter(([t]) => t > start && t < end),
      [end, at(end)],
    ];
    let energy = 0;
    for (let i = 1; i < clipped.length; i++) {
      const [ta, pa] = clipped[i - 1] as [number, number];
      const [tb, pb] = clipped[i] as [number, number];
      energy += ((tb - ta) * (pa + pb)) / 2;
    }
    energyJ.set(gpu, energy);
  }
  const valid = reasons.size === 0;
  const totalEnergyJ =
    energyJ.size === gpuIds.length && gpuIds.length > 0 ? [...energyJ.values()].reduce((a, b) => a + b, 0) : undefined;
  return { valid, reasons, gpuIds, energyJ, totalEnergyJ };
}
