import { core } from './safe-core.js';

/** The one job-summary writer: appends markdown; a no-op outside a runner (no GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown, true).write();
  core.summary.emptyBuffer();
  return true;
}
