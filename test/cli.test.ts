import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readJson, tempWorkspace } from './helpers/workspace.js';

const NAME = 'dsr1_fp8_h200_conc64';

/** The sample sweep: 8 GPUs at 600 W over the 60 s window. */
function sweep(): string {
  const dir = tempWorkspace();
  cpSync(join(import.meta.dirname, '..', 'examples', 'sweep'), dir, { recursive: true });
  return dir;
}

const aggregate = ['aggregate', '--bench-result', `${NAME}.json`, '--agg-result', `agg_${NAME}.json`];

describe('sweep-power flags', () => {
  it.each([[['--expected-num-gpus', '-1']], [['--expected-num-gpus=-1']], [['--expected-num-gpus', '0']]])(
    '%j is a GPU count: an audit record, exit 0',
    async (flag) => {
      const dir = sweep();
      const run = await cli([...aggregate, ...flag], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(readJson(join(dir, `power_validation_${NAME}.json`)).reasons).toEqual(['invalid_expected_gpu_count']);
      expect(readJson(join(dir, `agg_${NAME}.json`)).power_valid).toBe(0);
    },
  );

  it('reads a negative sample gap as a value and records it', async () => {
    const dir = sweep();
    const run = await cli([...aggregate, '--expected-num-gpus', '8', '--max-sample-gap', '-1'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readJson(join(dir, `power_validation_${NAME}.json`)).reasons).toEqual(['invalid_max_sample_gap']);
  });

  it('still refuses a flag that does not exist after a flag that takes a value', async () => {
    const dir = sweep();
    const run = await cli([...aggregate, '--expected-num-gpus', '--bogus'], dir);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, `agg_${NAME}.json`), 'utf8')).toBe(
      readFileSync(join(import.meta.dirname, '..', 'examples', 'sweep', `agg_${NAME}.json`), 'utf8'),
    );
  });

  it('refuses a REQUIRE_POWER that is not a boolean, naming the variable', async () => {
    const run = await cli([...aggregate, '--expected-num-gpus', '8'], sweep(), { REQUIRE_POWER: 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('REQUIRE_POWER is "sometimes"; expected true or false');
  });

  it("prints one command's flags, generated from its options", async () => {
    const run = await cli(['process-result', '--help'], tempWorkspace());
    expect(run.code).toBe(0);
    for (const flag of ['--result-dir DIR', '--csv CSV', '--max-sample-gap SECONDS', '--require-power'])
      expect(run.stdout).toContain(flag);
    expect(run.stdout).not.toContain('--bench-result');
  });
  it.each([
    [['--agg-result', `agg_${NAME}.json`, '--expected-num-gpus', '8'], '--bench-result is required'],
    [['--bench-result', `${NAME}.json`, '--agg-result', `agg_${NAME}.json`], '--expected-num-gpus is required'],
    [
      ['--bench-result', `${NAME}.json`, '--agg-result', `agg_${NAME}.json`, '--expected-num-gpus', 'eight'],
      '--expected-num-gpus must be an integer',
    ],
    [
      ['--bench-result', `${NAME}.json`, '--agg-result', `agg_${NAME}.json`, '--expected-num-gpus', '8', '--bogus'],
      "Unknown option '--bogus'",
    ],
  ])('usage error %j exits 2 and writes nothing', async (args, message) => {
    const dir = sweep();
    const run = await cli(['aggregate', ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readFileSync(join(dir, `agg_${NAME}.json`), 'utf8')).toBe(
      readFileSync(join(import.meta.dirname, '..', 'examples', 'sweep', `agg_${NAME}.json`), 'utf8'),
    );
    expect(() => readJson(join(dir, `power_validation_${NAME}.json`))).toThrow();
  });
});
