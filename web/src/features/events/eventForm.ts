import type { CreateEventInput, EventKind, UpdateEventInput } from '../../graphql/generated/graphql.js';
import { addDays } from './week.js';
import { fromLocalInput, toLocalInput } from './eventTime.js';
import type { EventCardData } from './graphql/fragments/eventCard.fragment.js';

export const EVENT_KINDS: EventKind[] = [
  'TOWN_HALL',
  'COMMUNITY_WALK',
  'YOUTH_PROGRAM',
  'HEALTH_FAIR',
  'CLEANUP',
  'MEETING',
  'OTHER',
];

/** Labels for the API's field names, to show the server's messages in the form's words. */
export const EVENT_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  description: 'Description',
  startsAt: 'Start',
  endsAt: 'End',
  locationName: 'Place',
  neighborhoodId: 'Neighborhood',
  hostOrganizationId: 'Host organization',
  coHostOrganizationIds: 'Co-hosts',
  capacity: 'Capacity',
};

/** The event form's state: text as typed (times as `datetime-local` values, local time). */
export interface EventFormValues {
  title: string;
  description: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  locationName: string;
  neighborhoodId: string;
  hostOrganizationId: string;
  coHostOrganizationIds: string[];
  capacity: string;
  isPublic: boolean;
}

/** A new event: tomorrow 6–8 pm, public, hosted by the member's organization. */
export function emptyEventForm(hostOrganizationId: string, now = new Date()): EventFormValues {
  const day = addDays(now, 1);
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 18, 0);
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 20, 0);
  return {
    title: '',
    description: '',
    kind: 'TOWN_HALL',
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(end.toISOString()),
    locationName: '',
    neighborhoodId: '',
    hostOrganizationId,
    coHostOrganizationIds: [],
    capacity: '',
    isPublic: true,
  };
}

export function valuesFromEvent(event: EventCardData): EventFormValues {
  return {
    title: event.title,
    description: event.description,
    kind: event.kind,
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    locationName: event.locationName,
    neighborhoodId: event.neighborhood?.id ?? '',
    hostOrganizationId: event.host.id,
    // Pending invitations stay ticked: unticking one withdraws it.
    coHostOrganizationIds: [
      ...event.coHosts.map((org) => org.id),
      ...event.coHostInvitations.map((invitation) => invitation.organization.id),
    ],
    capacity: event.capacity == null ? '' : String(event.capacity),
    isPublic: event.isPublic,
  };
}

/** Problems the browser can tell before asking the server, by input field name. */
export function checkEventForm(values: EventFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const start = fromLocalInput(values.startsAt);
  const end = fromLocalInput(values.endsAt);
  if (!start) problems.startsAt = 'Enter when the event starts.';
  if (!end) problems.endsAt = 'Enter when the event ends.';
  if (start && end && Date.parse(end) <= Date.parse(start)) problems.endsAt = 'The event must end after it starts.';
  if (values.capacity.trim() !== '' && !/^\d+$/.test(values.capacity.trim())) {
    problems.capacity = 'Capacity is a whole number of people, or empty for no limit.';
  }
  return problems;
}

function capacityOf(values: EventFormValues): number | null {
  const text = values.capacity.trim();
  return text === '' ? null : Number(text);
}

export function toCreateInput(values: EventFormValues, withHost: boolean): CreateEventInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    kind: values.kind,
    startsAt: fromLocalInput(values.startsAt) ?? '',
    endsAt: fromLocalInput(values.endsAt) ?? '',
    locationName: values.locationName.trim(),
    neighborhoodId: values.neighborhoodId || null,
    hostOrganizationId: withHost ? values.hostOrganizationId || null : null,
    coHostOrganizationIds: values.coHostOrganizationIds,
    capacity: capacityOf(values),
    isPublic: values.isPublic,
  };
}

/**
 * Only what changed: an unchanged field is not sent, so a co-host editing the time does not
 * touch the co-host list (which only the host may change).
 */
export function toUpdateInput(values: EventFormValues, initial: EventFormValues): UpdateEventInput {
  const input: UpdateEventInput = {};
  if (values.title !== initial.title) input.title = values.title.trim();
  if (values.description !== initial.description) input.description = values.description.trim();
  if (values.kind !== initial.kind) input.kind = values.kind;
  if (values.startsAt !== initial.startsAt) input.startsAt = fromLocalInput(values.startsAt);
  if (values.endsAt !== initial.endsAt) input.endsAt = fromLocalInput(values.endsAt);
  if (values.locationName !== initial.locationName) input.locationName = values.locationName.trim();
  if (values.neighborhoodId !== initial.neighborhoodId && values.neighborhoodId) {
    input.neighborhoodId = values.neighborhoodId;
  }
  if (!sameSet(values.coHostOrganizationIds, initial.coHostOrganizationIds)) {
    input.coHostOrganizationIds = values.coHostOrganizationIds;
  }
  if (values.capacity !== initial.capacity) input.capacity = capacityOf(values);
  if (values.isPublic !== initial.isPublic) input.isPublic = values.isPublic;
  return input;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
