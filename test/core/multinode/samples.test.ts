import { describe, expect, it } from 'vitest';
import { parseSampleRow, SampleTable, checkWireContract } from '../../../src/core/multinode/index.js';

const row = (t: number, seq: number, watts = 500, uuid = 'GPU-a'): string[] => [
  '1',
  String(t),
  String(seq),
  'node',
  '0',
  uuid,
  String(watts),
];

describe('samples.csv rows', () => {
  it('refuses a row that breaks the contract', () => {
    expect(parseSampleRow(row(1000, 0))).toEqual({
      time: 1000,
      seq: 0,
      hostname: 'node',
      gpuIndex: 0,
      uuid: 'GPU-a',
      watts: 500,
    });
    expect(parseSampleRow(row(1000, 0, -1))).toBeUndefined();
    expect(parseSampleRow(['2', ...row(1000, 0).slice(1)])).toBeUndefined();
    expect(parseSampleRow(row(1000, 0).slice(0, 6))).toBeUndefined();
  });

  it('keeps the first row of a repeated scrape and flags time going backwards', () => {
    const table = new SampleTable();
    for (const cells of [row(1000, 0, 100), row(1000, 0, 999), row(1001, 1), row(999, 2)])
      table.add(parseSampleRow(cells)!);
    const summary = table.summarise();
    expect(summary.rowCount).toBe(3);
    expect(summary.duplicateRows).toBe(1);
    expect(summary.nonMonotonic).toBe(true);
    expect(summary.devices[0]?.powers).toEqual([500, 100, 500]);
  });
});

describe('checkWireContract', () => {
  it('names every field that is not the v1 contract', () => {
    const failures = checkWireContract({ schema_version: 2, status: 'running', reason_codes: ['exporter_exited'] });
    expect(failures).toContain('manifest schema_version is 2, expected 1');
    expect(failures).toContain('manifest status is "running", expected "complete"');
    expect(failures).toContain('complete manifest carries lifecycle-failure reasons: exporter_exited');
  });
});
