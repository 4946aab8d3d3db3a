import { describe, expect, it } from 'vitest';
import { attemptOf, latestAttempts } from '../../../src/core/report/attempts.js';

describe('latest attempt of a re-run job', () => {
  it('reads the attempt from the artifact folder and keys by the path without it', () => {
    expect(attemptOf('results/bmk_a_attempt3/agg_a.json')).toEqual({ key: 'results/bmk_a/agg_a.json', attempt: 3 });
    expect(attemptOf('bmk_a/agg_a.json')).toEqual({ key: 'bmk_a/agg_a.json', attempt: 1 });
    // The file's own name is part of the key: a config named `…_attempt2` is its own config.
    expect(attemptOf('bmk_a_attempt2/agg_a_attempt2.json')).toEqual({ key: 'bmk_a/agg_a_attempt2.json', attempt: 2 });
  });

  it('keeps the highest attempt of each result and lists the rest as superseded', () => {
    const rows = [
      'bmk_a/agg_a.json',
      'bmk_a_attempt3/agg_a.json',
      'bmk_a_attempt2/agg_a.json',
      'bmk_b/agg_b.json',
      'bmk_c_attempt2/agg_c_attempt2.json',
      'bmk_c/agg_c.json',
    ].map((source) => ({ source }));
    const { rows: kept, superseded } = latestAttempts(rows);
    expect(kept.map((r) => r.source)).toEqual([
      'bmk_a_attempt3/agg_a.json',
      'bmk_b/agg_b.json',
      'bmk_c_attempt2/agg_c_attempt2.json',
      'bmk_c/agg_c.json',
    ]);
    expect(superseded.map((r) => r.source)).toEqual(['bmk_a/agg_a.json', 'bmk_a_attempt2/agg_a.json']);
  });
});
