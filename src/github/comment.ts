import { sanitizeKey } from '../core/report/escape.js';
import type { PullRequestInfo } from '../core/report/gate.js';
import type { Octokit } from './client.js';
import { delayFor, isTransient, statusOf, type RetryPolicy } from './retry.js';

export { createOctokit, type Octokit } from './client.js';

/** The hidden first line that makes a comment ours; result values cannot produce `<` so cannot forge it. */
export function markerFor(key: string): string {
  return `<!-- sweep-power:report key=${sanitizeKey(key)} -->`;
}

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  url?: string;
}

/** The bot that GITHUB_TOKEN comments as; used when the token cannot tell who it is. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** The login the token writes as: GraphQL `viewer`, which works for app installation tokens too. */
export async function viewerLogin(octokit: Octokit): Promise<string> {
  try {
    const data = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (typeof data.viewer?.login === 'string' && data.viewer.login !== '') return data.viewer.login;
  } catch {
    // Fall through: GITHUB_TOKEN comments as the Actions bot.
  }
  return ACTIONS_BOT;
}

export async function getPullRequest(
  octokit: Octokit,
  owner: string,
  repo: string,
  number: number,
): Promise<PullRequestInfo> {
  const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
  return {
    number: data.number,
    draft: data.draft === true,
    labels: data.labels.map((l) => l.name ?? '').filter((n) => n !== ''),
    headSha: data.head?.sha,
    headRepository: data.head?.repo?.full_name,
  };
}

interface ListedComment {
  id: number;
  body?: string;
  html_url?: string;
  user: { login: string } | null;
}

/** Comments of the target written by `login` that start with the marker, oldest first, over all pages. */
export async function findStickyComments(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  login: string,
): Promise<ListedComment[]> {
  const matches: ListedComment[] = [];
  for (let page = 1; page <= 1000; page++) {
    const response = await octokit.rest.issues.listComments({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
      page,
    });
    for (const comment of response.data as ListedComment[]) {
      const body = comment.body ?? '';
      if (comment.user?.login === login && (body === marker || body.startsWith(`${marker}\n`))) matches.push(comment);
    }
    if (!/rel="next"/.test(String(response.headers.link ?? '')) || response.data.length === 0) break;
  }
  return matches;
}

/** What one listing of the comments found: who the token writes as, and the oldest sticky comment of ours. */
export interface StickyLookup {
  login: string;
  existing?: ListedComment;
}

/** Pages through the comments once for the sticky comment of `key` (the oldest of ours). */
export async function findStickyComment(octokit: Octokit, target: CommentTarget, key: string): Promise<StickyLookup> {
  const login = await viewerLogin(octokit);
  const [existing] = await findStickyComments(octokit, target, markerFor(key), login);
  return { login, existing };
}

/**
 * Creates or updates the one comment carrying `key`'s marker: pages through all comments, takes
 * the oldest one of ours with the marker, and skips the update when the body is unchanged. Given
 * `found` (a lookup made earlier in the run, to read the previous body), the first try uses it
 * instead of listing the comments again. A create that fails transiently may still have landed, so
 * the client never repeats it (`retries: 0`) and each new try here looks for the comment again first.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: CommentTarget,
  key: string,
  markdown: string,
  retry: RetryPolicy,
  found?: StickyLookup,
): Promise<UpsertResult> {
  const marker = markerFor(key);
  const body = `${marker}\n${markdown}`;
  const login = found?.login ?? (await viewerLogin(octokit));
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    const existing =
      attempt === 0 && found ? found.existing : (await findStickyComments(octokit, target, marker, login))[0];
    if (existing) {
      if (existing.body === body)
        return { action: attempt === 0 ? 'unchanged' : 'created', commentId: existing.id, url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body,
      });
      return { action: attempt === 0 ? 'updated' : 'created', commentId: data.id, url: data.html_url };
    }
    try {
      const { data } = await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body,
        request: { retries: 0 },
      });
      return { action: 'created', commentId: data.id, url: data.html_url };
    } catch (error) {
      if (attempt + 1 >= retry.attempts || !isTransient(error)) throw error;
      const wait = delayFor(error, attempt, retry);
      const status = statusOf(error);
      retry.onRetry?.(
        `comment on #${target.issueNumber}: ${status ? `HTTP ${status}` : 'network error'} (${(error as Error).message}); retry ${attempt + 1} of ${retry.attempts - 1} in ${Math.round(wait / 100) / 10} s`,
      );
      await sleep(wait);
    }
  }
}
