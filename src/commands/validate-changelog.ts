import { relative, resolve, sep } from 'node:path';
import { DEFAULT_CHANGELOG, DEFAULT_CONFIGS } from './validate-changelog.options.js';
import { MAX_CHANGELOG_BYTES } from '../core/changelog/bytes.js';
import { readMasterConfigKeys, type MasterConfigKeys, type MasterConfigSource } from '../core/changelog/configkeys.js';
import { globBase, globToRegExp } from '../core/glob.js';
import { sortProblems, type ChangelogProblem } from '../core/changelog/problems.js';
import { changeTouchesChangelog, validateChangelogChange, type ChangelogVerdict } from '../core/changelog/validate.js';
import { writeFileAtomic } from '../io/atomic.js';
import { FileTooLargeError, readBytesBounded } from '../io/bytes.js';
import { GitReadError, listFilesAtRef, readFileAtRef } from '../io/git.js';
import { findFiles } from '../io/workspace.js';

/** Master configs in the working tree: relative `/` paths, sorted; bounded so a glob on `/` cannot walk forever. */
async function findConfigs(cwd: string, pattern: string): Promise<string[]> {
  const found = await findFiles(cwd, pattern, {
    maxFiles: Infinity,
    maxVisited: 100_000,
    skipFolders: ['.git', 'node_modules'],
    links: 'skip',
    globOnly: true,
    confine: false,
  });
  return found.files.map((file) => relative(cwd, file).split(sep).join('/')).sort();
}

/** Master configs are a few hundred KB each; this bounds a glob that matches something else. */
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
const MAX_CONFIG_FILES = 64;

export interface ValidateChangelogOptions {
  /** Path of the changelog inside the repository. */
  changelog?: string;
  baseRef?: string;
  /** Default HEAD when the head is read from git. */
  headRef?: string;
  baseFile?: string;
  headFile?: string;
  /** Glob of the master config files; read at the head ref, or from the working tree with --head-file. */
  configs?: string;
  prNumber?: number;
  repo?: string;
  /** Writes the triggered config keys as a JSON array here; `[]` when the change is rejected. */
  outputConfigs?: string;
  cwd: string;
}

export interface ValidateChangelogResult {
  ok: boolean;
  exitCode: number;
  file: string;
  verdict?: ChangelogVerdict;
  /** Every problem, sorted: the verdict's, or the one that stopped reading. */
  problems: ChangelogProblem[];
  triggeredConfigs: string[];
  log: { stdout: string[]; stderr: string[] };
}

class SourceError extends Error {}

async function readSide(
  options: ValidateChangelogOptions,
  side: 'base' | 'head',
  changelog: string,
): Promise<{ bytes: Uint8Array; label: string }> {
  const file = side === 'base' ? options.baseFile : options.headFile;
  if (file !== undefined) {
    try {
      return { bytes: await readBytesBounded(resolve(options.cwd, file), MAX_CHANGELOG_BYTES), label: file };
    } catch (error) {
      if (error instanceof FileTooLargeError)
        throw new SourceError(
          `${file} is ${error.size.toLocaleString('en-US')} bytes, over the ${MAX_CHANGELOG_BYTES / 1024 / 1024} MiB limit for a changelog; nothing was checked.`,
        );
      const code = (error as NodeJS.ErrnoException).code;
      throw new SourceError(
        code === 'ENOENT'
          ? `--${side}-file ${file}: no such file.`
          : `--${side}-file ${file}: cannot be read (${(error as Error).message}).`,
      );
    }
  }
  const ref = side === 'base' ? options.baseRef : (options.headRef ?? 'HEAD');
  if (ref === undefined)
    throw new SourceError('no base given: give the base-ref option (e.g. origin/main) or the base-file option.');
  try {
    return {
      bytes: await readFileAtRef(options.cwd, ref, changelog, MAX_CHANGELOG_BYTES),
      label: `${changelog}@${ref}`,
    };
  } catch (error) {
    if (error instanceof GitReadError) throw new SourceError(`${side}: ${error.message}`);
    throw error;
  }
}

async function readConfigs(
  options: ValidateChangelogOptions,
  pattern: string,
): Promise<{ keys?: MasterConfigKeys; problem?: string }> {
  const matcher = globToRegExp(pattern.replace(/^\.\//, ''));
  const fromGit = options.headFile === undefined;
  const ref = options.headRef ?? 'HEAD';
  let paths: string[];
  try {
    paths = fromGit
      ? (await listFilesAtRef(options.cwd, ref, globBase(pattern.replace(/^\.\//, ''))))
          .filter((p) => matcher.test(p))
          .sort()
      : await findConfigs(options.cwd, pattern);
  } catch (error) {
    return { problem: `cannot list the master configs '${pattern}': ${(error as Error).message}` };
  }
  const where = fromGit ? `at ${ref}` : 'in the working tree';
  if (paths.length === 0)
    return {
      problem: `no master config file matches '${pattern}' ${where}, so config keys cannot be checked; set the configs option to the glob of the *-master.yaml files.`,
    };
  if (paths.length > MAX_CONFIG_FILES)
    return {
      problem: `'${pattern}' matches ${paths.length} files ${where}; narrow the configs option to the master config files.`,
    };
  const sources: MasterConfigSource[] = [];
  for (const path of paths) {
    try {
      const bytes = fromGit
        ? await readFileAtRef(options.cwd, ref, path, MAX_CONFIG_BYTES)
        : await readBytesBounded(resolve(options.cwd, path), MAX_CONFIG_BYTES);
      sources.push({ file: path, text: new TextDecoder('utf-8').decode(bytes) });
    } catch (error) {
      return { problem: `cannot read master config ${path} ${where}: ${(error as Error).message}` };
    }
  }
  return { keys: readMasterConfigKeys(sources) };
}

export function formatProblem(problem: ChangelogProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** The perf-changelog gate: file, schema, append-only history, pr-link and config-key rules, all problems at once. */
export async function runValidateChangelog(options: ValidateChangelogOptions): Promise<ValidateChangelogResult> {
  const changelog = options.changelog ?? DEFAULT_CHANGELOG;
  // Problems point into the file actually read: the head file when one is given, else the changelog at the head ref.
  const file = options.headFile ?? changelog;
  const configsPattern = options.configs ?? DEFAULT_CONFIGS;
  const log = { stdout: [] as string[], stderr: [] as string[] };
  const fail = (problems: ChangelogProblem[], verdict?: ChangelogVerdict): ValidateChangelogResult => {
    for (const problem of problems) log.stderr.push(formatProblem(problem));
    log.stderr.push(
      `${file}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}; the change is rejected.`,
    );
    // A rejected change triggers nothing, so a workflow that runs on regardless cannot sweep a bad entry.
    return { ok: false, exitCode: 1, file, verdict, problems, triggeredConfigs: [], log };
  };

  let base: { bytes: Uint8Array; label: string };
  let head: { bytes: Uint8Array; label: string };
  try {
    base = await readSide(options, 'base', changelog);
    head = await readSide(options, 'head', changelog);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return fail([{ code: 'changelog_unreadable', file, line: 1, column: 1, message: error.message }]);
  }

  let masterConfigs: MasterConfigKeys | undefined;
  const extra: ChangelogProblem[] = [];
  if (changeTouchesChangelog(base.bytes, head.bytes)) {
    const configs = await readConfigs(options, configsPattern);
    masterConfigs = configs.keys;
    if (configs.problem)
      extra.push({ code: 'master_configs_missing', file, line: 1, column: 1, message: configs.problem });
  }
  const verdict = validateChangelogChange({
    file,
    baseLabel: base.label === file ? `${file} (base)` : base.label,
    base: base.bytes,
    head: head.bytes,
    link: { repo: options.repo, prNumber: options.prNumber },
    masterConfigs,
    configsLabel: configsPattern,
  });
  // Unreadable configs only matter when entries were added.
  const problems = sortProblems([...verdict.problems, ...(verdict.newEntries.length > 0 ? extra : [])]);
  if (options.outputConfigs)
    await writeFileAtomic(
      resolve(options.cwd, options.outputConfigs),
      `${JSON.stringify(problems.length > 0 ? [] : verdict.triggeredConfigs)}\n`,
    );
  if (problems.length > 0) return fail(problems, { ...verdict, problems });

  const entries = verdict.newEntries.length;
  const configs = verdict.triggeredConfigs;
  const summary =
    entries > 0
      ? `${file}: OK; ${entries === 1 ? '1 new entry' : `${entries} new entries`}; ${configs.length === 1 ? '1 config' : `${configs.length} configs`} triggered: ${configs.join(', ')}`
      : verdict.corrections > 0
        ? `${file}: OK; ${verdict.corrections === 1 ? '1 pr-link correction' : `${verdict.corrections} pr-link corrections`}, no new entries`
        : `${file}: OK; no change to the changelog`;
  log.stdout.push(summary);
  return { ok: true, exitCode: 0, file, verdict, problems: [], triggeredConfigs: verdict.triggeredConfigs, log };
}
