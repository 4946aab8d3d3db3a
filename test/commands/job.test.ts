import { describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expectedGpusFor } from '../../src/commands/job.js';
import { cli, readJson, tempWorkspace } from '../helpers/workspace.js';

describe('expected GPUs when the agg JSON already exists', () => {
  it('takes the input, else TP x PP_SIZE x PCP_SIZE from the job environment', () => {
    expect(expectedGpusFor(4, { TP: '8' })).toBe(4);
    expect(expectedGpusFor(undefined, { TP: '8' })).toBe(8);
    expect(expectedGpusFor(undefined, { TP: '4', PP_SIZE: '2', PCP_SIZE: '2' })).toBe(16);
    expect(expectedGpusFor(undefined, { TP: '0' })).toBeUndefined();
    expect(expectedGpusFor(undefined, {})).toBeUndefined();
  });
});

describe('sweep-power job', () => {
  it('patches the sample workspace and prints the job summary; nothing is uploaded', async () => {
    const dir = tempWorkspace();
    cpSync(join(import.meta.dirname, '..', '..', 'examples', 'sweep'), dir, { recursive: true });
    const run = await cli(['job'], dir, { TP: '8' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 8 GPUs x 600 W x 60 s = 288,000 J over 30,000 output tokens.
    expect(run.stdout).toContain('| Avg power per GPU | 600.0 W |');
    expect(run.stdout).toContain('| Total GPU energy | 288,000 J |');
    expect(run.stdout).not.toContain('| Artifact |');
    expect(readJson(join(dir, 'agg_dsr1_fp8_h200_conc64.json'))).toMatchObject({
      power_valid: 1,
      joules_per_output_token: 9.6,
    });
  });

  it('refuses a telemetry path outside the folder and a bad GPU count', async () => {
    const dir = tempWorkspace();
    cpSync(join(import.meta.dirname, '..', '..', 'examples', 'sweep'), dir, { recursive: true });
    const outside = await cli(['job', '--gpu-metrics', '../gpu_metrics.csv'], dir, { TP: '8' });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^sweep-power job: "\.\.\/gpu_metrics\.csv" contains "\.\."/);
    const usage = await cli(['job', '--expected-num-gpus', 'eight'], dir, {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('an integer');
  });

  it.each(['0', '-1'])(
    'records invalid_expected_gpu_count for --expected-num-gpus %s, as mode aggregate does, and exits 0',
    async (count) => {
      const dir = tempWorkspace();
      cpSync(join(import.meta.dirname, '..', '..', 'examples', 'sweep'), dir, { recursive: true });
      const run = await cli(['job', '--expected-num-gpus', count], dir, {});
      expect(run.code).toBe(0);
      const sidecar = readJson(join(dir, 'power_validation_dsr1_fp8_h200_conc64.json')) as {
        power_valid: boolean;
        reasons: string[];
      };
      expect(sidecar.power_valid).toBe(false);
      expect(sidecar.reasons).toContain('invalid_expected_gpu_count');
      expect(readJson(join(dir, 'agg_dsr1_fp8_h200_conc64.json'))).toMatchObject({ power_valid: 0 });
    },
  );
});
