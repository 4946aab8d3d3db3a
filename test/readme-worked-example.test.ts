import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchJson, cli, readJson, squareWaveTelemetry, tempWorkspace, writeFile } from './helpers/workspace.js';

/** The rows of the README's worked-example table: a sidecar field path and the value printed for it. */
function readmeRows(): Array<{ path: string; printed: string }> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const block = /<!-- worked-example:start -->\n([\s\S]*?)<!-- worked-example:end -->/.exec(readme)?.[1] ?? '';
  return [...block.matchAll(/^\| `([^`]+)` \| ([\d.,]+) \|/gm)].map((m) => ({
    path: m[1] as string,
    printed: m[2] as string,
  }));
}

function at(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('README: the worked example of "What the numbers mean"', () => {
  it('prints the values aggregate computes for the input it describes', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'gpu_metrics.csv', squareWaveTelemetry());
    writeFile(dir, 'bench.json', benchJson({ total_output_tokens: 30_000, max_concurrency: 64 }));
    writeFile(dir, 'agg.json', '{}');
    expect(
      (
        await cli(
          ['aggregate', '--bench-result', 'bench.json', '--agg-result', 'agg.json', '--expected-num-gpus', '8'],
          dir,
        )
      ).code,
    ).toBe(0);
    const insights = readJson(join(dir, 'power_validation_bench.json')).insights;
    const rows = readmeRows();
    expect(rows.length).toBe(11);
    for (const { path, printed } of rows) {
      const decimals = printed.includes('.') ? (printed.split('.')[1] as string).length : 0;
      const actual = at(insights, path);
      expect(typeof actual, path).toBe('number');
      // The README rounds to the digits it prints.
      expect(Math.abs((actual as number) - Number(printed.replace(/,/g, ''))), path).toBeLessThanOrEqual(
        0.5 * 10 ** -decimals,
      );
    }
    expect(at(insights, 'counter.agreement')).toBe('ok');
  });
});
