import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { uploadArtifacts, uploadWarnings } from '../../src/github/artifacts.js';
import { FakeArtifacts, runtimeToken } from '../fakes/artifacts.js';
import type { InjectedFailure } from '../fakes/http.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

// The artifact service failing at each stage of an upload, with the real @actions/artifact client
// against the loopback fake. Non-retryable statuses keep the client's long 5xx backoff out of the run.

let fake: FakeArtifacts;
const saved = { ...process.env };

beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  fake = await new FakeArtifacts().start();
  process.env.ACTIONS_RESULTS_URL = `${fake.url}/`;
  process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken();
  process.env.GITHUB_SERVER_URL = 'https://github.com';
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
  vi.restoreAllMocks();
});

interface StageCase {
  stage: string;
  failure: InjectedFailure;
  /** How the failure reads in the warning: the stage and the status. */
  message: RegExp;
  /** What the warning tells the reader to do. */
  advice: string;
}

const STAGES: StageCase[] = [
  {
    stage: 'CreateArtifact (403)',
    failure: {
      method: 'POST',
      path: /CreateArtifact$/,
      status: 403,
      body: { code: 'permission_denied', msg: 'token lacks actions: write' },
    },
    message: /CreateArtifact.*403|403.*CreateArtifact/s,
    advice: "refused the job's credentials; rerun the job",
  },
  {
    stage: 'CreateArtifact (409, a name reused in the run)',
    failure: {
      method: 'POST',
      path: /CreateArtifact$/,
      status: 409,
      body: { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' },
    },
    message: /CreateArtifact.*409|409.*CreateArtifact/s,
    advice: 'names must be unique in a workflow run: give each job a distinct RESULT_FILENAME or artifact-prefix',
  },
  {
    stage: 'the blob upload (403 from storage)',
    failure: { method: 'PUT', path: /^\/devstoreaccount1\//, status: 403, body: 'AuthenticationFailed', times: 100 },
    message: /the blob upload to artifact storage failed \(HTTP 403\): AuthenticationFailed/,
    advice: "refused the job's credentials; rerun the job",
  },
  {
    stage: 'FinalizeArtifact (404)',
    failure: {
      method: 'POST',
      path: /FinalizeArtifact$/,
      status: 404,
      body: { code: 'not_found', msg: 'artifact not found' },
    },
    message: /FinalizeArtifact.*404|404.*FinalizeArtifact/s,
    advice: 'Rerun the job, or upload the files with actions/upload-artifact',
  },
  {
    stage: 'FinalizeArtifact (400)',
    failure: {
      method: 'POST',
      path: /FinalizeArtifact$/,
      status: 400,
      body: { code: 'invalid_argument', msg: 'bad size' },
    },
    message: /FinalizeArtifact.*400|400.*FinalizeArtifact/s,
    advice: 'Rerun the job, or upload the files with actions/upload-artifact',
  },
];

describe('artifact service faults at each upload stage', () => {
  STAGES.forEach((fault, i) => {
    it(`${fault.stage}: a warning naming the artifact and the stage, local files intact, the next upload still runs`, async () => {
      const ws = tempWorkspace();
      const agg = writeFile(ws, `agg_job${i}.json`, JSON.stringify({ hw: 'h200', power_valid: 1, avg_power_w: 600 }));
      const csv = writeFile(
        ws,
        'gpu_metrics.csv',
        'timestamp, index, power.draw [W]\n2026/05/20 12:00:00.000, 0, 300.00 W\n',
      );
      const before = new Map([agg, csv].map((f) => [f, readFileSync(f)]));
      fake.server.clearFailures();
      fake.server.fail(fault.failure);
      const started = Date.now();
      const outcomes = await uploadArtifacts([
        { name: `bmk_job${i}`, files: [agg] },
        { name: `power_audit_job${i}`, files: [agg, csv] },
      ]);
      fake.server.clearFailures();
      expect(Date.now() - started).toBeLessThan(20_000);
      const failed = outcomes[0]!;
      expect(failed.id).toBeUndefined();
      expect(failed.error).toMatch(new RegExp(`^artifact bmk_job${i}: `));
      expect(failed.error).toMatch(fault.message);
      const warnings = uploadWarnings(outcomes);
      expect(warnings).toHaveLength(fault.stage.startsWith('the blob') ? 2 : 1);
      expect(warnings[0]).toContain(`artifact bmk_job${i}`);
      expect(warnings[0]).toContain(fault.advice);
      expect(warnings[0]).toContain(`The files stay in the workspace: agg_job${i}.json`);
      for (const [file, bytes] of before) expect(readFileSync(file)).toEqual(bytes);
      expect(readdirSync(ws).sort()).toEqual([`agg_job${i}.json`, 'gpu_metrics.csv']);
      if (!fault.stage.startsWith('the blob')) {
        // The failure stays with its artifact: the next one uploads.
        expect(outcomes[1]!.error).toBeUndefined();
        expect(fake.uploaded().map((a) => a.name)).toContain(`power_audit_job${i}`);
      }
    });
  });
});
