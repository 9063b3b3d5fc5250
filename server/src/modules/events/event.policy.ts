import { ApiScope } from '../../auth/scopes.js';
import { hasScope, isStaff, type Viewer } from '../../auth/viewer.js';
import { keyOf, type KeyOrRef } from '../../common/rows.js';

/**
 * Who sees and edits what of events, for plain rows (the read path) and entities (mutations,
 * live payloads) alike: relations are read through `keyOf`, so both paths ask the same rules.
 */

/** Members-only events are for viewers with events:read; everyone sees public ones. */
export const mayReadEvent = (viewer: Viewer | null, event: { isPublic: boolean }): boolean =>
  event.isPublic || hasScope(viewer, ApiScope.EVENTS_READ);

/** Whether the events list shows members-only events to this viewer. */
export const seesMembersOnlyEvents = (viewer: Viewer | null): boolean => hasScope(viewer, ApiScope.EVENTS_READ);

/** May this viewer edit or cancel the event? Staff always; partners of the host or of an accepted co-host. */
export function mayEditEvent(viewer: Viewer, host: KeyOrRef, coHostPks: readonly number[]): boolean {
  if (isStaff(viewer)) return true;
  if (keyOf(host) === viewer.organizationPk) return true;
  return coHostPks.includes(viewer.organizationPk);
}

/** What an invitation's visibility depends on: the organization it invites. */
export interface InvitationKeys {
  organization: KeyOrRef;
}

/**
 * The invitations to co-host a viewer may see among `invitations` of an event hosted by `host`:
 * staff and the host's members see all, an invited organization its own, the public none.
 */
export function visibleInvitations<T extends InvitationKeys>(
  viewer: Viewer | null,
  host: KeyOrRef,
  invitations: readonly T[],
): T[] {
  if (!viewer || !hasScope(viewer, ApiScope.EVENTS_READ)) return [];
  if (isStaff(viewer) || keyOf(host) === viewer.organizationPk) return [...invitations];
  return invitations.filter((i) => keyOf(i.organization) === viewer.organizationPk);
}

/** Whether the viewer may answer this invitation: its organization's members and events:write tokens. */
export const mayRespond = (viewer: Viewer | null, invitation: InvitationKeys): boolean =>
  viewer != null && hasScope(viewer, ApiScope.EVENTS_WRITE) && keyOf(invitation.organization) === viewer.organizationPk;

/**
 * The one order of an event's organizations (co-hosts, staff by organization): by name, then
 * by key. Applied in code on both paths, so SQLite, PostgreSQL (whose collation may order
 * names differently) and the entity path all agree.
 */
export function byOrganizationName(a: { name: string; pk: number }, b: { name: string; pk: number }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.pk - b.pk;
}
