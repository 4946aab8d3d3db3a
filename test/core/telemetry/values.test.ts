import { describe, expect, it } from 'vitest';
import {
  cachedTimestampParser,
  localMinuteMs,
  nvidiaEpoch,
  nvidiaMinute,
  parsePower,
  parseTimestamp,
} from '../../../src/core/telemetry/values.js';

// The suite runs with TZ=UTC (vitest configs), so wall-clock times without a zone are UTC here.
const T0 = Date.UTC(2026, 4, 20, 12, 0, 1) / 1000;

describe('parseTimestamp', () => {
  it.each([
    ['nvidia-smi with one-digit fields', '2026/5/2 1:00:01', Date.UTC(2026, 4, 2, 1, 0, 1) / 1000],
    ['nvidia-smi with nanoseconds', '2026/05/20T12:00:01.123456789', T0 + 0.123456789],
    ['a leap second', '2026/05/20 12:00:60', T0 + 59],
    ['the last valid minute of a day', '2026/12/31 23:59:59', Date.UTC(2026, 11, 31, 23, 59, 59) / 1000],
    ['29 February of a leap year', '2024/02/29 00:00:00', Date.UTC(2024, 1, 29) / 1000],
    ['ISO without seconds', '2026-05-20T12:00', T0 - 1],
    ['ISO in lower case', '2026-05-20t12:00:01z', T0],
    ['ISO with a decimal comma', '2026-05-20 12:00:01,5Z', T0 + 0.5],
    ['ISO with a negative offset', '2026-05-20T10:30:01-01:30', T0],
    ['ISO with an offset without colon', '2026-05-20T14:00:01+0200', T0],
    ['ISO with a fraction and an offset', '2026-05-20T14:00:01.75+02:00', T0 + 0.75],
    // Year 99 is 0099, not 1999: days from 0001-01-01 are 98 x 365 + 24 leap days = 35,794.
    ['a two-digit year', '0099-01-01T00:00:00', -62_135_596_800 + 35_794 * 86_400],
    ['negative epoch seconds', '-5', -5],
    ['epoch seconds of 1e12 (not milliseconds)', '1000000000000', 1e12],
    ['epoch milliseconds just above 1e12', '1000000000001', 1_000_000_000.001],
  ])('reads %s', (_name, text, expected) => {
    expect(parseTimestamp(text)).toBeCloseTo(expected, 6);
  });

  it.each([
    '2026/05/20 12:00:01.1234567890',
    '2026/05/20 12:00',
    'x2026/05/20 12:00:01',
    '2026/05/20 12:00:01 x',
    '2026/05/20 12:00:01.',
    '2026/05/20_12:00:01',
    '2026/05/20 123:00:01',
    '2026/00/10 00:00:00',
    '2026/05/00 00:00:00',
    '2026/04/31 00:00:00',
    '2026/02/29 00:00:00',
    '2026/05/20 24:00:00',
    '2026/05/20 12:60:00',
    '2026/05/20 12:00:61',
    '2026-5-20T12:00:01',
    '2026-05-20T12:00:01+2',
    '2026-05-20T12:00:01.Z',
    '2026-05-20T12:00:01.1234567890Z',
    '2026-13-20T12:00:01Z',
    '2026-05-20T12:00:61Z',
    '2026-05-20T12:00:01 UTC',
    'x2026-05-20T12:00:01Z',
    '1779278401.',
    '.5',
    '12a',
    '9'.repeat(400),
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('nvidia-smi fast path', () => {
  const minute = Date.UTC(2026, 4, 20, 12, 34);

  it('reads the minute of a fixed-width stamp, ignoring what follows the seconds', () => {
    expect(nvidiaMinute('2026/05/20 12:34:56.789')).toBe(minute);
    expect(nvidiaMinute('2026/05/20 12:34:56 extra')).toBe(minute);
    expect(localMinuteMs(2026, 5, 20, 12, 34)).toBe(minute);
  });

  it.each([
    '2026/5/20 12:34:56',
    'x2026/05/20 12:34:56',
    '2026/05/20 24:00:00',
    '2026/02/30 00:00:00',
    '2026/05/20 12:34',
    '2026/05/20 12:34:5',
  ])('has no minute for %j', (text) => {
    expect(nvidiaMinute(text)).toBeUndefined();
  });

  it('adds the seconds and the fraction to the minute like the full parser', () => {
    expect(nvidiaEpoch(minute, 56, 0.789)).toBeCloseTo(minute / 1000 + 56.789, 6);
    expect(nvidiaEpoch(minute, 56, 0.789)).toBeCloseTo(parseTimestamp('2026/05/20 12:34:56.789') as number, 9);
  });
});

describe('cachedTimestampParser', () => {
  it('parses each new cell and repeats the last answer for the same cell', () => {
    const parse = cachedTimestampParser();
    expect(parse('2026/05/20 12:00:01')).toBe(T0);
    expect(parse('2026/05/20 12:00:01')).toBe(T0);
    expect(parse('2026/05/20 12:00:02')).toBe(T0 + 1);
    expect(parse('nonsense')).toBeUndefined();
    expect(parse('nonsense')).toBeUndefined();
    expect(parse('2026/05/20 12:00:01')).toBe(T0);
  });
});

describe('parsePower', () => {
  it.each([
    ['+5 W', 5],
    ['.5 W', 0.5],
    ['5. W', 5],
    ['1E3', 1000],
    ['1e+3 W', 1000],
    ['1e-3 W', 0.001],
    ['612.5  w', 612.5],
    ['.55 W', 0.55],
    ['1.5e10', 1.5e10],
  ])('%j -> %d W', (text, watts) => {
    expect(parsePower(text)).toBeCloseTo(watts, 9);
  });

  it.each(['W5', '5e W', '5 kW', '5 Watts', '1e999 W', '[N/A]', 'nan', '-'])('rejects %j', (text) => {
    expect(parsePower(text)).toBeUndefined();
  });
});
