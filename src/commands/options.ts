import { safeUrl } from '../core/report/escape.js';
import { DEFAULT_MAX_SAMPLE_GAP_S } from '../core/power.js';

/**
 * Option schemas: each mode declares its options once (name, type, default, environment fallback,
 * check). The CLI and the action collect raw strings under these names and word the problems in their
 * own vocabulary (`--name` or input `name`); nothing here names a flag or an input.
 */

/** Raw values by option name; `undefined` when not given. */
export type RawOptions = Record<string, string | undefined>;

export type OptionValue = string | number | boolean | undefined;

export interface OptionKind {
  /** What a valid value is, worded to follow "expected" / "must be". */
  expected: string;
  /** Returns the parsed value, or undefined when the text is not one. */
  parse: (text: string) => string | number | boolean | undefined;
  boolean?: true;
}

/** The one boolean reading: true|yes|1 and false|no|0, in any case. */
export function parseBoolean(text: string | undefined): boolean | undefined {
  const value = (text ?? '').trim().toLowerCase();
  if (value === 'true' || value === 'yes' || value === '1') return true;
  if (value === 'false' || value === 'no' || value === '0') return false;
  return undefined;
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  // Beyond 2^53 the value is not exact (and 400 digits is Infinity): not a count anyone meant.
  return (text: string): number | undefined => {
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) return undefined;
    const n = Number(trimmed);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  };
}

export const KINDS = {
  string: { expected: 'a value', parse: (text: string) => text },
  boolean: { expected: 'true or false (also yes/no, 1/0)', parse: parseBoolean, boolean: true },
  integer: { expected: 'an integer', parse: integer(Number.MIN_SAFE_INTEGER) },
  count: { expected: 'a non-negative integer', parse: integer(0) },
  positiveInteger: { expected: 'a positive integer', parse: integer(1) },
  // A number at all: zero or negative is the reference's audit record (invalid_max_sample_gap), not a usage error.
  seconds: {
    expected: 'a number of seconds',
    parse: (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined),
  },
  url: { expected: 'an http(s) URL', parse: (text: string) => (safeUrl(text) ? text : undefined) },
  runId: { expected: 'a workflow run id (digits)', parse: (text: string) => (/^\d+$/.test(text) ? text : undefined) },
  repo: { expected: 'owner/name', parse: (text: string) => (/^[\w.-]+\/[\w.-]+$/.test(text) ? text : undefined) },
} satisfies Record<string, OptionKind>;

export interface OptionSpec {
  /** kebab-case: the CLI flag without `--` and the action input. */
  name: string;
  kind: OptionKind;
  /** One line for the help text and the documentation. */
  help: string;
  /** Placeholder in the help text, e.g. FILE or N. */
  placeholder?: string;
  /** Required; the text says what the value is, for the problem message. */
  required?: string;
  /** The default as given (it goes through the same check) and as action.yml declares it. */
  default?: string;
  /** action.yml's default when it is an expression the runner fills in (e.g. `${{ github.token }}`). */
  actionDefault?: string;
  /** Environment variable read when the option is not given. */
  env?: string;
  /** An empty value is a value (e.g. an empty label list), not "not given". */
  emptyIsValue?: true;
  /** Only one entry point takes it (e.g. the CLI's --out, the action's token). */
  only?: 'cli' | 'action';
}

/** One problem with the given options, named by option; the entry points word it. */
export type OptionProblem =
  | { kind: 'missing'; option: string; what: string }
  | { kind: 'invalid'; option: string; value: string; expected: string; env?: string }
  | { kind: 'conflict'; options: [string, string] }
  | { kind: 'missing-one-of'; options: [string, string]; what: string }
  | { kind: 'unused'; option: string; mode: string };

export interface ModeSchema<T> {
  mode: string;
  /** One paragraph for the help text. */
  summary: string;
  options: OptionSpec[];
  /** Problems among several options (conflicts, one-of). */
  check?: (values: Record<string, OptionValue>) => OptionProblem[];
  /** Typed options from the checked values. */
  build: (values: Record<string, OptionValue>) => T;
}

export type Parsed<T> = { ok: true; options: T } | { ok: false; problems: OptionProblem[] };

/** The options one entry point takes from a schema. */
export function optionsFor(schema: ModeSchema<unknown>, entry: 'cli' | 'action'): OptionSpec[] {
  return schema.options.filter((o) => o.only === undefined || o.only === entry);
}

/** Checks raw strings against a mode's schema: typed options, or every problem at once. */
export function parseOptions<T>(
  schema: ModeSchema<T>,
  raw: RawOptions,
  env: NodeJS.ProcessEnv,
  entry: 'cli' | 'action',
): Parsed<T> {
  const problems: OptionProblem[] = [];
  const values: Record<string, OptionValue> = {};
  for (const spec of optionsFor(schema, entry)) {
    const given = raw[spec.name];
    let text =
      given === undefined || (given.trim() === '' && !spec.emptyIsValue)
        ? undefined
        : spec.emptyIsValue
          ? given
          : given.trim();
    let fromEnv: string | undefined;
    if (text === undefined && spec.env !== undefined && (env[spec.env] ?? '').trim() !== '') {
      fromEnv = spec.env;
      text = (env[spec.env] as string).trim();
    }
    if (text === undefined && spec.required !== undefined) {
      problems.push({ kind: 'missing', option: spec.name, what: spec.required });
      continue;
    }
    if (text === undefined) text = spec.default;
    if (text === undefined) continue;
    const value = spec.kind.parse(text);
    if (value === undefined)
      problems.push({
        kind: 'invalid',
        option: spec.name,
        value: text,
        expected: spec.kind.expected,
        ...(fromEnv ? { env: fromEnv } : {}),
      });
    else values[spec.name] = value;
  }
  if (problems.length === 0 && schema.check) problems.push(...schema.check(values));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options: schema.build(values) };
}

/** Typed getters for `build`: the values were checked against their kind. */
export const str = (values: Record<string, OptionValue>, name: string): string | undefined =>
  values[name] as string | undefined;
export const num = (values: Record<string, OptionValue>, name: string): number | undefined =>
  values[name] as number | undefined;
export const bool = (values: Record<string, OptionValue>, name: string): boolean => values[name] === true;

/** Values longer than this are shortened in problem messages. */
const SHOWN = 40;
export const shown = (value: string): string => (value.length > SHOWN ? `${value.slice(0, SHOWN - 3)}...` : value);

/** Options several modes take, declared once. */
export const AGG_INSIGHTS: OptionSpec = {
  name: 'agg-insights',
  kind: KINDS.boolean,
  default: 'false',
  help: 'also write the main energy-insight figures into the agg JSON as insights_* keys (valid runs only)',
};
export const REQUIRE_POWER: OptionSpec = {
  name: 'require-power',
  kind: KINDS.boolean,
  env: 'REQUIRE_POWER',
  help: 'fail (exit 1) when power is invalid, after writing the audit files (also REQUIRE_POWER=1|true|yes)',
};
export const VALIDATION_RESULT: OptionSpec = {
  name: 'validation-result',
  kind: KINDS.string,
  placeholder: 'FILE',
  help: 'sidecar path (default: power_validation_<bench stem>.json beside the bench result)',
};
export const BENCH_RESULT: OptionSpec = {
  name: 'bench-result',
  kind: KINDS.string,
  placeholder: 'BENCH.json',
  required: 'the raw benchmark result JSON',
  help: 'raw benchmark result (window and token counts)',
};
export const AGG_RESULT: OptionSpec = {
  name: 'agg-result',
  kind: KINDS.string,
  placeholder: 'AGG.json',
  required: 'the agg JSON to patch',
  help: 'agg JSON to patch in place',
};
export const TELEMETRY_CSV: OptionSpec = {
  name: 'csv',
  kind: KINDS.string,
  placeholder: 'CSV',
  help: 'telemetry CSV (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)',
};
export const DEFAULT_VISUALIZER_URL = 'https://inferencex.semianalysis.com';
export const VISUALIZER_URL: OptionSpec = {
  name: 'visualizer-url',
  kind: KINDS.url,
  placeholder: 'URL',
  default: DEFAULT_VISUALIZER_URL,
  help: 'visualizer base URL for the links',
};
export const MAX_SAMPLE_GAP: OptionSpec = {
  name: 'max-sample-gap',
  kind: KINDS.seconds,
  placeholder: 'SECONDS',
  default: DEFAULT_MAX_SAMPLE_GAP_S.toFixed(1),
  help: 'largest allowed gap between two samples of one GPU inside the window (single-node telemetry)',
};
