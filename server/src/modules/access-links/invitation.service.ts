import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { badInput, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { hashPassword } from '../../auth/password.js';
import { memberRefOf, type MemberViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import type { Mailer } from '../../mail/mailer.js';
import { invitationMail, mailSettingOf } from '../../mail/messages.js';
import { ActivityKind } from '../activity/activity.enums.js';
import { Member } from '../members/member.entity.js';
import { adminActivity } from '../members/admin-activity.js';
import { checkEmail, checkFit, checkName, checkPassword } from '../members/member.rules.js';
import { Organization } from '../organizations/organization.entity.js';
import { roleFitsKind } from '../organizations/organization.service.js';
import { AccessLink, AccessLinkKind } from './access-link.entity.js';
import { findUsableLink, LINK_TTL_MS, newLinkCode, type LinkIssuer } from './access-link.codes.js';
import type { InviteMemberInput } from './invitation.input.js';
import { Invitation, InvitationStatus } from './invitation.type.js';

const HAS_ACCOUNT = 'email already has an account; issue them a password link instead';
const TAKEN_MEANWHILE =
  'An account with this email was created since the invitation; sign in, or ask for a password link';

/** Each status as a condition on the link's dates, matching `invitationStatus`. */
function statusWhere(status: InvitationStatus, now: Date) {
  switch (status) {
    case InvitationStatus.ACCEPTED:
      return { usedAt: { $ne: null } };
    case InvitationStatus.REVOKED:
      return { usedAt: null, revokedAt: { $ne: null } };
    case InvitationStatus.EXPIRED:
      return { usedAt: null, revokedAt: null, expiresAt: { $lte: now } };
    case InvitationStatus.PENDING:
      return { usedAt: null, revokedAt: null, expiresAt: { $gt: now } };
  }
}

/**
 * Invitations: a coordinator names someone (email, name, role, organization) and gets a one-time
 * link (7 days), emailed too when SMTP is set; following it, the invitee sets their own password
 * and becomes a member. A new invitation for the same address withdraws the pending one. Every
 * change writes a coordinators-only Activity.
 */
export class InvitationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
    private readonly links: LinkIssuer,
    private readonly mailer: Mailer | null,
  ) {}

  /** Creates the invitation and answers its link; `emailed` says whether SMTP took the message. */
  async invite(
    viewer: MemberViewer,
    input: InviteMemberInput,
  ): Promise<{ inviteUrl: string; invitation: Invitation; emailed: boolean }> {
    const name = checkName(input.name);
    const email = checkEmail(input.email);
    const organizationPk = pkOf(input.organizationId, 'Organization', 'organizationId');
    const { code, codeHash } = newLinkCode();
    const link = await runChange(this.orm, this.bus, async (em, record) => {
      const organization = await em.findOne(Organization, { pk: organizationPk });
      if (!organization) throw badInput('organizationId', 'organizationId names no organization');
      checkFit(input.role, organization, 'organizationId');
      if (await em.count(Member, { email })) throw badInput('email', HAS_ACCOUNT);
      const now = new Date();
      const earlier = await em.find(AccessLink, {
        kind: AccessLinkKind.INVITATION,
        email,
        ...statusWhere(InvitationStatus.PENDING, now),
      });
      for (const older of earlier) {
        older.revokedAt = now;
        record(
          adminActivity(
            ActivityKind.INVITATION_REVOKED,
            `${viewer.name} withdrew the earlier invitation of ${older.name ?? email} (invited again)`,
            viewer,
          ),
        );
      }
      const created = em.create(AccessLink, {
        kind: AccessLinkKind.INVITATION,
        codeHash,
        email,
        name,
        role: input.role,
        organization,
        createdBy: memberRefOf(em, viewer),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_TTL_MS.INVITATION),
      });
      record(
        adminActivity(
          ActivityKind.MEMBER_INVITED,
          `${viewer.name} invited ${name} to join ${organization.name} as ${input.role}`,
          viewer,
        ),
      );
      return created;
    });
    const inviteUrl = this.links.url(AccessLinkKind.INVITATION, code);
    const emailed = this.mailer
      ? await this.mailer.send(
          invitationMail(await mailSettingOf(this.orm.em.fork()), {
            to: email,
            invitedBy: viewer.name,
            role: input.role,
            organizationName: link.organization?.getEntity().name ?? viewer.organizationName,
            url: inviteUrl,
            expiresAt: link.expiresAt,
          }),
        )
      : false;
    return { inviteUrl, invitation: new Invitation(link), emailed };
  }

  /** Invitations newest first, of the statuses given (all when none are). */
  async list(em: EntityManager, statuses: InvitationStatus[] | null | undefined): Promise<Invitation[]> {
    const now = new Date();
    const wanted = [...new Set(statuses ?? [])];
    const links = await em.find(
      AccessLink,
      { kind: AccessLinkKind.INVITATION, ...(wanted.length ? { $or: wanted.map((s) => statusWhere(s, now)) } : {}) },
      { orderBy: { createdAt: 'desc', pk: 'desc' }, populate: ['organization', 'createdBy'] },
    );
    return links.map((link) => new Invitation(link));
  }

  /** An invitation by its global id, or null (for `node`). */
  async find(em: EntityManager, pk: number): Promise<Invitation | null> {
    const link = await em.findOne(AccessLink, { pk, kind: AccessLinkKind.INVITATION });
    return link ? new Invitation(link) : null;
  }

  /** Withdraws a pending (or expired) invitation: its link stops working. Revoking twice changes nothing. */
  async revoke(viewer: MemberViewer, id: string): Promise<Invitation> {
    const pk = pkOf(id, 'Invitation', 'id');
    const link = await runChange(this.orm, this.bus, async (em, record) => {
      const found = await em.findOne(AccessLink, { pk, kind: AccessLinkKind.INVITATION });
      if (!found) throw notFound('Invitation');
      if (found.usedAt) throw badInput('id', 'This invitation was already accepted; deactivate the member instead');
      if (found.revokedAt) return found;
      found.revokedAt = new Date();
      record(
        adminActivity(
          ActivityKind.INVITATION_REVOKED,
          `${viewer.name} withdrew the invitation of ${found.name ?? found.email}`,
          viewer,
        ),
      );
      return found;
    });
    return new Invitation(link);
  }

  /**
   * Spends the invitation behind `code`: creates the member with the invited email, role and
   * organization and the password they chose (their own `name` if given), and answers them.
   * Errors as `findUsableLink`'s; BAD_USER_INPUT on `code` when the address got an account meanwhile.
   */
  async accept(code: string, password: string, rawName: string | null | undefined): Promise<Member> {
    checkPassword('password', password);
    const name = rawName == null ? null : checkName(rawName);
    // Refuse a bad link before the slow hash; the transaction checks it again, locked.
    await findUsableLink(this.orm.em.fork(), code, AccessLinkKind.INVITATION);
    const passwordHash = await hashPassword(password);
    try {
      return await runChange(this.orm, this.bus, async (em, record) => {
        const link = await findUsableLink(em, code, AccessLinkKind.INVITATION, { lock: true });
        const email = link.email ?? '';
        if (await em.count(Member, { email })) throw badInput('code', TAKEN_MEANWHILE);
        const organization = link.organization
          ? await em.findOne(Organization, { pk: link.organization.unwrap().pk })
          : null;
        const role = link.role;
        if (!organization || !role || !roleFitsKind(role, organization.kind)) {
          throw badInput('code', 'This invitation no longer fits its organization; ask for a new one');
        }
        const member = em.create(Member, { name: name ?? link.name ?? email, email, role, organization, passwordHash });
        link.usedAt = new Date();
        await em.flush(); // the member's key, for the activity's actor
        record(
          adminActivity(
            ActivityKind.INVITATION_ACCEPTED,
            `${member.name} accepted the invitation to join ${organization.name} as ${role}`,
            { memberPk: member.pk, organizationPk: organization.pk },
          ),
        );
        return member;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw badInput('code', TAKEN_MEANWHILE);
      throw error;
    }
  }
}
