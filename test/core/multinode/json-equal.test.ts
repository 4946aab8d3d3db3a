import { describe, expect, it } from 'vitest';
import { canonicalJson, pyEqual } from '../../../src/core/multinode/json-equal.js';
import { PyRawValue } from '../../../src/core/pyjson.js';

describe('pyEqual', () => {
  it('ignores the key order of objects, at any depth', () => {
    expect(pyEqual({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
  });

  it('counts True as 1 and False as 0, as Python does', () => {
    expect(pyEqual(true, 1)).toBe(true);
    expect(pyEqual(0, false)).toBe(true);
    expect(pyEqual([true, false], [1, 0])).toBe(true);
    expect(pyEqual(true, 2)).toBe(false);
    expect(pyEqual(true, 'true')).toBe(false);
    expect(pyEqual(false, null)).toBe(false);
  });

  it('compares lists in order and by length', () => {
    expect(pyEqual([1, 2], [2, 1])).toBe(false);
    expect(pyEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(pyEqual([1, 2, 3], [1, 2])).toBe(false);
    expect(pyEqual([], [])).toBe(true);
  });

  it('tells lists, objects, null and scalars apart', () => {
    expect(pyEqual([], {})).toBe(false);
    expect(pyEqual({}, [])).toBe(false);
    expect(pyEqual({ 0: 'a' }, ['a'])).toBe(false);
    // A string has a length and indexes too, but is not a list.
    expect(pyEqual(['a'], 'a')).toBe(false);
    expect(pyEqual('ab', ['a', 'b'])).toBe(false);
    expect(pyEqual(null, {})).toBe(false);
    expect(pyEqual({}, null)).toBe(false);
    expect(pyEqual(null, null)).toBe(true);
    expect(pyEqual(null, 0)).toBe(false);
    expect(pyEqual('1', 1)).toBe(false);
    expect(pyEqual({ a: 1 }, 'x')).toBe(false);
  });

  it('requires the same keys on both sides', () => {
    expect(pyEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(pyEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(pyEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(pyEqual({ a: 1 }, { a: 2 })).toBe(false);
    // An inherited name is not a key of the other object.
    expect(pyEqual({ toString: 1 }, { valueOf: 1 })).toBe(false);
  });

  it('finds NaN unequal to itself, as two parsed NaN floats are', () => {
    expect(pyEqual(Number.NaN, Number.NaN)).toBe(false);
    expect(pyEqual(-0, 0)).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('writes objects with sorted keys at every depth, lists in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null }, B: 'x' })).toBe(
      '{"B":"x","a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same content whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [2, 3] })).toBe(canonicalJson({ y: [2, 3], x: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it("keeps values that differ in JSON apart, even where Python's == would not", () => {
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(1)).toBe('1');
    expect(canonicalJson('1')).toBe('"1"');
    expect(canonicalJson('a"b\n')).toBe('"a\\"b\\n"');
  });

  it('writes the NaN and Infinity tokens and raw values as read', () => {
    expect(canonicalJson([Number.NaN, Infinity, -Infinity])).toBe('[NaN,Infinity,-Infinity]');
    expect(canonicalJson({ v: new PyRawValue('[NaN, 1.0]') })).toBe('{"v":[NaN, 1.0]}');
  });

  it('writes a missing value as null', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ a: undefined })).toBe('{"a":null}');
  });
});
