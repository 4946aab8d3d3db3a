/**
 * The benchmark result's fields that reach the agg JSON, read as the reference's int()/float()
 * read them: concurrency, model, throughputs, and the `*ms` / `tpot` conversions.
 */
import { readTopLevelObject } from './jsonmembers.js';
import { pyJsonFloat } from './pyjson.js';
import { pyFloatOfText, pyIntOfText } from './pyparse.js';
import type { ResultProblem } from './process-result.js';

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A JSON number (Python also reads NaN/Infinity tokens); undefined for any other value. */
function numberOf(raw: string): number | undefined {
  if (raw === 'NaN') return Number.NaN;
  if (raw === 'Infinity') return Infinity;
  if (raw === '-Infinity') return -Infinity;
  return NUMBER_TEXT.test(raw) ? Number(raw) : undefined;
}

/**
 * The value the reference's int()/float() call gives for a bench field: a number as is, a bool as
 * 1/0 (Python's bool is an int), and a string as Python parses it (`"32"`, `" 1e3 "`, `"nan"`).
 * Undefined where Python raises: a string it cannot read, null, a list, an object.
 */
function pyNumberOf(raw: string, kind: 'int' | 'float'): number | undefined {
  if (raw === 'true') return 1;
  if (raw === 'false') return 0;
  if (raw.startsWith('"')) {
    let text: unknown;
    try {
      text = JSON.parse(raw);
    } catch {
      return undefined;
    }
    if (typeof text !== 'string') return undefined;
    return kind === 'int' ? pyIntOfText(text) : pyFloatOfText(text);
  }
  return numberOf(raw);
}

function describe(raw: string): string {
  if (raw.startsWith('"')) {
    const shown = raw.length > 40 ? `${raw.slice(0, 36)}..."` : raw;
    return `the string ${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}`;
  }
  const kind = raw.startsWith('[') ? 'a list' : raw.startsWith('{') ? 'an object' : raw;
  return kind.length > 40 ? `${kind.slice(0, 37)}...` : kind;
}

export interface BenchFields {
  concurrency: number;
  modelId: string;
  totalThroughput: number;
  outputThroughput: number;
  /** Derived keys in bench order: `*ms` keys in seconds, `tpot` keys as interactivity (1000 / tpot). */
  conversions: Array<[string, string]>;
}

export function readBench(text: string, source: string, problems: ResultProblem[]): BenchFields | undefined {
  const parsed = readTopLevelObject(text);
  if (!parsed.ok) {
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    const what = trimmed.startsWith('[')
      ? 'is a JSON list; expected one benchmark result object'
      : `is not a JSON object (${parsed.error})`;
    problems.push({
      subject: source,
      problem: `${what}. Point RESULT_FILENAME at the benchmark client's --save-result output.`,
    });
    return undefined;
  }
  // Python's json keeps the last value of a duplicated key at the first key's position.
  const values = new Map<string, string>();
  for (const member of parsed.members) values.set(member.key, member.valueRaw);
  const before = problems.length;
  const field = (key: string): string | undefined => {
    const raw = values.get(key);
    if (raw === undefined)
      problems.push({
        subject: `${source}: ${key}`,
        problem: 'missing; the benchmark client writes it in every result',
      });
    return raw;
  };
  // Throughputs go through float() in the reference: numeric strings count, "nan"/"inf" would put
  // NaN or Infinity into the per-GPU throughputs, so they are refused as the tokens are.
  const finite = (key: string): number => {
    const raw = field(key);
    if (raw === undefined) return Number.NaN;
    const n = pyNumberOf(raw, 'float');
    if (n === undefined || !Number.isFinite(n)) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe(raw)}; expected a finite number (a number, or a string such as "6000.5" that Python's float() reads)`,
      });
      return Number.NaN;
    }
    return n;
  };

  let concurrency = Number.NaN;
  const concRaw = field('max_concurrency');
  if (concRaw !== undefined) {
    // int() in the reference: "32" and " 32 " are 32; "32.0" is refused by Python too.
    const n = pyNumberOf(concRaw, 'int');
    if (n === undefined || !Number.isSafeInteger(n) || n <= 0)
      problems.push({
        subject: `${source}: max_concurrency`,
        problem: `is ${describe(concRaw)}; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`,
      });
    else concurrency = n;
  }
  let modelId = '';
  const modelRaw = field('model_id');
  if (modelRaw !== undefined) {
    const value: unknown = modelRaw.startsWith('"') ? JSON.parse(modelRaw) : undefined;
    if (typeof value !== 'string' || value === '')
      problems.push({
        subject: `${source}: model_id`,
        problem: `is ${describe(modelRaw)}; expected the model name as a non-empty string`,
      });
    else modelId = value;
  }
  const totalThroughput = finite('total_token_throughput');
  const outputThroughput = finite('output_throughput');

  const conversions: Array<[string, string]> = [];
  for (const [key, raw] of values) {
    const isMs = key.endsWith('ms');
    const isTpot = key.includes('tpot');
    if (!isMs && !isTpot) continue;
    const n = pyNumberOf(raw, 'float');
    if (n === undefined) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe(raw)}; keys ending in "ms" or naming "tpot" must hold a number of milliseconds (or a string Python's float() reads)`,
      });
      continue;
    }
    if (isMs) conversions.push([key.replaceAll('_ms', ''), pyJsonFloat(n / 1000)]);
    if (isTpot) {
      if (n === 0) {
        problems.push({
          subject: `${source}: ${key}`,
          problem: 'is 0; interactivity is 1000 / tpot, so tpot must be non-zero',
        });
        continue;
      }
      conversions.push([key.replaceAll('_ms', '').replaceAll('tpot', 'intvty'), pyJsonFloat(1000 / n)]);
    }
  }
  if (problems.length > before) return undefined;
  return { concurrency, modelId, totalThroughput, outputThroughput, conversions };
}
