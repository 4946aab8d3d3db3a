import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createOctokit
} from "./chunk-3E6LENMP.js";
import {
  MAX_TOTAL_RESULT_BYTES,
  ReadBudget,
  loadResults
} from "./chunk-PJCUZUER.js";
import {
  statusOf
} from "./chunk-A3GTAV63.js";
import "./chunk-2XIZMTGU.js";
import "./chunk-CTM5CEWH.js";
import "./chunk-4XNPLKRI.js";
import "./chunk-OU4ZEC5T.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";

// src/github/baseline.ts
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
var RESULT_ARTIFACT = /(?:^|[_-])(?:bmk|power_audit)_/;
var MAX_ARTIFACTS_PER_RUN = 4e3;
var DOWNLOAD_CONCURRENCY = 8;
function safeName(name) {
  return name.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 200) || "artifact";
}
async function mapBounded(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
function permissionWarning(what, error) {
  const status = statusOf(error);
  const detail = status ? `HTTP ${status}` : (error.message ?? String(error)).split("\n")[0];
  if (status === 403 || status === 401 || status === 404) {
    return `baseline: auto could not ${what} (${detail}): the token needs the \`actions: read\` permission (add \`permissions: actions: read\` to the job). The report has no deltas.`;
  }
  return `baseline: auto could not ${what} (${detail}). The report has no deltas.`;
}
async function loadAutoBaseline(options) {
  const none = (warning, note) => ({
    warnings: warning ? [warning] : [],
    notes: [note]
  });
  if (!options.token || !options.owner || !options.repo)
    return none(
      "baseline: auto needs a token (input `github-token`) and GITHUB_REPOSITORY; the report has no deltas.",
      "No baseline: no token to find the base branch run with."
    );
  if (!options.runId || !options.branch)
    return none(
      `baseline: auto needs the sweep's run id and a base branch (a pull_request, workflow_run or push event); the report has no deltas.`,
      "No baseline: the base branch is unknown for this event."
    );
  const { owner, repo, retry } = options;
  const octokit = createOctokit(options.token, retry);
  let workflowId;
  let runs;
  try {
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: Number(options.runId) });
    workflowId = run.workflow_id;
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflowId,
      branch: options.branch,
      status: "success",
      per_page: Math.min(100, options.runs + 1)
    });
    runs = data.workflow_runs.filter((r) => String(r.id) !== options.runId).slice(0, options.runs);
  } catch (error) {
    const warning = permissionWarning(`list the workflow's runs on ${options.branch}`, error);
    return none(warning, "No baseline: the base branch runs could not be read (see the warning in the log).");
  }
  if (runs.length === 0)
    return none(void 0, `No baseline: no successful run of this workflow on ${options.branch} yet.`);
  const { DefaultArtifactClient } = await import("./artifact-LJH3XXPJ.js");
  const client = new DefaultArtifactClient();
  const history = [];
  const warnings = [];
  const budget = new ReadBudget(MAX_TOTAL_RESULT_BYTES);
  const cutShort = [];
  for (const run of runs) {
    const findBy = { token: options.token, workflowRunId: run.id, repositoryOwner: owner, repositoryName: repo };
    const folder = join(options.tempDir, "sweep-power-baseline", String(run.id));
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
      history.unshift((await loadResults(folder, ".", { confine: false, budget })).rows);
      if (budget.refused > refusedBefore) cutShort.push(`${run.id} (${budget.refused - refusedBefore} files)`);
    } catch (error) {
      warnings.push(
        permissionWarning(`download the artifacts of run ${run.id}`, error).replace(
          " The report has no deltas.",
          run === runs[0] ? " The report has no deltas." : " That run is left out of the history."
        )
      );
      if (run === runs[0])
        return {
          warnings,
          notes: ["No baseline: the base branch run could not be downloaded (see the warning in the log)."]
        };
    }
  }
  if (cutShort.length > 0)
    warnings.push(
      `baseline: auto read at most ${MAX_TOTAL_RESULT_BYTES / (1024 * 1024)} MiB of result files across the ${runs.length} base-branch runs; not read from run ${cutShort.join(", run ")}. Lower \`baseline-history\` to compare against fewer, complete runs.`
    );
  const latest = runs[0];
  const server = options.serverUrl.replace(/\/+$/, "");
  const commit = typeof latest.head_sha === "string" && /^[0-9a-f]{40,64}$/.test(latest.head_sha) ? latest.head_sha : void 0;
  return {
    runs: { rows: history[history.length - 1] ?? [], history },
    label: {
      runId: String(latest.id),
      runUrl: `${server}/${owner}/${repo}/actions/runs/${latest.id}`,
      commit,
      commitUrl: commit ? `${server}/${owner}/${repo}/commit/${commit}` : void 0,
      label: options.branch
    },
    warnings,
    notes: []
  };
}
export {
  loadAutoBaseline
};
//# sourceMappingURL=baseline-BXQ5GSIX.js.map
