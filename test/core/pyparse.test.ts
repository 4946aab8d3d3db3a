import { describe, expect, it } from 'vitest';
import { pyFloatOfText, pyIntOfText } from '../../src/core/pyparse.js';

// Expected values are Python 3.11's int(text) / float(text); undefined where Python raises ValueError.
describe('Python int()/float() of text', () => {
  it.each([
    ['32', 32, 32],
    [' \t32\n', 32, 32],
    ['\u00a032\u3000', 32, 32], // str.isspace() characters are stripped
    ['\ufeff32', undefined, undefined], // a BOM is not whitespace to Python
    ['3_2', 32, 32],
    ['3__2', undefined, undefined],
    ['_32', undefined, undefined],
    ['+32', 32, 32],
    ['-32', -32, -32],
    ['007', 7, 7],
    ['\u0663\u0662', 32, 32], // Arabic-Indic digits
    ['\u{1d7d1}\u{1d7d0}', 32, 32], // mathematical bold digits
    ['32.0', undefined, 32],
    ['1.', undefined, 1],
    ['.5', undefined, 0.5],
    ['.', undefined, undefined],
    ['1e3', undefined, 1000],
    ['1_0.5_0e1_0', undefined, 105000000000],
    ['1._5', undefined, undefined],
    ['0x20', undefined, undefined],
    ['1 2', undefined, undefined],
    ['', undefined, undefined],
    ['1e400', undefined, Infinity],
    ['-Infinity', undefined, -Infinity],
    ['infinity ', undefined, Infinity],
  ])('%j: int %s, float %s', (text, asInt, asFloat) => {
    expect(pyIntOfText(text)).toBe(asInt);
    expect(pyFloatOfText(text)).toBe(asFloat);
  });

  it('reads nan in any case and sign as NaN', () => {
    for (const text of ['nan', 'NaN', '-nan', '+NAN']) expect(pyFloatOfText(text)).toBeNaN();
    expect(pyIntOfText('nan')).toBeUndefined();
  });
});
