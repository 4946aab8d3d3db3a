import { describe, expect, it } from 'vitest';
import { patchMembers, readTopLevelObject, renderTopLevelObject } from '../../src/core/jsonmembers.js';

describe('readTopLevelObject', () => {
  it('keeps every value as its source text', () => {
    const r = readTopLevelObject(
      '{"a": 1.0, "1": {"n": [1, 2, {"x": null}]}, "big": 123456789012345678901, "s": "q\\"\\u00e9"}',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.members.map((m) => [m.key, m.valueRaw])).toEqual([
      ['a', '1.0'],
      ['1', '{"n": [1, 2, {"x": null}]}'],
      ['big', '123456789012345678901'],
      ['s', '"q\\"\\u00e9"'],
    ]);
  });

  it("accepts Python's NaN and Infinity, which the reference writes and reads", () => {
    const r = readTopLevelObject('{"a": NaN, "b": -Infinity}');
    expect(r.ok && r.members.map((m) => m.valueRaw)).toEqual(['NaN', '-Infinity']);
  });

  it.each([
    ['[1, 2]', 'the top-level JSON value is not an object'],
    ['', 'the file is empty'],
    ['{"a": 1,}', 'expected a string key at line 1 column 9'],
    ['{"a": 1}\n{"b": 2}', 'unexpected data after the JSON value at line 2 column 1'],
    ['{"a": [1, 2}', "expected ',' or ']' at line 1 column 12"],
    ['{"a": tru}', 'invalid value at line 1 column 7'],
    ['{"a": "x\ny"}', 'invalid value at line 1 column 7'],
    ['{"a": 1', 'unexpected end of input at line 1 column 8'],
  ])('rejects %j with a located error', (text, error) => {
    expect(readTopLevelObject(text)).toEqual({ ok: false, error });
  });

  it('reads a value nested 100,000 levels deep without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}, "k": 1}`;
    const r = readTopLevelObject(text);
    expect(r.ok && r.members.map((m) => m.key)).toEqual(['deep', 'k']);
    expect(readTopLevelObject(`{"deep": ${'['.repeat(depth)}}`).ok).toBe(false);
  });
});

describe('patchMembers', () => {
  it('updates existing keys in place, removes stale ones and appends new ones', () => {
    const r = readTopLevelObject('{"power_valid": 1, "avg_power_w": 5.0, "hw": "h200"}');
    if (!r.ok) throw new Error(r.error);
    const patched = patchMembers(r.members, new Set(['avg_power_w']), [
      ['power_metric_schema_version', '2'],
      ['power_valid', '0'],
    ]);
    expect(renderTopLevelObject(patched)).toBe(
      '{\n  "power_valid": 0,\n  "hw": "h200",\n  "power_metric_schema_version": 2\n}',
    );
  });
});
