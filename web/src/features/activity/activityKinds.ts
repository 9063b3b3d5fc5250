import type { ActivityKind } from '../../graphql/generated/graphql.js';

/** A short label for each kind of change, shown as a tag before its summary. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  ISSUE_REPORTED: 'Reported',
  ISSUE_STATUS_CHANGED: 'Status',
  ISSUE_ASSIGNED: 'Assigned',
  ISSUE_SUPPORTED: 'Me too',
  ISSUE_UPDATE_ADDED: 'Update',
  EVENT_CREATED: 'New event',
  EVENT_UPDATED: 'Event changed',
  EVENT_CANCELLED: 'Cancelled',
  EVENT_RSVP: 'RSVP',
  EVENT_STAFF_COMMITTED: 'Staff',
};
