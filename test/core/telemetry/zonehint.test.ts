import { describe, expect, it } from 'vitest';
import { isZonelessTimestamp, type TelemetrySpan, zoneShiftHint } from '../../../src/core/telemetry/zonehint.js';

const H = 3600;
const FIX =
  "Run the action (or the CLI) with TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC.";

describe('isZonelessTimestamp', () => {
  it.each([
    '2026/05/20 12:00:01.123', // nvidia-smi
    '2026-05-20T12:00:01.5',
    '2026-5-2 7:00:01',
    '2026-05-20 12:00', // no seconds
    '  2026-05-20 12:00:01  ',
  ])('is true for the wall-clock time %j', (text) => {
    expect(isZonelessTimestamp(text)).toBe(true);
  });

  it.each([
    '2026-05-20T12:00:01Z',
    '2026-05-20T12:00:01+02:00',
    '2026-05-20 12:00:01 UTC',
    '2026-05-20', // no time of day
    '1779278401.5', // unix seconds are absolute
    '2026-05-20T12:00:01.', // a dot without digits
    '',
  ])('is false for %j', (text) => {
    expect(isZonelessTimestamp(text)).toBe(false);
  });
});

describe('zoneShiftHint', () => {
  const span = (first: number, last: number, zoneless = true): TelemetrySpan => ({ first, last, zoneless });

  it('says the sampling clock ran behind when the samples must move later', () => {
    // Samples 0..100 s; window 3,650..3,660 s. +1 h moves them to 3,600..3,700, which covers the window.
    expect(zoneShiftHint(span(0, 100), { start: H + 50, end: H + 60 }, 'UTC')).toBe(
      "The telemetry's timestamps carry no time zone and were read in TZ=UTC; moved by +1 h they would cover the window, " +
        `so the machine that sampled ran on a clock 1 h behind that zone. ${FIX}`,
    );
  });

  it('says the sampling clock ran ahead when the samples must move earlier', () => {
    // Samples 0..100 s; window -7,150..-7,140 s: only -2 h (-7,200..-7,100) covers it.
    expect(zoneShiftHint(span(0, 100), { start: -2 * H + 50, end: -2 * H + 60 }, 'Europe/Berlin')).toBe(
      "The telemetry's timestamps carry no time zone and were read in TZ=Europe/Berlin; moved by -2 h they would cover the window, " +
        `so the machine that sampled ran on a clock 2 h ahead of that zone. ${FIX}`,
    );
  });

  it('tries half-hour zones when no whole hour fits', () => {
    // Samples 0..100 s; window 19,810..19,820 s needs a shift in 19,720..19,810 s: 5.5 h = 19,800 s (5 h and 6 h miss).
    const hint = zoneShiftHint(span(0, 100), { start: 5.5 * H + 10, end: 5.5 * H + 20 }, undefined);
    expect(hint).toContain('read in TZ unset (the system zone); moved by +5 h 30 min they would cover the window');
    expect(hint).toContain('on a clock 5 h 30 min behind that zone');
    // -0.5 h: the smallest half-hour zone.
    expect(zoneShiftHint(span(0, 100), { start: -H / 2 + 10, end: -H / 2 + 20 }, '')).toContain(
      'moved by -0 h 30 min they would cover the window, so the machine that sampled ran on a clock 0 h 30 min ahead of that zone',
    );
  });

  it('takes the smallest shift that fits, the earlier direction first', () => {
    // Samples 0..10,000 s; window 5,000..5,001 s: a shift s fits when 5,001 - 10,000 <= s <= 5,000, so both
    // -1 h and +1 h fit; -1 h is tried first.
    expect(zoneShiftHint(span(0, 10_000), { start: 5_000, end: 5_001 }, 'UTC')).toContain('moved by -1 h they');
    // Window 9,000..9,001 s: -999 <= s <= 9,000, so -1 h misses and +1 h is next. No zero shift is offered.
    expect(zoneShiftHint(span(0, 10_000), { start: 9_000, end: 9_001 }, 'UTC')).toContain('moved by +1 h they');
    // Samples 0..100 s; window 1,799..3,701 s is wider than the samples: nothing fits.
    expect(zoneShiftHint(span(0, 100), { start: 1_799, end: 3_701 }, 'UTC')).toBeUndefined();
  });

  it('accepts a shifted span that meets the window edges exactly', () => {
    // +1 h: 3,600..3,700 against the window 3,600..3,700.
    expect(zoneShiftHint(span(0, 100), { start: H, end: H + 100 }, 'UTC')).toContain('moved by +1 h they');
    // One timestamp is a span too: 0 s moved by +1 h is the instant 3,600 s.
    expect(zoneShiftHint(span(0, 0), { start: H, end: H }, 'UTC')).toContain('moved by +1 h they');
  });

  it('tries up to 14 hours each way and no further', () => {
    expect(zoneShiftHint(span(0, 100), { start: 14 * H, end: 14 * H + 100 }, 'UTC')).toContain('moved by +14 h they');
    expect(zoneShiftHint(span(0, 100), { start: -14 * H, end: -14 * H + 100 }, 'UTC')).toContain('moved by -14 h they');
    expect(zoneShiftHint(span(0, 100), { start: 13.5 * H, end: 13.5 * H + 100 }, 'UTC')).toContain(
      'moved by +13 h 30 min they',
    );
    expect(zoneShiftHint(span(0, 100), { start: 15 * H, end: 15 * H + 100 }, 'UTC')).toBeUndefined();
    expect(zoneShiftHint(span(0, 100), { start: 14.5 * H, end: 14.5 * H + 100 }, 'UTC')).toBeUndefined();
  });

  it('gives no hint for zoned or missing timestamps, or an empty span', () => {
    const window = { start: H + 50, end: H + 60 };
    expect(zoneShiftHint(undefined, window, 'UTC')).toBeUndefined();
    expect(zoneShiftHint(span(0, 100, false), window, 'UTC')).toBeUndefined();
    // first > last: no samples were seen.
    expect(zoneShiftHint(span(Infinity, -Infinity), window, 'UTC')).toBeUndefined();
    expect(zoneShiftHint(span(Number.NaN, Number.NaN), window, 'UTC')).toBeUndefined();
  });

  it('shows TZ only when it looks like a zone name or offset', () => {
    const hint = (tz: string) => zoneShiftHint(span(0, 100), { start: H + 50, end: H + 60 }, tz);
    expect(hint('America/Argentina/Buenos_Aires')).toContain('read in TZ=America/Argentina/Buenos_Aires;');
    expect(hint('UTC+05:30')).toContain('read in TZ=UTC+05:30;');
    expect(hint('Evil zone\n::error::x')).toContain('were read in TZ; moved by');
    expect(hint(`A${'b'.repeat(63)}`)).toContain(`read in TZ=A${'b'.repeat(63)};`);
    expect(hint(`A${'b'.repeat(64)}`)).toContain('were read in TZ; moved by');
  });
});
