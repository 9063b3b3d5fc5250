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
    // 6–8 PM on 25 November in Chicago (UTC-6), where the test partnership is.
    startsAt: '2026-11-26T00:00:00.000Z',
    endsAt: '2026-11-26T02:00:00.000Z',
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
