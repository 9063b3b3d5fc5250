import { LockMode, type EntityManager } from '@mikro-orm/core';
import { requireText } from '../../common/text.js';
import { badInput } from '../../common/errors.js';
import { Role } from '../../auth/roles.js';
import { OrganizationKind, type Organization } from '../organizations/organization.entity.js';
import { roleFitsKind } from '../organizations/organization.service.js';
import { Member } from './member.entity.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordMessage } from './member.input.js';

// Enough to catch a name typed into the email box; whether it reaches anyone is the coordinator's call.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A member's or invitee's name, trimmed: 1 to 200 characters, or BAD_USER_INPUT on `name`. */
export function checkName(raw: string): string {
  return requireText(raw, 'name', 1, 200);
}

/** An email as stored (trimmed, lower-cased), or BAD_USER_INPUT on `email` when it is not one. */
export function checkEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL_SHAPE.test(email)) throw badInput('email', 'email must be an email address');
  return email;
}

export function checkPassword(field: string, password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw badInput(field, passwordMessage(field));
}

/** BAD_USER_INPUT on `field` unless `role` may belong to `organization` (see `roleFitsKind`). */
export function checkFit(role: Role, organization: Organization, field: string): void {
  if (roleFitsKind(role, organization.kind)) return;
  const needs =
    role === Role.OFFICER
      ? 'an OFFICER must belong to an AGENCY organization'
      : 'a PARTNER must belong to an organization that is not an AGENCY';
  throw badInput(
    field,
    `${field} does not fit: ${needs}, and ${organization.name} is ${organization.kind === OrganizationKind.AGENCY ? 'the AGENCY' : organization.kind}`,
  );
}

/**
 * Whether `member` is the only active coordinator. Locks every active coordinator's row until
 * the transaction ends, so two coordinators demoting or deactivating each other at once cannot
 * both pass: the second waits for the first and then counts one fewer.
 */
export async function isLastActiveCoordinator(em: EntityManager, member: Member): Promise<boolean> {
  if (member.role !== Role.COORDINATOR || member.deactivatedAt) return false;
  const coordinators = await em.find(
    Member,
    { role: Role.COORDINATOR, deactivatedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['pk'] },
  );
  return coordinators.every((c) => c.pk === member.pk);
}
