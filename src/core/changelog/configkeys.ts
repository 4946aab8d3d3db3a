import { isMap, isScalar, parseDocument } from 'yaml';
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

/** Top-level keys of the master config files; a key defined twice, or holding `*`, is a problem as it is for the sweep tooling. */
export function readMasterConfigKeys(sources: MasterConfigSource[]): MasterConfigKeys {
  const keys = new Map<string, string>();
  const problems: ChangelogProblem[] = [];
  for (const source of sources) {
    const positions = new SourcePositions(source.file, source.text);
    const doc = parseDocument(source.text, { version: '1.1', uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
    const firstError = doc.errors[0];
    if (firstError) {
      problems.push(positions.problem('master_config_invalid', firstError.pos[0], `master config is not valid YAML: ${firstError.message.split('\n')[0]}; its keys were not read.`));
      continue;
    }
    if (!isMap(doc.contents)) {
      problems.push(positions.problem('master_config_invalid', 0, 'a master config must be a mapping of config keys; its keys were not read.'));
      continue;
    }
    for (const pair of doc.contents.items) {
      const offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      if (key.includes('*')) {
        problems.push(positions.problem('master_config_invalid', offset, `config key '${key}' holds '*', which changelog entries use as a wildcard; rename it.`));
        continue;
      }
      const earlier = keys.get(key);
      if (earlier !== undefined) {
        problems.push(positions.problem('master_config_invalid', offset, `config key '${key}' is also defined in ${earlier}; keys must be unique across master configs.`));
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
  const kind = pattern.includes('*') ? 'pattern' : 'config key';
  const hint = near.length > 0 ? `; closest: ${near.join(', ')}` : '; no key is close: check the model, precision, GPU and framework parts';
  return `${kind} '${pattern}' matches no key of the master configs (${configsLabel})${hint}.`;
}
