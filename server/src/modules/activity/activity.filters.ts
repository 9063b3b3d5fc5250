import type { EntityManager } from '@mikro-orm/core';
import { pkOf } from '../../common/relay.js';
import { badInput } from '../../common/errors.js';
import { hasScope, type Viewer } from '../../auth/viewer.js';
import { ApiScope } from '../../auth/scopes.js';
import { Role } from '../../auth/roles.js';
import type { ActivityEnvelope, EventSnapshot, IssueSnapshot } from '../../realtime/envelope.js';
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

interface IssueState {
  status: IssueSnapshot['status'];
  category: IssueSnapshot['category'];
  neighborhood: number;
  organizations: number[];
}

/**
 * Issue changes matching a filter. A change matches when the issue matches before or after
 * it, so a board filtered to OPEN hears about the issue that just left OPEN.
 */
export function issueAccept(viewer: Viewer | null, filter: IssueFilter | null | undefined): Accept {
  const neighborhood = filter?.neighborhoodId
    ? pkOf(filter.neighborhoodId, 'Neighborhood', 'filter.neighborhoodId')
    : null;
  const organization = filter?.organizationId
    ? pkOf(filter.organizationId, 'Organization', 'filter.organizationId')
    : null;
  const search = filter?.search?.trim().toLowerCase() ?? '';
  if (search.length > 200) throw badInput('filter.search', 'search must be at most 200 characters');
  const words = search ? search.split(/\s+/).slice(0, 8) : [];
  const matches = (s: IssueState) =>
    (!filter?.status?.length || filter.status.includes(s.status)) &&
    (!filter?.category || filter.category === s.category) &&
    (neighborhood == null || neighborhood === s.neighborhood) &&
    (organization == null || s.organizations.includes(organization));

  return async (envelope, em) => {
    const snap = envelope.snapshot.issue;
    if (!snap || envelope.issue == null || !visibleTo(viewer, envelope, ApiScope.ISSUES_READ)) return false;
    const previous: IssueState = {
      ...snap,
      status: snap.previousStatus ?? snap.status,
      organizations: snap.previousOrganizations ?? snap.organizations,
    };
    if (!matches(snap) && !matches(previous)) return false;
    if (words.length === 0) return true;
    // The whole issue, not just its text: the streams that accept the change render it next.
    const issue = await em.findOne(CommunityIssue, { pk: envelope.issue });
    const text = `${issue?.title ?? ''} ${issue?.description ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
}

/** Event changes matching a filter. */
export function eventAccept(viewer: Viewer | null, filter: EventFilter | null | undefined): Accept {
  const neighborhood = filter?.neighborhoodId
    ? pkOf(filter.neighborhoodId, 'Neighborhood', 'filter.neighborhoodId')
    : null;
  const organization = filter?.organizationId
    ? pkOf(filter.organizationId, 'Organization', 'filter.organizationId')
    : null;
  const matches = (s: EventSnapshot) =>
    (!filter?.status?.length || filter.status.includes(s.status)) &&
    (!filter?.kind || filter.kind === s.kind) &&
    (neighborhood == null || neighborhood === s.neighborhood) &&
    (organization == null ||
      s.host === organization ||
      s.coHosts.includes(organization) ||
      s.invitedOrganization === organization) &&
    (!filter?.to || new Date(s.startsAt) < new Date(filter.to));
  return (envelope) => {
    const snap = envelope.snapshot.event;
    return Boolean(
      snap && envelope.event != null && visibleTo(viewer, envelope, ApiScope.EVENTS_READ) && matches(snap),
    );
  };
}

/** Everything the viewer may see (the `activity` stream). */
export const activityAccept =
  (viewer: Viewer | null): Accept =>
  (envelope) =>
    visibleTo(viewer, envelope, ApiScope.ACTIVITY_READ);
