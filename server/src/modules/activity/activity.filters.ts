import type { EntityManager } from '@mikro-orm/core';
import { hasScope, type Viewer } from '../../auth/viewer.js';
import { ApiScope } from '../../auth/scopes.js';
import { Role } from '../../auth/roles.js';
import type { ActivityEnvelope } from '../../realtime/envelope.js';
import { issueCriteria, matchesState, matchesText, previousState } from '../issues/issue.criteria.js';
import { eventCriteria, matchesEvent } from '../events/event.criteria.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import type { IssueFilter } from '../issues/issue.input.js';
import type { EventFilter } from '../events/event.input.js';
import { ActivityVisibility } from './activity.enums.js';

/**
 * Whether a change belongs on a stream. `em` is the change's own EntityManager, shared by every
 * stream deciding on the same change, so a subject it loads is loaded once.
 */
export type Accept = (envelope: ActivityEnvelope, em: EntityManager) => boolean | Promise<boolean>;

/**
 * May this viewer see this activity at all? Members-only entries need a member, or a token with
 * `scope`: the scope of the stream or query it arrives through (activity:read for the feed,
 * issues:read for issue changes, events:read for event changes). Administration entries
 * (COORDINATORS) reach signed-in coordinators only, never a token.
 */
export const visibleTo = (viewer: Viewer | null, envelope: ActivityEnvelope, scope: ApiScope): boolean =>
  visibilitiesFor(viewer, scope).includes(envelope.visibility);

/** The activity visibilities a viewer may read through a stream or query guarded by `scope`. */
export function visibilitiesFor(viewer: Viewer | null, scope: ApiScope): ActivityVisibility[] {
  if (!hasScope(viewer, scope)) return [ActivityVisibility.PUBLIC];
  if (viewer?.kind === 'member' && viewer.role === Role.COORDINATOR) {
    return [ActivityVisibility.PUBLIC, ActivityVisibility.MEMBERS, ActivityVisibility.COORDINATORS];
  }
  return [ActivityVisibility.PUBLIC, ActivityVisibility.MEMBERS];
}

/**
 * Issue changes matching a filter: the same criteria as the issues list. A change matches when
 * the issue matches before or after it, so a board filtered to OPEN hears about the issue that
 * just left OPEN.
 */
export function issueAccept(viewer: Viewer | null, filter: IssueFilter | null | undefined): Accept {
  const criteria = issueCriteria(filter);
  return async (envelope, em) => {
    const snap = envelope.snapshot.issue;
    if (!snap || envelope.issue == null || !visibleTo(viewer, envelope, ApiScope.ISSUES_READ)) return false;
    if (!matchesState(criteria, snap) && !matchesState(criteria, previousState(snap))) return false;
    if (criteria.words.length === 0) return true;
    // The whole issue, not just its text: the streams that accept the change render it next.
    const issue = await em.findOne(CommunityIssue, { pk: envelope.issue });
    return matchesText(criteria, issue?.title ?? '', issue?.description ?? '');
  };
}

/**
 * Event changes matching a filter: the same criteria as the events list, before or after the
 * change, so a stream filtered on PLANNED hears that an event was cancelled.
 */
export function eventAccept(viewer: Viewer | null, filter: EventFilter | null | undefined): Accept {
  const criteria = eventCriteria(filter);
  return (envelope) => {
    const snap = envelope.snapshot.event;
    if (!snap || envelope.event == null || !visibleTo(viewer, envelope, ApiScope.EVENTS_READ)) return false;
    const invited = snap.invitedOrganization;
    return (
      matchesEvent(criteria, snap, invited) || (snap.previous != null && matchesEvent(criteria, snap.previous, invited))
    );
  };
}

/** Everything the viewer may see (the `activity` stream). */
export const activityAccept =
  (viewer: Viewer | null): Accept =>
  (envelope) =>
    visibleTo(viewer, envelope, ApiScope.ACTIVITY_READ);
