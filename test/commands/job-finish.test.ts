import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { finishJob, topologyKindOf } from '../../src/commands/job-finish.js';
import { FakeArtifacts, runtimeToken } from '../fakes/artifacts.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

let fake: FakeArtifacts;
const saved = { ...process.env };
beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  fake = await new FakeArtifacts().start();
  Object.assign(process.env, {
    ACTIONS_RESULTS_URL: fake.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken('run-finish', 'job-finish'),
    GITHUB_SERVER_URL: 'https://github.com',
  });
});
afterAll(async () => {
  await fake.stop();
  process.env = saved;
  vi.restoreAllMocks();
});

function job(ws: string, stem: string, agg: Record<string, unknown>) {
  return {
    agg: writeFile(ws, `agg_${stem}.json`, JSON.stringify(agg)),
    bench: writeFile(ws, `${stem}.json`, '{"benchmark_start_time_unix": 1}'),
    csv: writeFile(ws, 'gpu_metrics.csv', 'timestamp, index, power.draw [W]\n'),
    sidecar: writeFile(
      ws,
      `power_validation_${stem}.json`,
      JSON.stringify({
        power_valid: agg.power_valid === 1,
        reasons: agg.power_valid === 1 ? [] : ['sampling_gap_exceeded'],
        observed_gpu_count: 8,
      }),
    ),
    energy: writeFile(ws, 'gpu_metrics_energy_start.csv', 'x'),
  };
}

describe('finishJob', () => {
  it('uploads both artifacts, renders the summary and sets the outputs', async () => {
    const ws = tempWorkspace();
    const f = job(ws, 'dsr1_conc4', {
      hw: 'h200',
      model: 'm',
      conc: 4,
      power_valid: 1,
      avg_power_w: 600,
      total_gpu_energy_j: 288000,
      joules_per_output_token: 9.6,
      is_multinode: false,
    });
    const result = await finishJob({
      resultFilename: 'dsr1_conc4',
      aggResults: [f.agg],
      benchResult: f.bench,
      telemetryCsv: f.csv,
      upload: true,
      retentionDays: 3,
      runId: '12',
      visualizerUrl: 'https://v.test',
    });
    expect(result.warnings).toEqual([]);
    const uploaded = fake.uploaded();
    expect(uploaded.find((a) => a.name === 'bmk_dsr1_conc4')!.files).toEqual(['agg_dsr1_conc4.json']);
    expect(uploaded.find((a) => a.name === 'power_audit_dsr1_conc4')!.files).toEqual([
      'agg_dsr1_conc4.json',
      'dsr1_conc4.json',
      'gpu_metrics.csv',
      'gpu_metrics_energy_start.csv',
      'power_validation_dsr1_conc4.json',
    ]);
    expect(result.outputs).toMatchObject({
      'agg-result': f.agg,
      'power-valid': '1',
      'avg-power-w': '600',
      'total-gpu-energy-j': '288000',
      'joules-per-output-token': '9.6',
      topology: 'single-node',
    });
    expect(result.outputs['artifact-ids']).toMatch(/^bmk_dsr1_conc4=\d+,power_audit_dsr1_conc4=\d+$/);
    expect(result.summary).toContain('| GPUs | 8 |');
    expect(result.summary).toContain('[inference](https://v.test/inference?unofficialRun=12)');
  });

  it('warns with the artifact name when an upload fails and keeps the files', async () => {
    const ws = tempWorkspace();
    const f = job(ws, 'dup', { hw: 'h200', power_valid: 0 });
    await finishJob({ resultFilename: 'dup', aggResults: [f.agg], upload: true });
    const before = readFileSync(f.agg, 'utf8');
    const again = await finishJob({ resultFilename: 'dup', aggResults: [f.agg], benchResult: f.bench, upload: true });
    expect(again.warnings).toHaveLength(2);
    expect(again.warnings[0]).toMatch(
      /^Upload failed, artifact bmk_dup: .*409.*The files stay in the workspace: agg_dup\.json\.$/,
    );
    expect(again.outputs['power-valid']).toBe('0');
    expect(again.outputs['avg-power-w']).toBe('');
    expect(again.summary).toContain('❌ invalid: sampling\\_gap\\_exceeded');
    expect(again.summary).toContain('⚠️ artifact bmk\\_dup');
    expect(readFileSync(f.agg, 'utf8')).toBe(before);
  });

  it('skips uploads when upload is false', async () => {
    const ws = tempWorkspace();
    const f = job(ws, 'local', { hw: 'h200', power_valid: 1, avg_power_w: 1 });
    const count = fake.requests().length;
    const result = await finishJob({ resultFilename: 'local', aggResults: [f.agg], upload: false });
    expect(fake.requests().length).toBe(count);
    expect(result.outputs['artifact-ids']).toBe('');
  });

  it('names the topology as process-result does', () => {
    expect(topologyKindOf({ is_multinode: false, disagg: false })).toBe('single-node');
    expect(topologyKindOf({ is_multinode: true, disagg: true })).toBe('multinode-disagg');
    expect(topologyKindOf({ is_multinode: 'True', disagg: false })).toBe('multinode-agg');
    expect(topologyKindOf({})).toBe('single-node');
  });
});
