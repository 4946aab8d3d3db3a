import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, run } from '../src/main.js';
import { benchJson, readJson, tempWorkspace, writeFile } from './helpers/workspace.js';
import { AGG_DEVICES, buildPackage, PRODUCER_SHA } from './helpers/power-package.js';

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
}

describe('action inputs', () => {
  it('reads the aggregate-multinode inputs, hyphens kept', () => {
    inputs({
      mode: 'aggregate-multinode',
      'bench-result': 'b.json',
      'agg-result': 'a.json',
      'prefill-gpus': '4',
      'decode-gpus': '0',
      'power-dir': 'p',
    });
    expect(getConfig({ GITHUB_WORKSPACE: '/w' })).toMatchObject({
      mode: 'aggregate-multinode',
      prefillGpus: 4,
      decodeGpus: 0,
      powerDir: 'p',
      workspace: '/w',
    });
  });

  it('names the missing input', () => {
    inputs({ mode: 'aggregate-multinode', 'bench-result': 'b.json', 'agg-result': 'a.json', 'prefill-gpus': '4' });
    expect(() => getConfig({})).toThrow("input 'decode-gpus' is required");
  });

  it('process-result sets the topology output', async () => {
    const dir = tempWorkspace();
    const pkg = buildPackage(dir, { devices: AGG_DEVICES });
    writeFile(dir, 'res.json', JSON.stringify(pkg.bench));
    const outputFile = writeFile(dir, 'github_output', '');
    inputs({ mode: 'process-result' });
    const env: Record<string, string> = {
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TYPE: 'gb200',
      FRAMEWORK: 'dynamo-sglang',
      PRECISION: 'fp8',
      SPEC_DECODING: 'none',
      RESULT_FILENAME: 'res',
      ISL: '1024',
      OSL: '1024',
      DISAGG: 'true',
      MODEL_PREFIX: 'dsr1',
      IMAGE: 'img',
      IS_MULTINODE: 'true',
      PREFILL_GPUS: '4',
      DECODE_GPUS: '0',
      PREFILL_NUM_WORKERS: '2',
      PREFILL_TP: '2',
      PREFILL_EP: '1',
      PREFILL_DP_ATTN: 'false',
      POWER_PRODUCER_SHA: PRODUCER_SHA,
    };
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    await run();
    const outputs = readFileSync(outputFile, 'utf8');
    expect(outputs).toMatch(/topology<<\S+\nmultinode-agg\n/);
    expect(outputs).toMatch(/power-valid<<\S+\n1\n/);
    expect(readJson(join(dir, 'agg_res.json')).disagg).toBe(false);
    expect(process.exitCode).toBeUndefined();
  });

  it('process-result fails the step on a configuration error', async () => {
    const dir = tempWorkspace();
    writeFile(
      dir,
      'res.json',
      benchJson({ model_id: 'm', max_concurrency: 1, total_token_throughput: 1, output_throughput: 1 }),
    );
    inputs({ mode: 'process-result' });
    vi.stubEnv('GITHUB_WORKSPACE', dir);
    vi.stubEnv('GITHUB_OUTPUT', writeFile(dir, 'github_output', ''));
    vi.stubEnv('RESULT_FILENAME', 'res');
    await run();
    expect(process.exitCode).toBe(1);
  });
});
