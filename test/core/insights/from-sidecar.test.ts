import { describe, expect, it } from 'vitest';
import { CHART_POINTS } from '../../../src/core/insights/accumulator.js';
import { insightsFromSidecar } from '../../../src/core/insights/from-sidecar.js';

const phase = (name: string, start: number, end: number, energy: unknown = 1000): Record<string, unknown> => ({
  name,
  start_unix: start,
  end_unix: end,
  duration_s: end - start,
  energy_j: energy,
  avg_total_power_w: typeof energy === 'number' ? energy / (end - start) : null,
});

/** A sidecar as aggregate writes it, with the insights block the renderer reads. */
function sidecar(insights: Record<string, unknown> = {}, window: unknown = undefined): Record<string, unknown> {
  return {
    power_valid: 1,
    benchmark_window: window ?? { start_time_unix: 1000, end_time_unix: 1010 },
    insights: {
      phases: [
        phase('before', 990, 1000, 500),
        phase('benchmark', 1000, 1010, 60_000),
        phase('after', 1010, 1015, 250),
      ],
      ...insights,
    },
  };
}

function read(value: Record<string, unknown> | undefined) {
  const result = insightsFromSidecar(value);
  if (!result) throw new Error('no insights');
  return result;
}

describe('insightsFromSidecar', () => {
  it('reads the phases and the benchmark window', () => {
    const { insights, startUnix, endUnix } = read(sidecar());
    expect(startUnix).toBe(1000);
    expect(endUnix).toBe(1010);
    expect(insights.phases).toEqual([
      { name: 'before', start_unix: 990, end_unix: 1000, duration_s: 10, energy_j: 500, avg_total_power_w: 50 },
      {
        name: 'benchmark',
        start_unix: 1000,
        end_unix: 1010,
        duration_s: 10,
        energy_j: 60_000,
        avg_total_power_w: 6000,
      },
      { name: 'after', start_unix: 1010, end_unix: 1015, duration_s: 5, energy_j: 250, avg_total_power_w: 50 },
    ]);
    // Parts the sidecar does not carry are left empty, never invented.
    expect(insights.idle).toBeNull();
    expect(insights.counter).toBeNull();
    expect(insights.power_limit).toBeNull();
    expect(insights.power_series).toBeNull();
    expect(insights.efficiency).toEqual({ output_tokens_per_joule: null });
    expect(insights.warnings).toEqual([]);
    expect(insights.quality).toEqual({
      gpus_reporting: '–',
      per_gpu_coverage: {},
      median_interval_s: null,
      median_interval_method: '',
      energy_bound_j: null,
    });
  });

  it.each([
    ['no sidecar', undefined],
    ['no insights', { benchmark_window: { start_time_unix: 1, end_time_unix: 2 } }],
    ['insights that are a list', { ...sidecar(), insights: [] }],
    ['no benchmark window', { ...sidecar(), benchmark_window: null }],
    ['a window start that is text', sidecar({}, { start_time_unix: '1000', end_time_unix: 1010 })],
    ['a window end that is not finite', sidecar({}, { start_time_unix: 1000, end_time_unix: Infinity })],
    ['phases that are not a list', sidecar({ phases: { before: {} } })],
    ['a phase with an unknown name', sidecar({ phases: [phase('during', 0, 1)] })],
    ['a phase that is not an object', sidecar({ phases: [null] })],
    ['a phase without a start', sidecar({ phases: [{ ...phase('before', 0, 1), start_unix: undefined }] })],
    ['a phase with a text end', sidecar({ phases: [{ ...phase('before', 0, 1), end_unix: '1' }] })],
    ['a phase with a NaN duration', sidecar({ phases: [{ ...phase('before', 0, 1), duration_s: Number.NaN }] })],
  ])('gives nothing for %s', (_, value) => {
    expect(insightsFromSidecar(value as Record<string, unknown> | undefined)).toBeUndefined();
  });

  it('reads at most three phases and ignores what follows', () => {
    const { insights } = read(
      sidecar({ phases: [phase('before', 0, 1), phase('benchmark', 1, 2), phase('after', 2, 3), 'junk'] }),
    );
    expect(insights.phases.map((p) => p.name)).toEqual(['before', 'benchmark', 'after']);
  });

  it('keeps an empty phase list', () => {
    expect(read(sidecar({ phases: [] })).insights.phases).toEqual([]);
  });

  it('turns energies that are not finite numbers into null and keeps only text reasons', () => {
    const { insights } = read(
      sidecar({
        phases: [
          { ...phase('before', 0, 10, '5'), reason: 'recording_starts_at_or_after_window_start' },
          { ...phase('benchmark', 10, 20, null), avg_total_power_w: 'x', reason: 42 },
        ],
      }),
    );
    expect(insights.phases).toEqual([
      {
        name: 'before',
        start_unix: 0,
        end_unix: 10,
        duration_s: 10,
        energy_j: null,
        avg_total_power_w: null,
        reason: 'recording_starts_at_or_after_window_start',
      },
      { name: 'benchmark', start_unix: 10, end_unix: 20, duration_s: 10, energy_j: null, avg_total_power_w: null },
    ]);
  });

  it('shows the GPU count only in the form n/m', () => {
    const reporting = (value: unknown) =>
      read(sidecar({ quality: { gpus_reporting: value } })).insights.quality.gpus_reporting;
    expect(reporting('7/8')).toBe('7/8');
    expect(reporting('123456/123456')).toBe('123456/123456');
    expect(reporting('1234567/8')).toBe('–');
    expect(reporting('7/8 <script>')).toBe('–');
    expect(reporting('/8')).toBe('–');
    expect(reporting(7)).toBe('–');
  });

  it('reads the quality numbers that are finite', () => {
    const { quality } = read(
      sidecar({
        quality: { gpus_reporting: '8/8', median_interval_s: 0.1, energy_bound_j: '12', per_gpu_coverage: { 0: 1 } },
      }),
    ).insights;
    expect(quality).toEqual({
      gpus_reporting: '8/8',
      per_gpu_coverage: {},
      median_interval_s: 0.1,
      median_interval_method: '',
      energy_bound_j: null,
    });
  });

  it('reads an idle baseline only with a finite baseline power', () => {
    const idle = (value: unknown) => read(sidecar({ idle: value })).insights.idle;
    expect(idle({ baseline_total_w: 800, span_start_unix: 950, energy_above_idle_j: 52_000, method: 'x' })).toEqual({
      baseline_total_w: 800,
      method: '',
      span_start_unix: 950,
      energy_above_idle_j: 52_000,
    });
    expect(idle({ baseline_total_w: 800 })).toEqual({
      baseline_total_w: 800,
      method: '',
      span_start_unix: 0,
      energy_above_idle_j: null,
    });
    expect(idle({ baseline_total_w: '800' })).toBeNull();
    expect(idle({ energy_above_idle_j: 5 })).toBeNull();
    expect(idle([800])).toBeNull();
  });

  describe('counter', () => {
    const good = {
      source: 'amd_smi_snapshots',
      energy_j: 61_000,
      integral_energy_j: 60_000,
      ratio: 61_000 / 60_000,
      resets: 1,
      frozen_intervals: 2,
      filled_intervals: 3,
      agreement: 'ok',
      scope: 'whole_recording',
    };
    const counter = (value: unknown) => read(sidecar({ counter: value })).insights.counter;

    it('reads a counter check with a known source and agreement', () => {
      expect(counter(good)).toEqual(good);
      for (const source of [
        'dcgm_total_energy',
        'nvidia_smi_total_energy',
        'amd_smi_energy_accumulator',
        'energy_counter_column',
      ]) {
        expect(counter({ ...good, source })?.source).toBe(source);
      }
      for (const agreement of ['warn', 'reject']) expect(counter({ ...good, agreement })?.agreement).toBe(agreement);
    });

    it('drops the check for an unknown source or agreement or a missing energy', () => {
      expect(counter({ ...good, source: 'rapl' })).toBeNull();
      expect(counter({ ...good, agreement: 'OK' })).toBeNull();
      expect(counter({ ...good, energy_j: null })).toBeNull();
      expect(counter('ok')).toBeNull();
    });

    it('reads counts as whole numbers from zero up, anything else as 0', () => {
      const counts = counter({ ...good, resets: -1, frozen_intervals: 1.5, filled_intervals: '3' });
      expect([counts?.resets, counts?.frozen_intervals, counts?.filled_intervals]).toEqual([0, 0, 0]);
      expect(counter({ ...good, resets: 0 })?.resets).toBe(0);
    });

    it('keeps only the known scope and nulls the other numbers that are not finite', () => {
      const check = counter({ ...good, scope: 'window', ratio: Infinity, integral_energy_j: 'x' });
      expect(check).not.toHaveProperty('scope');
      expect(check?.ratio).toBeNull();
      expect(check?.integral_energy_j).toBeNull();
    });
  });

  describe('power limit', () => {
    const limit = (value: unknown) => read(sidecar({ power_limit: value })).insights.power_limit;

    it('reads the enforced limit from a column or the nameplate', () => {
      expect(
        limit({
          enforced_w: 700,
          source: 'column',
          share_at_cap: 0.4,
          implausible_samples: 2,
          implausible_examples: [{}],
        }),
      ).toEqual({
        enforced_w: 700,
        source: 'column',
        share_at_cap: 0.4,
        implausible_samples: 2,
        implausible_examples: [],
      });
      expect(limit({ enforced_w: 1000, source: 'nameplate' })).toEqual({
        enforced_w: 1000,
        source: 'nameplate',
        share_at_cap: null,
        implausible_samples: 0,
        implausible_examples: [],
      });
    });

    it('drops a limit without a finite value or a known source', () => {
      expect(limit({ enforced_w: 700, source: 'guess' })).toBeNull();
      expect(limit({ enforced_w: Number.NaN, source: 'column' })).toBeNull();
      expect(limit(null)).toBeNull();
    });
  });

  describe('power series', () => {
    const series = (value: unknown) => read(sidecar({ power_series: value })).insights.power_series;

    it('reads watts from 0 to 1e9 and turns anything else into a gap', () => {
      expect(series({ origin_unix: 990, step_s: 1, total_w: [0, 6000, 1e9, 1e9 + 1, -1, '5', null] })).toEqual({
        origin_unix: 990,
        step_s: 1,
        total_w: [0, 6000, 1e9, null, null, null, null],
      });
    });

    it(`takes at most ${CHART_POINTS} points and a step in (0, 1e7] s`, () => {
      const points = (n: number) => Array.from({ length: n }, () => 1);
      expect(series({ origin_unix: 0, step_s: 1, total_w: points(CHART_POINTS) })?.total_w).toHaveLength(120);
      expect(series({ origin_unix: 0, step_s: 1, total_w: points(CHART_POINTS + 1) })).toBeNull();
      expect(series({ origin_unix: 0, step_s: 1e7, total_w: [] })?.step_s).toBe(1e7);
      expect(series({ origin_unix: 0, step_s: 1e7 + 1, total_w: [] })).toBeNull();
      expect(series({ origin_unix: 0, step_s: 0, total_w: [] })).toBeNull();
      expect(series({ origin_unix: 0, step_s: -1, total_w: [] })).toBeNull();
      expect(series({ origin_unix: '0', step_s: 1, total_w: [] })).toBeNull();
      expect(series({ origin_unix: 0, step_s: 1, total_w: '1,2' })).toBeNull();
    });
  });
});
