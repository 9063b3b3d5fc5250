import type { EventCardData } from './graphql/fragments/eventCard.fragment.js';

/** One day column of the week view. */
export interface WeekDay {
  /** Local midnight starting the day. */
  date: Date;
  /** `YYYY-MM-DD`, local. */
  key: string;
  /** Events taking place on this day (an event spanning days is listed on each), by start time. */
  events: EventCardData[];
}

/** `YYYY-MM-DD` of a local date. */
export function dateKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of the Monday of the week containing `date`. */
export function startOfWeek(date: Date): Date {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const sinceMonday = (d.getDay() + 6) % 7;
  return addDays(d, -sinceMonday);
}

/** Adds whole calendar days (safe across daylight-saving changes). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The week a `?week=YYYY-MM-DD` parameter names (any day of it), or the current week. */
export function parseWeekParam(value: string | null, today = new Date()): Date {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return startOfWeek(today);
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? startOfWeek(today) : startOfWeek(date);
}

/**
 * The seven days from `weekStart` (a Monday), each with the events that overlap it. An event
 * that ends exactly at midnight is not listed on the day that midnight starts.
 */
export function groupByDay(events: readonly EventCardData[], weekStart: Date): WeekDay[] {
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    return { date, key: dateKey(date), events: [] };
  });
  const sorted = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const event of sorted) {
    const start = Date.parse(event.startsAt);
    const end = Math.max(Date.parse(event.endsAt), start + 1);
    for (const day of days) {
      const dayStart = day.date.getTime();
      const dayEnd = addDays(day.date, 1).getTime();
      if (start < dayEnd && end > dayStart) day.events.push(event);
    }
  }
  return days;
}

/** Whether an event overlaps the week starting at `weekStart`. */
export function inWeek(event: Pick<EventCardData, 'startsAt' | 'endsAt'>, weekStart: Date): boolean {
  const end = addDays(weekStart, 7).getTime();
  return Date.parse(event.startsAt) < end && Date.parse(event.endsAt) > weekStart.getTime();
}
