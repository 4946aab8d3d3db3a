/** Where the change comes from: a pull request, or the main branch when `prNumber` is absent. */
export interface LinkContext {
  /** owner/name of the repository whose pull requests the links point at. */
  repo?: string;
  prNumber?: number;
}

export const PLACEHOLDER = 'XXX';

export function pullRequestUrl(repo: string, pr: number | string): string {
  return `https://github.com/${repo}/pull/${pr}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `https://github.com/<repo>/pull/<digits>`, nothing before or after. */
export function isCanonicalLink(link: string, repo: string): boolean {
  return new RegExp(`^https://github\\.com/${escapeRegExp(repo)}/pull/\\d+$`).test(link);
}

export function isPlaceholder(link: string, repo: string): boolean {
  return link === PLACEHOLDER || link === pullRequestUrl(repo, PLACEHOLDER);
}

/** Why a new entry's pr-link is not accepted, or undefined when it is. */
export function addedLinkProblem(link: string, context: LinkContext & { repo: string }): string | undefined {
  const { repo, prNumber } = context;
  if (prNumber === undefined) {
    if (isCanonicalLink(link, repo)) return undefined;
    const lead = `new main-branch entry has invalid pr-link: ${JSON.stringify(link)}`;
    if (isPlaceholder(link, repo))
      return `${lead}; it is the placeholder, and on the main branch a new entry must link its pull request: ${pullRequestUrl(repo, '<number>')}.`;
    return `${lead}; it is not a pull-request link of ${repo}; on the main branch a new entry must use ${pullRequestUrl(repo, '<number>')}.`;
  }
  const expected = pullRequestUrl(repo, prNumber);
  if (link === expected || isPlaceholder(link, repo)) return undefined;
  const lead = `new PR entry must use ${expected} or an ${PLACEHOLDER} placeholder (which the merge fills in); found ${JSON.stringify(link)}`;
  const other = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)$/.exec(link);
  if (other && other[1] === repo)
    return `${lead}: it points at pull request #${other[2]}, but this change is pull request #${prNumber}.`;
  if (other) return `${lead}: it points at ${other[1]}, but this repository is ${repo}.`;
  return `${lead}.`;
}
