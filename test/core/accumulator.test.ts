import { describe, expect, it } from 'vitest';
import {
  ACCUMULATOR_TOLERANCE,
  type AccumulatorCheck,
  crossCheckAccumulator,
  parseEnergySnapshot,
  type StreamSamples,
} from '../../src/core/accumulator.js';

const HEADER =
  'gpu,socket_power,gfx_voltage,soc_voltage,mem_voltage,throttle_status,power_management,total_energy_consumption';

/** `amd-smi metric -E --csv` as it looks on an MI355X, N/A cells included. */
function snapshot(energy: Record<string, number | string>): string {
  return `${[HEADER, ...Object.entries(energy).map(([gpu, j]) => `${gpu},238,N/A,N/A,N/A,N/A,ENABLED,${j}`)].join('\n')}\n`;
}

/** Samples every second from t0 to t0 + seconds at a constant power. */
function flat(t0: number, seconds: number, watts: number): StreamSamples {
  const times = Array.from({ length: seconds + 1 }, (_, i) => t0 + i);
  return { times, powers: times.map(() => watts) };
}

function available(check: AccumulatorCheck | null): Extract<AccumulatorCheck, { available: true }> {
  if (!check?.available) throw new Error(`not available: ${JSON.stringify(check)}`);
  return check;
}

describe('parseEnergySnapshot', () => {
  it('maps each GPU to its counter joules, skipping N/A and non-finite readings', () => {
    const energy = parseEnergySnapshot(snapshot({ 0: 1_000_000, 1: 'N/A', 2: '2.5e6', 3: 'nan', 4: 'inf' }));
    expect(energy).toEqual(
      new Map([
        ['0', 1_000_000],
        ['2', 2_500_000],
      ]),
    );
  });

  it('reads a byte-order mark, leading empty lines, CRLF line ends and padded cells', () => {
    const text = `\uFEFF\r\n gpu , total_energy_consumption \r\n 0 , 12.5 \r\n\r\n1,7\r\n`;
    expect(parseEnergySnapshot(text)).toEqual(
      new Map([
        ['0', 12.5],
        ['1', 7],
      ]),
    );
  });

  it('skips rows without a GPU id and rows cut short before the energy column', () => {
    const text = 'total_energy_consumption,gpu\n5,\n6\n9,3\n';
    // Columns may come in any order: energy first here.
    expect(parseEnergySnapshot(text)).toEqual(new Map([['3', 9]]));
  });

  it('keeps the last reading of a GPU listed twice', () => {
    expect(parseEnergySnapshot('gpu,total_energy_consumption\n0,10\n0,20\n')).toEqual(new Map([['0', 20]]));
  });

  it.each([
    ['an empty file', ''],
    ['only blank lines', '\n\n  \n'],
    ['no energy column', 'gpu,socket_power\n0,238\n'],
    ['no gpu column', 'card,total_energy_consumption\n0,5\n'],
    ['a header without rows', `${HEADER}\n`],
    ['no row with a reading', snapshot({ 0: 'N/A', 1: 'N/A' })],
  ])('is undefined for %s', (_, text) => {
    expect(parseEnergySnapshot(text)).toBeUndefined();
  });
});

describe('crossCheckAccumulator', () => {
  const stream = new Map([['0', flat(1_700_000_000, 10, 500)]]);
  const start = snapshot({ 0: 1_000_000 });
  const end = snapshot({ 0: 1_005_000 });

  it('is null when neither snapshot exists', () => {
    expect(crossCheckAccumulator(undefined, undefined, stream)).toBeNull();
  });

  it('names the snapshot that is missing or unreadable, start first', () => {
    expect(crossCheckAccumulator(undefined, end, stream)).toEqual({
      available: false,
      reason: 'missing_start_snapshot',
    });
    expect(crossCheckAccumulator(start, undefined, stream)).toEqual({
      available: false,
      reason: 'missing_end_snapshot',
    });
    expect(crossCheckAccumulator('gpu\n0\n', 'nonsense', stream)).toEqual({
      available: false,
      reason: 'unparseable_start_snapshot',
    });
    expect(crossCheckAccumulator(start, 'gpu,socket_power\n0,238\n', stream)).toEqual({
      available: false,
      reason: 'unparseable_end_snapshot',
    });
  });

  it('agrees when the counter delta equals the integral of the whole stream', () => {
    const check = available(crossCheckAccumulator(start, end, stream));
    // Counter: 1,005,000 - 1,000,000 = 5,000 J. Stream: 500 W x 10 s = 5,000 J.
    expect(check.accumulator_delta_j.value).toBe(5_000);
    expect(check.integrated_stream_j.value).toBe(5_000);
    expect(check.relative_error?.value).toBe(0);
    expect(check.within_tolerance).toBe(true);
    expect(check.tolerance.value).toBe(0.05);
    expect(ACCUMULATOR_TOLERANCE).toBe(0.05);
    expect(Object.fromEntries(Object.entries(check.per_gpu_delta_j).map(([k, v]) => [k, v.value]))).toEqual({
      0: 5_000,
    });
    expect(check.integrated_gpu_ids).toEqual(['0']);
    expect(check.unmatched_gpus).toEqual([]);
    expect(check.negative_delta_gpus).toEqual([]);
    expect(check.stream_span_s.value).toBe(10);
  });

  it('integrates trapezoids over samples in time order', () => {
    // Sorted: (0 s, 100 W), (2 s, 300 W), (6 s, 500 W): 2 x (100 + 300) / 2 + 4 x (300 + 500) / 2 = 400 + 1,600 = 2,000 J.
    const shuffled = new Map([['0', { times: [6, 0, 2], powers: [500, 100, 300] }]]);
    const check = available(crossCheckAccumulator(start, snapshot({ 0: 1_002_000 }), shuffled));
    expect(check.integrated_stream_j.value).toBe(2_000);
    expect(check.stream_span_s.value).toBe(6);
    expect(check.relative_error?.value).toBe(0);
  });

  it('orders samples with the same time by power, as sorting (time, power) pairs does', () => {
    // (0, 100), (0, 300), (10, 100): 0 J + 10 x (300 + 100) / 2 = 2,000 J. The other order would give 1,000 J.
    const tied = new Map([['0', { times: [10, 0, 0], powers: [100, 300, 100] }]]);
    const check = available(crossCheckAccumulator(start, snapshot({ 0: 1_002_000 }), tied));
    expect(check.integrated_stream_j.value).toBe(2_000);
  });

  it.each([
    // Counter delta 1,000 J; the stream is 10 s at the given power.
    [95, 0.05, true], // |1,000 - 950| / 1,000 = 0.05: the bound itself agrees
    [105, 0.05, true], // |1,000 - 1,050| / 1,000 = 0.05
    [94, 0.06, false], // |1,000 - 940| / 1,000 = 0.06
    [106, 0.06, false], // |1,000 - 1,060| / 1,000 = 0.06
  ])('at %d W over 10 s against 1,000 J the relative error is %d', (watts, error, within) => {
    const check = available(
      crossCheckAccumulator(snapshot({ 0: 0 }), snapshot({ 0: 1_000 }), new Map([['0', flat(0, 10, watts)]])),
    );
    expect(check.relative_error?.value).toBeCloseTo(error, 12);
    expect(check.within_tolerance).toBe(within);
  });

  it('flags a counter that went backwards even when the sums agree', () => {
    // Deltas: GPU 0 +5,000 J, GPU 1 -1,000 J (wrapped), sum 4,000 J; stream 400 W x 10 s + 0 W = 4,000 J.
    const check = available(
      crossCheckAccumulator(
        snapshot({ 0: 1_000_000, 1: 2_000_000 }),
        snapshot({ 0: 1_005_000, 1: 1_999_000 }),
        new Map([
          ['0', flat(0, 10, 400)],
          ['1', flat(0, 10, 0)],
        ]),
      ),
    );
    expect(check.negative_delta_gpus).toEqual(['1']);
    expect(check.per_gpu_delta_j['1']?.value).toBe(-1_000);
    expect(check.accumulator_delta_j.value).toBe(4_000);
    expect(check.integrated_stream_j.value).toBe(4_000);
    expect(check.relative_error?.value).toBe(0);
    expect(check.within_tolerance).toBe(false);
  });

  it('does not count a counter that stood still as going backwards', () => {
    // GPU 1 idled at 0 W and its counter did not move: delta 0 J is not a wrap.
    const check = available(
      crossCheckAccumulator(
        snapshot({ 0: 0, 1: 700 }),
        snapshot({ 0: 5_000, 1: 700 }),
        new Map([
          ['0', flat(0, 10, 500)],
          ['1', flat(0, 10, 0)],
        ]),
      ),
    );
    expect(check.negative_delta_gpus).toEqual([]);
    expect(check.within_tolerance).toBe(true);
  });

  it('has no relative error and no agreement when the counters did not move forward', () => {
    for (const endJ of [1_000_000, 999_000]) {
      const check = available(crossCheckAccumulator(start, snapshot({ 0: endJ }), stream));
      expect(check.relative_error).toBeNull();
      expect(check.within_tolerance).toBe(false);
      expect(check.accumulator_delta_j.value).toBe(endJ - 1_000_000);
    }
  });

  it('compares only GPUs present in both snapshots and lists the others in GPU order', () => {
    const check = available(
      crossCheckAccumulator(
        snapshot({ 0: 1_000, 10: 0, 2: 0, x: 0 }),
        snapshot({ 0: 6_000, b: 0 }),
        new Map([
          ['0', flat(0, 10, 500)],
          // Draws ten times as much, but its end snapshot is missing: counting it would break the agreement.
          ['2', flat(0, 10, 5_000)],
        ]),
      ),
    );
    expect(check.unmatched_gpus).toEqual(['2', '10', 'b', 'x']);
    expect(Object.keys(check.per_gpu_delta_j)).toEqual(['0']);
    expect(check.integrated_gpu_ids).toEqual(['0']);
    expect(check.accumulator_delta_j.value).toBe(5_000);
    expect(check.integrated_stream_j.value).toBe(5_000);
    expect(check.within_tolerance).toBe(true);
  });

  it('counts a matched GPU without stream samples in the delta but not in the integral', () => {
    const check = available(
      crossCheckAccumulator(
        snapshot({ 1: 0, 0: 0 }),
        snapshot({ 0: 5_000, 1: 5_000 }),
        new Map([
          ['0', flat(100, 10, 500)],
          ['1', { times: [], powers: [] }],
        ]),
      ),
    );
    // Delta 5,000 + 5,000 = 10,000 J against 5,000 J sampled: |10,000 - 5,000| / 10,000 = 0.5.
    expect(check.integrated_gpu_ids).toEqual(['0']);
    expect(check.accumulator_delta_j.value).toBe(10_000);
    expect(check.relative_error?.value).toBe(0.5);
    expect(check.within_tolerance).toBe(false);
  });

  it('spans the stream from the earliest first sample to the latest last sample of the integrated GPUs', () => {
    const check = available(
      crossCheckAccumulator(
        snapshot({ 0: 0, 1: 0, 2: 0 }),
        snapshot({ 0: 1, 1: 1, 2: 1 }),
        new Map([
          ['0', flat(100, 10, 1)], // 100..110: the earliest start
          ['1', flat(105, 20, 1)], // 105..125: the latest end
          ['2', flat(102, 10, 1)], // 102..112: neither
          ['3', flat(0, 500, 1)], // not in the snapshots: outside the span
        ]),
      ),
    );
    // 125 - 100 = 25 s.
    expect(check.stream_span_s.value).toBe(25);
    expect(check.integrated_gpu_ids).toEqual(['0', '1', '2']);
  });

  it('has a zero span when no GPU could be integrated', () => {
    const check = available(crossCheckAccumulator(start, end, new Map()));
    expect(check.integrated_gpu_ids).toEqual([]);
    expect(check.integrated_stream_j.value).toBe(0);
    expect(check.stream_span_s.value).toBe(0);
    // |5,000 - 0| / 5,000 = 1.
    expect(check.relative_error?.value).toBe(1);
  });
});
