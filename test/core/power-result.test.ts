import { describe, expect, it } from 'vitest';
import { powerExitCode, powerFailureLines, reasonCodes } from '../../src/core/power-result.js';
import type { Finding } from '../../src/core/reasons.js';

const reasons: Finding[] = [
  { code: 'sampling_gap_exceeded', message: 'GPU 3 has a 5 s gap in the window.' },
  { code: 'expected_gpu_count_mismatch', message: 'found 7 GPUs, expected 8.' },
];

describe('reasonCodes', () => {
  it('lists the codes in the order of the reasons', () => {
    expect(reasonCodes(reasons)).toEqual(['sampling_gap_exceeded', 'expected_gpu_count_mismatch']);
    expect(reasonCodes([])).toEqual([]);
  });
});

describe('powerExitCode', () => {
  it.each([
    // valid, written, require-power -> exit code
    [true, true, true, 0],
    [false, true, true, 1],
    [true, false, true, 1],
    [false, false, true, 1],
    [true, true, false, 0],
    [false, true, false, 0],
    [true, false, false, 0],
    [false, false, false, 0],
  ])('valid=%s, sidecar written=%s, require-power=%s gives %i', (valid, written, require, code) => {
    expect(powerExitCode(valid, written, require)).toBe(code);
  });
});

describe('powerFailureLines', () => {
  it('gives one line with every code and the audit record, then one indented line per reason', () => {
    expect(powerFailureLines('aggregate', reasons, '/w/power_validation_r.json')).toEqual([
      'sweep-power aggregate: Power validation failed: sampling_gap_exceeded, expected_gpu_count_mismatch (details: /w/power_validation_r.json)',
      '  sampling_gap_exceeded: GPU 3 has a 5 s gap in the window.',
      '  expected_gpu_count_mismatch: found 7 GPUs, expected 8.',
    ]);
  });

  it('still names the mode and the record without reasons', () => {
    expect(powerFailureLines('aggregate-multinode', [], 'x.json')).toEqual([
      'sweep-power aggregate-multinode: Power validation failed:  (details: x.json)',
    ]);
  });
});
