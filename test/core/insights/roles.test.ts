import { describe, expect, it } from 'vitest';
import { type RoleDevice, roleInsights } from '../../../src/core/insights/roles.js';

/** One GPU sampled every second from `first` to `last` at a constant power. */
function device(label: string, role: string, watts: number, first = -2, last = 12): RoleDevice {
  const times = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { label, role, times, powers: times.map(() => watts) };
}

const WINDOW = { start: 0, end: 10, maxSampleGapS: 3 };

describe('roleInsights', () => {
  it('measures each role on its own GPUs, roles in name order', () => {
    const roles = roleInsights(
      [device('n1:0', 'prefill', 500), device('n2:0', 'decode', 700), device('n1:1', 'prefill', 500)],
      { ...WINDOW, outputTokens: 30_000, concurrency: 4 },
    );
    expect(Object.keys(roles)).toEqual(['decode', 'prefill']);

    const prefill = roles.prefill;
    expect(prefill?.gpus).toEqual(['n1:0', 'n1:1']);
    // Samples run from -2 s to 12 s around the window 0..10 s.
    // Before: 2 GPUs x 500 W x 2 s = 2,000 J; benchmark: 2 x 500 W x 10 s = 10,000 J; after: 2 x 500 W x 2 s = 2,000 J.
    expect(prefill?.phases.map((p) => [p.name, p.start_unix, p.end_unix, p.energy_j, p.avg_total_power_w])).toEqual([
      ['before', -2, 0, 2_000, 1_000],
      ['benchmark', 0, 10, 10_000, 1_000],
      ['after', 10, 12, 2_000, 1_000],
    ]);
    expect(prefill?.quality.gpus_reporting).toBe('2/2');

    // Decode: 1 GPU x 700 W x 10 s = 7,000 J.
    expect(roles.decode?.gpus).toEqual(['n2:0']);
    expect(roles.decode?.phases[1]?.energy_j).toBe(7_000);
    expect(roles.decode?.quality.gpus_reporting).toBe('1/1');
  });

  it('gives tokens per joule only when one role did all the work; energy per user always with a concurrency', () => {
    const split = roleInsights([device('a', 'prefill', 500), device('b', 'decode', 700)], {
      ...WINDOW,
      outputTokens: 30_000,
      concurrency: 4,
    });
    // The output tokens are the whole deployment's, so neither role gets them.
    expect(split.prefill?.efficiency.output_tokens_per_joule).toBeNull();
    expect(split.decode?.efficiency.output_tokens_per_joule).toBeNull();
    // 500 W x 10 s / 4 users = 1,250 J; 700 W x 10 s / 4 = 1,750 J.
    expect(split.prefill?.efficiency.energy_per_user_j).toBe(1_250);
    expect(split.decode?.efficiency.energy_per_user_j).toBe(1_750);

    const pooled = roleInsights([device('0', 'agg', 600), device('1', 'agg', 600)], {
      ...WINDOW,
      outputTokens: 30_000,
    });
    // 2 GPUs x 600 W x 10 s = 12,000 J; 30,000 tokens / 12,000 J = 2.5 tokens/J.
    expect(pooled.agg?.efficiency).toEqual({ output_tokens_per_joule: 2.5 });
  });

  it('counts every GPU of the role as expected, reporting or not', () => {
    const roles = roleInsights(
      [
        device('0', 'decode', 700),
        device('1', 'decode', 700, 3, 12), // starts after the window opens
        { label: '2', role: 'decode', times: [], powers: [] },
      ],
      { ...WINDOW, outputTokens: 30_000 },
    );
    const decode = roles.decode;
    expect(decode?.gpus).toEqual(['0', '1', '2']);
    expect(decode?.quality.gpus_reporting).toBe('1/3');
    // One GPU without a bracketed window leaves the role without a benchmark energy, and says why.
    expect(decode?.phases[1]?.energy_j).toBeNull();
    expect(decode?.phases[1]?.reason).toBe('benchmark_window_not_bracketed');
    expect(decode?.efficiency.output_tokens_per_joule).toBeNull();
  });

  it('applies the sample-gap limit to what reaches the benchmark integral', () => {
    // Samples at -4 s and 14 s only: outside 0 - 3 .. 10 + 3, so the window is not bracketed.
    const far: RoleDevice = { label: '0', role: 'agg', times: [-4, 14], powers: [500, 500] };
    expect(roleInsights([far], { ...WINDOW, outputTokens: 1 }).agg?.phases[1]?.energy_j).toBeNull();
    // At -3 s and 13 s they count: 500 W x 10 s = 5,000 J.
    const near: RoleDevice = { label: '0', role: 'agg', times: [-3, 13], powers: [500, 500] };
    expect(roleInsights([near], { ...WINDOW, outputTokens: 1 }).agg?.phases[1]?.energy_j).toBe(5_000);
  });

  it('lists GPU labels in GPU order', () => {
    const roles = roleInsights([device('10', 'agg', 1), device('x', 'agg', 1), device('2', 'agg', 1)], {
      ...WINDOW,
      outputTokens: 1,
    });
    expect(roles.agg?.gpus).toEqual(['2', '10', 'x']);
  });

  it('is empty without devices', () => {
    expect(roleInsights([], { ...WINDOW, outputTokens: 1 })).toEqual({});
  });
});
