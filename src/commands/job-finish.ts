import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readJsonObject } from '../io/json.js';
import type { TopologyKind } from '../core/topology.js';
import { auditSideFiles } from '../io/job-inputs.js';
import { escapesRoot } from '../io/workspace.js';
import { sidecarNameFor, MAX_RESULT_BYTES } from '../io/results.js';
import { renderJobSummary } from '../core/report/job.js';
import { powerStatusOf } from '../core/report/rows.js';
import {
  artifactIdsOutput,
  jobArtifactRequests,
  uploadArtifacts,
  uploadWarnings,
  type ArtifactOutcome,
  type ArtifactUploader,
} from '../github/artifacts.js';

/**
 * The end of a benchmark job, after its agg JSON has been patched: upload the `bmk_` and
 * `power_audit_` artifacts, render the job summary, and compute the step outputs. Nothing here
 * depends on how the agg JSON was produced.
 */
export interface JobFinishOptions {
  resultFilename: string;
  /** The patched agg JSON(s); the first is the one whose metrics become outputs. */
  aggResults: string[];
  benchResult?: string;
  telemetryCsv?: string;
  /** Sidecars; default: `power_validation_<stem>.json` beside each agg JSON, when present. */
  sidecars?: string[];
  /** More audit files (multinode power package); energy snapshots beside the CSV are added. */
  extras?: string[];
  upload: boolean;
  retentionDays?: number;
  artifactPrefix?: string;
  runId?: string;
  /** `GITHUB_RUN_ATTEMPT`: a re-run uploads under attempt-suffixed names. */
  runAttempt?: number;
  visualizerUrl?: string;
  /** Replaces the real artifact client in tests. */
  uploader?: ArtifactUploader;
  /** Folders every uploaded file must really lie in (the workspace); default: the folder of each agg JSON. */
  roots?: string[];
}

export interface JobFinishResult {
  outputs: Record<string, string>;
  summary: string;
  warnings: string[];
  artifacts: ArtifactOutcome[];
}

/** The `topology` output in the values process-result uses: single-node, multinode-disagg, multinode-agg. */
export function topologyKindOf(agg: Record<string, unknown>): TopologyKind {
  const yes = (v: unknown): boolean => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
  if (!yes(agg.is_multinode)) return 'single-node';
  return yes(agg.disagg) ? 'multinode-disagg' : 'multinode-agg';
}

function numberOutput(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

export async function finishJob(options: JobFinishOptions): Promise<JobFinishResult> {
  const warnings: string[] = [];
  const sidecars =
    options.sidecars ??
    options.aggResults.map((agg) => join(dirname(agg), sidecarNameFor(agg))).filter((p) => existsSync(p));
  const roots = options.roots ?? options.aggResults.map((agg) => dirname(agg));
  const side = options.telemetryCsv
    ? auditSideFiles(dirname(options.telemetryCsv), roots[0] ?? dirname(options.telemetryCsv))
    : { files: [], refused: [] };
  warnings.push(...side.refused);
  const extras = [...side.files, ...(options.extras ?? [])];
  let artifacts: ArtifactOutcome[] = [];
  if (options.upload) {
    const requests = jobArtifactRequests({
      resultFilename: options.resultFilename,
      prefix: options.artifactPrefix,
      attempt: options.runAttempt,
      aggResults: options.aggResults,
      benchResult: options.benchResult,
      telemetryCsv: options.telemetryCsv,
      sidecars,
      extras,
    });
    // The last check before files leave the machine: a symlink out of the roots is never uploaded.
    const refused = new Set<string>();
    for (const request of requests) {
      request.files = request.files.filter((file) => {
        const reasons = roots.map((root) => escapesRoot(root, file));
        if (reasons.some((why) => why === undefined)) return true;
        refused.add(reasons[0] as string);
        return false;
      });
    }
    warnings.push(...refused);
    artifacts = await uploadArtifacts(requests, { retentionDays: options.retentionDays, client: options.uploader });
    warnings.push(...uploadWarnings(artifacts));
  }
  const primary = options.aggResults[0];
  const agg = (primary ? await readJsonObject(primary, MAX_RESULT_BYTES) : undefined) ?? {};
  const sidecar = sidecars[0] ? await readJsonObject(sidecars[0], MAX_RESULT_BYTES) : undefined;
  if (primary && Object.keys(agg).length === 0)
    warnings.push(`${basename(primary)} could not be read as a JSON object; the summary has no metrics`);
  const valid = powerStatusOf(agg) === 'valid';
  const summary = renderJobSummary({
    agg,
    sidecar,
    resultFilename: options.resultFilename,
    runId: options.runId,
    visualizerUrl: options.visualizerUrl,
    artifacts: artifacts.map((a) => ({ name: a.name, id: a.id, files: a.files, error: a.error })),
  });
  const outputs: Record<string, string> = {
    'agg-result': primary ?? '',
    'power-valid': valid ? '1' : '0',
    'avg-power-w': valid ? numberOutput(agg.avg_power_w) : '',
    'total-gpu-energy-j': valid ? numberOutput(agg.total_gpu_energy_j) : '',
    'joules-per-output-token': valid ? numberOutput(agg.joules_per_output_token) : '',
    topology: topologyKindOf(agg),
    'artifact-ids': artifactIdsOutput(artifacts),
  };
  return { outputs, summary, warnings, artifacts };
}
