import { LockMode, ref, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { badInput, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { Role } from '../../auth/roles.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import type { MemberViewer } from '../../auth/viewer.js';
import { Organization, OrganizationKind } from '../organizations/organization.entity.js';
import { roleFitsKind } from '../organizations/organization.service.js';
import { Member } from './member.entity.js';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordMessage,
  type CreateMemberInput,
  type UpdateMemberInput,
} from './member.input.js';
import { idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';
import { keyedTransaction } from '../idempotency/idempotency.transaction.js';

const EMAIL_TAKEN = 'email is already in use';
// Enough to catch a name typed into the email box; whether it reaches anyone is the coordinator's call.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates and changes members and their passwords (coordinators only, except `changePassword`,
 * which is a member's own). Roles follow organizations (see `roleFitsKind`), and there is always
 * at least one coordinator. Changes write no Activity; a member's new role or organization holds
 * from their next request, since every request reads the member afresh.
 */
export class MemberService {
  constructor(private readonly orm: MikroORM) {}

  /** Every member, or those of one organization, by name. */
  list(em: EntityManager, organizationId: string | null | undefined): Promise<Member[]> {
    const where = organizationId ? { organization: pkOf(organizationId, 'Organization', 'organizationId') } : {};
    return em.find(Member, where, { orderBy: { name: 'asc', pk: 'asc' } });
  }

  /** A new member who can sign in with `input.password` at once. */
  async create(input: CreateMemberInput, claim?: IdempotencyClaim | null): Promise<Member> {
    const name = checkName(input.name);
    const email = input.email.trim().toLowerCase();
    if (email.length > 320 || !EMAIL_SHAPE.test(email)) throw badInput('email', 'email must be an email address');
    const organizationPk = pkOf(input.organizationId, 'Organization', 'organizationId');
    checkPassword('password', input.password);
    // Hashing is slow on purpose: before the transaction, so no lock waits on it.
    const passwordHash = await hashPassword(input.password);
    try {
      const keyed = idempotent(claim, 'Member');
      return await keyedTransaction(this.orm, keyed, async (em) => {
        const organization = await em.findOne(Organization, { pk: organizationPk });
        if (!organization) throw badInput('organizationId', 'organizationId names no organization');
        checkFit(input.role, organization, 'organizationId');
        if (await em.count(Member, { email })) throw badInput('email', EMAIL_TAKEN);
        return em.create(Member, { name, email, role: input.role, organization, passwordHash });
      });
    } catch (error) {
      // Two coordinators adding the same email at once: the unique index decides, same answer.
      if (error instanceof UniqueConstraintViolationException) throw badInput('email', EMAIL_TAKEN);
      throw error;
    }
  }

  /** Changes only the fields given. Refuses to leave the partnership without a coordinator. */
  async update(id: string, input: UpdateMemberInput): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    const name = input.name == null ? null : checkName(input.name);
    const organizationPk =
      input.organizationId == null ? null : pkOf(input.organizationId, 'Organization', 'organizationId');
    return this.orm.em.fork().transactional(async (em) => {
      const member: Member | null = await em.findOne(Member, { pk }, { populate: ['organization'] });
      if (!member) throw notFound('Member');
      const role = input.role ?? member.role;
      let organization = member.organization.getEntity();
      if (organizationPk != null) {
        const found = await em.findOne(Organization, { pk: organizationPk });
        if (!found) throw badInput('organizationId', 'organizationId names no organization');
        organization = found;
      }
      checkFit(role, organization, organizationPk != null ? 'organizationId' : 'role');
      if (member.role === Role.COORDINATOR && role !== Role.COORDINATOR) {
        // Locks every coordinator row, so two coordinators demoting each other at once cannot
        // both pass: the second waits for the first and then counts one fewer.
        const coordinators = await em.find(
          Member,
          { role: Role.COORDINATOR },
          { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['pk'] },
        );
        if (coordinators.every((c) => c.pk === member.pk)) {
          throw badInput(
            'role',
            'role cannot change: this is the last coordinator; make someone else a coordinator first',
          );
        }
      }
      if (name != null) member.name = name;
      member.role = role;
      member.organization = ref(organization);
      return member;
    });
  }

  /** A coordinator sets someone's password (e.g. a forgotten one). */
  async setPassword(id: string, password: string): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    checkPassword('password', password);
    const em = this.orm.em.fork();
    const member = await em.findOne(Member, { pk });
    if (!member) throw notFound('Member');
    member.passwordHash = await hashPassword(password);
    await em.flush();
    return member;
  }

  /** A member changes their own password, proving they know the current one. */
  async changePassword(viewer: MemberViewer, current: string, next: string): Promise<boolean> {
    checkPassword('next', next);
    const em = this.orm.em.fork();
    const member = await em.findOne(Member, { pk: viewer.memberPk }, { populate: ['passwordHash'] });
    if (!member) throw notFound('Member');
    const ok = current.length <= PASSWORD_MAX && (await verifyPassword(member.passwordHash, current));
    if (!ok) throw badInput('current', 'current is not your password');
    member.passwordHash = await hashPassword(next);
    await em.flush();
    return true;
  }
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 200) throw badInput('name', 'name must be 1 to 200 characters');
  return name;
}

function checkPassword(field: string, password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw badInput(field, passwordMessage(field));
}

function checkFit(role: Role, organization: Organization, field: 'role' | 'organizationId'): void {
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
