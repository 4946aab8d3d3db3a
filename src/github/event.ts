import { readFileSync } from 'node:fs';

/** What the workflow event tells the changelog gate when inputs leave it out. */
export interface EventDefaults {
  prNumber?: number;
  /** Base commit of a pull request, or the commit before a push. */
  baseSha?: string;
}

const ZERO_SHA = /^0+$/;

/** The event payload the runner wrote to `GITHUB_EVENT_PATH`; empty when there is none or it is unreadable. */
export function readEventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** What the event tells the changelog gate; a missing or unreadable payload yields no defaults rather than an error. */
export function readEventDefaults(env: NodeJS.ProcessEnv): EventDefaults {
  const payload = readEventPayload(env);
  const pullRequest = payload.pull_request as { number?: unknown; base?: { sha?: unknown } } | undefined;
  if (pullRequest && typeof pullRequest.number === 'number') {
    return {
      prNumber: pullRequest.number,
      baseSha: typeof pullRequest.base?.sha === 'string' ? pullRequest.base.sha : undefined,
    };
  }
  const before = payload.before;
  return typeof before === 'string' && !ZERO_SHA.test(before) ? { baseSha: before } : {};
}
