import { describe, expect, it } from 'vitest';
import { classifyTopology, envFlag, multinodeKind, topologyGpuCount, type Topology } from '../../src/core/topology.js';

const PREFILL = {
  PREFILL_GPUS: '8',
  PREFILL_NUM_WORKERS: '2',
  PREFILL_TP: '4',
  PREFILL_EP: '4',
  PREFILL_DP_ATTN: 'true',
};
const DECODE = { DECODE_GPUS: '16', DECODE_NUM_WORKERS: '1', DECODE_TP: '16', DECODE_EP: '16', DECODE_DP_ATTN: 'true' };

function ok(env: Record<string, string>): Topology {
  const result = classifyTopology(env);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.topology;
}

function problems(env: Record<string, string>): string[] {
  const result = classifyTopology(env);
  if (result.ok) throw new Error(`expected problems, got ${result.topology.kind}`);
  return result.problems.map((p) => p.variable);
}

describe('classifyTopology', () => {
  it.each([
    ['IS_MULTINODE unset', { TP: '8', EP_SIZE: '1', DP_ATTENTION: 'false' }, 'single-node', 8],
    [
      'IS_MULTINODE=false with PP 2 and PCP 2 (DCP is not a GPU factor)',
      {
        IS_MULTINODE: 'false',
        TP: '4',
        PP_SIZE: '2',
        PCP_SIZE: '2',
        DCP_SIZE: '4',
        EP_SIZE: '1',
        DP_ATTENTION: 'false',
      },
      'single-node',
      16,
    ],
    [
      'IS_MULTINODE=1 is not true',
      { IS_MULTINODE: '1', TP: '2', EP_SIZE: '1', DP_ATTENTION: 'false' },
      'single-node',
      2,
    ],
    ['decode pool present', { IS_MULTINODE: 'TRUE', ...PREFILL, ...DECODE }, 'multinode-disagg', 24],
    [
      'no decode pool, DECODE_* given',
      { IS_MULTINODE: 'true', ...PREFILL, ...DECODE, DECODE_GPUS: '0' },
      'multinode-agg',
      8,
    ],
    ['no decode pool, DECODE_* absent', { IS_MULTINODE: 'true', ...PREFILL, DECODE_GPUS: '0' }, 'multinode-agg', 8],
  ] as const)('%s -> %s with %i GPUs', (_name, env, kind, gpus) => {
    const topology = ok(env);
    expect(topology.kind).toBe(kind);
    expect(topologyGpuCount(topology)).toBe(gpus);
  });

  it('calls a run without decode GPUs aggregated even when DISAGG says true', () => {
    const topology = ok({ IS_MULTINODE: 'true', DISAGG: 'true', ...PREFILL, DECODE_GPUS: '0' });
    expect(topology.disagg).toBe(false);
    if (topology.kind === 'single-node') throw new Error('unreachable');
    // Absent DECODE_* default to what the agg JSON records for a missing pool.
    expect(topology.decode).toEqual({
      gpus: 0,
      numWorkers: 0,
      tp: 0,
      pp: 1,
      dcpSize: 1,
      pcpSize: 1,
      ep: 0,
      dpAttention: '',
    });
  });

  it('keeps given decode workers and dp-attention in an aggregated run, but zeroes tp and ep', () => {
    const topology = ok({
      IS_MULTINODE: 'true',
      ...PREFILL,
      ...DECODE,
      DECODE_GPUS: '0',
      DECODE_NUM_WORKERS: '0',
      DECODE_PP_SIZE: '2',
    });
    if (topology.kind === 'single-node') throw new Error('unreachable');
    expect(topology.decode).toEqual({
      gpus: 0,
      numWorkers: 0,
      tp: 0,
      pp: 1,
      dcpSize: 1,
      pcpSize: 1,
      ep: 0,
      dpAttention: 'true',
    });
  });

  it('requires every PREFILL_* in an aggregated run and names each one', () => {
    expect(problems({ IS_MULTINODE: 'true', DECODE_GPUS: '0', PREFILL_GPUS: '8', PREFILL_EP: '1' })).toEqual([
      'PREFILL_NUM_WORKERS',
      'PREFILL_TP',
      'PREFILL_DP_ATTN',
    ]);
  });

  it('requires every DECODE_* in a disaggregated run', () => {
    expect(problems({ IS_MULTINODE: 'true', ...PREFILL, DECODE_GPUS: '4' })).toEqual([
      'DECODE_NUM_WORKERS',
      'DECODE_TP',
      'DECODE_EP',
      'DECODE_DP_ATTN',
    ]);
  });

  it.each([
    ['PREFILL_GPUS=0', { PREFILL_GPUS: '0' }, 'PREFILL_GPUS', '>= 1'],
    ['a fractional GPU count', { DECODE_GPUS: '2.5' }, 'DECODE_GPUS', '"2.5"'],
    ['a negative decode count', { DECODE_GPUS: '-4' }, 'DECODE_GPUS', '>= 0'],
    ['a zero pipeline size', { PREFILL_PP_SIZE: '0' }, 'PREFILL_PP_SIZE', '>= 1'],
    ['a non-numeric DCP size', { DECODE_DCP_SIZE: 'two' }, 'DECODE_DCP_SIZE', '"two"'],
    ['PREFILL_HARDWARE alone', { PREFILL_HARDWARE: 'gb200' }, 'DECODE_HARDWARE', 'PREFILL_HARDWARE is set'],
    ['DECODE_HARDWARE alone', { DECODE_HARDWARE: 'gb300' }, 'PREFILL_HARDWARE', 'DECODE_HARDWARE is set'],
  ] as const)('rejects %s', (_name, change, variable, text) => {
    const result = classifyTopology({ IS_MULTINODE: 'true', ...PREFILL, ...DECODE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.variable === variable);
    expect(problem?.problem).toContain(text);
  });

  it('rejects DISAGG=true on a single node', () => {
    expect(problems({ DISAGG: 'True', TP: '8', EP_SIZE: '1', DP_ATTENTION: 'false' })).toEqual(['DISAGG']);
  });

  it('lists all single-node problems at once', () => {
    expect(problems({ TP: '0', PCP_SIZE: '-1' })).toEqual(['TP', 'EP_SIZE', 'DP_ATTENTION', 'PCP_SIZE']);
  });

  it('records hardware only when both pools name it', () => {
    const topology = ok({
      IS_MULTINODE: 'true',
      ...PREFILL,
      ...DECODE,
      PREFILL_HARDWARE: 'gb200',
      DECODE_HARDWARE: 'h100',
    });
    expect(topology).toMatchObject({ prefillHardware: 'gb200', decodeHardware: 'h100' });
    expect(ok({ IS_MULTINODE: 'true', ...PREFILL, ...DECODE })).not.toHaveProperty('prefillHardware');
  });

  it('records a single node with DCP outside the GPU count', () => {
    const topology = ok({ TP: '4', EP_SIZE: '2', DP_ATTENTION: 'true', PP_SIZE: '2', DCP_SIZE: '8', PCP_SIZE: '3' });
    expect(topology).toEqual({
      kind: 'single-node',
      disagg: false,
      tp: 4,
      pp: 2,
      dcpSize: 8,
      pcpSize: 3,
      ep: 2,
      dpAttention: 'true',
      gpuCount: 24,
    });
  });

  it('says what the single-node flag and context-parallel sizes should be', () => {
    const result = classifyTopology({ TP: '8', EP_SIZE: '1', DCP_SIZE: '0', PCP_SIZE: '0' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { variable: 'DP_ATTENTION', problem: 'missing; expected the data-parallel attention flag (true/false)' },
        {
          variable: 'DCP_SIZE',
          problem: 'is 0; expected the decode-context-parallel size (default 1), an integer >= 1',
        },
        {
          variable: 'PCP_SIZE',
          problem: 'is 0; expected the prefill-context-parallel size (default 1), an integer >= 1',
        },
      ],
    });
  });

  it('tells a single-node DISAGG=true run how to fix it', () => {
    const result = classifyTopology({ DISAGG: 'true', TP: '8', EP_SIZE: '1', DP_ATTENTION: 'false' });
    expect(result.ok ? '' : result.problems[0]?.problem).toContain(
      'set IS_MULTINODE=true with PREFILL_*/DECODE_*, or DISAGG=false',
    );
  });

  it('reads signed and space-padded integers the way the reference does', () => {
    const topology = ok({ TP: ' 8 ', EP_SIZE: '+0', DP_ATTENTION: 'false', PP_SIZE: '1', PCP_SIZE: '+2' });
    expect(topology).toMatchObject({ tp: 8, ep: 0, pp: 1, pcpSize: 2, gpuCount: 16 });
  });

  it('accepts each minimum itself: TP 1 and expert parallelism 0', () => {
    expect(ok({ TP: '1', EP_SIZE: '0', DP_ATTENTION: 'false' })).toMatchObject({ tp: 1, ep: 0, gpuCount: 1 });
  });

  it('reads -0 as 0', () => {
    const topology = ok({ TP: '1', EP_SIZE: '-0', DP_ATTENTION: 'false' });
    if (topology.kind !== 'single-node') throw new Error('unreachable');
    expect(Object.is(topology.ep, 0)).toBe(true);
  });

  // Number() alone would take each of these as a whole number.
  it.each(['8.0', '1e3', '0x10', '', ' ', '99999999999999999999'])('rejects TP=%j as not an integer', (tp) => {
    const result = classifyTopology({ TP: tp, EP_SIZE: '1', DP_ATTENTION: 'false' });
    expect(result).toEqual({
      ok: false,
      problems: [{ variable: 'TP', problem: `is "${tp}"; expected the tensor-parallel size, an integer >= 1` }],
    });
  });

  it('says what each missing, malformed or too small variable should be', () => {
    const result = classifyTopology({ TP: '0', DP_ATTENTION: 'false', PP_SIZE: 'two' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { variable: 'TP', problem: 'is 0; expected the tensor-parallel size, an integer >= 1' },
        { variable: 'EP_SIZE', problem: 'missing; expected the expert-parallel size, an integer >= 0' },
        {
          variable: 'PP_SIZE',
          problem: 'is "two"; expected the pipeline-parallel size (default 1), an integer >= 1',
        },
      ],
    });
  });

  it('names the pool and the quantity of every missing multinode variable', () => {
    const result = classifyTopology({ IS_MULTINODE: 'true', PREFILL_GPUS: '8', DECODE_GPUS: '8' });
    if (result.ok) throw new Error('expected problems');
    const byVariable = Object.fromEntries(result.problems.map((p) => [p.variable, p.problem]));
    expect(byVariable).toEqual({
      PREFILL_NUM_WORKERS: 'missing; expected the number of prefill workers, an integer >= 1',
      PREFILL_TP: "missing; expected the prefill workers' tensor-parallel size, an integer >= 1",
      PREFILL_EP: "missing; expected the prefill workers' expert-parallel size, an integer >= 0",
      PREFILL_DP_ATTN: "missing; expected the prefill workers' data-parallel attention flag (true/false)",
      DECODE_NUM_WORKERS: 'missing; expected the number of decode workers, an integer >= 1',
      DECODE_TP: "missing; expected the decode workers' tensor-parallel size, an integer >= 1",
      DECODE_EP: "missing; expected the decode workers' expert-parallel size, an integer >= 0",
      DECODE_DP_ATTN: "missing; expected the decode workers' data-parallel attention flag (true/false)",
    });
  });

  it('names the multinode GPU counts and parallel sizes when they are wrong', () => {
    const result = classifyTopology({
      IS_MULTINODE: 'true',
      ...PREFILL,
      ...DECODE,
      PREFILL_PP_SIZE: '0',
      PREFILL_DCP_SIZE: '0',
      PREFILL_PCP_SIZE: '0',
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => p.problem)).toEqual([
      'is 0; expected the prefill pipeline-parallel size (default 1), an integer >= 1',
      'is 0; expected the prefill decode-context-parallel size (default 1), an integer >= 1',
      'is 0; expected the prefill prefill-context-parallel size (default 1), an integer >= 1',
    ]);
    expect(problems({ IS_MULTINODE: 'true' })).toContain('PREFILL_GPUS');
    const missing = classifyTopology({ IS_MULTINODE: 'true' });
    expect(missing.ok ? [] : missing.problems.slice(0, 2)).toEqual([
      {
        variable: 'PREFILL_GPUS',
        problem: 'missing; expected the number of prefill GPUs (all GPUs in an aggregated run), an integer >= 1',
      },
      {
        variable: 'DECODE_GPUS',
        problem: 'missing; expected the number of decode GPUs (0 for an aggregated run), an integer >= 0',
      },
    ]);
  });

  it('still checks the DECODE_* that an aggregated run gives', () => {
    const result = classifyTopology({
      IS_MULTINODE: 'true',
      ...PREFILL,
      DECODE_GPUS: '0',
      DECODE_TP: '-1',
      DECODE_EP: 'x',
      DECODE_PP_SIZE: '0',
      DECODE_DCP_SIZE: '0',
      DECODE_PCP_SIZE: '0',
      DECODE_NUM_WORKERS: '-2',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { variable: 'DECODE_TP', problem: "is -1; expected the decode workers' tensor-parallel size, an integer >= 0" },
        {
          variable: 'DECODE_EP',
          problem: 'is "x"; expected the decode workers\' expert-parallel size, an integer >= 0',
        },
        { variable: 'DECODE_PP_SIZE', problem: 'is 0; expected the decode PP size (default 1), an integer >= 1' },
        { variable: 'DECODE_DCP_SIZE', problem: 'is 0; expected the decode DCP size (default 1), an integer >= 1' },
        { variable: 'DECODE_PCP_SIZE', problem: 'is 0; expected the decode PCP size (default 1), an integer >= 1' },
        {
          variable: 'DECODE_NUM_WORKERS',
          problem: 'is -2; expected the number of decode workers (0 in an aggregated run), an integer >= 0',
        },
      ],
    });
  });

  it('accepts a zero decode TP and EP in an aggregated run', () => {
    const topology = ok({ IS_MULTINODE: 'true', ...PREFILL, DECODE_GPUS: '0', DECODE_TP: '0', DECODE_EP: '0' });
    expect(topology).toMatchObject({ kind: 'multinode-agg', decode: { tp: 0, ep: 0 } });
  });

  it('requires every DECODE_* when DECODE_GPUS is unreadable, since it cannot tell the kind', () => {
    expect(problems({ IS_MULTINODE: 'true', ...PREFILL, DECODE_GPUS: 'x' })).toEqual([
      'DECODE_GPUS',
      'DECODE_NUM_WORKERS',
      'DECODE_TP',
      'DECODE_EP',
      'DECODE_DP_ATTN',
    ]);
  });

  it('records both pools of a disaggregated run', () => {
    const topology = ok({ IS_MULTINODE: 'true', ...PREFILL, ...DECODE, DECODE_PP_SIZE: '2' });
    expect(topology).toEqual({
      kind: 'multinode-disagg',
      disagg: true,
      prefill: { gpus: 8, numWorkers: 2, tp: 4, pp: 1, dcpSize: 1, pcpSize: 1, ep: 4, dpAttention: 'true' },
      decode: { gpus: 16, numWorkers: 1, tp: 16, pp: 2, dcpSize: 1, pcpSize: 1, ep: 16, dpAttention: 'true' },
      totalGpus: 24,
    });
  });

  it('shows a hostile value clipped, with control characters replaced', () => {
    const long = 'x'.repeat(50);
    const clipped = classifyTopology({ TP: long, EP_SIZE: 'a\u001b[31mb\u007f', DP_ATTENTION: 'false' });
    if (clipped.ok) throw new Error('expected problems');
    expect(clipped.problems.map((p) => p.problem)).toEqual([
      `is "${'x'.repeat(37)}..."; expected the tensor-parallel size, an integer >= 1`,
      'is "a?[31mb?"; expected the expert-parallel size, an integer >= 0',
    ]);
    // 40 characters are shown whole.
    const forty = 'y'.repeat(40);
    const whole = classifyTopology({ TP: forty, EP_SIZE: '0', DP_ATTENTION: 'false' });
    expect(whole.ok ? '' : whole.problems[0]?.problem).toBe(
      `is "${forty}"; expected the tensor-parallel size, an integer >= 1`,
    );
  });

  it('words the hardware problem for the variable that is missing', () => {
    const result = classifyTopology({ IS_MULTINODE: 'true', ...PREFILL, ...DECODE, DECODE_HARDWARE: 'gb300' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          variable: 'PREFILL_HARDWARE',
          problem:
            'missing while DECODE_HARDWARE is set; expected both hardware names (heterogeneous deployment) or neither',
        },
      ],
    });
  });

  it('calls a split with decode GPUs disaggregated and one without aggregated', () => {
    expect([multinodeKind(4), multinodeKind(0)]).toEqual(['multinode-disagg', 'multinode-agg']);
  });

  it('reads only "true" in any case as true', () => {
    expect(['true', 'TRUE', 'True'].map(envFlag)).toEqual([true, true, true]);
    expect(['1', 'yes', ' true', '', undefined].map(envFlag)).toEqual([false, false, false, false, false]);
  });
});
