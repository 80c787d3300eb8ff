/**
 * 督办's date-time input as the service takes it: the input's value (local time,
 * `2026-12-05T17:00`) as an ISO instant; what is not a date goes as typed, for the service to
 * refuse on its field.
 */
export function dueAtOf(v: unknown): string {
  const d = new Date(typeof v === 'string' || v instanceof Date ? v : NaN);
  return Number.isNaN(d.getTime()) ? String(v ?? '') : d.toISOString();
}

/** The input's check before sending: a deadline later than `now` (the service checks again). */
export function dueInFuture(v: unknown, now: Date): boolean {
  return new Date(dueAtOf(v)).getTime() > now.getTime();
}
