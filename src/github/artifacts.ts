import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { redactCredentials } from '../core/logtext.js';

/**
 * Artifact names the sweep collectors look for: `bmk_<RESULT_FILENAME>` and `power_audit_<RESULT_FILENAME>`.
 * A re-run (attempt 2 and later) cannot reuse a name the first attempt took (409), so its names end
 * in `_attempt<N>`; the report keeps the latest attempt of each config.
 */
export function artifactNames(resultFilename: string, prefix = '', attempt = 1): { bmk: string; audit: string } {
  const suffix = attempt > 1 ? `_attempt${attempt}` : '';
  return { bmk: `${prefix}bmk_${resultFilename}${suffix}`, audit: `${prefix}power_audit_${resultFilename}${suffix}` };
}

/** `GITHUB_RUN_ATTEMPT` as a number; anything but a positive integer counts as the first attempt. */
export function runAttemptOf(value: string | undefined): number {
  return value !== undefined && /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value.trim()) : 1;
}

export interface JobArtifactFiles {
  resultFilename: string;
  prefix?: string;
  /** `GITHUB_RUN_ATTEMPT`; above 1 the names get an `_attempt<N>` suffix. */
  attempt?: number;
  /** agg JSON(s): one per job, several for multinode (`agg_<RESULT_FILENAME>_*.json`). */
  aggResults: string[];
  benchResult?: string;
  telemetryCsv?: string;
  sidecars?: string[];
  /** Energy-counter snapshots, identity file, multinode power package files. */
  extras?: string[];
}

/** The two artifacts of a benchmark job, named and filled the way the sweep collectors expect. */
export function jobArtifactRequests(job: JobArtifactFiles): ArtifactRequest[] {
  const names = artifactNames(job.resultFilename, job.prefix, job.attempt);
  const unique = (files: (string | undefined)[]): string[] => [
    ...new Set(files.filter((f): f is string => f !== undefined)),
  ];
  return [
    { name: names.bmk, files: unique(job.aggResults) },
    {
      name: names.audit,
      files: unique([
        job.benchResult,
        ...job.aggResults,
        job.telemetryCsv,
        ...(job.sidecars ?? []),
        ...(job.extras ?? []),
      ]),
    },
  ];
}

/** `artifact-ids` output: `name=id` pairs of the artifacts that were uploaded, comma-separated. */
export function artifactIdsOutput(outcomes: readonly ArtifactOutcome[]): string {
  return outcomes
    .filter((o) => o.id !== undefined)
    .map((o) => `${o.name}=${o.id}`)
    .join(',');
}

export interface ArtifactRequest {
  name: string;
  /** Absolute paths; missing ones are left out and reported. */
  files: string[];
}

export interface ArtifactOutcome {
  name: string;
  files: string[];
  missing: string[];
  id?: number;
  size?: number;
  /** Why the upload failed; the local files are untouched. */
  error?: string;
}

export interface UploadOptions {
  retentionDays?: number;
  /** Replaces the real client in tests. */
  client?: ArtifactUploader;
}

export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number; size?: number }>;
}

/** The deepest folder containing every file: the zip keeps paths relative to it. */
export function commonRoot(files: readonly string[]): string {
  const dirs = files.map((f) => dirname(resolve(f)));
  let root = dirs[0] ?? process.cwd();
  for (const dir of dirs.slice(1)) {
    for (;;) {
      const rel = relative(root, dir);
      if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) || root === dirname(root))
        break;
      root = dirname(root);
    }
  }
  return root;
}

/** The artifact client, imported only when something is uploaded so other modes start without it. */
async function defaultClient(): Promise<ArtifactUploader> {
  const { createArtifactClient } = await import('./artifact-client.js');
  return createArtifactClient();
}

/** The client names its twirp calls (CreateArtifact, FinalizeArtifact) but not the storage upload between them. */
function describeUploadError(error: unknown): string {
  const e = error as { message?: string; name?: string; statusCode?: unknown };
  const message = redactCredentials(e?.message ?? String(error));
  if (/CreateArtifact|FinalizeArtifact/.test(message)) return message;
  if (e?.name === 'RestError' || e?.name === 'NetworkError' || /upload progress stalled/i.test(message)) {
    return `the blob upload to artifact storage failed${typeof e.statusCode === 'number' ? ` (HTTP ${e.statusCode})` : ''}: ${message}`;
  }
  return message;
}

/**
 * Uploads each artifact in turn. A failure is recorded on its outcome (with the artifact name) and
 * never thrown, so one bad upload neither stops the others nor touches the local files.
 */
export async function uploadArtifacts(
  requests: readonly ArtifactRequest[],
  options: UploadOptions = {},
): Promise<ArtifactOutcome[]> {
  const outcomes: ArtifactOutcome[] = [];
  let client = options.client;
  for (const request of requests) {
    const files = request.files.filter((f) => existsSync(f));
    const missing = request.files.filter((f) => !existsSync(f));
    const outcome: ArtifactOutcome = { name: request.name, files, missing };
    outcomes.push(outcome);
    if (files.length === 0) {
      outcome.error = `artifact ${request.name}: none of its files exist`;
      continue;
    }
    try {
      client ??= await defaultClient();
      const uploaded = await client.uploadArtifact(
        request.name,
        files,
        commonRoot(files),
        options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
      );
      outcome.id = uploaded.id;
      outcome.size = uploaded.size;
    } catch (error) {
      outcome.error = `artifact ${request.name}: ${describeUploadError(error)}`;
    }
  }
  return outcomes;
}

/** What to do about a failed upload, from the status its message carries. */
function uploadAdvice(error: string): string {
  if (/none of its files exist/.test(error)) return 'Check the paths the job writes.';
  if (/\(409\)|HTTP 409|already.?exists/i.test(error))
    return 'Artifact names must be unique in a workflow run: give each job a distinct RESULT_FILENAME or artifact-prefix.';
  if (/\((401|403)\)|HTTP (401|403)/.test(error))
    return "The artifact service refused the job's credentials; rerun the job.";
  return 'Rerun the job, or upload the files with actions/upload-artifact.';
}

/** One warning per failed upload, naming the artifact and what to do; the local files are never removed. */
export function uploadWarnings(outcomes: readonly ArtifactOutcome[]): string[] {
  return outcomes
    .filter((o) => o.error !== undefined)
    .map(
      (o) =>
        `Upload failed, ${o.error}. ${uploadAdvice(o.error as string)} The files stay in the workspace: ${o.files.map((f) => basename(f)).join(', ') || '(none)'}.`,
    );
}
