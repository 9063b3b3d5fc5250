import type { EntityManager } from '@mikro-orm/core';
import { Role } from './roles.js';
import { Member } from '../modules/members/member.entity.js';
import { unauthenticated } from '../common/errors.js';
import type { TokenService } from './tokens.js';

/** The signed-in member making a request; `null` in a context means a resident (public). */
export interface Viewer {
  memberPk: number;
  name: string;
  role: Role;
  organizationPk: number;
  organizationName: string;
}

/**
 * Resolves an `Authorization` value ("Bearer <token>") to a viewer. Absent: null (public).
 * Present but forged, expired or for a removed member: UNAUTHENTICATED, never silently public.
 */
export async function viewerFromAuthorization(
  em: EntityManager,
  tokens: TokenService,
  authorization: unknown,
): Promise<Viewer | null> {
  if (authorization == null || authorization === '') return null;
  if (typeof authorization !== 'string') throw unauthenticated('The authorization value must be "Bearer <token>"');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The authorization value must be "Bearer <token>"');
  const memberPk = await tokens.verify(match[1]);
  if (memberPk == null) throw unauthenticated('Your session token is invalid or has expired; sign in again');
  const member = await em.findOne(Member, { pk: memberPk }, { populate: ['organization'] });
  if (!member) throw unauthenticated('Your account no longer exists');
  return viewerOf(member);
}

export const viewerOf = (member: Member): Viewer => ({
  memberPk: member.pk,
  name: member.name,
  role: member.role,
  organizationPk: member.organization.unwrap().pk,
  organizationName: member.organization.getEntity().name,
});

export const isMember = (viewer: Viewer | null): viewer is Viewer => viewer != null;
export const isStaff = (viewer: Viewer | null): boolean =>
  viewer?.role === Role.COORDINATOR || viewer?.role === Role.OFFICER;
