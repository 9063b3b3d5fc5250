import { dateKeyIn, formatKey, parseKey, startOfDayIn } from '../../shared/timeZone.js';
import type { EventCardData } from './graphql/fragments/eventCard.fragment.js';

// Days are calendar dates in the partnership's zone, written `YYYY-MM-DD` (a "day key"): a day
// starts at midnight there, not at the browser's midnight.

/** One day column of the week view. */
export interface WeekDay {
  /** `YYYY-MM-DD` in the partnership's zone. */
  key: string;
  /** The instant the day starts there. */
  start: number;
  /** Events taking place on this day (an event spanning days is listed on each), by start time. */
  events: EventCardData[];
}

/** The day key `days` calendar days after `key` (safe across daylight-saving changes). */
export function addDays(key: string, days: number): string {
  const parts = parseKey(key);
  if (!parts) throw new RangeError(`not a date: ${key}`);
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return formatKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The day key of the Monday of the week containing `key`. */
export function mondayOf(key: string): string {
  const parts = parseKey(key);
  if (!parts) throw new RangeError(`not a date: ${key}`);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return addDays(key, -((weekday + 6) % 7));
}

/** The Monday of the week containing `instant`, in the zone. */
export function startOfWeek(instant: Date | number, timeZone: string): string {
  return mondayOf(dateKeyIn(instant, timeZone));
}

/** The week a `?week=YYYY-MM-DD` parameter names (any day of it), or the current week in the zone. */
export function parseWeekParam(value: string | null, timeZone: string, today: Date | number = Date.now()): string {
  return value && parseKey(value) ? mondayOf(value) : startOfWeek(today, timeZone);
}

/** A day key as a Date at noon UTC, to format the calendar date itself with `timeZone: 'UTC'`. */
export function calendarDate(key: string): Date {
  const parts = parseKey(key);
  if (!parts) throw new RangeError(`not a date: ${key}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
}

/**
 * The seven days from `weekStart` (a Monday), each with the events that overlap it. An event
 * that ends exactly at midnight is not listed on the day that midnight starts.
 */
export function groupByDay(events: readonly EventCardData[], weekStart: string, timeZone: string): WeekDay[] {
  const keys = Array.from({ length: 8 }, (_, i) => addDays(weekStart, i));
  const starts = keys.map((key) => startOfDayIn(key, timeZone));
  const days: WeekDay[] = keys.slice(0, 7).map((key, i) => ({ key, start: starts[i], events: [] }));
  const sorted = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const event of sorted) {
    const start = Date.parse(event.startsAt);
    const end = Math.max(Date.parse(event.endsAt), start + 1);
    days.forEach((day, i) => {
      if (start < starts[i + 1] && end > day.start) day.events.push(event);
    });
  }
  return days;
}

/** The instants the week starting on `weekStart` begins and ends in the zone. */
export function weekRange(weekStart: string, timeZone: string): { from: number; to: number } {
  return { from: startOfDayIn(weekStart, timeZone), to: startOfDayIn(addDays(weekStart, 7), timeZone) };
}

/** Whether an event overlaps the week starting on `weekStart`. */
export function inWeek(
  event: Pick<EventCardData, 'startsAt' | 'endsAt'>,
  weekStart: string,
  timeZone: string,
): boolean {
  const { from, to } = weekRange(weekStart, timeZone);
  return Date.parse(event.startsAt) < to && Date.parse(event.endsAt) > from;
}
