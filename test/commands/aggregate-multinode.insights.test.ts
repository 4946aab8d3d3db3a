import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, readJson, tempWorkspace, writeFile } from '../helpers/workspace.js';
import { AGG_DEVICES, buildPackage, DISAGG_DEVICES, PRODUCER_SHA, type PackageSpec } from '../helpers/power-package.js';

async function insightsOf(spec: PackageSpec, prefill: number, decode: number): Promise<Record<string, any>> {
  const dir = tempWorkspace();
  const pkg = buildPackage(dir, spec);
  writeFile(dir, 'renamed_result.json', JSON.stringify(pkg.bench, null, 2));
  writeFile(dir, 'agg.json', '{"hw": "gb200"}');
  const run = await cli(
    [
      'aggregate-multinode',
      '--bench-result',
      'renamed_result.json',
      '--agg-result',
      'agg.json',
      '--prefill-gpus',
      String(prefill),
      '--decode-gpus',
      String(decode),
    ],
    dir,
    { POWER_PRODUCER_SHA: PRODUCER_SHA },
  );
  expect(run.code).toBe(0);
  const sidecar = readJson(join(dir, 'power_validation_renamed_result.json'));
  expect(sidecar.power_valid).toBe(true);
  return sidecar.insights as Record<string, any>;
}

describe('aggregate-multinode: energy insights per role', () => {
  it('phases, quality and energy per user for 2 prefill GPUs at 500 W and 4 decode GPUs at 700 W', async () => {
    // Samples 998..1012 every second, window 1000..1010, max_concurrency 4.
    const { roles } = await insightsOf({ devices: DISAGG_DEVICES }, 2, 4);
    expect(Object.keys(roles)).toEqual(['decode', 'prefill']);
    const prefill = roles.prefill;
    expect(prefill.gpus).toHaveLength(2);
    // 2 GPUs x 500 W: 2 s before the window (2,000 J), 10 s in it (10,000 J), 2 s after (2,000 J).
    expect(prefill.phases.map((p: any) => [p.name, p.duration_s, p.energy_j, p.avg_total_power_w])).toEqual([
      ['before', 2, 2000, 1000],
      ['benchmark', 10, 10_000, 1000],
      ['after', 2, 2000, 1000],
    ]);
    expect(prefill.quality).toMatchObject({ gpus_reporting: '2/2', median_interval_s: 1, energy_bound_j: 0 });
    // Output tokens are the deployment's, not one role's: no tokens per joule per role; 10,000 J / 4 users.
    expect(prefill.efficiency).toEqual({ output_tokens_per_joule: null, energy_per_user_j: 2500 });
    // 4 GPUs x 700 W x 10 s = 28,000 J.
    expect(roles.decode.phases[1]).toMatchObject({ energy_j: 28_000, avg_total_power_w: 2800 });
    expect(roles.decode.efficiency).toEqual({ output_tokens_per_joule: null, energy_per_user_j: 7000 });
  });

  it('gives tokens per joule when one pool did all the work', async () => {
    const { roles } = await insightsOf({ devices: AGG_DEVICES }, 4, 0);
    expect(Object.keys(roles)).toEqual(['agg']);
    // 4 GPUs x 600 W x 10 s = 24,000 J for 20,000 output tokens.
    expect(roles.agg.phases[1].energy_j).toBe(24_000);
    expect(roles.agg.efficiency.output_tokens_per_joule).toBeCloseTo(20_000 / 24_000, 12);
  });
});
