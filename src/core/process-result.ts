/**
 * Benchmark result + job environment -> the agg JSON dashboards ingest. Keys, their order and
 * value types follow InferenceX's process_result.py, and values are written as Python's
 * json.dumps(indent=2) writes them, so an existing ETL reads our files unchanged.
 */
import { renderTopLevelObject, type JsonMember } from './jsonmembers.js';
import { pyJsonFloat, pyJsonInt, pyJsonString, pyJsonStringObject } from './pyjson.js';
import { classifyTopology, envFlag, type Topology } from './topology.js';
import { pyIntOfText } from './pyparse.js';
import { readBench } from './bench-fields.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** One configuration problem: the variable or result field, and what was expected. */
export interface ResultProblem {
  subject: string;
  problem: string;
  /** The reference's sentence for this problem, where it has one (scripts look for it). */
  lead?: string;
}

export const MISSING_ENV_LEAD = 'Missing required environment variables';

export const REQUIRED_ENV = [
  'RUNNER_TYPE',
  'FRAMEWORK',
  'PRECISION',
  'SPEC_DECODING',
  'RESULT_FILENAME',
  'ISL',
  'OSL',
  'DISAGG',
  'MODEL_PREFIX',
  'IMAGE',
] as const;

/** Optional component metadata: env variable -> agg key. Each is JSON with exactly name and version. */
export const COMPONENT_METADATA_ENV: ReadonlyArray<readonly [string, string]> = [['ROUTER_METADATA', 'router']];

/**
 * RESULT_FILENAME names a file in the result folder, without `.json`. Anything that could leave
 * the folder (separators, `..`, absolute paths) is refused rather than normalised.
 */
export function checkResultFilename(name: string): string | undefined {
  if (name === '') return 'is empty; expected the benchmark result file name without .json';
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name.includes('\u0000')) {
    return `is "${name.replace(/[\u0000-\u001f]/g, '?')}"; expected a plain file name in the result folder (no path separators, no "..")`;
  }
  return undefined;
}

function componentMetadata(env: Env, variable: string, problems: ResultProblem[]): Array<[string, string]> | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '' || raw === 'null') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({
      subject: variable,
      problem: 'is not valid JSON; expected {"name": "...", "version": "..."}',
      lead: `${variable} must contain valid JSON`,
    });
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push({
      subject: variable,
      problem: 'is not a JSON object; expected exactly {"name": "...", "version": "..."}',
      lead: `${variable} must contain exactly 'name' and 'version'`,
    });
    return undefined;
  }
  const keys = Object.keys(parsed);
  if (keys.length !== 2 || !keys.includes('name') || !keys.includes('version')) {
    problems.push({
      subject: variable,
      problem: `has keys [${keys.join(', ')}]; expected exactly "name" and "version"`,
      lead: `${variable} must contain exactly 'name' and 'version'`,
    });
    return undefined;
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.every(([, v]) => typeof v === 'string' && v !== '')) {
    problems.push({
      subject: variable,
      problem: 'name and version must be non-empty strings',
      lead: `${variable} name and version must be non-empty strings`,
    });
    return undefined;
  }
  return entries as Array<[string, string]>;
}

/** The reference's sentence for a topology problem of `variable`, judged from the environment itself. */
function topologyLead(env: Env, variable: string): string | undefined {
  if (env[variable] === undefined && !variable.endsWith('_HARDWARE')) return MISSING_ENV_LEAD;
  const multinode = envFlag(env.IS_MULTINODE);
  if (variable === 'DISAGG' && !multinode) return 'Disaggregated mode requires multinode setup.';
  if (variable === 'PREFILL_HARDWARE' || variable === 'DECODE_HARDWARE')
    return 'PREFILL_HARDWARE and DECODE_HARDWARE must be specified together.';
  if (multinode && (variable === 'PREFILL_GPUS' || variable === 'DECODE_GPUS')) {
    const prefill = pyIntOfText(env.PREFILL_GPUS ?? '');
    const decode = pyIntOfText(env.DECODE_GPUS ?? '');
    if (prefill !== undefined && decode !== undefined) {
      if (prefill + decode <= 0) return 'Multinode results require at least one GPU.';
      if (prefill <= 0) return 'Multinode results require at least one prefill GPU.';
    }
  }
  return undefined;
}

export interface AggResult {
  /** The agg JSON text, json.dumps(indent=2) layout, no trailing newline (as the reference writes it). */
  text: string;
  topology: Topology;
  resultFilename: string;
}

export type ProcessResultOutcome = { ok: true; agg: AggResult } | { ok: false; problems: ResultProblem[] };

/**
 * Validates the environment and builds the agg JSON. When `benchText` is undefined only the
 * environment is checked (the caller reports why the result could not be read). All problems are
 * returned together; nothing is produced unless there are none.
 */
export function processResult(env: Env, benchSource: string, benchText: string | undefined): ProcessResultOutcome {
  const problems: ResultProblem[] = [];
  for (const name of REQUIRED_ENV) {
    if (env[name] === undefined)
      problems.push({ subject: name, problem: 'missing; it is required for every run', lead: MISSING_ENV_LEAD });
  }
  const resultFilename = env.RESULT_FILENAME ?? '';
  if (env.RESULT_FILENAME !== undefined) {
    const bad = checkResultFilename(resultFilename);
    if (bad) problems.push({ subject: 'RESULT_FILENAME', problem: bad });
  }
  const sequence = (name: 'ISL' | 'OSL'): number => {
    const raw = env[name];
    if (raw === undefined) return Number.NaN;
    // int() in the reference: surrounding whitespace, underscores between digits and any decimal digits count.
    const n = pyIntOfText(raw);
    if (n === undefined || !(n > 0) || !Number.isSafeInteger(n)) {
      problems.push({
        subject: name,
        problem: `is "${raw.slice(0, 40)}"; expected the ${name === 'ISL' ? 'input' : 'output'} sequence length, a positive integer`,
      });
      return Number.NaN;
    }
    return n;
  };
  const isl = sequence('ISL');
  const osl = sequence('OSL');
  const metadata: Array<[string, Array<[string, string]>]> = [];
  for (const [variable, key] of COMPONENT_METADATA_ENV) {
    const entries = componentMetadata(env, variable, problems);
    if (entries) metadata.push([key, entries]);
  }
  const classified = classifyTopology(env);
  if (!classified.ok)
    problems.push(
      ...classified.problems.map((p) => ({
        subject: p.variable,
        problem: p.problem,
        lead: topologyLead(env, p.variable),
      })),
    );

  if (benchText === undefined) return { ok: false, problems };
  const bench = readBench(benchText, benchSource, problems);
  if (problems.length > 0 || !bench || !classified.ok) return { ok: false, problems };

  const topology = classified.topology;
  const members: Array<[string, string]> = [
    ['hw', pyJsonString(env.RUNNER_TYPE as string)],
    ['conc', pyJsonInt(bench.concurrency)],
    ['image', pyJsonString(env.IMAGE as string)],
    ['model', pyJsonString(bench.modelId)],
    ['infmax_model_prefix', pyJsonString(env.MODEL_PREFIX as string)],
    ['framework', pyJsonString(env.FRAMEWORK as string)],
    ['precision', pyJsonString(env.PRECISION as string)],
    ['spec_decoding', pyJsonString(env.SPEC_DECODING as string)],
    // The topology decides: a multinode run without a decode pool is aggregated whatever DISAGG says.
    ['disagg', String(topology.disagg)],
    ['recipe_fingerprint', pyJsonString(env.RECIPE_FINGERPRINT ?? '')],
    ['isl', pyJsonInt(isl)],
    ['osl', pyJsonInt(osl)],
  ];
  for (const [key, entries] of metadata) members.push([key, pyJsonStringObject(entries, 1)]);
  if (env.KV_P2P_TRANSFER) members.push(['kv_p2p_transfer', pyJsonString(env.KV_P2P_TRANSFER)]);

  const inputThroughput = bench.totalThroughput - bench.outputThroughput;
  if (topology.kind === 'single-node') {
    const gpus = topology.gpuCount;
    members.push(
      ['is_multinode', 'false'],
      ['tp', pyJsonInt(topology.tp)],
      ['pp', pyJsonInt(topology.pp)],
      ['dcp_size', pyJsonInt(topology.dcpSize)],
      ['pcp_size', pyJsonInt(topology.pcpSize)],
      ['ep', pyJsonInt(topology.ep)],
      ['dp_attention', pyJsonString(topology.dpAttention)],
      ['tput_per_gpu', pyJsonFloat(bench.totalThroughput / gpus)],
      ['output_tput_per_gpu', pyJsonFloat(bench.outputThroughput / gpus)],
      ['input_tput_per_gpu', pyJsonFloat(inputThroughput / gpus)],
    );
  } else {
    const { prefill, decode } = topology;
    // Output tokens come from the decode pool when there is one; an aggregated pool makes them all.
    const outputGpus = decode.gpus > 0 ? decode.gpus : topology.totalGpus;
    members.push(
      ['is_multinode', 'true'],
      ['prefill_tp', pyJsonInt(prefill.tp)],
      ['prefill_pp', pyJsonInt(prefill.pp)],
      ['prefill_dcp_size', pyJsonInt(prefill.dcpSize)],
      ['prefill_pcp_size', pyJsonInt(prefill.pcpSize)],
      ['prefill_ep', pyJsonInt(prefill.ep)],
      ['prefill_dp_attention', pyJsonString(prefill.dpAttention)],
      ['prefill_num_workers', pyJsonInt(prefill.numWorkers)],
      ['decode_tp', pyJsonInt(decode.tp)],
      ['decode_pp', pyJsonInt(decode.pp)],
      ['decode_dcp_size', pyJsonInt(decode.dcpSize)],
      ['decode_pcp_size', pyJsonInt(decode.pcpSize)],
      ['decode_ep', pyJsonInt(decode.ep)],
      ['decode_dp_attention', pyJsonString(decode.dpAttention)],
      ['decode_num_workers', pyJsonInt(decode.numWorkers)],
      ['num_prefill_gpu', pyJsonInt(prefill.gpus)],
      ['num_decode_gpu', pyJsonInt(decode.gpus)],
      ['tput_per_gpu', pyJsonFloat(bench.totalThroughput / topology.totalGpus)],
      ['output_tput_per_gpu', pyJsonFloat(bench.outputThroughput / outputGpus)],
      ['input_tput_per_gpu', pyJsonFloat(inputThroughput / prefill.gpus)],
    );
    if (topology.prefillHardware !== undefined) {
      members.push(
        ['prefill_hw', pyJsonString(topology.prefillHardware)],
        ['decode_hw', pyJsonString(topology.decodeHardware as string)],
      );
    }
  }

  // Assigning an existing key keeps its position, as a Python dict does.
  const ordered = new Map<string, string>(members);
  for (const [key, value] of bench.conversions) ordered.set(key, value);
  const rendered: JsonMember[] = [...ordered].map(([key, valueRaw]) => ({ key, keyRaw: pyJsonString(key), valueRaw }));
  return { ok: true, agg: { text: renderTopLevelObject(rendered), topology, resultFilename } };
}
