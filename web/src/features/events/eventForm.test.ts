import { describe, expect, it } from 'vitest';
import { checkEventForm, toUpdateInput, valuesFromEvent } from './eventForm.js';
import { buildEvent } from './testing/eventFixture.js';

describe('event form', () => {
  it('sends only the fields that changed, so a co-host can edit without touching the co-hosts', () => {
    const initial = valuesFromEvent(buildEvent());
    const edited = { ...initial, title: ' Eastside town hall (moved) ', capacity: '120' };

    expect(toUpdateInput(edited, initial)).toEqual({ title: 'Eastside town hall (moved)', capacity: 120 });
    expect(toUpdateInput(initial, initial)).toEqual({});
  });

  it('sends times as instants and the co-hosts when they changed', () => {
    const initial = valuesFromEvent(buildEvent());
    const edited = { ...initial, endsAt: '2026-11-25T21:30', coHostOrganizationIds: [] };

    expect(toUpdateInput(edited, initial)).toEqual({
      endsAt: new Date(2026, 10, 25, 21, 30).toISOString(),
      coHostOrganizationIds: [],
    });
  });

  it('keeps pending invitations ticked, so adding a co-host does not withdraw them', () => {
    const pending = {
      id: 'Q29Ib3N0SW52aXRhdGlvbjox',
      viewerCanRespond: false,
      organization: { id: 'health', name: 'Health' },
    };
    const initial = valuesFromEvent(buildEvent({ coHostInvitations: [pending] }));
    expect(initial.coHostOrganizationIds).toEqual(['T3JnYW5pemF0aW9uOjI', 'health']);

    const edited = { ...initial, coHostOrganizationIds: [...initial.coHostOrganizationIds, 'school'] };
    expect(toUpdateInput(edited, initial)).toEqual({
      coHostOrganizationIds: ['T3JnYW5pemF0aW9uOjI', 'health', 'school'],
    });
  });

  it('catches an end before the start and a capacity that is not a number', () => {
    const values = { ...valuesFromEvent(buildEvent()), endsAt: '2026-11-25T17:00', capacity: 'lots' };

    expect(checkEventForm(values)).toEqual({
      endsAt: 'The event must end after it starts.',
      capacity: 'Capacity is a whole number of people, or empty for no limit.',
    });
  });
});
