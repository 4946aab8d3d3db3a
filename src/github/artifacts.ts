import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';

/** Artifact names the sweep collectors look for: `bmk_<RESULT_FILENAME>` and `power_audit_<RESULT_FILENAME>`. */
export function artifactNames(resultFilename: string, prefix = ''): { bmk: string; audit: string } {
  return { bmk: `${prefix}bmk_${resultFilename}`, audit: `${prefix}power_audit_${resultFilename}` };
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
  uploadArtifact(name: string, files: string[], rootDirectory: string, options?: { retentionDays?: number }): Promise<{ id?: number; size?: number }>;
}

/** The deepest folder containing every file: the zip keeps paths relative to it. */
export function commonRoot(files: readonly string[]): string {
  const dirs = files.map((f) => dirname(resolve(f)));
  let root = dirs[0] ?? process.cwd();
  for (const dir of dirs.slice(1)) {
    for (;;) {
      const rel = relative(root, dir);
      if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) || root === dirname(root)) break;
      root = dirname(root);
    }
  }
  return root;
}

/** The artifact client, imported only when something is uploaded so other modes start without it. */
async function defaultClient(): Promise<ArtifactUploader> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/**
 * Uploads each artifact in turn. A failure is recorded on its outcome (with the artifact name) and
 * never thrown, so one bad upload neither stops the others nor touches the local files.
 */
export async function uploadArtifacts(requests: readonly ArtifactRequest[], options: UploadOptions = {}): Promise<ArtifactOutcome[]> {
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
      const uploaded = await client.uploadArtifact(request.name, files, commonRoot(files), options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays });
      outcome.id = uploaded.id;
      outcome.size = uploaded.size;
    } catch (error) {
      outcome.error = `artifact ${request.name}: ${(error as Error).message}`;
    }
  }
  return outcomes;
}
