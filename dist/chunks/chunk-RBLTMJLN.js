import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  KINDS,
  num,
  str
} from "./chunk-TZYXUIKV.js";

// src/commands/validate-changelog.options.ts
var DEFAULT_CHANGELOG = "perf-changelog.yaml";
var DEFAULT_CONFIGS = "configs/*-master.yaml";
var validateChangelogSchema = {
  mode: "validate-changelog",
  summary: "Gate for perf-changelog.yaml changes: file, schema, append-only history, pr-link and config-key rules; prints file:line:col: message per problem, exit 1 on any.",
  options: [
    {
      name: "base-ref",
      kind: KINDS.string,
      placeholder: "REF",
      help: "git ref of the changelog before the change (or base-file)"
    },
    {
      name: "base-file",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "read the base changelog from this file instead of git"
    },
    {
      name: "head-ref",
      kind: KINDS.string,
      placeholder: "REF",
      help: "git ref of the changelog after the change (default: HEAD)"
    },
    {
      name: "head-file",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "read the head changelog from this file (master configs are then read from the working tree)"
    },
    {
      name: "changelog",
      kind: KINDS.string,
      placeholder: "PATH",
      help: `changelog path in the repository (default: ${DEFAULT_CHANGELOG})`
    },
    {
      name: "configs",
      kind: KINDS.string,
      placeholder: "GLOB",
      help: `master config files (default: '${DEFAULT_CONFIGS}'), read at the head ref, or from the working tree with head-file`
    },
    {
      name: "pr-number",
      kind: KINDS.positiveInteger,
      placeholder: "N",
      help: "pull request of the change; without it the main-branch rules apply (canonical pr-links only)"
    },
    {
      name: "repo",
      kind: KINDS.repo,
      placeholder: "OWNER/NAME",
      env: "GITHUB_REPOSITORY",
      help: "repository of the pr-links (default: $GITHUB_REPOSITORY)"
    },
    {
      name: "output-configs",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "write the triggered config keys as a JSON array"
    }
  ],
  check: (v) => {
    const problems = [];
    if (v["base-ref"] === void 0 && v["base-file"] === void 0)
      problems.push({
        kind: "missing-one-of",
        options: ["base-ref", "base-file"],
        what: "the changelog before the change, e.g. origin/main"
      });
    if (v["base-ref"] !== void 0 && v["base-file"] !== void 0)
      problems.push({ kind: "conflict", options: ["base-ref", "base-file"] });
    if (v["head-ref"] !== void 0 && v["head-file"] !== void 0)
      problems.push({ kind: "conflict", options: ["head-ref", "head-file"] });
    return problems;
  },
  build: (v) => ({
    baseRef: str(v, "base-ref"),
    baseFile: str(v, "base-file"),
    headRef: str(v, "head-ref"),
    headFile: str(v, "head-file"),
    changelog: str(v, "changelog"),
    configs: str(v, "configs"),
    prNumber: num(v, "pr-number"),
    repo: str(v, "repo"),
    outputConfigs: str(v, "output-configs")
  })
};

export {
  DEFAULT_CHANGELOG,
  DEFAULT_CONFIGS,
  validateChangelogSchema
};
//# sourceMappingURL=chunk-RBLTMJLN.js.map
