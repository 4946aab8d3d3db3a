import { crc32, inflateRawSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { FakeService, send, type RecordedRequest } from './http.js';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface ZipEntry {
  name: string;
  content: Buffer;
}

export interface FakeArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  expiresAt?: string;
  blob?: Buffer;
  finalized: boolean;
  size?: string;
  hash?: string;
}

/** Lists the entries of a zip file by its central directory (stored and deflated entries). */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith('/')) entries.push({ name, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip of stored (uncompressed) entries, as the artifact download endpoint serves one. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.content.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.content.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.content);
    centrals.push(central, name);
    offset += 30 + name.length + entry.content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A JWT shaped like ACTIONS_RUNTIME_TOKEN (the client decodes it without verifying). */
export function runtimeToken(runBackendId = 'run-backend-1', jobBackendId = 'job-backend-1'): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}` })}.sig`;
}

/**
 * A fake Actions Results service: twirp JSON CreateArtifact / FinalizeArtifact / ListArtifacts and
 * an Azure-blob-like endpoint for the signed upload URL (Put Block, Put Block List, Put Blob).
 */
export class FakeArtifacts extends FakeService {
  readonly artifacts: FakeArtifact[] = [];
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private nextId = 1;

  /** Finalized artifacts with the file names inside their zip. */
  uploaded(): { name: string; files: string[]; entries: ZipEntry[]; expiresAt?: string }[] {
    return this.artifacts
      .filter((a) => a.finalized && a.blob)
      .map((a) => {
        const entries = readZip(a.blob as Buffer);
        return { name: a.name, files: entries.map((e) => e.name).sort(), entries, expiresAt: a.expiresAt };
      });
  }

  protected route(req: RecordedRequest, res: ServerResponse): void {
    if (req.path.startsWith(SERVICE) && req.method === 'POST') {
      if (!/^Bearer .+\..+\..*$/.test(String(req.headers.authorization ?? '')))
        return send(res, 401, { code: 'unauthenticated', msg: 'missing runtime token' });
      const body = JSON.parse(req.body.toString() || '{}') as Record<string, string>;
      const method = req.path.slice(SERVICE.length);
      if (method === 'CreateArtifact') {
        const existing = this.artifacts.find(
          (a) => a.name === body.name && a.runBackendId === body.workflow_run_backend_id,
        );
        if (existing)
          return send(res, 409, {
            code: 'already_exists',
            msg: `an artifact with this name already exists on the workflow run`,
          });
        const artifact: FakeArtifact = {
          id: this.nextId++,
          name: String(body.name),
          runBackendId: String(body.workflow_run_backend_id),
          jobBackendId: String(body.workflow_job_run_backend_id),
          expiresAt: body.expires_at,
          finalized: false,
        };
        this.artifacts.push(artifact);
        return send(res, 200, {
          ok: true,
          signed_upload_url: `${this.url}/devstoreaccount1/actions-results/${artifact.id}/${encodeURIComponent(artifact.name)}.zip?sig=fake-signature&se=2099-01-01`,
        });
      }
      if (method === 'FinalizeArtifact') {
        const artifact = this.artifacts.find(
          (a) => a.name === body.name && a.runBackendId === body.workflow_run_backend_id && !a.finalized,
        );
        if (!artifact) return send(res, 404, { code: 'not_found', msg: 'artifact not found' });
        artifact.finalized = true;
        artifact.size = body.size;
        artifact.hash = body.hash;
        return send(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      if (method === 'ListArtifacts') {
        return send(res, 200, {
          artifacts: this.artifacts
            .filter((a) => a.finalized)
            .map((a) => ({
              workflow_run_backend_id: a.runBackendId,
              workflow_job_run_backend_id: a.jobBackendId,
              database_id: String(a.id),
              name: a.name,
              size: a.size ?? '0',
            })),
        });
      }
      return send(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
    const blob = req.path.match(/^\/devstoreaccount1\/actions-results\/(\d+)\/.+$/);
    if (blob && req.method === 'PUT') {
      const artifact = this.artifacts.find((a) => a.id === Number(blob[1]));
      if (!artifact || req.query.get('sig') !== 'fake-signature') return send(res, 403, 'AuthenticationFailed');
      const comp = req.query.get('comp');
      const key = String(artifact.id);
      if (comp === 'block') {
        const blocks = this.blocks.get(key) ?? new Map<string, Buffer>();
        blocks.set(String(req.query.get('blockid')), req.body);
        this.blocks.set(key, blocks);
        res.writeHead(201, { 'x-ms-request-id': `req-${this.requests().length}` });
        return void res.end();
      }
      if (comp === 'blocklist') {
        const ids = [...req.body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map(
          (m) => m[1] as string,
        );
        const blocks = this.blocks.get(key) ?? new Map<string, Buffer>();
        artifact.blob = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
        res.writeHead(201, { etag: '"fake"', 'last-modified': new Date().toUTCString() });
        return void res.end();
      }
      artifact.blob = req.body; // Put Blob in one request
      res.writeHead(201, { etag: '"fake"' });
      return void res.end();
    }
    return send(res, 404, { code: 'bad_route', msg: `no route for ${req.method} ${req.path}` });
  }

  requests(): RecordedRequest[] {
    return this.server.requests;
  }
}
