import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaselineRuns } from '../commands/report.js';
import type { BaselineLabel } from '../core/report/render.js';
import type { ReportRow } from '../core/report/rows.js';
import { loadResults, MAX_TOTAL_RESULT_BYTES, ReadBudget } from '../io/results.js';
import { statusOf, type RetryPolicy } from './retry.js';
import { createOctokit } from './client.js';

export interface AutoBaselineOptions {
  token?: string;
  owner: string;
  repo: string;
  serverUrl: string;
  /** The sweep's run: its workflow is the one whose base-branch runs serve as the baseline. */
  runId?: string;
  /** The pull request's base branch, or the default branch on push. */
  branch?: string;
  /** How many successful base-branch runs to read (the latest is the baseline, all give the history). */
  runs: number;
  tempDir: string;
  retry: RetryPolicy;
  info(message: string): void;
}

export interface AutoBaseline {
  runs?: BaselineRuns;
  label?: BaselineLabel;
  warnings: string[];
  /** Shown under the comment's header when there is no baseline. */
  notes: string[];
}

/** Artifact families that carry results: `bmk_*` (agg JSONs) and `power_audit_*` (sidecars), after any prefix. */
const RESULT_ARTIFACT = /(?:^|[_-])(?:bmk|power_audit)_/;
/** A sweep has one bmk_ and one power_audit_ artifact per job; more than this is not a sweep we can read in one step. */
const MAX_ARTIFACTS_PER_RUN = 4000;
const DOWNLOAD_CONCURRENCY = 8;

interface ListedRun {
  id: number;
  head_sha?: string;
  html_url?: string;
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200) || 'artifact';
}

async function mapBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function permissionWarning(what: string, error: unknown): string {
  const status = statusOf(error);
  const detail = status ? `HTTP ${status}` : ((error as Error).message ?? String(error)).split('\n')[0];
  if (status === 403 || status === 401 || status === 404) {
    return `baseline: auto could not ${what} (${detail}): the token needs the \`actions: read\` permission (add \`permissions: actions: read\` to the job). The report has no deltas.`;
  }
  return `baseline: auto could not ${what} (${detail}). The report has no deltas.`;
}

/**
 * `baseline: auto`: the latest successful runs of the sweep's workflow on the base branch, their
 * `bmk_*` and `power_audit_*` artifacts downloaded with @actions/artifact and read like a baseline folder.
 * Every failure is a warning and a report without deltas, never a failed step.
 */
export async function loadAutoBaseline(options: AutoBaselineOptions): Promise<AutoBaseline> {
  const none = (warning: string | undefined, note: string): AutoBaseline => ({
    warnings: warning ? [warning] : [],
    notes: [note],
  });
  if (!options.token || !options.owner || !options.repo)
    return none(
      'baseline: auto needs a token (input `github-token`) and GITHUB_REPOSITORY; the report has no deltas.',
      'No baseline: no token to find the base branch run with.',
    );
  if (!options.runId || !options.branch)
    return none(
      `baseline: auto needs the sweep's run id and a base branch (a pull_request, workflow_run or push event); the report has no deltas.`,
      'No baseline: the base branch is unknown for this event.',
    );
  const { owner, repo, retry } = options;
  const octokit = createOctokit(options.token, retry);
  let workflowId: number;
  let runs: ListedRun[];
  try {
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(options.runId) });
    workflowId = run.workflow_id;
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflowId,
      branch: options.branch,
      status: 'success',
      per_page: Math.min(100, options.runs + 1),
    });
    runs = (data.workflow_runs as ListedRun[]).filter((r) => String(r.id) !== options.runId).slice(0, options.runs);
  } catch (error) {
    const warning = permissionWarning(`list the workflow's runs on ${options.branch}`, error);
    return none(warning, 'No baseline: the base branch runs could not be read (see the warning in the log).');
  }
  if (runs.length === 0)
    return none(undefined, `No baseline: no successful run of this workflow on ${options.branch} yet.`);

  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const history: ReportRow[][] = [];
  const warnings: string[] = [];
  // One byte budget for the result files of all the runs together, not one per run: `baseline-history`
  // runs of a large sweep would otherwise read that many times the report's limit. The latest run
  // (the baseline) is read first, so it is the one the budget serves in full.
  const budget = new ReadBudget(MAX_TOTAL_RESULT_BYTES);
  const cutShort: string[] = [];
  for (const run of runs) {
    const findBy = { token: options.token, workflowRunId: run.id, repositoryOwner: owner, repositoryName: repo };
    const folder = join(options.tempDir, 'sweep-power-baseline', String(run.id));
    try {
      const { artifacts } = await client.listArtifacts({ latest: true, findBy });
      const wanted = artifacts.filter((a) => RESULT_ARTIFACT.test(a.name)).slice(0, MAX_ARTIFACTS_PER_RUN);
      options.info(`Baseline run ${run.id}: downloading ${wanted.length} of ${artifacts.length} artifacts.`);
      await mapBounded(wanted, DOWNLOAD_CONCURRENCY, async (artifact) => {
        const path = join(folder, safeName(artifact.name));
        await mkdir(path, { recursive: true });
        await client.downloadArtifact(artifact.id, { path, findBy });
      });
      await mkdir(folder, { recursive: true });
      const refusedBefore = budget.refused;
      // History is kept oldest first, so the last entry is the baseline.
      history.unshift((await loadResults(folder, '.', { confine: false, budget })).rows);
      if (budget.refused > refusedBefore) cutShort.push(`${run.id} (${budget.refused - refusedBefore} files)`);
    } catch (error) {
      warnings.push(
        permissionWarning(`download the artifacts of run ${run.id}`, error).replace(
          ' The report has no deltas.',
          run === runs[0] ? ' The report has no deltas.' : ' That run is left out of the history.',
        ),
      );
      if (run === runs[0])
        return {
          warnings,
          notes: ['No baseline: the base branch run could not be downloaded (see the warning in the log).'],
        };
    }
  }
  if (cutShort.length > 0)
    warnings.push(
      `baseline: auto read at most ${MAX_TOTAL_RESULT_BYTES / (1024 * 1024)} MiB of result files across the ${runs.length} base-branch runs; not read from run ${cutShort.join(', run ')}. Lower \`baseline-history\` to compare against fewer, complete runs.`,
    );
  const latest = runs[0] as ListedRun;
  const server = options.serverUrl.replace(/\/+$/, '');
  const commit =
    typeof latest.head_sha === 'string' && /^[0-9a-f]{40,64}$/.test(latest.head_sha) ? latest.head_sha : undefined;
  return {
    runs: { rows: history[history.length - 1] ?? [], history },
    label: {
      runId: String(latest.id),
      runUrl: `${server}/${owner}/${repo}/actions/runs/${latest.id}`,
      commit,
      commitUrl: commit ? `${server}/${owner}/${repo}/commit/${commit}` : undefined,
      label: options.branch,
    },
    warnings,
    notes: [],
  };
}
