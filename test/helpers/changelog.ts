import { readMasterConfigKeys } from '../../src/core/changelog/configkeys.js';
import { validateChangelogChange, type ChangelogVerdict } from '../../src/core/changelog/validate.js';

export const REPO = 'acme/sweeps';
export const link = (pr: number | string): string => `https://github.com/${REPO}/pull/${pr}`;

/** One entry as the sweep repositories write them: config-keys first, two-space indent, list items under each key. */
export function entry(keys: string | string[], prLink: string = link(1), extra = '', description = 'Update'): string {
  const list = (Array.isArray(keys) ? keys : [keys]).map((k) => `    - ${k}\n`).join('');
  return `- config-keys:\n${list}  description:\n    - "${description}"\n${extra}  pr-link: ${prLink}\n`;
}

/** Entries separated by exactly one empty line, ending with one newline. */
export function changelog(...entries: string[]): string {
  return entries.join('\n');
}

export const MASTER_KEYS = [
  'dsr1-fp8-h200-sglang',
  'dsr1-fp8-b200-sglang',
  'dsr1-fp4-b200-trt',
  'gptoss-fp4-h100-vllm',
  'gptoss-fp4-b200-vllm',
  'dsv4-fp4-b200-vllm',
  'dsv4-fp4-gb200-vllm',
];

export function masterConfig(keys: string[] = MASTER_KEYS): string {
  return keys.map((k) => `${k}:\n  image: example/image:1\n  precision: fp8\n`).join('');
}

export const bytes = (text: string | Uint8Array): Uint8Array =>
  typeof text === 'string' ? new TextEncoder().encode(text) : text;

export interface CheckOptions {
  prNumber?: number;
  repo?: string | null;
  keys?: string[];
  configFiles?: Array<{ file: string; text: string }>;
}

/** Runs the pure gate on two texts, the way the command does after reading them. */
export function check(
  base: string | Uint8Array,
  head: string | Uint8Array,
  options: CheckOptions = {},
): ChangelogVerdict {
  const sources = options.configFiles ?? [{ file: 'configs/a-master.yaml', text: masterConfig(options.keys) }];
  return validateChangelogChange({
    file: 'perf-changelog.yaml',
    baseLabel: 'perf-changelog.yaml@base',
    base: bytes(base),
    head: bytes(head),
    link: {
      repo: options.repo === null ? undefined : (options.repo ?? REPO),
      prNumber: 'prNumber' in options ? options.prNumber : 7,
    },
    masterConfigs: readMasterConfigKeys(sources),
    configsLabel: 'configs/*-master.yaml',
  });
}

/** `line:col code` of every problem, for compact assertions. */
export function located(verdict: ChangelogVerdict): string[] {
  return verdict.problems.map((p) => `${p.line}:${p.column} ${p.code}`);
}
