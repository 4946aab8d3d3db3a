/**
 * Topology of a benchmark job from its environment: single node, multinode disaggregated
 * (separate prefill and decode pools) or multinode aggregated (one pool serving both phases).
 * The GPU counts decide, not the DISAGG flag: a run with no decode GPUs is aggregated.
 */

export type TopologyKind = 'single-node' | 'multinode-disagg' | 'multinode-agg';

/** One missing or invalid variable and what was expected instead. */
export interface EnvProblem {
  variable: string;
  problem: string;
}

export interface SingleNodeTopology {
  kind: 'single-node';
  disagg: false;
  tp: number;
  pp: number;
  dcpSize: number;
  pcpSize: number;
  ep: number;
  dpAttention: string;
  /** TP x PP x PCP: the GPUs of the node, the expected count for power aggregation. */
  gpuCount: number;
}

/** One worker pool as written to the agg JSON. */
export interface WorkerPool {
  gpus: number;
  numWorkers: number;
  tp: number;
  pp: number;
  dcpSize: number;
  pcpSize: number;
  ep: number;
  dpAttention: string;
}

export interface MultinodeTopology {
  kind: 'multinode-disagg' | 'multinode-agg';
  disagg: boolean;
  prefill: WorkerPool;
  /** In an aggregated run: tp/ep 0, pp/dcp/pcp 1, workers and dp-attention as given or 0 / "". */
  decode: WorkerPool;
  totalGpus: number;
  prefillHardware?: string;
  decodeHardware?: string;
}

export type Topology = SingleNodeTopology | MultinodeTopology;

export type TopologyResult = { ok: true; topology: Topology } | { ok: false; problems: EnvProblem[] };

/** Only `true`, in any case, is true; the reference reads these flags the same way. */
export function envFlag(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

class EnvReader {
  readonly problems: EnvProblem[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** A variable that may be absent: absent reads as empty. */
  optionalText(name: string): string {
    return this.env[name] ?? '';
  }

  text(name: string, what: string): string {
    const value = this.env[name];
    if (value === undefined) {
      this.problems.push({ variable: name, problem: `missing; expected ${what}` });
      // Stryker disable next-line StringLiteral: a recorded problem fails the whole result, so this value is never read
      return '';
    }
    return value;
  }

  /** An integer >= minimum; absent uses `fallback` when one is given, else it is a problem. */
  integer(name: string, minimum: number, what: string, fallback?: number): number {
    const raw = this.env[name];
    const expected = `${what}, an integer >= ${minimum}`;
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      this.problems.push({ variable: name, problem: `missing; expected ${expected}` });
      return Number.NaN;
    }
    if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
      this.problems.push({ variable: name, problem: `is "${clip(raw)}"; expected ${expected}` });
      return Number.NaN;
    }
    const value = Number(raw);
    if (value < minimum) {
      this.problems.push({ variable: name, problem: `is ${value}; expected ${expected}` });
      return Number.NaN;
    }
    return value === 0 ? 0 : value;
  }
}

function clip(text: string): string {
  const shown = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

function pool(env: EnvReader, role: 'PREFILL' | 'DECODE', gpus: number): WorkerPool {
  const name = role.toLowerCase();
  return {
    gpus,
    numWorkers: env.integer(`${role}_NUM_WORKERS`, 1, `the number of ${name} workers`),
    tp: env.integer(`${role}_TP`, 1, `the ${name} workers' tensor-parallel size`),
    pp: env.integer(`${role}_PP_SIZE`, 1, `the ${name} pipeline-parallel size (default 1)`, 1),
    dcpSize: env.integer(`${role}_DCP_SIZE`, 1, `the ${name} decode-context-parallel size (default 1)`, 1),
    pcpSize: env.integer(`${role}_PCP_SIZE`, 1, `the ${name} prefill-context-parallel size (default 1)`, 1),
    ep: env.integer(`${role}_EP`, 0, `the ${name} workers' expert-parallel size`),
    dpAttention: env.text(`${role}_DP_ATTN`, `the ${name} workers' data-parallel attention flag (true/false)`),
  };
}

/** Decode pool of an aggregated run: the variables may be absent, and present ones must still be valid. */
function absentDecodePool(env: EnvReader): WorkerPool {
  env.integer('DECODE_TP', 0, "the decode workers' tensor-parallel size", 0);
  env.integer('DECODE_EP', 0, "the decode workers' expert-parallel size", 0);
  for (const size of ['PP_SIZE', 'DCP_SIZE', 'PCP_SIZE'])
    env.integer(`DECODE_${size}`, 1, `the decode ${size.replace('_SIZE', '')} size (default 1)`, 1);
  return {
    gpus: 0,
    numWorkers: env.integer('DECODE_NUM_WORKERS', 0, 'the number of decode workers (0 in an aggregated run)', 0),
    tp: 0,
    pp: 1,
    dcpSize: 1,
    pcpSize: 1,
    ep: 0,
    dpAttention: env.optionalText('DECODE_DP_ATTN'),
  };
}

/**
 * Classifies the run and reads its parallelism, reporting every missing or invalid variable at
 * once. Multinode: DECODE_GPUS > 0 is disaggregated (all PREFILL_* and DECODE_* required),
 * DECODE_GPUS == 0 is aggregated (DECODE_* optional; PREFILL_* still required).
 */
export function classifyTopology(envMap: Readonly<Record<string, string | undefined>>): TopologyResult {
  const env = new EnvReader(envMap);
  const hardware = { prefill: envMap.PREFILL_HARDWARE ?? '', decode: envMap.DECODE_HARDWARE ?? '' };
  if ((hardware.prefill === '') !== (hardware.decode === '')) {
    const [set, unset] =
      hardware.prefill === '' ? ['DECODE_HARDWARE', 'PREFILL_HARDWARE'] : ['PREFILL_HARDWARE', 'DECODE_HARDWARE'];
    env.problems.push({
      variable: unset,
      problem: `missing while ${set} is set; expected both hardware names (heterogeneous deployment) or neither`,
    });
  }

  if (!envFlag(envMap.IS_MULTINODE)) {
    if (envFlag(envMap.DISAGG)) {
      env.problems.push({
        variable: 'DISAGG',
        problem:
          'is true but IS_MULTINODE is not; a disaggregated run needs separate prefill and decode nodes (set IS_MULTINODE=true with PREFILL_*/DECODE_*, or DISAGG=false)',
      });
    }
    const tp = env.integer('TP', 1, 'the tensor-parallel size');
    const ep = env.integer('EP_SIZE', 0, 'the expert-parallel size');
    const dpAttention = env.text('DP_ATTENTION', 'the data-parallel attention flag (true/false)');
    const pp = env.integer('PP_SIZE', 1, 'the pipeline-parallel size (default 1)', 1);
    const dcpSize = env.integer('DCP_SIZE', 1, 'the decode-context-parallel size (default 1)', 1);
    const pcpSize = env.integer('PCP_SIZE', 1, 'the prefill-context-parallel size (default 1)', 1);
    if (env.problems.length > 0) return { ok: false, problems: env.problems };
    return {
      ok: true,
      topology: {
        kind: 'single-node',
        disagg: false,
        tp,
        pp,
        dcpSize,
        pcpSize,
        ep,
        dpAttention,
        gpuCount: tp * pp * pcpSize,
      },
    };
  }

  const prefillGpus = env.integer('PREFILL_GPUS', 1, 'the number of prefill GPUs (all GPUs in an aggregated run)');
  const decodeGpus = env.integer('DECODE_GPUS', 0, 'the number of decode GPUs (0 for an aggregated run)');
  const prefill = pool(env, 'PREFILL', prefillGpus);
  // An unreadable DECODE_GPUS cannot tell which DECODE_* are required; treat it as disaggregated so every gap shows.
  const aggregated = multinodeKind(decodeGpus) === 'multinode-agg';
  const decode = aggregated ? absentDecodePool(env) : pool(env, 'DECODE', decodeGpus);
  if (env.problems.length > 0) return { ok: false, problems: env.problems };
  const topology: MultinodeTopology = {
    kind: aggregated ? 'multinode-agg' : 'multinode-disagg',
    disagg: !aggregated,
    prefill,
    decode,
    totalGpus: prefillGpus + decodeGpus,
  };
  if (hardware.prefill !== '') {
    topology.prefillHardware = hardware.prefill;
    topology.decodeHardware = hardware.decode;
  }
  return { ok: true, topology };
}

/** The multinode kind of a GPU split: no decode GPUs is one aggregated pool serving both phases. */
export function multinodeKind(decodeGpus: number): 'multinode-disagg' | 'multinode-agg' {
  return decodeGpus === 0 ? 'multinode-agg' : 'multinode-disagg';
}

/** GPUs whose power is expected in the telemetry. */
export function topologyGpuCount(topology: Topology): number {
  return topology.kind === 'single-node' ? topology.gpuCount : topology.totalGpus;
}
