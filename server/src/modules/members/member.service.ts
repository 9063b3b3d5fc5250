import { ref, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { badInput, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind } from '../activity/activity.enums.js';
import { AccessLink, AccessLinkKind } from '../access-links/access-link.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { adminActivity } from './admin-activity.js';
import { Member } from './member.entity.js';
import { PASSWORD_MAX, type CreateMemberInput, type UpdateMemberInput } from './member.input.js';
import { checkEmail, checkFit, checkName, checkPassword, isLastActiveCoordinator } from './member.rules.js';
import { idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';

const EMAIL_TAKEN = 'email is already in use';

/**
 * Creates and changes members and their passwords, and deactivates them (coordinators only,
 * except `changePassword`, which is a member's own). Roles follow organizations (see
 * `roleFitsKind`), and there is always at least one active coordinator. Every change writes a
 * coordinators-only Activity. A member's new role or organization holds from their next request,
 * since every request reads the member afresh; their open sockets are closed after a change of
 * role, organization or password and after deactivation, on every instance (`endsSessions`).
 */
export class MemberService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {}

  /** Every member, deactivated ones too (the board shows them greyed), or those of one organization, by name. */
  list(em: EntityManager, organizationId: string | null | undefined): Promise<Member[]> {
    const where = organizationId ? { organization: pkOf(organizationId, 'Organization', 'organizationId') } : {};
    return em.find(Member, where, { orderBy: { name: 'asc', pk: 'asc' } });
  }

  /** A new member who can sign in with `input.password` at once. */
  async create(viewer: MemberViewer, input: CreateMemberInput, claim?: IdempotencyClaim | null): Promise<Member> {
    const name = checkName(input.name);
    const email = checkEmail(input.email);
    const organizationPk = pkOf(input.organizationId, 'Organization', 'organizationId');
    checkPassword('password', input.password);
    // Hashing is slow on purpose: before the transaction, so no lock waits on it.
    const passwordHash = await hashPassword(input.password);
    try {
      return await runChange(
        this.orm,
        this.bus,
        async (em, record) => {
          const organization = await em.findOne(Organization, { pk: organizationPk });
          if (!organization) throw badInput('organizationId', 'organizationId names no organization');
          checkFit(input.role, organization, 'organizationId');
          if (await em.count(Member, { email })) throw badInput('email', EMAIL_TAKEN);
          const member = em.create(Member, { name, email, role: input.role, organization, passwordHash });
          record(
            adminActivity(
              ActivityKind.MEMBER_CREATED,
              `${viewer.name} added ${name} as ${input.role} of ${organization.name}`,
              viewer,
            ),
          );
          return member;
        },
        { idempotency: idempotent(claim, 'Member') },
      );
    } catch (error) {
      // Two coordinators adding the same email at once: the unique index decides, same answer.
      if (error instanceof UniqueConstraintViolationException) throw badInput('email', EMAIL_TAKEN);
      throw error;
    }
  }

  /** Changes only the fields given. Refuses to leave the partnership without an active coordinator. */
  async update(viewer: MemberViewer, id: string, input: UpdateMemberInput): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    const name = input.name == null ? null : checkName(input.name);
    const organizationPk =
      input.organizationId == null ? null : pkOf(input.organizationId, 'Organization', 'organizationId');
    return runChange(this.orm, this.bus, async (em, record) => {
      const member: Member | null = await em.findOne(Member, { pk }, { populate: ['organization'] });
      if (!member) throw notFound('Member');
      const role = input.role ?? member.role;
      const before = member.organization.getEntity();
      let organization = before;
      if (organizationPk != null) {
        const found = await em.findOne(Organization, { pk: organizationPk });
        if (!found) throw badInput('organizationId', 'organizationId names no organization');
        organization = found;
      }
      checkFit(role, organization, organizationPk != null ? 'organizationId' : 'role');
      if (role !== member.role && (await isLastActiveCoordinator(em, member))) {
        throw badInput(
          'role',
          'role cannot change: this is the last coordinator; make someone else a coordinator first',
        );
      }
      const changes: string[] = [];
      if (name != null && name !== member.name) changes.push(`renamed ${member.name} to ${name}`);
      if (role !== member.role) changes.push(`made ${name ?? member.name} ${role}`);
      if (organization.pk !== before.pk) changes.push(`moved ${name ?? member.name} to ${organization.name}`);
      const moved = role !== member.role || organization.pk !== before.pk;
      if (name != null) member.name = name;
      member.role = role;
      member.organization = ref(organization);
      if (changes.length > 0) {
        // Their sockets carry the role they connected with: closing them makes clients reconnect as they are now.
        const endsSessions = moved ? { member: pk } : undefined;
        record(
          adminActivity(ActivityKind.MEMBER_UPDATED, `${viewer.name} ${changes.join(', ')}`, viewer, endsSessions),
        );
      }
      return member;
    });
  }

  /** A coordinator sets someone's password (e.g. a forgotten one); their sessions end. */
  async setPassword(viewer: MemberViewer, id: string, password: string): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    checkPassword('password', password);
    const passwordHash = await hashPassword(password);
    return runChange(this.orm, this.bus, async (em, record) => {
      const found = await em.findOne(Member, { pk });
      if (!found) throw notFound('Member');
      found.passwordHash = passwordHash;
      record(
        adminActivity(
          ActivityKind.PASSWORD_RESET_ISSUED,
          `${viewer.name} set a new password for ${found.name}`,
          viewer,
          { member: pk },
        ),
      );
      return found;
    });
  }

  /** A member changes their own password, proving they know the current one; their sessions end. */
  async changePassword(viewer: MemberViewer, current: string, next: string): Promise<boolean> {
    checkPassword('next', next);
    const em = this.orm.em.fork();
    const member = await em.findOne(Member, { pk: viewer.memberPk }, { populate: ['passwordHash'] });
    if (!member) throw notFound('Member');
    const ok = current.length <= PASSWORD_MAX && (await verifyPassword(member.passwordHash, current));
    if (!ok) throw badInput('current', 'current is not your password');
    const passwordHash = await hashPassword(next);
    await runChange(this.orm, this.bus, async (tx, record) => {
      await tx.nativeUpdate(Member, { pk: viewer.memberPk }, { passwordHash });
      record(
        adminActivity(ActivityKind.PASSWORD_CHANGED, `${viewer.name} changed their password`, viewer, {
          member: viewer.memberPk,
        }),
      );
    });
    return true;
  }

  /**
   * Deactivates a member: they can no longer sign in, their tokens are refused, their open
   * sockets close, their unused password links are withdrawn; what they wrote stays. Never
   * yourself, never the last active coordinator. Deactivating twice changes nothing.
   */
  async deactivate(viewer: MemberViewer, id: string): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    if (pk === viewer.memberPk) throw badInput('id', 'You cannot deactivate yourself; ask another coordinator');
    return runChange(this.orm, this.bus, async (em, record) => {
      const found = await em.findOne(Member, { pk });
      if (!found) throw notFound('Member');
      if (found.deactivatedAt) return found;
      if (await isLastActiveCoordinator(em, found)) {
        throw badInput('id', 'This is the last active coordinator; make someone else a coordinator first');
      }
      const now = new Date();
      found.deactivatedAt = now;
      await em.nativeUpdate(
        AccessLink,
        { member: pk, kind: AccessLinkKind.PASSWORD, usedAt: null, revokedAt: null },
        { revokedAt: now },
      );
      record(
        adminActivity(ActivityKind.MEMBER_DEACTIVATED, `${viewer.name} deactivated ${found.name}`, viewer, {
          member: pk,
        }),
      );
      return found;
    });
  }

  /** Lets a deactivated member sign in again (with their old password). Reactivating twice changes nothing. */
  async reactivate(viewer: MemberViewer, id: string): Promise<Member> {
    const pk = pkOf(id, 'Member', 'id');
    return runChange(this.orm, this.bus, async (em, record) => {
      const found = await em.findOne(Member, { pk });
      if (!found) throw notFound('Member');
      if (!found.deactivatedAt) return found;
      found.deactivatedAt = null;
      record(adminActivity(ActivityKind.MEMBER_REACTIVATED, `${viewer.name} reactivated ${found.name}`, viewer));
      return found;
    });
  }
}
