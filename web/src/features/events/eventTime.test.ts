import { describe, expect, it } from 'vitest';
import { formatClock, formatEventTime, fromLocalInput, sameDay, toLocalInput } from './eventTime.js';

const CHICAGO = 'America/Chicago';

describe('event times', () => {
  it('reads a typed wall-clock time in the partnership’s zone, not the browser’s', () => {
    expect(fromLocalInput('2026-11-25T18:00', CHICAGO)).toBe('2026-11-26T00:00:00.000Z');
    expect(fromLocalInput('2026-07-04T21:15', CHICAGO)).toBe('2026-07-05T02:15:00.000Z'); // CDT, UTC-5
    expect(fromLocalInput('2026-11-25T18:00', 'UTC')).toBe('2026-11-25T18:00:00.000Z');
    expect(fromLocalInput('2026-11-25T18:00', 'Asia/Kolkata')).toBe('2026-11-25T12:30:00.000Z');
  });

  it('shows an instant as the wall clock there, and back to the same instant', () => {
    expect(toLocalInput('2026-11-26T00:00:00.000Z', CHICAGO)).toBe('2026-11-25T18:00');
    expect(toLocalInput('2026-11-26T00:00:00.000Z', 'UTC')).toBe('2026-11-26T00:00');
    for (const iso of ['2026-01-01T05:59:00.000Z', '2026-03-08T09:00:00.000Z', '2026-12-31T23:59:00.000Z']) {
      expect(fromLocalInput(toLocalInput(iso, CHICAGO), CHICAGO)).toBe(iso);
    }
  });

  it('handles the daylight-saving changes: a skipped time moves forward, a repeated one is the first', () => {
    // 8 March 2026: Chicago's clocks jump from 2:00 to 3:00. 2:30 does not exist: it reads as 3:30 CDT.
    expect(fromLocalInput('2026-03-08T02:30', CHICAGO)).toBe('2026-03-08T08:30:00.000Z');
    expect(toLocalInput('2026-03-08T08:30:00.000Z', CHICAGO)).toBe('2026-03-08T03:30');
    // 1 November 2026: 1:30 happens twice; the form means the first (CDT, UTC-5).
    expect(fromLocalInput('2026-11-01T01:30', CHICAGO)).toBe('2026-11-01T06:30:00.000Z');
    expect(fromLocalInput('2026-11-01T03:00', CHICAGO)).toBe('2026-11-01T09:00:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInput('', CHICAGO)).toBeNull();
    expect(fromLocalInput('tomorrow', CHICAGO)).toBeNull();
    expect(fromLocalInput('2026-04-31T10:00', CHICAGO)).toBeNull();
    expect(fromLocalInput('2026-11-25T24:00', CHICAGO)).toBeNull();
  });

  it('formats times and days in the zone', () => {
    // 22:30 in Chicago on Tuesday the 24th, already 04:30 on Wednesday the 25th in UTC.
    const start = '2026-11-25T04:30:00.000Z';
    const end = '2026-11-25T05:30:00.000Z';
    expect(formatClock(start, CHICAGO)).toMatch(/10:30/);
    expect(formatClock(start, 'UTC')).toMatch(/4:30/);
    expect(formatEventTime(start, end, CHICAGO)).toMatch(/24.*10:30.*11:30/);
    expect(formatEventTime(start, end, CHICAGO)).not.toMatch(/25/);
    expect(sameDay(new Date(start), new Date('2026-11-24T18:00:00.000Z'), CHICAGO)).toBe(true);
    expect(sameDay(new Date(start), new Date('2026-11-24T18:00:00.000Z'), 'UTC')).toBe(false);
  });
});
