import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, benchJson, cli, nvidiaTimestamp, readJson, tempWorkspace, writeFile } from './helpers/workspace.js';

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
    const power = (t: number): number => (t < BASE ? 100 : t <= BASE + 60 ? ((t - BASE) % 2 === 0 ? 500 : 700) : 200);
    const lines = ['timestamp, index, power.draw [W], enforced.power.limit [W], total_energy_consumption [J]'];
    let counterJ = 5e6;
    for (let t = BASE - 20; t <= BASE + 90; t++) {
      if (t > BASE - 20) counterJ += (power(t - 1) + power(t)) / 2;
      for (let g = 0; g < 8; g++)
        lines.push(`${nvidiaTimestamp(t)}, ${g}, ${power(t).toFixed(2)} W, 620.00 W, ${counterJ.toFixed(3)}`);
    }
    writeFile(dir, 'gpu_metrics.csv', `${lines.join('\n')}\n`);
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
