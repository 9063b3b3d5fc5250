// The enums of schema/schema.graphql that the board uses, written by hand for now.
// GraphQL Code Generator replaces this file (and the hand-written result types next to each
// operation) when it joins the toolchain; keep the names identical to the schema's.

export type IssueStatus = 'OPEN' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';

export type IssueCategory =
  | 'ENVIRONMENT'
  | 'GRAFFITI'
  | 'HEALTH'
  | 'HOUSING'
  | 'LIGHTING'
  | 'NOISE'
  | 'OTHER'
  | 'SAFETY'
  | 'TRAFFIC'
  | 'YOUTH';

export type Role = 'COORDINATOR' | 'OFFICER' | 'PARTNER';

export type ActivityKind =
  | 'EVENT_CANCELLED'
  | 'EVENT_CREATED'
  | 'EVENT_RSVP'
  | 'EVENT_STAFF_COMMITTED'
  | 'EVENT_UPDATED'
  | 'ISSUE_ASSIGNED'
  | 'ISSUE_REPORTED'
  | 'ISSUE_STATUS_CHANGED'
  | 'ISSUE_SUPPORTED'
  | 'ISSUE_UPDATE_ADDED';
