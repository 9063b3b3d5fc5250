import type { MemberViewer } from '../../auth/viewer.js';
import type { ActivitySpec } from '../../realtime/change.js';
import type { SessionsEnded } from '../../realtime/envelope.js';
import { ActivityVisibility, type ActivityKind } from '../activity/activity.enums.js';

/**
 * An administration entry for `runChange`'s `record`: seen by coordinators only, with no
 * card to route (no board card follows it); `endsSessions` names whose open sockets it closes. `actor` null: nobody signed in did it (a reset link
 * asked for by email, an invitation accepted before its member existed).
 */
export const adminActivity = (
  kind: ActivityKind,
  summary: string,
  actor: Pick<MemberViewer, 'memberPk' | 'organizationPk'> | null,
  endsSessions?: SessionsEnded,
): ActivitySpec => ({
  kind,
  visibility: ActivityVisibility.COORDINATORS,
  summary,
  actor: actor?.memberPk ?? null,
  actorOrganization: actor?.organizationPk ?? null,
  snapshot: () => (endsSessions ? { endsSessions } : {}),
});
