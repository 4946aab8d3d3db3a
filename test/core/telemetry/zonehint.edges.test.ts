import { describe, expect, it } from 'vitest';
import { isZonelessTimestamp, zoneShiftHint } from '../../../src/core/telemetry/zonehint.js';

describe('isZonelessTimestamp', () => {
  it.each(['2026/05/20 12:00:01', '2026-05-20T12:00:01.25', ' 2026/5/2 1:00 ', '2026-05-20 12:00'])(
    '%j has no zone',
    (text) => {
      expect(isZonelessTimestamp(text)).toBe(true);
    },
  );

  it.each([
    '2026-05-20T12:00:01Z',
    '2026-05-20T12:00:01+02:00',
    '1779278401',
    'x2026/05/20 12:00:01',
    '2026/05/20 12:00:01x',
    '26/05/20 12:00:01',
    '2026/05/20 12:0:01',
    '2026/05/20 12:00:1',
    '2026/05/20 12:00:01.',
    '2026/05/20',
    '2026.05.20 12:00:01',
    '2026/05/20_12:00:01',
  ])('%j is not a zone-less wall-clock time', (text) => {
    expect(isZonelessTimestamp(text)).toBe(false);
  });
});

const HOUR = 3600;
const WINDOW = { start: 1_000_000, end: 1_000_600 };

/** A zone-less file that covers the window exactly once moved by `shiftS`. */
function spanNeeding(shiftS: number, zoneless = true) {
  return { first: WINDOW.start - shiftS, last: WINDOW.end - shiftS, zoneless };
}

describe('zoneShiftHint', () => {
  it('tells a machine two hours ahead to run with its own zone', () => {
    expect(zoneShiftHint(spanNeeding(-2 * HOUR), WINDOW, 'UTC')).toBe(
      "The telemetry's timestamps carry no time zone and were read in TZ=UTC; moved by -2 h they would cover the window, " +
        'so the machine that sampled ran on a clock 2 h ahead of that zone. ' +
        "Run the action (or the CLI) with TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC.",
    );
  });

  it.each([
    [3 * HOUR, 'moved by +3 h', '3 h behind'],
    [-14 * HOUR, 'moved by -14 h', '14 h ahead of'],
    [14 * HOUR, 'moved by +14 h', '14 h behind'],
    [-5.5 * HOUR, 'moved by -5 h 30 min', '5 h 30 min ahead of'],
    [0.5 * HOUR, 'moved by +0 h 30 min', '0 h 30 min behind'],
    [13.5 * HOUR, 'moved by +13 h 30 min', '13 h 30 min behind'],
    [-13.5 * HOUR, 'moved by -13 h 30 min', '13 h 30 min ahead of'],
  ])('finds a shift of %i s', (shift, moved, clock) => {
    const hint = zoneShiftHint(spanNeeding(shift), WINDOW, 'UTC');
    expect(hint).toContain(moved);
    expect(hint).toContain(`a clock ${clock} that zone`);
  });

  it('tries whole hours first, the smallest first', () => {
    // From 2 h before the window to 30 min after it: +30 min, +1 h and +2 h would each cover the window.
    const early = { first: WINDOW.start - 2 * HOUR, last: WINDOW.end + HOUR / 2, zoneless: true };
    expect(zoneShiftHint(early, WINDOW, 'UTC')).toContain('moved by +1 h they');
    const late = { first: WINDOW.start - HOUR / 2, last: WINDOW.end + 2 * HOUR, zoneless: true };
    expect(zoneShiftHint(late, WINDOW, 'UTC')).toContain('moved by -1 h they');
  });

  it.each([
    ['no zone at 14 h 30 min', spanNeeding(14.5 * HOUR)],
    ['a shift of 15 h', spanNeeding(-15 * HOUR)],
    ['a shift of 20 minutes', spanNeeding(20 * 60)],
    ['stamps with a zone', spanNeeding(-2 * HOUR, false)],
    ['an empty span', { first: 2_000_000, last: 1_000_000, zoneless: true }],
    ['an unknown span', { first: Number.NaN, last: Number.NaN, zoneless: true }],
    ['a span one second short of the window end', { ...spanNeeding(-HOUR), last: WINDOW.end + HOUR - 1 }],
    ['a span one second after the window start', { ...spanNeeding(-HOUR), first: WINDOW.start + HOUR + 1 }],
  ])('gives no hint for %s', (_name, span) => {
    expect(zoneShiftHint(span, WINDOW, 'UTC')).toBeUndefined();
  });

  it('gives no hint without a span', () => {
    expect(zoneShiftHint(undefined, WINDOW, 'UTC')).toBeUndefined();
  });

  it.each([
    [undefined, 'read in TZ unset (the system zone);'],
    ['', 'read in TZ unset (the system zone);'],
    ['Asia/Kolkata', 'read in TZ=Asia/Kolkata;'],
    ['UTC+05:30', 'read in TZ=UTC+05:30;'],
    ['A'.repeat(64), `read in TZ=${'A'.repeat(64)};`],
    ['A'.repeat(65), 'read in TZ;'],
    ['UTC;\nrm -rf', 'read in TZ;'],
    ['UTC rm', 'read in TZ;'],
  ])('shows TZ=%j only when it is a zone name or offset', (tz, shown) => {
    expect(zoneShiftHint(spanNeeding(HOUR), WINDOW, tz)).toContain(shown);
  });
});
