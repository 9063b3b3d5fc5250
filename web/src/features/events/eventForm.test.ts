import { describe, expect, it } from 'vitest';
import { checkEventForm, emptyEventForm, toCreateInput, toUpdateInput, valuesFromEvent } from './eventForm.js';
import { buildEvent } from './testing/eventFixture.js';

// The partnership is in Chicago; the machine running the tests may be anywhere (CI runs in UTC).
const CHICAGO = 'America/Chicago';

describe('event form', () => {
  it('shows an event’s times as the wall clock in the partnership’s zone', () => {
    const values = valuesFromEvent(buildEvent(), CHICAGO);
    expect(values.startsAt).toBe('2026-11-25T18:00');
    expect(values.endsAt).toBe('2026-11-25T20:00');
    expect(valuesFromEvent(buildEvent(), 'UTC').startsAt).toBe('2026-11-26T00:00');
  });

  it('sends only the fields that changed, so a co-host can edit without touching the co-hosts', () => {
    const initial = valuesFromEvent(buildEvent(), CHICAGO);
    const edited = { ...initial, title: ' Eastside town hall (moved) ', capacity: '120' };

    expect(toUpdateInput(edited, initial, CHICAGO)).toEqual({ title: 'Eastside town hall (moved)', capacity: 120 });
    expect(toUpdateInput(initial, initial, CHICAGO)).toEqual({});
  });

  it('sends a time typed in the form as the instant it is in the partnership’s zone', () => {
    const initial = valuesFromEvent(buildEvent(), CHICAGO);
    const edited = { ...initial, endsAt: '2026-11-25T21:30', coHostOrganizationIds: [] };

    expect(toUpdateInput(edited, initial, CHICAGO)).toEqual({
      endsAt: '2026-11-26T03:30:00.000Z',
      coHostOrganizationIds: [],
    });
  });

  it('creates a new event tomorrow at 6 PM in the partnership’s zone, whatever the browser’s day is', () => {
    // 03:00 UTC on 25 November is still the evening of the 24th in Chicago: tomorrow is the 25th.
    const now = Date.parse('2026-11-25T03:00:00Z');
    const values = emptyEventForm('T3JnYW5pemF0aW9uOjE', CHICAGO, now);
    expect(values).toMatchObject({ startsAt: '2026-11-25T18:00', endsAt: '2026-11-25T20:00' });
    expect(toCreateInput(values, false, CHICAGO)).toMatchObject({
      startsAt: '2026-11-26T00:00:00.000Z',
      endsAt: '2026-11-26T02:00:00.000Z',
      hostOrganizationId: null,
    });
    expect(emptyEventForm('T3JnYW5pemF0aW9uOjE', 'UTC', now).startsAt).toBe('2026-11-26T18:00');
  });

  it('keeps pending invitations ticked, so adding a co-host does not withdraw them', () => {
    const pending = {
      id: 'Q29Ib3N0SW52aXRhdGlvbjox',
      viewerCanRespond: false,
      organization: { id: 'health', name: 'Health' },
    };
    const initial = valuesFromEvent(buildEvent({ coHostInvitations: [pending] }), CHICAGO);
    expect(initial.coHostOrganizationIds).toEqual(['T3JnYW5pemF0aW9uOjI', 'health']);

    const edited = { ...initial, coHostOrganizationIds: [...initial.coHostOrganizationIds, 'school'] };
    expect(toUpdateInput(edited, initial, CHICAGO)).toEqual({
      coHostOrganizationIds: ['T3JnYW5pemF0aW9uOjI', 'health', 'school'],
    });
  });

  it('catches an end before the start and a capacity that is not a number', () => {
    const values = { ...valuesFromEvent(buildEvent(), CHICAGO), endsAt: '2026-11-25T17:00', capacity: 'lots' };

    expect(checkEventForm(values, CHICAGO)).toEqual({
      endsAt: 'The event must end after it starts.',
      capacity: 'Capacity is a whole number of people, or empty for no limit.',
    });
  });
});
