import { describe, expect, it } from 'vitest';
import { classifyTopology, envFlag, topologyGpuCount, type Topology } from '../../src/core/topology.js';

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

  it('reads only "true" in any case as true', () => {
    expect(['true', 'TRUE', 'True'].map(envFlag)).toEqual([true, true, true]);
    expect(['1', 'yes', ' true', '', undefined].map(envFlag)).toEqual([false, false, false, false, false]);
  });
});
