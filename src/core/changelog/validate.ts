import { expandConfigKey, unmatchedKeyMessage, type MasterConfigKeys } from './configkeys.js';
import { compareHistory, deepEqual } from './history.js';
import { writtenLines } from './linediff.js';
import { parseChangelog, type EntrySource, type ParsedChangelog } from './parse.js';
import { addedLinkProblem, type LinkContext } from './prlink.js';
import { SourcePositions, sortProblems, type ChangelogProblem, type ChangelogProblemCode } from './problems.js';
import { checkEntrySchema, type ChangelogEntry, type SchemaCheck } from './schema.js';

export interface ChangelogChangeInput {
  /** Path of the changelog in the repository; names head problems. */
  file: string;
  /** Names problems of the base text, which have no line in the head (e.g. `perf-changelog.yaml@origin/main`). */
  baseLabel: string;
  base: Uint8Array;
  head: Uint8Array;
  link: LinkContext;
  /** Needed only when entries are added; undefined means they could not be read (a problem says why). */
  masterConfigs?: MasterConfigKeys;
  /** Names the master configs in messages, e.g. the glob. */
  configsLabel: string;
  maxBytes?: number;
}

export interface NewEntry {
  line: number;
  index: number;
  entry: ChangelogEntry;
  /** Master config keys each changelog key selects, in order. */
  expanded: Array<{ pattern: string; keys: string[] }>;
}

export interface ChangelogVerdict {
  problems: ChangelogProblem[];
  newEntries: NewEntry[];
  /** Corrected history entries (pr-link only). */
  corrections: number;
  /** Union of the master config keys the new entries select, in first-seen order: the sweep matrix. */
  triggeredConfigs: string[];
  baseEntryCount?: number;
  headEntryCount?: number;
}

/** Whether the change adds entries, so the caller knows to load the master configs. */
export function changeTouchesChangelog(base: Uint8Array, head: Uint8Array): boolean {
  if (base.length !== head.length) return true;
  for (let i = 0; i < base.length; i++) if (base[i] !== head[i]) return true;
  return false;
}

function isPrefix(prefix: Uint8Array, of: Uint8Array): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}

/**
 * The base as read from the head when its bytes are a prefix of a clean head: a line-aligned prefix of
 * valid YAML parses to the same entries, except that appended text may continue the last one, so only
 * that entry is parsed again. Halves the work of the common append; undefined means "parse the base".
 */
function baseFromHead(input: ChangelogChangeInput, head: ParsedChangelog): ParsedChangelog | undefined {
  const { base } = input;
  if (
    !head.entries ||
    head.problems.length > 0 ||
    base.length === 0 ||
    base[base.length - 1] !== 0x0a ||
    !isPrefix(base, input.head)
  )
    return undefined;
  const text = head.positions.text.slice(0, new TextDecoder('utf-8', { ignoreBOM: true }).decode(base).length);
  const entries = head.entries.filter((entry) => entry.lineOffset < text.length);
  const last = entries[entries.length - 1];
  if (!last) return undefined;
  const lastAlone = parseChangelog(
    input.baseLabel,
    new TextEncoder().encode(text.slice(last.lineOffset)),
    input.maxBytes,
  );
  const lastValue = lastAlone.entries?.[0]?.value;
  if (lastAlone.problems.length > 0 || lastAlone.entries?.length !== 1) return undefined;
  return {
    positions: new SourcePositions(input.baseLabel, text),
    entries: [...entries.slice(0, -1), { ...last, value: lastValue }],
    problems: [],
  };
}

/** Properties of the whole file's bytes: on a line the change did not write, the base had them already. */
const BYTE_CODES = new Set<ChangelogProblemCode>([
  'missing_final_newline',
  'not_utf8',
  'carriage_return',
  'tab_character',
  'nul_byte',
]);

/**
 * Every rule of a changelog change, all problems in one pass. Problems are the change's own: a problem on
 * a line the change did not write, in an entry it left as it was, or of a base that still reads, is the
 * base's and is not reported (a base that cannot be read is, as nothing could be compared).
 */
export function validateChangelogChange(input: ChangelogChangeInput): ChangelogVerdict {
  const problems: ChangelogProblem[] = [];
  const unchanged = !changeTouchesChangelog(input.base, input.head);
  const written = unchanged ? { has: () => false } : writtenLines(input.base, input.head);
  const onWrittenLine = (problem: ChangelogProblem) => written.has(problem.line);
  const head = parseChangelog(input.file, input.head, input.maxBytes, (line) => written.has(line));
  const base = unchanged
    ? { ...head, problems: [] }
    : (baseFromHead(input, head) ?? parseChangelog(input.baseLabel, input.base, input.maxBytes));
  if (head.entries) {
    problems.push(...head.problems.filter(onWrittenLine));
  } else {
    // Why nothing else could be checked: the reading problems stand wherever they sit.
    const reasons = head.problems.filter((p) => onWrittenLine(p) || !BYTE_CODES.has(p.code));
    problems.push(...(reasons.length > 0 ? reasons : head.problems));
  }
  if (!base.entries && base.problems.length > 0) {
    problems.push(
      ...base.problems.map((p) => ({
        ...p,
        message: `${p.message} (in the base version, so the change could not be compared with it; fix the base branch first)`,
      })),
    );
  }

  const schemaChecks = new Map<EntrySource, SchemaCheck>();
  for (const entry of head.entries ?? []) {
    const checked = checkEntrySchema(entry, head.positions);
    const kept = base.entries?.[entry.index];
    const asInBase = kept !== undefined && deepEqual(kept.value, entry.value);
    problems.push(...(asInBase ? checked.problems.filter(onWrittenLine) : checked.problems));
    schemaChecks.set(entry, checked);
  }

  const verdict: ChangelogVerdict = {
    problems,
    newEntries: [],
    corrections: 0,
    triggeredConfigs: [],
    baseEntryCount: base.entries?.length,
    headEntryCount: head.entries?.length,
  };
  if (!head.entries || !base.entries) {
    verdict.problems = sortProblems(problems);
    return verdict;
  }

  const history = compareHistory(
    { positions: base.positions, entries: base.entries },
    { positions: head.positions, entries: head.entries },
    input.link.repo,
  );
  problems.push(...history.problems);
  verdict.corrections = history.corrections.length;

  const repo = input.link.repo;
  if (repo === undefined && (history.additions.length > 0 || history.corrections.length > 0)) {
    const first = history.additions[0] ?? history.corrections[0];
    problems.push(
      head.positions.problem(
        'repository_unknown',
        first?.fields.get('pr-link')?.valueOffset ?? first?.lineOffset ?? 0,
        'cannot check pr-link: the repository is unknown; set the repo option (owner/name) or GITHUB_REPOSITORY.',
      ),
    );
  }

  const additions = history.additions.map((source) => ({ source, entry: schemaChecks.get(source) as SchemaCheck }));
  const appendOnly = additions.filter((a) => a.entry.appendOnly);
  if (appendOnly.length > 0 && appendOnly.length < additions.length) {
    const regular = additions.find((a) => !a.entry.appendOnly) as (typeof additions)[number];
    const flagged = appendOnly[0] as (typeof additions)[number];
    problems.push(
      head.positions.problem(
        'append_only_mixed',
        flagged.source.fields.get('append-only')?.keyOffset ?? flagged.source.lineOffset,
        `append-only entry ${flagged.source.index + 1} is added together with regular entry ${regular.source.index + 1} (line ${regular.source.line}); an append-only sweep cannot share a change with regular entries: split them into two pull requests.`,
      ),
    );
  }

  const triggered = new Set<string>();
  for (const { source, entry } of additions) {
    if (repo !== undefined && entry.prLink !== undefined) {
      const linkProblem = addedLinkProblem(entry.prLink, { repo, prNumber: input.link.prNumber });
      if (linkProblem)
        problems.push(
          head.positions.problem(
            'pr_link',
            source.fields.get('pr-link')?.valueOffset ?? source.lineOffset,
            linkProblem,
          ),
        );
    }
    const expanded: NewEntry['expanded'] = [];
    if (input.masterConfigs && entry.configKeys) {
      const keys = input.masterConfigs.keys;
      entry.configKeys.forEach((pattern, i) => {
        const matched = expandConfigKey(pattern, keys.keys());
        expanded.push({ pattern, keys: matched });
        if (matched.length === 0) {
          problems.push(
            head.positions.problem(
              'config_key_unmatched',
              source.fields.get('config-keys')?.itemOffsets[i] ?? source.lineOffset,
              unmatchedKeyMessage(pattern, keys.keys(), input.configsLabel),
            ),
          );
        }
        for (const key of matched) triggered.add(key);
      });
    }
    if (entry.entry) verdict.newEntries.push({ line: source.line, index: source.index, entry: entry.entry, expanded });
  }
  if (additions.length > 0 && input.masterConfigs) problems.push(...input.masterConfigs.problems);
  verdict.triggeredConfigs = [...triggered];
  verdict.problems = sortProblems(problems);
  return verdict;
}
