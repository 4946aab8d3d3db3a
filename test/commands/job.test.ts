import { describe, expect, it } from 'vitest';
import { expectedGpusFor } from '../../src/commands/job.js';

describe('expected GPUs when the agg JSON already exists', () => {
  it('takes the input, else TP x PP_SIZE x PCP_SIZE from the job environment', () => {
    expect(expectedGpusFor(4, { TP: '8' })).toBe(4);
    expect(expectedGpusFor(undefined, { TP: '8' })).toBe(8);
    expect(expectedGpusFor(undefined, { TP: '4', PP_SIZE: '2', PCP_SIZE: '2' })).toBe(16);
    expect(expectedGpusFor(undefined, { TP: '0' })).toBeUndefined();
    expect(expectedGpusFor(undefined, {})).toBeUndefined();
  });
});
