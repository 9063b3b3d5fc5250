import { dateKeyIn, instantOf, wallClockAt, zonedFormat } from '../../shared/timeZone.js';

// Every function takes the zone to show times in: the partnership's (`useTimeZone()`), never the
// browser's, so "6:00 PM" means the same to everyone whatever their laptop is set to.

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "Sat, 28 Nov, 6:00 PM – 8:00 PM", or both dates when the event spans days. */
export function formatEventTime(startsAt: string, endsAt: string, timeZone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = zonedFormat(timeZone, DAY_OPTIONS);
  const time = zonedFormat(timeZone, TIME_OPTIONS);
  const startText = `${day.format(start)}, ${time.format(start)}`;
  if (sameDay(start, end, timeZone)) return `${startText} – ${time.format(end)}`;
  return `${startText} – ${day.format(end)}, ${time.format(end)}`;
}

/** "6:00 PM" */
export function formatClock(iso: string, timeZone: string): string {
  return zonedFormat(timeZone, TIME_OPTIONS).format(new Date(iso));
}

/** Whether two instants fall on the same calendar day in the zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  return dateKeyIn(a, timeZone) === dateKeyIn(b, timeZone);
}

/**
 * An ISO instant as the value of an `<input type="datetime-local">`: the wall-clock time in the
 * zone, to the minute ("2026-11-25T18:00").
 */
export function toLocalInput(iso: string, timeZone: string): string {
  const wall = wallClockAt(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The value of an `<input type="datetime-local">`, read as a wall-clock time in the zone, as an
 * ISO instant; null when empty or invalid. A time a daylight-saving change skips moves forward
 * by the gap, a time it repeats is the first of the two (see instantOf).
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // Reject a day the month does not have (31 April), which Date.UTC would roll over.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return new Date(instantOf({ year, month, day, hour, minute, second }, timeZone)).toISOString();
}
