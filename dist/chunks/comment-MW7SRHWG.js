import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createOctokit
} from "./chunk-3E6LENMP.js";
import {
  delayFor,
  isTransient,
  statusOf
} from "./chunk-A3GTAV63.js";
import {
  sanitizeKey
} from "./chunk-XKQWIWGY.js";
import "./chunk-OU4ZEC5T.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";

// src/github/comment.ts
function markerFor(key) {
  return `<!-- sweep-power:report key=${sanitizeKey(key)} -->`;
}
var ACTIONS_BOT = "github-actions[bot]";
async function viewerLogin(octokit) {
  try {
    const data = await octokit.graphql("query { viewer { login } }");
    if (typeof data.viewer?.login === "string" && data.viewer.login !== "") return data.viewer.login;
  } catch {
  }
  return ACTIONS_BOT;
}
async function getPullRequest(octokit, owner, repo, number) {
  const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
  return {
    number: data.number,
    draft: data.draft === true,
    labels: data.labels.map((l) => l.name ?? "").filter((n) => n !== ""),
    headSha: data.head?.sha,
    headRepository: data.head?.repo?.full_name
  };
}
async function findStickyComments(octokit, target, marker, login) {
  const matches = [];
  for (let page = 1; page <= 1e3; page++) {
    const response = await octokit.rest.issues.listComments({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
      page
    });
    for (const comment of response.data) {
      const body = comment.body ?? "";
      if (comment.user?.login === login && (body === marker || body.startsWith(`${marker}
`))) matches.push(comment);
    }
    if (!/rel="next"/.test(String(response.headers.link ?? "")) || response.data.length === 0) break;
  }
  return matches;
}
async function findStickyComment(octokit, target, key) {
  const login = await viewerLogin(octokit);
  const [existing] = await findStickyComments(octokit, target, markerFor(key), login);
  return { login, existing };
}
async function upsertStickyComment(octokit, target, key, markdown, retry, found) {
  const marker = markerFor(key);
  const body = `${marker}
${markdown}`;
  const login = found?.login ?? await viewerLogin(octokit);
  const sleep = retry.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    const existing = attempt === 0 && found ? found.existing : (await findStickyComments(octokit, target, marker, login))[0];
    if (existing) {
      if (existing.body === body)
        return { action: attempt === 0 ? "unchanged" : "created", commentId: existing.id, url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body
      });
      return { action: attempt === 0 ? "updated" : "created", commentId: data.id, url: data.html_url };
    }
    try {
      const { data } = await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body,
        request: { retries: 0 }
      });
      return { action: "created", commentId: data.id, url: data.html_url };
    } catch (error) {
      if (attempt + 1 >= retry.attempts || !isTransient(error)) throw error;
      const wait = delayFor(error, attempt, retry);
      const status = statusOf(error);
      retry.onRetry?.(
        `comment on #${target.issueNumber}: ${status ? `HTTP ${status}` : "network error"} (${error.message}); retry ${attempt + 1} of ${retry.attempts - 1} in ${Math.round(wait / 100) / 10} s`
      );
      await sleep(wait);
    }
  }
}
export {
  ACTIONS_BOT,
  createOctokit,
  findStickyComment,
  findStickyComments,
  getPullRequest,
  markerFor,
  upsertStickyComment,
  viewerLogin
};
//# sourceMappingURL=comment-MW7SRHWG.js.map
