import { SourcePositions, type ChangelogProblem } from './problems.js';
import { closestNames } from './suggest.js';

export interface MasterConfigSource {
  file: string;
  text: string;
}

export interface MasterConfigKeys {
  /** Every top-level key of the master configs, in file order, with the file that defines it. */
  keys: Map<string, string>;
  files: string[];
  problems: ChangelogProblem[];
}

/**
 * What a config key may hold: the master configs use lower-case letters, digits, '.' and '-'
 * (plus '*' refused below with its own message). Quotes, '$', ';', backticks, spaces or line breaks
 * would turn the `configs` output into shell syntax in a workflow that interpolates it.
 */
const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._*-]*$/;

/** A top-level key line of a block mapping: column 1, a plain or quoted key, then `:` and a space or the line end. */
const TOP_LEVEL_KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#\-?:,[\]{}&*!|>'"%@`][^#]*?|-[^\s#]*?))\s*:(?:\s|$)/;

/**
 * Top-level keys of the master config files, read from the lines at column 1 rather than by a full
 * YAML parse: the files run to megabytes and only their keys matter here, and in a block mapping at
 * the root every key, and nothing else, starts at column 1. A key defined twice, or holding `*`, is a
 * problem as it is for the sweep tooling.
 */
export function readMasterConfigKeys(sources: MasterConfigSource[]): MasterConfigKeys {
  const keys = new Map<string, string>();
  const problems: ChangelogProblem[] = [];
  for (const source of sources) {
    const positions = new SourcePositions(source.file, source.text);
    let offset = 0;
    for (const line of source.text.split('\n')) {
      const lineOffset = offset;
      offset += line.length + 1;
      const first = line[0];
      if (
        first === undefined ||
        first === ' ' ||
        first === '#' ||
        first === '\r' ||
        line.startsWith('---') ||
        line.startsWith('...') ||
        line.startsWith('%')
      )
        continue;
      const match = TOP_LEVEL_KEY.exec(line);
      if (!match) {
        problems.push(
          positions.problem(
            'master_config_invalid',
            lineOffset,
            `line ${positions.at(lineOffset).line} starts at column 1 but is not a 'key:' line; a master config is a mapping of config keys, each at column 1.`,
          ),
        );
        continue;
      }
      const key =
        match[1] !== undefined
          ? match[1].replace(/\\(.)/g, '$1')
          : match[2] !== undefined
            ? match[2].replace(/''/g, "'")
            : (match[3] as string).trimEnd();
      if (!CONFIG_KEY.test(key)) {
        const shown = JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
        problems.push(
          positions.problem(
            'master_config_invalid',
            lineOffset,
            `config key ${shown} holds characters other than letters, digits, '.', '-' and '_'; config keys reach the \`configs\` output and workflow scripts, so rename it.`,
          ),
        );
        continue;
      }
      if (key.includes('*')) {
        problems.push(
          positions.problem(
            'master_config_invalid',
            lineOffset,
            `config key '${key}' holds '*', which changelog entries use as a wildcard; rename it.`,
          ),
        );
        continue;
      }
      const earlier = keys.get(key);
      if (earlier !== undefined) {
        problems.push(
          positions.problem(
            'master_config_invalid',
            lineOffset,
            `config key '${key}' is also defined in ${earlier}; keys must be unique across master configs.`,
          ),
        );
        continue;
      }
      keys.set(key, source.file);
    }
  }
  return { keys, files: sources.map((s) => s.file), problems };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Master keys a changelog key selects: `*` matches any run of characters, everything else is literal, the whole key must match. */
export function expandConfigKey(pattern: string, keys: Iterable<string>): string[] {
  if (!pattern.includes('*')) {
    for (const key of keys) if (key === pattern) return [key];
    return [];
  }
  const matcher = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 's');
  const matched: string[] = [];
  for (const key of keys) if (matcher.test(key)) matched.push(key);
  return matched;
}

export function unmatchedKeyMessage(pattern: string, keys: Iterable<string>, configsLabel: string): string {
  const near = closestNames(pattern, keys, 3);
  const hint =
    near.length > 0
      ? `; closest: ${near.join(', ')}`
      : '; no key is close: check the model, precision, GPU and framework parts';
  const lead = pattern.includes('*')
    ? `No config keys matched the wildcard pattern '${pattern}' in master configs`
    : `Config key '${pattern}' not found in master configs`;
  return `${lead} (${configsLabel})${hint}.`;
}
