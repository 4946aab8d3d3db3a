import { FakeService, send, type RecordedRequest } from './http.js';
import type { ServerResponse } from 'node:http';
import { writeZip, type ZipEntry } from './artifacts.js';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  issue: number;
  created_at: string;
  updated_at: string;
}

/** A workflow run with its artifacts (name → files), served by the Actions REST routes. */
export interface FakeRun {
  id: number;
  workflowId: number;
  branch: string;
  conclusion: 'success' | 'failure';
  headSha: string;
  artifacts: { id: number; name: string; files: ZipEntry[] }[];
}

export interface FakePull {
  number: number;
  draft: boolean;
  labels: string[];
  /** Head commit and `owner/name` of the head repository (default: a fixed commit in this repository). */
  headSha?: string;
  headRepository?: string;
}

export const DEFAULT_HEAD_SHA = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

/**
 * A fake GitHub REST (and GraphQL `viewer`) API for one repository: issue comments with
 * Link-header pagination, create/update comment, pulls get. Requires `authorization: token <token>`.
 */
export class FakeGitHub extends FakeService {
  readonly comments: FakeComment[] = [];
  readonly pulls = new Map<number, FakePull>();
  viewer = 'github-actions[bot]';
  /** Page size the fake uses regardless of per_page, to exercise pagination. */
  pageSize = 100;
  /** Creates that store the comment but answer 502, as when a response is lost after the write. */
  lostCreateResponses = 0;
  private nextId = 1000;
  /** Workflow runs, newest last; the runs listing answers newest first. */
  readonly runs: FakeRun[] = [];
  /** Answer 403 on the Actions routes, as for a token without `actions: read`. */
  actionsForbidden = false;
  private nextArtifactId = 50_000;

  /** A run of workflow `workflowId` with artifacts holding the given files. */
  addRun(run: Omit<FakeRun, 'artifacts'>, artifacts: Record<string, Record<string, string>> = {}): FakeRun {
    const stored: FakeRun = {
      ...run,
      artifacts: Object.entries(artifacts).map(([name, files]) => ({
        id: this.nextArtifactId++,
        name,
        files: Object.entries(files).map(([file, text]) => ({ name: file, content: Buffer.from(text) })),
      })),
    };
    this.runs.push(stored);
    return stored;
  }

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly token: string,
  ) {
    super();
  }

  /** A comment written by someone, as if it already existed. */
  addComment(issue: number, login: string, body: string): FakeComment {
    const now = new Date().toISOString();
    const comment = {
      id: this.nextId++,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      issue,
      created_at: now,
      updated_at: now,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  private json(comment: FakeComment): Record<string, unknown> {
    return {
      ...comment,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue: undefined,
    };
  }

  protected route(req: RecordedRequest, res: ServerResponse): void {
    let m: RegExpMatchArray | null;
    // The signed blob URL an artifact download redirects to carries no token, as on blob storage.
    if (req.method === 'GET' && (m = req.path.match(/^\/blob\/artifact-(\d+)\.zip$/))) {
      const artifact = this.runs.flatMap((r) => r.artifacts).find((a) => a.id === Number(m![1]));
      if (!artifact || req.query.get('sig') !== 'fake') return send(res, 403, 'AuthenticationFailed');
      const zip = writeZip(artifact.files);
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
      return void res.end(zip);
    }
    if (req.headers.authorization !== `token ${this.token}`) return send(res, 401, { message: 'Bad credentials' });
    const base = `/repos/${this.owner}/${this.repo}`;
    if (req.path.startsWith(`${base}/actions/`) && this.actionsForbidden)
      return send(res, 403, { message: 'Resource not accessible by integration' });
    if (req.method === 'GET' && (m = req.path.match(new RegExp(`^${base}/actions/runs/(\\d+)$`)))) {
      const run = this.runs.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, {
        id: run.id,
        workflow_id: run.workflowId,
        head_branch: run.branch,
        head_sha: run.headSha,
        conclusion: run.conclusion,
      });
    }
    if (req.method === 'GET' && (m = req.path.match(new RegExp(`^${base}/actions/workflows/(\\d+)/runs$`)))) {
      const branch = req.query.get('branch');
      const status = req.query.get('status');
      const perPage = Number(req.query.get('per_page') ?? 30);
      const matching = this.runs
        .filter(
          (r) =>
            r.workflowId === Number(m![1]) && (!branch || r.branch === branch) && (!status || r.conclusion === status),
        )
        .reverse();
      return send(res, 200, {
        total_count: matching.length,
        workflow_runs: matching.slice(0, perPage).map((r) => ({
          id: r.id,
          head_sha: r.headSha,
          head_branch: r.branch,
          conclusion: r.conclusion,
          html_url: `https://github.com/${this.owner}/${this.repo}/actions/runs/${r.id}`,
        })),
      });
    }
    if (req.method === 'GET' && (m = req.path.match(new RegExp(`^${base}/actions/runs/(\\d+)/artifacts$`)))) {
      const run = this.runs.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      const perPage = Number(req.query.get('per_page') ?? 30);
      const page = Number(req.query.get('page') ?? 1);
      const listed = run.artifacts.slice((page - 1) * perPage, page * perPage).map((a) => ({
        id: a.id,
        name: a.name,
        size_in_bytes: 100,
        created_at: '2026-01-01T00:00:00Z',
        expired: false,
      }));
      return send(res, 200, { total_count: run.artifacts.length, artifacts: listed });
    }
    if (req.method === 'GET' && (m = req.path.match(new RegExp(`^${base}/actions/artifacts/(\\d+)/zip$`)))) {
      const artifact = this.runs.flatMap((r) => r.artifacts).find((a) => a.id === Number(m![1]));
      if (!artifact) return send(res, 404, { message: 'Not Found' });
      res.writeHead(302, { location: `${this.url}/blob/artifact-${artifact.id}.zip?sig=fake` });
      return void res.end();
    }
    if (req.method === 'POST' && req.path === '/graphql') {
      const query = String((JSON.parse(req.body.toString() || '{}') as { query?: string }).query ?? '');
      if (/viewer\s*\{\s*login/.test(query)) return send(res, 200, { data: { viewer: { login: this.viewer } } });
      return send(res, 200, { errors: [{ message: 'unsupported query in fake' }] });
    }
    if (req.method === 'GET' && req.path === '/user') {
      return send(res, 403, { message: 'Resource not accessible by integration' });
    }
    if ((m = req.path.match(new RegExp(`^${base}/issues/(\\d+)/comments$`)))) {
      const issue = Number(m[1]);
      if (req.method === 'GET') {
        const all = this.commentsOn(issue);
        const perPage = Math.min(Number(req.query.get('per_page') ?? 30), this.pageSize);
        const page = Number(req.query.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) => `<${this.url}${req.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return send(
          res,
          200,
          all.slice((page - 1) * perPage, page * perPage).map((c) => this.json(c)),
          links.length > 0 ? { link: links.join(', ') } : {},
        );
      }
      if (req.method === 'POST') {
        if (!this.pulls.has(issue)) return send(res, 404, { message: 'Not Found' });
        const { body } = JSON.parse(req.body.toString()) as { body: string };
        if (body.length > 65_536)
          return send(res, 422, {
            message: 'Validation Failed',
            errors: [{ field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }],
          });
        const created = this.addComment(issue, this.viewer, body);
        if (this.lostCreateResponses > 0) {
          this.lostCreateResponses -= 1;
          return send(res, 502, { message: 'Bad Gateway' });
        }
        return send(res, 201, this.json(created));
      }
    }
    if (req.method === 'PATCH' && (m = req.path.match(new RegExp(`^${base}/issues/comments/(\\d+)$`)))) {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      if (comment.user.login !== this.viewer)
        return send(res, 403, { message: 'Must have admin rights to Repository.' });
      const { body } = JSON.parse(req.body.toString()) as { body: string };
      if (body.length > 65_536) return send(res, 422, { message: 'Validation Failed' });
      comment.body = body;
      comment.updated_at = new Date().toISOString();
      return send(res, 200, this.json(comment));
    }
    if (req.method === 'GET' && (m = req.path.match(new RegExp(`^${base}/pulls/(\\d+)$`)))) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return send(res, 404, { message: 'Not Found' });
      const head = {
        sha: pull.headSha ?? DEFAULT_HEAD_SHA,
        repo: { full_name: pull.headRepository ?? `${this.owner}/${this.repo}` },
      };
      return send(res, 200, {
        number: pull.number,
        draft: pull.draft,
        state: 'open',
        head,
        labels: pull.labels.map((name, i) => ({ id: i + 1, name })),
      });
    }
    return send(res, 404, { message: `fake GitHub has no route for ${req.method} ${req.path}` });
  }
}
