import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';

/** An event as the EventCard fragment returns it; override what a test is about. */
export function buildEvent(overrides: Partial<EventCardData> = {}): EventCardData {
  return {
    id: 'U2hhcmVkRXZlbnQ6MQ',
    title: 'Eastside town hall on safety',
    description: 'Open meeting with officers and partners.',
    kind: 'TOWN_HALL',
    status: 'PLANNED',
    cancelReason: null,
    startsAt: new Date(2026, 10, 25, 18, 0).toISOString(),
    endsAt: new Date(2026, 10, 25, 20, 0).toISOString(),
    locationName: 'Eastside Library, room 2',
    neighborhood: { id: 'TmVpZ2hib3Job29kOjE', name: 'Eastside' },
    host: { id: 'T3JnYW5pemF0aW9uOjE', name: 'Riverside Police Department' },
    coHosts: [{ id: 'T3JnYW5pemF0aW9uOjI', name: 'Eastside Youth Alliance' }],
    coHostInvitations: [],
    isPublic: true,
    capacity: 80,
    rsvpCount: 4,
    staffCount: 5,
    staff: [
      {
        count: 3,
        note: null,
        organization: { id: 'T3JnYW5pemF0aW9uOjE', name: 'Riverside Police Department' },
      },
      {
        count: 2,
        note: 'Two coaches',
        organization: { id: 'T3JnYW5pemF0aW9uOjI', name: 'Eastside Youth Alliance' },
      },
    ],
    viewerCanEdit: false,
    version: 3,
    ...overrides,
  };
}
