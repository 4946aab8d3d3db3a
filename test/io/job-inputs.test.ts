import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  auditSideFiles,
  locateBenchResult,
  locateMultinodeManifest,
  locateTelemetry,
  resolveSingleInput,
} from '../../src/io/job-inputs.js';
import { artifactIdsOutput, jobArtifactRequests, uploadWarnings } from '../../src/github/artifacts.js';
import { loadResults } from '../../src/io/results.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

describe('job inputs', () => {
  it('finds the telemetry CSV from the input glob, the environment or the defaults', async () => {
    const ws = tempWorkspace();
    const csv = writeFile(ws, 'logs/gpu_metrics_node0.csv', 'x');
    expect((await locateTelemetry(ws, 'logs/gpu_metrics_*.csv', {})).path).toBe(csv);
    expect((await locateTelemetry(ws, undefined, { GPU_METRICS_CSV: 'logs/gpu_metrics_node0.csv' })).path).toBe(csv);
    const fallback = await locateTelemetry(ws, undefined, {});
    expect(fallback.searched).toEqual([join(ws, 'gpu_metrics.csv'), '/workspace/gpu_metrics.csv']);
    writeFile(ws, 'logs/gpu_metrics_node1.csv', 'x');
    await expect(locateTelemetry(ws, 'logs/*.csv', {})).rejects.toThrow(/matches more than one file/);
    await expect(resolveSingleInput(ws, 'gpu-metrics', '../elsewhere.csv')).rejects.toThrow(/contains "\.\."/);
  });

  it('refuses an input that escapes through a symlink', async () => {
    const ws = tempWorkspace();
    const outside = tempWorkspace();
    writeFile(outside, 'gpu_metrics.csv', 'x');
    symlinkSync(join(outside, 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
    await expect(locateTelemetry(ws, 'gpu_metrics.csv', {})).rejects.toThrow(/symlink/);
  });

  it('finds the bench result by name or by its window field', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'agg_run.json', '{"benchmark_start_time_unix": 1}');
    writeFile(ws, 'other.json', '{"x": 1}');
    await expect(locateBenchResult(ws, undefined, {})).rejects.toThrow(/no benchmark result/);
    const bench = writeFile(ws, 'run.json', '{"benchmark_start_time_unix": 1}');
    expect(await locateBenchResult(ws, undefined, {})).toEqual({ path: bench, resultFilename: 'run', refused: [] });
    expect(await locateBenchResult(ws, undefined, { RESULT_FILENAME: 'run' })).toEqual({
      path: bench,
      resultFilename: 'run',
      refused: [],
    });
    writeFile(ws, 'run2.json', '{"benchmark_start_time_unix": 2}');
    await expect(locateBenchResult(ws, undefined, {})).rejects.toThrow(/more than one benchmark result/);
    await expect(locateBenchResult(ws, 'missing', {})).rejects.toThrow(/input 'result-filename'.*does not exist/);
    await expect(locateBenchResult(ws, '/etc/passwd', {})).rejects.toThrow(/outside the workspace/);
  });

  it('finds the multinode manifest and the audit side files', async () => {
    const ws = tempWorkspace();
    expect(await locateMultinodeManifest(ws)).toBeUndefined();
    const manifest = writeFile(ws, 'power/manifest.json', '{}');
    expect(await locateMultinodeManifest(ws)).toBe(manifest);
    const start = writeFile(ws, 'gpu_metrics_energy_start.csv', 'x');
    expect(auditSideFiles(ws, ws)).toEqual({ files: [start], refused: [] });
  });
});

describe('job artifacts', () => {
  it('names and fills bmk_ and power_audit_ artifacts', () => {
    const requests = jobArtifactRequests({
      resultFilename: 'run',
      prefix: 'p-',
      aggResults: ['/w/agg_run.json'],
      benchResult: '/w/run.json',
      telemetryCsv: '/w/gpu_metrics.csv',
      sidecars: ['/w/power_validation_run.json'],
      extras: ['/w/gpu_metrics_energy_start.csv', '/w/agg_run.json'],
    });
    expect(requests).toEqual([
      { name: 'p-bmk_run', files: ['/w/agg_run.json'] },
      {
        name: 'p-power_audit_run',
        files: [
          '/w/run.json',
          '/w/agg_run.json',
          '/w/gpu_metrics.csv',
          '/w/power_validation_run.json',
          '/w/gpu_metrics_energy_start.csv',
        ],
      },
    ]);
    const outcomes = [
      { name: 'bmk_run', files: ['/w/agg_run.json'], missing: [], id: 4 },
      {
        name: 'power_audit_run',
        files: ['/w/run.json'],
        missing: [],
        error: 'artifact power_audit_run: Received non-retryable error: Failed request: (409) Conflict',
      },
    ];
    expect(artifactIdsOutput(outcomes)).toBe('bmk_run=4');
    expect(uploadWarnings(outcomes)).toEqual([
      'Upload failed, artifact power_audit_run: Received non-retryable error: Failed request: (409) Conflict. Artifact names must be unique in a workflow run: give each job a distinct RESULT_FILENAME or artifact-prefix. The files stay in the workspace: run.json.',
    ]);
  });

  it('reads reasons from downloaded power_audit_* artifacts and skips raw results', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'results/power_audit_run/agg_run.json', JSON.stringify({ hw: 'h200', power_valid: 0 }));
    writeFile(ws, 'results/power_audit_run/run.json', JSON.stringify({ benchmark_start_time_unix: 1, model_id: 'm' }));
    writeFile(
      ws,
      'results/power_audit_run/power_validation_run.json',
      JSON.stringify({ reasons: ['benchmark_window_not_bracketed'] }),
    );
    writeFile(ws, 'results/power_audit_run/gpu_metrics.csv', 'x');
    const loaded = await loadResults(ws, 'results', { confine: true });
    expect(loaded.rows).toHaveLength(1);
    expect(loaded.rows[0]!.reasons).toEqual(['benchmark_window_not_bracketed']);
  });
});
