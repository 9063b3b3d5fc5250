import { describe, expect, it } from 'vitest';
import { dateKey, groupByDay, parseWeekParam, startOfWeek } from './week.js';
import { buildEvent } from './testing/eventFixture.js';

// Local times throughout, so the tests hold in any time zone.
const monday = new Date(2026, 10, 23);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).toISOString();

describe('week', () => {
  it('starts weeks on Monday', () => {
    expect(dateKey(startOfWeek(new Date(2026, 10, 25, 15)))).toBe('2026-11-23'); // a Wednesday
    expect(dateKey(startOfWeek(new Date(2026, 10, 29, 23)))).toBe('2026-11-23'); // the Sunday
    expect(dateKey(startOfWeek(new Date(2026, 10, 30, 0)))).toBe('2026-11-30'); // the next Monday
  });

  it('reads the week from the URL, and falls back to this week for anything else', () => {
    const today = new Date(2026, 10, 25);
    expect(dateKey(parseWeekParam('2026-12-02', today))).toBe('2026-11-30');
    expect(dateKey(parseWeekParam(null, today))).toBe('2026-11-23');
    expect(dateKey(parseWeekParam('next tuesday', today))).toBe('2026-11-23');
  });

  it('puts each event on the days it takes place, by start time', () => {
    const late = buildEvent({ id: 'late', startsAt: at(25, 19), endsAt: at(25, 21) });
    const early = buildEvent({ id: 'early', startsAt: at(25, 9), endsAt: at(25, 10) });
    const sunday = buildEvent({ id: 'sunday', startsAt: at(29, 10), endsAt: at(29, 12) });
    const overnight = buildEvent({ id: 'overnight', startsAt: at(27, 20), endsAt: at(28, 2) });
    const toMidnight = buildEvent({ id: 'to-midnight', startsAt: at(24, 20), endsAt: at(25, 0) });
    const nextWeek = buildEvent({ id: 'next-week', startsAt: at(30, 10), endsAt: at(30, 11) });

    const days = groupByDay([late, sunday, nextWeek, early, overnight, toMidnight], monday);

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
  });
});
