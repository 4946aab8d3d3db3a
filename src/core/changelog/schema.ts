import { closestNames } from './suggest.js';
import type { EntrySource } from './parse.js';
import type { ChangelogProblem, SourcePositions } from './problems.js';

export const SCENARIO_TYPES = ['fixed-seq-len', 'agentic-coding'] as const;
export const ENTRY_FIELDS = [
  'config-keys',
  'description',
  'pr-link',
  'evals-only',
  'all-evals',
  'append-only',
  'eval-min-prefill-ep',
  'scenario-type',
] as const;
const REQUIRED_FIELDS = ['config-keys', 'description', 'pr-link'] as const;

/** A changelog entry that passed the schema. */
export interface ChangelogEntry {
  configKeys: string[];
  description: string[];
  prLink: string;
  evalsOnly: boolean;
  allEvals: boolean;
  appendOnly: boolean;
  evalMinPrefillEp?: number;
  scenarioType?: string[];
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Checks one entry against the changelog schema; returns the typed entry when it holds. */
export interface SchemaCheck {
  /** The whole entry, when every field holds. */
  entry?: ChangelogEntry;
  /** The fields that hold on their own, so that pr-link and config-key rules still run when another field fails. */
  configKeys?: string[];
  prLink?: string;
  appendOnly: boolean;
  problems: ChangelogProblem[];
}

export function checkEntrySchema(entry: EntrySource, positions: SourcePositions): SchemaCheck {
  const problems: ChangelogProblem[] = [];
  const label = `entry ${entry.index + 1}`;
  const value = entry.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(
      positions.problem(
        'entry_not_mapping',
        entry.lineOffset,
        `${label} is not a mapping: it is ${describe(value)}; an entry is a mapping with config-keys, description and pr-link.`,
      ),
    );
    return { appendOnly: false, problems };
  }
  const record = value as Record<string, unknown>;
  const keyAt = (key: string) => entry.fields.get(key)?.keyOffset ?? entry.lineOffset;
  const valueAt = (key: string) => entry.fields.get(key)?.valueOffset ?? keyAt(key);
  // Field problems start as the sweep tooling's entry validation words them.
  const lead = `${label} fails ChangelogEntry validation`;
  const invalid = (key: string, message: string, offset = valueAt(key)) =>
    problems.push(positions.problem('invalid_field', offset, `${lead}: ${key} ${message}`));

  for (const key of Object.keys(record)) {
    if ((ENTRY_FIELDS as readonly string[]).includes(key)) continue;
    const near = closestNames(key, ENTRY_FIELDS, 1);
    problems.push(
      positions.problem(
        'unknown_field',
        keyAt(key),
        `${lead}: unknown key '${key}'${near.length > 0 ? `; did you mean '${near[0]}'?` : ''} Allowed keys: ${ENTRY_FIELDS.join(', ')}.`,
      ),
    );
  }
  for (const key of REQUIRED_FIELDS) {
    if (!(key in record)) {
      const example =
        key === 'pr-link' ? `  pr-link: https://github.com/<owner>/<repo>/pull/<number>` : `  ${key}:\n    - ...`;
      problems.push(
        positions.problem(
          'missing_field',
          entry.lineOffset,
          `${lead}: no '${key}'; add it (${JSON.stringify(example)}).`,
        ),
      );
    }
  }

  const stringList = (key: 'config-keys' | 'description' | 'scenario-type'): string[] | undefined => {
    if (!(key in record)) return undefined;
    const list = record[key];
    if (!Array.isArray(list) || list.length === 0) {
      invalid(key, `is ${describe(list)}; it must be a non-empty list of strings (one '- item' per line).`);
      return undefined;
    }
    let ok = true;
    list.forEach((item, i) => {
      if (typeof item !== 'string') {
        ok = false;
        invalid(
          key,
          `item ${i + 1} is ${describe(item)}; quote it so YAML reads a string.`,
          entry.fields.get(key)?.itemOffsets[i] ?? valueAt(key),
        );
      }
    });
    return ok ? (list as string[]) : undefined;
  };
  const configKeys = stringList('config-keys');
  const description = stringList('description');

  const prLink = record['pr-link'];
  if ('pr-link' in record && typeof prLink !== 'string')
    invalid(
      'pr-link',
      `is ${describe(prLink)}; it must be a string such as https://github.com/<owner>/<repo>/pull/<number>.`,
    );

  const flag = (key: 'evals-only' | 'all-evals' | 'append-only'): boolean => {
    const flagValue = record[key];
    if (flagValue === undefined) return false;
    if (typeof flagValue !== 'boolean') {
      invalid(key, `is ${describe(flagValue)}; it must be true or false (unquoted).`);
      return false;
    }
    return flagValue;
  };
  const evalsOnly = flag('evals-only');
  const allEvals = flag('all-evals');
  const appendOnly = flag('append-only');

  let evalMinPrefillEp: number | undefined;
  const ep = record['eval-min-prefill-ep'];
  if (ep !== undefined && ep !== null) {
    if (typeof ep !== 'number' || !Number.isInteger(ep) || ep < 1)
      invalid('eval-min-prefill-ep', `is ${describe(ep)}; it must be an integer of at least 1.`);
    else evalMinPrefillEp = ep;
  }

  let scenarioType: string[] | undefined;
  if (record['scenario-type'] !== undefined && record['scenario-type'] !== null) {
    scenarioType = stringList('scenario-type');
    scenarioType?.forEach((scenario, i) => {
      if (!(SCENARIO_TYPES as readonly string[]).includes(scenario)) {
        const near = closestNames(scenario, SCENARIO_TYPES, 1);
        invalid(
          'scenario-type',
          `item ${i + 1} is '${scenario}'; allowed: ${SCENARIO_TYPES.join(', ')}${near.length > 0 ? ` (did you mean '${near[0]}'?)` : ''}.`,
          entry.fields.get('scenario-type')?.itemOffsets[i],
        );
      }
    });
  }

  if (appendOnly && (evalsOnly || allEvals || (ep !== undefined && ep !== null))) {
    const used = [
      evalsOnly && 'evals-only',
      allEvals && 'all-evals',
      ep !== undefined && ep !== null && 'eval-min-prefill-ep',
    ]
      .filter(Boolean)
      .join(', ');
    problems.push(
      positions.problem(
        'append_only_with_evals',
        keyAt('append-only'),
        `append-only cannot be combined with eval selection (${used}) in ${label}: an append-only entry adds throughput points only. Drop one of them.`,
      ),
    );
  }

  const link = typeof prLink === 'string' ? prLink : undefined;
  const partial = { configKeys, prLink: link, appendOnly, problems };
  if (problems.length > 0 || !configKeys || !description || link === undefined) return partial;
  return {
    ...partial,
    entry: { configKeys, description, prLink: link, evalsOnly, allEvals, appendOnly, evalMinPrefillEp, scenarioType },
  };
}
