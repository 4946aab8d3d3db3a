import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface InjectedFailure {
  method?: string;
  path: RegExp;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A loopback HTTP server on a random port that records requests and injects failures. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: (InjectedFailure & { left: number })[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server?: Server;
  url = '';

  constructor(private readonly handler: Handler) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Makes the next matching request(s) fail. */
  fail(failure: InjectedFailure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1 });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    this.requests.push(request);
    const failure = this.failures.find(
      (f) => f.left > 0 && (!f.method || f.method === request.method) && f.path.test(request.path),
    );
    if (failure) {
      failure.left -= 1;
      if (failure.hang) {
        this.hanging.add(res);
        return;
      }
      send(res, failure.status ?? 500, failure.body ?? { message: 'injected failure' }, failure.headers);
      return;
    }
    try {
      await this.handler(request, res);
    } catch (error) {
      send(res, 500, { message: `fake server error: ${(error as Error).message}` });
    }
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

/** A fake service on its own FakeServer: subclasses answer requests in `route`. */
export abstract class FakeService {
  readonly server = new FakeServer((req, res) => this.route(req, res));

  protected abstract route(req: RecordedRequest, res: ServerResponse): void | Promise<void>;

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
