import { registerEnumType } from 'type-graphql';

export enum ActivityKind {
  ISSUE_REPORTED = 'ISSUE_REPORTED',
  ISSUE_STATUS_CHANGED = 'ISSUE_STATUS_CHANGED',
  ISSUE_ASSIGNED = 'ISSUE_ASSIGNED',
  ISSUE_UPDATE_ADDED = 'ISSUE_UPDATE_ADDED',
  ISSUE_SUPPORTED = 'ISSUE_SUPPORTED',
  EVENT_CREATED = 'EVENT_CREATED',
  EVENT_UPDATED = 'EVENT_UPDATED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_RSVP = 'EVENT_RSVP',
  EVENT_STAFF_COMMITTED = 'EVENT_STAFF_COMMITTED',
}
registerEnumType(ActivityKind, { name: 'ActivityKind' });

/** Who may see an activity: anyone, or signed-in members only. */
export enum ActivityVisibility {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
}
registerEnumType(ActivityVisibility, { name: 'ActivityVisibility' });
