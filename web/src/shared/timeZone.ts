// Every date the board shows is in the partnership's time zone, not the browser's: an officer on a
// laptop set to another zone, or a coordinator travelling, must see the same "Tuesday 6 PM" as
// the residents reading the public page. These helpers do the zone arithmetic with Intl alone.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The time zone the browser runs in (IANA), e.g. "Europe/Madrid". */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const validity = new Map<string, boolean>();

/** Whether Intl knows the zone (IANA names, also aliases such as "Asia/Calcutta"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false;
  let valid = validity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    // Asked on every keystroke in the setup form; names typed are few.
    validity.set(timeZone, valid);
  }
  return valid;
}

/** Every zone the browser knows, by name, with UTC (which Intl leaves out of the list). */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per zone and options, built once: constructing an Intl.DateTimeFormat costs far
 * more than formatting with it, and a board page formats hundreds of dates.
 */
export function zonedFormat(
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  locale: string | undefined = undefined,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** A wall-clock reading: what a clock on the wall in the zone shows. Months from 1. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the clock in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
  const parts = zonedFormat(
    timeZone,
    {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    },
    'en-US',
  ).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    // Some engines still print midnight as 24 with h23.
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Chicago in winter: -6 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the clock in `timeZone` shows `wall`. Around daylight-saving changes it
 * chooses as Temporal's "compatible" does: a time that happens twice (autumn) is the first one,
 * a time that never happens (spring) moves forward by the gap (2:30 becomes 3:30).
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The offsets in force a day before and a day after: one of them is the one at the answer.
  const byBefore = asUtc - offsetAt(asUtc - DAY, timeZone);
  const byAfter = asUtc - offsetAt(asUtc + DAY, timeZone);
  const shows = (instant: number) => offsetAt(instant, timeZone) === asUtc - instant;
  // Both show the time in an autumn overlap: byBefore is the first of the two.
  if (shows(byBefore)) return byBefore;
  if (shows(byAfter)) return byAfter;
  // In the spring gap: read with the offset in force before it, the clock shows the time an hour on.
  return byBefore;
}

/** `YYYY-MM-DD`, the calendar date in the zone at `instant`. */
export function dateKeyIn(instant: Date | number, timeZone: string): string {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return formatKey(year, month, day);
}

/** `YYYY-MM-DD` from its parts (months from 1). */
export function formatKey(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The parts of a `YYYY-MM-DD` key, or null when it is not a real date. */
export function parseKey(key: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant the day `key` starts in the zone (its midnight, or the first minute after a gap). */
export function startOfDayIn(key: string, timeZone: string): number {
  const parts = parseKey(key);
  if (!parts) throw new RangeError(`not a date: ${key}`);
  return instantOf({ ...parts, hour: 0, minute: 0, second: 0 }, timeZone);
}

/**
 * The zone's name as people say it, e.g. "Central Time" for America/Chicago, or "Coordinated
 * Universal Time"; the IANA name itself where the browser knows no better name.
 */
export function timeZoneLabel(timeZone: string, at: Date | number = Date.now()): string {
  for (const timeZoneName of ['longGeneric', 'long'] as const) {
    const name = zonedFormat(timeZone, { timeZoneName }, 'en-US')
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT([+-]|$)/.test(name)) return name;
  }
  return timeZone;
}

/** "Central Time (America/Chicago)": the zone as a form shows it next to the times to enter. */
export function describeTimeZone(timeZone: string, at: Date | number = Date.now()): string {
  const label = timeZoneLabel(timeZone, at);
  return label === timeZone ? timeZone : `${label} (${timeZone})`;
}
