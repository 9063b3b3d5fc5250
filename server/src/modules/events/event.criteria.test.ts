import { describe, expect, it } from 'vitest';
import { eventCriteria, matchesEvent } from './event.criteria.js';
import { EventKind, EventStatus } from './event.enums.js';

const state = {
  status: EventStatus.PLANNED,
  kind: EventKind.TOWN_HALL,
  neighborhood: 2,
  host: 1,
  coHosts: [4],
  startsAt: '2026-12-10T18:00:00.000Z',
  endsAt: '2026-12-10T20:00:00.000Z',
};

describe('event criteria', () => {
  it('matches status, kind, neighborhood and host or co-host', () => {
    expect(matchesEvent(eventCriteria({ status: [EventStatus.PLANNED] }), state)).toBe(true);
    expect(matchesEvent(eventCriteria({ status: [EventStatus.DONE] }), state)).toBe(false);
    expect(matchesEvent(eventCriteria({ kind: EventKind.CLEANUP }), state)).toBe(false);
    expect(matchesEvent(eventCriteria({}), { ...state, neighborhood: null })).toBe(true);
  });

  it('places an event in the window by its end (from) and its start (to), like the list', () => {
    // Ends at 20:00: still in a window from 19:00, not in one from 20:01.
    expect(matchesEvent(eventCriteria({ from: new Date('2026-12-10T19:00:00Z') }), state)).toBe(true);
    expect(matchesEvent(eventCriteria({ from: new Date('2026-12-10T20:01:00Z') }), state)).toBe(false);
    expect(matchesEvent(eventCriteria({ to: new Date('2026-12-10T18:00:00Z') }), state)).toBe(false);
    expect(matchesEvent(eventCriteria({ to: new Date('2026-12-10T18:00:01Z') }), state)).toBe(true);
    // A snapshot recorded without endsAt is placed by its start.
    const { endsAt: _endsAt, ...old } = state;
    expect(matchesEvent(eventCriteria({ from: new Date('2026-12-10T19:00:00Z') }), old)).toBe(false);
  });
});
