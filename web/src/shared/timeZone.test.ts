import { describe, expect, it } from 'vitest';
import {
  dateKeyIn,
  describeTimeZone,
  instantOf,
  isValidTimeZone,
  offsetAt,
  startOfDayIn,
  supportedTimeZones,
  wallClockAt,
} from './timeZone.js';
import { formatDateTime } from './time.js';

const CHICAGO = 'America/Chicago';
const HOUR = 3600_000;

describe('time zones', () => {
  it('knows the offset of a zone at an instant, daylight saving included', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), CHICAGO)).toBe(-6 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), CHICAGO)).toBe(-5 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('reads the wall clock and finds the instant back', () => {
    const instant = Date.parse('2026-11-25T04:30:00Z');
    const wall = wallClockAt(instant, CHICAGO);
    expect(wall).toEqual({ year: 2026, month: 11, day: 24, hour: 22, minute: 30, second: 0 });
    expect(instantOf(wall, CHICAGO)).toBe(instant);
    expect(wallClockAt(Date.parse('2026-11-25T06:00:00Z'), CHICAGO).hour).toBe(0);
  });

  it('names the calendar day in the zone, and when it starts there', () => {
    expect(dateKeyIn(Date.parse('2026-11-25T04:30:00Z'), CHICAGO)).toBe('2026-11-24');
    expect(dateKeyIn(Date.parse('2026-11-25T04:30:00Z'), 'UTC')).toBe('2026-11-25');
    expect(new Date(startOfDayIn('2026-11-24', CHICAGO)).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(new Date(startOfDayIn('2026-07-01', CHICAGO)).toISOString()).toBe('2026-07-01T05:00:00.000Z');
  });

  it('formats a full date and time in the partnership’s zone', () => {
    const iso = '2026-11-25T04:30:00.000Z';
    expect(formatDateTime(iso, CHICAGO)).toMatch(/Nov 24, 2026.*10:30/);
    expect(formatDateTime(iso, 'UTC')).toMatch(/Nov 25, 2026.*4:30/);
    expect(formatDateTime('not a date', CHICAGO)).toBe('not a date');
  });

  it('describes a zone as people say it, with its IANA name', () => {
    expect(describeTimeZone(CHICAGO)).toBe('Central Time (America/Chicago)');
    expect(describeTimeZone('UTC')).toBe('Coordinated Universal Time (UTC)');
  });

  it('lists the zones a partnership may choose, UTC included, and checks a name', () => {
    const zones = supportedTimeZones();
    expect(zones).toContain(CHICAGO);
    expect(zones).toContain('UTC');
    expect(isValidTimeZone(CHICAGO)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
