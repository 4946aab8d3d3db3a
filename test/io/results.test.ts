import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults } from '../../src/io/results.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

describe('loadResults sidecars', () => {
  it('reads the sidecar beside each agg JSON after a folder or a glob, but never one that links outside', async () => {
    const ws = tempWorkspace();
    const outside = tempWorkspace();
    writeFile(outside, 'power_validation_b.json', JSON.stringify({ reasons: ['outside_secret'] }));
    writeFile(ws, 'results/bmk_a/agg_a.json', JSON.stringify({ hw: 'h200', model: 'm', power_valid: 0 }));
    writeFile(ws, 'results/bmk_a/power_validation_a.json', JSON.stringify({ reasons: ['sampling_gap_exceeded'] }));
    writeFile(ws, 'results/bmk_b/agg_b.json', JSON.stringify({ hw: 'b200', model: 'm', power_valid: 0 }));
    symlinkSync(join(outside, 'power_validation_b.json'), join(ws, 'results/bmk_b/power_validation_b.json'));

    for (const input of ['results', 'results/*/agg_*.json']) {
      const loaded = await loadResults(ws, input, { confine: true });
      const reasons = Object.fromEntries(loaded.rows.map((r) => [r.source, r.reasons]));
      expect(reasons['results/bmk_a/agg_a.json'], input).toEqual(['sampling_gap_exceeded']);
      expect(reasons['results/bmk_b/agg_b.json'], input).not.toContain('outside_secret');
      expect(loaded.rows, input).toHaveLength(2);
    }
  });
});
