import { readFileSync } from 'node:fs';

/** What the workflow event tells the changelog gate when inputs leave it out. */
export interface EventDefaults {
  prNumber?: number;
  /** Base commit of a pull request, or the commit before a push. */
  baseSha?: string;
}

const ZERO_SHA = /^0+$/;

/** Reads `GITHUB_EVENT_PATH`; a missing or unreadable payload yields no defaults rather than an error. */
export function readEventDefaults(env: NodeJS.ProcessEnv): EventDefaults {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
  const pullRequest = payload.pull_request as { number?: unknown; base?: { sha?: unknown } } | undefined;
  if (pullRequest && typeof pullRequest.number === 'number') {
    return { prNumber: pullRequest.number, baseSha: typeof pullRequest.base?.sha === 'string' ? pullRequest.base.sha : undefined };
  }
  const before = payload.before;
  return typeof before === 'string' && !ZERO_SHA.test(before) ? { baseSha: before } : {};
}
