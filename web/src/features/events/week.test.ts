import { describe, expect, it } from 'vitest';
import { addDays, groupByDay, parseWeekParam, startOfWeek, weekRange } from './week.js';
import { buildEvent } from './testing/eventFixture.js';

// Explicit instants and explicit zones: the tests hold whatever zone the machine runs in, and
// the Chicago cases fail if a day boundary is taken from the browser's zone (TZ=UTC here in CI).
const CHICAGO = 'America/Chicago';
const UTC = 'UTC';

describe('week', () => {
  it('starts weeks on Monday, in the partnership’s zone', () => {
    // Monday 30 November 03:00 UTC is still Sunday evening in Chicago.
    const mondayNightUtc = Date.parse('2026-11-30T03:00:00Z');
    expect(startOfWeek(mondayNightUtc, UTC)).toBe('2026-11-30');
    expect(startOfWeek(mondayNightUtc, CHICAGO)).toBe('2026-11-23');
    expect(startOfWeek(Date.parse('2026-11-25T15:00:00Z'), CHICAGO)).toBe('2026-11-23'); // a Wednesday
    expect(startOfWeek(Date.parse('2026-11-30T06:00:00Z'), CHICAGO)).toBe('2026-11-30'); // Chicago's Monday midnight
  });

  it('reads the week from the URL, and falls back to this week for anything else', () => {
    const today = Date.parse('2026-11-25T12:00:00Z');
    expect(parseWeekParam('2026-12-02', CHICAGO, today)).toBe('2026-11-30');
    expect(parseWeekParam(null, CHICAGO, today)).toBe('2026-11-23');
    expect(parseWeekParam('next tuesday', CHICAGO, today)).toBe('2026-11-23');
    expect(parseWeekParam('2026-02-30', CHICAGO, today)).toBe('2026-11-23');
  });

  it('counts calendar days, across months and years', () => {
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-02', -2)).toBe('2026-02-28');
  });

  it('asks the server for the week from Chicago’s Monday midnight to the next', () => {
    const { from, to } = weekRange('2026-11-23', CHICAGO);
    expect(new Date(from).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    // The week with the end of daylight saving time is an hour longer.
    const autumn = weekRange('2026-10-26', CHICAGO);
    expect(new Date(autumn.from).toISOString()).toBe('2026-10-26T05:00:00.000Z');
    expect(new Date(autumn.to).toISOString()).toBe('2026-11-02T06:00:00.000Z');
  });

  it('puts each event on the days it takes place in the partnership’s zone, by start time', () => {
    // Chicago is UTC-6 in November: 19:00 there is 01:00 UTC the next day.
    const late = buildEvent({ id: 'late', startsAt: '2026-11-26T01:00:00Z', endsAt: '2026-11-26T03:00:00Z' });
    const early = buildEvent({ id: 'early', startsAt: '2026-11-25T15:00:00Z', endsAt: '2026-11-25T16:00:00Z' });
    const sunday = buildEvent({ id: 'sunday', startsAt: '2026-11-29T16:00:00Z', endsAt: '2026-11-29T18:00:00Z' });
    const overnight = buildEvent({ id: 'overnight', startsAt: '2026-11-28T02:00:00Z', endsAt: '2026-11-28T08:00:00Z' });
    const toMidnight = buildEvent({
      id: 'to-midnight',
      startsAt: '2026-11-25T02:00:00Z',
      endsAt: '2026-11-25T06:00:00Z',
    });
    const nextWeek = buildEvent({ id: 'next-week', startsAt: '2026-11-30T16:00:00Z', endsAt: '2026-11-30T17:00:00Z' });
    const events = [late, sunday, nextWeek, early, overnight, toMidnight];

    const days = groupByDay(events, '2026-11-23', CHICAGO);

    expect(days.map((d) => d.key)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(days.map((d) => d.events.map((e) => e.id))).toEqual([
      [],
      ['to-midnight'],
      ['early', 'late'],
      [],
      ['overnight'],
      ['overnight'],
      ['sunday'],
    ]);

    // The same events read in UTC fall on other days: the zone decides, not the instant alone.
    const inUtc = groupByDay(events, '2026-11-23', UTC);
    expect(inUtc.map((d) => d.events.map((e) => e.id))).toEqual([
      [],
      [],
      ['to-midnight', 'early'],
      ['late'],
      [],
      ['overnight'],
      ['sunday'],
    ]);
  });

  it('keeps a late Sunday event on Sunday in the week daylight saving time ends', () => {
    // 1 November 2026, 23:30 CST (the day had 25 hours) = 05:30 UTC on 2 November.
    const lateSunday = buildEvent({
      id: 'late-sunday',
      startsAt: '2026-11-02T05:30:00Z',
      endsAt: '2026-11-02T05:50:00Z',
    });
    const days = groupByDay([lateSunday], '2026-10-26', CHICAGO);
    expect(days[6].key).toBe('2026-11-01');
    expect(days[6].events.map((e) => e.id)).toEqual(['late-sunday']);
  });
});
