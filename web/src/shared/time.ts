import { useEffect, useState } from 'react';
import { zonedFormat } from './timeZone.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * How long ago something happened, in the words a person would use on a card: "just now",
 * "5 minutes", "3 hours", "3 days", "2 months", "1 year". Times in the future read "just now".
 */
export function formatAge(iso: string, now: number): string {
  const elapsed = now - Date.parse(iso);
  if (!Number.isFinite(elapsed) || elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return plural(Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), 'hour');
  const days = Math.floor(elapsed / DAY);
  if (days < 60) return plural(days, 'day');
  if (days < 730) return plural(Math.floor(days / 30), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/**
 * A full date and time in the partnership's zone ("Nov 25, 2026, 3:14 PM"), in the browser's
 * language. Pass `useTimeZone()`; an unparsable value is shown as given.
 */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return zonedFormat(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The current time, refreshed every `intervalMs`, so ages on screen keep up. */
export function useNow(intervalMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
