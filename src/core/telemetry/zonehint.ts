/** First and last timestamp of the whole telemetry file, and whether its stamps carry no zone. */
export interface TelemetrySpan {
  first: number;
  last: number;
  zoneless: boolean;
}

/** `2026/05/20 12:00:01`, `2026-05-20T12:00:01.5`: a wall-clock time with no `Z` or offset after it. */
export function isZonelessTimestamp(text: string): boolean {
  return /^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$/.test(text);
}

const HOUR_S = 3600;

/** Offsets to try, smallest first: whole hours ±1..±14, then the half-hour zones ±0:30..±13:30. */
function candidateShifts(): number[] {
  // Stryker disable next-line ArrayDeclaration: a non-numeric entry never covers a window, so it is never found
  const shifts: number[] = [];
  for (let h = 1; h <= 14; h++) shifts.push(-h * HOUR_S, h * HOUR_S);
  for (let h = 0; h < 14; h++) shifts.push(-(h + 0.5) * HOUR_S, (h + 0.5) * HOUR_S);
  return shifts;
}

function hours(seconds: number): string {
  const total = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** `TZ` as it may be shown: a zone name or offset; anything else is not echoed. */
function shownZone(tz: string | undefined): string {
  if (tz === undefined || tz === '') return 'TZ unset (the system zone)';
  return /^[A-Za-z0-9_+\-/:]{1,64}$/.test(tz) ? `TZ=${tz}` : 'TZ';
}

/**
 * When no sample lies near the benchmark window but the file's zone-less timestamps, moved by a
 * whole number of hours (or a half-hour zone), would cover it, the monitor's clock zone is not the
 * one the timestamps were read in: nvidia-smi writes local wall-clock time without a zone.
 */
export function zoneShiftHint(
  span: TelemetrySpan | undefined,
  window: { start: number; end: number },
  tz: string | undefined,
): string | undefined {
  if (!span?.zoneless) return undefined;
  // With start <= end no shift covers the window from an empty or NaN span either; this keeps such spans out plainly.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for valid windows, see above
  if (!(span.first <= span.last)) return undefined;
  const shift = candidateShifts().find((s) => span.first + s <= window.start && span.last + s >= window.end);
  if (shift === undefined) return undefined;
  // Read in TZ, a stamp written by a machine N hours ahead of TZ lands N hours late: it must move back.
  // Stryker disable next-line EqualityOperator: no candidate shift is 0
  const direction = shift < 0 ? 'ahead of' : 'behind';
  return (
    // Stryker disable next-line EqualityOperator: no candidate shift is 0
    `The telemetry's timestamps carry no time zone and were read in ${shownZone(tz)}; moved by ${shift < 0 ? '-' : '+'}${hours(shift)} they would cover the window, ` +
    `so the machine that sampled ran on a clock ${hours(shift)} ${direction} that zone. ` +
    "Run the action (or the CLI) with TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC."
  );
}
