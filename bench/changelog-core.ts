// Entry for the in-process half of bench/changelog.mjs: the pure gate without file or process I/O.
import { readMasterConfigKeys, type MasterConfigSource } from '../src/core/changelog/configkeys.js';
import { validateChangelogChange, type ChangelogVerdict } from '../src/core/changelog/validate.js';

export function validateOnce(input: {
  base: Uint8Array;
  head: Uint8Array;
  configs: MasterConfigSource[];
  repo: string;
  prNumber: number;
}): ChangelogVerdict {
  return validateChangelogChange({
    file: 'perf-changelog.yaml',
    baseLabel: 'base.yaml',
    base: input.base,
    head: input.head,
    link: { repo: input.repo, prNumber: input.prNumber },
    masterConfigs: readMasterConfigKeys(input.configs),
    configsLabel: 'configs/*-master.yaml',
  });
}
