import { describe, expect, it } from 'vitest';
import { logValue, neutralizeLogText, revealHidden } from '../../src/core/logtext.js';
import { runnerCommands } from '../helpers/runner-commands.js';

describe('neutralizeLogText', () => {
  it('leaves ordinary text alone, keeping its lines', () => {
    expect(neutralizeLogText('a: b\nc::d e')).toBe('a: b\nc::d e');
  });

  it('breaks a command at any line start, after any line break the runner or a viewer knows', () => {
    for (const br of ['\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u2029']) {
      const out = neutralizeLogText(`ok${br}  \u00a0::add-mask::secret`);
      expect(runnerCommands(out)).toEqual([]);
      expect(out).toBe('ok\n  \u00a0:\u2060:add-mask::secret');
    }
  });

  it('breaks the legacy ##[command] form anywhere in a line', () => {
    expect(neutralizeLogText('x ##[error]y ###[warning]z')).toBe('x #\u2060#[error]y ##\u2060#[warning]z');
    expect(runnerCommands(neutralizeLogText('x ##[error]y'))).toEqual([]);
  });

  it('shows every Bidi_Control character and the tag block instead of passing them', () => {
    // U+061C ARABIC LETTER MARK, U+200E/F, U+202A-E, U+2066-9, and tags U+E0001, U+E007F.
    const hidden = [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u{e0001}',
      '\u{e0041}',
      '\u{e007f}',
    ];
    const out = revealHidden(`a${hidden.join('')}b`);
    expect(out).toBe('a<U+061C><U+200E><U+200F><U+202A><U+202E><U+2066><U+2069><U+E0001><U+E0041><U+E007F>b');
  });

  it('logValue keeps one value on one line', () => {
    expect(logValue('a\nb\r\nc\u2028d')).toBe('a\\nb\\r\\nc\\u2028d');
  });
});
