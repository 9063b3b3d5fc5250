import type { EntityManager, MikroORM, Ref } from '@mikro-orm/core';
import { hashPassword } from '../../auth/password.js';
import type { TokenService } from '../../auth/tokens.js';
import { badInput, forbidden } from '../../common/errors.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { Member } from '../members/member.entity.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordMessage } from '../members/member.input.js';
import type { AuthPayload } from '../members/member.resolver.js';
import { AccessLink, AccessLinkKind } from './access-link.entity.js';
import { LINK_TTL_MS, findUsableLink, hashLinkCode, newLinkCode } from './access-link.codes.js';
import type { AccessLinkInfo } from './access-link.type.js';

export const DEACTIVATED = 'This account has been deactivated; ask a coordinator';

/** A password within PASSWORD_MIN..PASSWORD_MAX, or BAD_USER_INPUT naming `field`. */
export function checkPassword(field: string, password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw badInput(field, passwordMessage(field));
}

/**
 * Adds (to `em`, flushed by the caller) a PASSWORD link for `member`: a coordinator's reset, the
 * CLI's sign-in link, or one asked for by email (`ttlMs: LINK_TTL_MS.PASSWORD_BY_EMAIL`).
 * Returns the code, which is stored nowhere: build the link with `LinkIssuer.url`.
 */
export function addPasswordLink(
  em: EntityManager,
  member: Member,
  options: { createdBy?: Ref<Member> | null; ttlMs?: number } = {},
): { code: string; link: AccessLink } {
  const { code, codeHash } = newLinkCode();
  const link = em.create(AccessLink, {
    kind: AccessLinkKind.PASSWORD,
    codeHash,
    email: member.email,
    name: member.name,
    member,
    createdBy: options.createdBy ?? null,
    expiresAt: new Date(Date.now() + (options.ttlMs ?? LINK_TTL_MS.PASSWORD)),
  });
  return { code, link };
}

/**
 * What a one-time link is for (any kind), and spending PASSWORD links. INVITATION links are
 * spent by the invitation service, SETUP links by the setup service.
 */
export class AccessLinkService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
    private readonly tokens: TokenService,
  ) {}

  /**
   * What the page behind a link shows before it is used. A SETUP link says only that it is one
   * and until when. Refused like any use of the link: NOT_FOUND, or LINK_USED/EXPIRED/REVOKED.
   */
  async info(em: EntityManager, code: string): Promise<AccessLinkInfo> {
    // Which kind it is decides nothing but the lookup; an unknown code gets findUsableLink's NOT_FOUND.
    const found = await em.fork().findOne(AccessLink, { codeHash: hashLinkCode(code) }, { fields: ['kind'] });
    const link = await findUsableLink(em, code, found?.kind ?? AccessLinkKind.SETUP);
    const info: AccessLinkInfo = {
      kind: link.kind,
      email: null,
      name: null,
      role: null,
      organizationName: null,
      expiresAt: link.expiresAt,
    };
    if (link.kind === AccessLinkKind.INVITATION) {
      const organization = link.organization ? await link.organization.load() : null;
      return {
        ...info,
        email: link.email ?? null,
        name: link.name ?? null,
        role: link.role ?? null,
        organizationName: organization?.name ?? null,
      };
    }
    if (link.kind === AccessLinkKind.PASSWORD && link.member) {
      const member = await em.findOneOrFail(Member, { pk: link.member.unwrap().pk }, { populate: ['organization'] });
      return {
        ...info,
        email: member.email,
        name: member.name,
        organizationName: member.organization.getEntity().name,
      };
    }
    return info;
  }

  /**
   * Sets the member's password from a PASSWORD link and signs them in. The link is spent, the
   * member's other open PASSWORD links are revoked (one new password ends every pending reset),
   * and their older sessions end (session tokens carry a stamp of the password).
   */
  async resetPassword(code: string, password: string): Promise<AuthPayload> {
    // The link's own errors come first: there is no point choosing a password for a dead link.
    const member = await this.memberOf(
      this.orm.em.fork(),
      await findUsableLink(this.orm.em.fork(), code, AccessLinkKind.PASSWORD),
    );
    checkPassword('password', password);
    if (member.deactivatedAt) throw forbidden(DEACTIVATED);
    // Hashing is slow on purpose: before the transaction, so no lock waits on it.
    const passwordHash = await hashPassword(password);
    const updated = await runChange(this.orm, this.bus, async (em, record) => {
      const link = await findUsableLink(em, code, AccessLinkKind.PASSWORD, { lock: true });
      const member = await this.memberOf(em, link);
      if (member.deactivatedAt) throw forbidden(DEACTIVATED);
      const now = new Date();
      member.passwordHash = passwordHash;
      link.usedAt = now;
      await em.nativeUpdate(
        AccessLink,
        { kind: AccessLinkKind.PASSWORD, member: member.pk, usedAt: null, revokedAt: null, pk: { $ne: link.pk } },
        { revokedAt: now },
      );
      record({
        kind: ActivityKind.PASSWORD_CHANGED,
        visibility: ActivityVisibility.COORDINATORS,
        summary: `${member.name} set a new password with a one-time link`,
        actor: member.pk,
        actorOrganization: member.organization.unwrap().pk,
        // Their open sockets were opened under the old password: closed on every instance.
        snapshot: () => ({ endsSessions: { member: member.pk } }),
      });
      return member;
    });
    const { token, expiresAt } = await this.tokens.sign(updated.pk, passwordHash);
    return { token, expiresAt, member: updated };
  }

  private async memberOf(em: EntityManager, link: AccessLink): Promise<Member> {
    // A PASSWORD link always names its member (the row goes when the member does).
    const member = link.member
      ? await em.findOne(Member, { pk: link.member.unwrap().pk }, { populate: ['organization'] })
      : null;
    if (!member) throw badInput('code', 'This link belongs to no member; ask for a new one');
    return member;
  }
}
