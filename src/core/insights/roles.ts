import { compareGpuIds } from '../gpuids.js';
import { InsightAccumulator, type Insights } from './accumulator.js';

/** What a multinode power package allows per role: no counter, limit or name columns, so no idle floor either. */
export interface RoleInsights {
  gpus: string[];
  phases: Insights['phases'];
  quality: Insights['quality'];
  efficiency: Insights['efficiency'];
}

export interface RoleDevice {
  label: string;
  role: string;
  times: readonly number[];
  powers: readonly number[];
}

/**
 * Phases, quality and efficiency per worker role of a multinode package. Output tokens are the
 * whole deployment's work, so tokens per joule is given only when one role did all of it (an
 * aggregated pool); energy per user is the role's energy over the run's concurrency.
 */
export function roleInsights(
  devices: readonly RoleDevice[],
  options: { start: number; end: number; maxSampleGapS: number; outputTokens: number; concurrency?: number },
): Record<string, RoleInsights> {
  const roles = [...new Set(devices.map((d) => d.role))].sort();
  const out: Record<string, RoleInsights> = {};
  for (const role of roles) {
    const members = devices.filter((d) => d.role === role);
    const accumulator = new InsightAccumulator({
      start: options.start,
      end: options.end,
      maxSampleGapS: options.maxSampleGapS,
      expectedGpus: members.length,
      ...(roles.length === 1 ? { outputTokens: options.outputTokens } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    });
    // Interleaved in time order, as a telemetry file would give them: the 1 s bins close as time advances.
    const cursor = members.map(() => 0);
    for (;;) {
      let next = -1;
      for (let m = 0; m < members.length; m++) {
        const i = cursor[m] as number;
        const device = members[m] as RoleDevice;
        if (
          i < device.times.length &&
          (next < 0 ||
            (device.times[i] as number) < ((members[next] as RoleDevice).times[cursor[next] as number] as number))
        )
          next = m;
      }
      if (next < 0) break;
      const device = members[next] as RoleDevice;
      const i = cursor[next] as number;
      accumulator.pushValues(device.times[i] as number, device.label, device.powers[i] as number);
      cursor[next] = i + 1;
    }
    const insights = accumulator.finish();
    out[role] = {
      gpus: members.map((d) => d.label).sort(compareGpuIds),
      phases: insights.phases,
      quality: insights.quality,
      efficiency: insights.efficiency,
    };
  }
  return out;
}
