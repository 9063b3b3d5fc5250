import type { ActivityKind, ActivityVisibility } from '../modules/activity/activity.enums.js';
import type { IssueCategory, IssueStatus } from '../modules/issues/issue.enums.js';
import type { EventKind, EventStatus } from '../modules/events/event.enums.js';

/** The state of an issue after (and, where it changed, before) a change, for filtering. */
export interface IssueSnapshot {
  status: IssueStatus;
  previousStatus?: IssueStatus;
  category: IssueCategory;
  neighborhood: number;
  organizations: number[];
  previousOrganizations?: number[];
}

/** What an event filter routes on. */
export interface EventState {
  status: EventStatus;
  kind: EventKind;
  neighborhood: number | null;
  host: number;
  coHosts: number[];
  startsAt: string;
  /** Absent on changes recorded before it was kept. */
  endsAt?: string;
}

/** The state of an event after (and, where it changed, before) a change, for filtering. */
export interface EventSnapshot extends EventState {
  isPublic: boolean;
  /** The routing state before the change, when the change altered it. */
  previous?: EventState;
  /** On co-hosting steps: the organization invited, so its own filtered streams hear its invitation. */
  invitedOrganization?: number;
}

/**
 * Whose live sessions a change ends (a deactivation, a new password, role or organization, a
 * revoked API token): every instance closes their open sockets when the change reaches it, in
 * seq order, through the same gapless bus as every other change, so a Redis outage delays it by
 * at most one poll of the database instead of until Redis is back.
 */
export interface SessionsEnded {
  member?: number;
  token?: number;
}

export interface ActivitySnapshot {
  issue?: IssueSnapshot;
  event?: EventSnapshot;
  endsSessions?: SessionsEnded;
}

/**
 * What crosses the pub/sub transport for one change: ids, seq, version and the routing
 * snapshot, never live entities. Plain JSON (dates as ISO strings) so Redis carries it as is.
 */
export interface ActivityEnvelope {
  seq: number;
  at: string;
  kind: ActivityKind;
  visibility: ActivityVisibility;
  summary: string;
  actor: number | null;
  actorOrganization: number | null;
  issue: number | null;
  event: number | null;
  subjectVersion: number | null;
  snapshot: ActivitySnapshot;
}
