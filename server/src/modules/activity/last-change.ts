import type { EntityManager } from '@mikro-orm/core';
import { DomainError, ErrorCode, conflict } from '../../common/errors.js';
import { Activity } from './activity.entity.js';

/**
 * The CONFLICT for a stale `expectedVersion`, saying who changed the issue or event last and
 * what they did, so the person whose edit was refused knows what they are reconciling with.
 * Only members send versions, so the actor's name may be shown.
 */
export async function staleVersion(
  em: EntityManager,
  subject: { issue: number } | { event: number },
  currentVersion: number,
): Promise<DomainError> {
  const what = 'issue' in subject ? 'This issue' : 'This event';
  const last = await em.findOne(Activity, subject, {
    orderBy: { seq: 'desc' },
    populate: ['actor', 'actorOrganization'],
  });
  if (!last) return conflict(what, currentVersion);
  const who = last.actor?.getEntity().name ?? last.actorOrganization?.getEntity().name ?? 'A resident';
  return new DomainError(
    ErrorCode.CONFLICT,
    `${what} was just changed by ${who} (${last.summary}); it is now at version ${currentVersion}`,
    { currentVersion, changedBy: who, change: last.summary, changedAt: last.at.toISOString() },
  );
}
