import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactNames, commonRoot, uploadArtifacts } from '../../src/github/artifacts.js';
import { FakeArtifacts, runtimeToken } from '../fakes/artifacts.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

let fake: FakeArtifacts;
const saved = { ...process.env };

beforeAll(async () => {
  // The client logs progress through @actions/core to stdout; keep the test output readable.
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

function jobFiles(ws: string, stem: string): { agg: string; raw: string; csv: string; sidecar: string } {
  return {
    agg: writeFile(ws, `agg_${stem}.json`, JSON.stringify({ hw: 'h200', power_valid: 1 })),
    raw: writeFile(ws, `${stem}.json`, JSON.stringify({ model_id: 'm' })),
    csv: writeFile(ws, 'gpu_metrics.csv', 'timestamp, index, power.draw [W]\n'),
    sidecar: writeFile(ws, `power_validation_${stem}.json`, JSON.stringify({ reasons: [] })),
  };
}

describe('uploadArtifacts with the real artifact client', () => {
  it('uploads bmk_ and power_audit_ artifacts with their files', async () => {
    const ws = tempWorkspace();
    const stem = 'dsr1_fp8_h200_conc64';
    const f = jobFiles(ws, stem);
    const names = artifactNames(stem, 'pfx-');
    expect(names).toEqual({ bmk: `pfx-bmk_${stem}`, audit: `pfx-power_audit_${stem}` });
    const outcomes = await uploadArtifacts(
      [
        { name: names.bmk, files: [f.agg] },
        { name: names.audit, files: [f.raw, f.agg, f.csv, f.sidecar, join(ws, 'energy_snapshot_missing.csv')] },
      ],
      { retentionDays: 5 },
    );
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined]);
    expect(outcomes[1]!.missing).toEqual([join(ws, 'energy_snapshot_missing.csv')]);
    expect(outcomes.every((o) => typeof o.id === 'number')).toBe(true);
    const uploaded = fake.uploaded().filter((a) => a.name.endsWith(stem));
    expect(uploaded.map((a) => a.name).sort()).toEqual([names.bmk, names.audit].sort());
    const bmk = uploaded.find((a) => a.name === names.bmk)!;
    expect(bmk.files).toEqual([`agg_${stem}.json`]);
    expect(bmk.entries[0]!.content.toString()).toBe(readFileSync(f.agg, 'utf8'));
    expect(uploaded.find((a) => a.name === names.audit)!.files).toEqual(
      [`${stem}.json`, `agg_${stem}.json`, 'gpu_metrics.csv', `power_validation_${stem}.json`].sort(),
    );
    expect(bmk.expiresAt).toBeDefined();
  });

  it('turns a create failure into an outcome that names the artifact; local files stay', async () => {
    const ws = tempWorkspace();
    const f = jobFiles(ws, 'dup');
    const first = await uploadArtifacts([{ name: 'bmk_dup', files: [f.agg] }]);
    expect(first[0]!.error).toBeUndefined();
    const again = await uploadArtifacts([
      { name: 'bmk_dup', files: [f.agg] },
      { name: 'power_audit_dup', files: [f.raw] },
    ]);
    expect(again[0]!.error).toMatch(/^artifact bmk_dup: .*409/);
    expect(again[1]!.error).toBeUndefined(); // one failure does not stop the next upload
    fake.server.fail({
      method: 'POST',
      path: /CreateArtifact$/,
      status: 400,
      body: { code: 'invalid_argument', msg: 'bad request' },
    });
    const bad = await uploadArtifacts([{ name: 'bmk_bad', files: [f.agg] }]);
    expect(bad[0]!.error).toMatch(/^artifact bmk_bad: .*400/);
    expect(readFileSync(f.agg, 'utf8')).toBe(JSON.stringify({ hw: 'h200', power_valid: 1 }));
  });

  it('reports an artifact whose files are all missing without calling the service', async () => {
    const before = fake.requests().length;
    const out = await uploadArtifacts([{ name: 'bmk_none', files: ['/nonexistent/agg.json'] }]);
    expect(out[0]!.error).toBe('artifact bmk_none: none of its files exist');
    expect(fake.requests().length).toBe(before);
  });

  it('zips paths relative to the deepest common folder', () => {
    expect(commonRoot(['/w/a/x.json', '/w/a/b/y.json'])).toBe('/w/a');
    expect(commonRoot(['/w/a/x.json', '/w/c/y.json'])).toBe('/w');
  });
});
