import { LockMode, UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { hashPassword } from '../../auth/password.js';
import { Role } from '../../auth/roles.js';
import type { TokenService } from '../../auth/tokens.js';
import { badInput, DomainError, ErrorCode } from '../../common/errors.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivitySequence } from '../activity/activity.entity.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { AccessLink, AccessLinkKind } from '../access-links/access-link.entity.js';
import { LINK_TTL_MS, findUsableLink, newLinkCode, type LinkIssuer } from '../access-links/access-link.codes.js';
import { checkPassword } from '../access-links/access-link.service.js';
import { Member } from '../members/member.entity.js';
import type { AuthPayload } from '../members/member.resolver.js';
import { Organization, OrganizationKind } from '../organizations/organization.entity.js';
import { PartnershipSettings } from '../partnership/partnership.entity.js';
import { checkDisplayName, checkLanguage, checkTimeZone } from '../partnership/partnership.rules.js';
import type { PartnershipService } from '../partnership/partnership.service.js';
import type { SetupInput } from './setup.input.js';

// The same rule as member.service: enough to catch a name typed into the email box.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const setupClosed = () =>
  new DomainError(ErrorCode.FORBIDDEN, 'Setup is already complete; sign in instead', { reason: 'SETUP_CLOSED' });

/** An email address as members store it (trimmed, lower-cased), or BAD_USER_INPUT naming `field`. */
export function checkEmail(field: string, raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL_SHAPE.test(email)) throw badInput(field, `${field} must be an email address`);
  return email;
}

/**
 * First run: while no coordinator exists, each start issues a SETUP link (24 h); following one
 * creates the partnership, its agency and the first coordinator. Once any coordinator exists (by
 * setup or `pnpm admin create-coordinator`), setup is closed for good.
 */
export class SetupService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
    private readonly tokens: TokenService,
    private readonly links: LinkIssuer,
    private readonly partnership: PartnershipService,
  ) {}

  /** A new SETUP link when setup is still open, else null. Older links stay valid until used or expired. */
  async announce(): Promise<string | null> {
    const em = this.orm.em.fork();
    if (await this.partnership.hasCoordinator(em)) return null;
    const { code, codeHash } = newLinkCode();
    em.create(AccessLink, {
      kind: AccessLinkKind.SETUP,
      codeHash,
      expiresAt: new Date(Date.now() + LINK_TTL_MS.SETUP),
    });
    await em.flush();
    return this.links.url(AccessLinkKind.SETUP, code);
  }

  /**
   * Spends a SETUP link: the partnership's settings, its AGENCY organization (an existing one of
   * that name is reused), the first coordinator, SETUP_COMPLETED in the feed; every SETUP link is
   * then used up. Answers like `login`. All of it or nothing, and only once, even when two people
   * follow two links at the same moment.
   */
  async complete(code: string, input: SetupInput): Promise<AuthPayload> {
    // A dead link or a closed setup says so before any field is looked at.
    const probe = this.orm.em.fork();
    await findUsableLink(probe, code, AccessLinkKind.SETUP);
    if (await this.partnership.hasCoordinator(probe)) throw setupClosed();
    const partnershipName = checkDisplayName('partnershipName', input.partnershipName);
    const timeZone = checkTimeZone('timeZone', input.timeZone);
    const language = checkLanguage('language', input.language);
    const agencyName = checkDisplayName('agencyName', input.agencyName);
    const coordinatorName = checkDisplayName('coordinatorName', input.coordinatorName);
    const email = checkEmail('coordinatorEmail', input.coordinatorEmail);
    checkPassword('coordinatorPassword', input.coordinatorPassword);
    // Hashing is slow on purpose: before the transaction, so no lock waits on it.
    const passwordHash = await hashPassword(input.coordinatorPassword);
    let member: Member;
    try {
      member = await runChange(this.orm, this.bus, async (em, record) => {
        // One setup at a time across instances: PostgreSQL holds this row until commit (two
        // different SETUP links would otherwise both see no coordinator); SQLite has one writer.
        await em.findOne(ActivitySequence, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        // Closed first: whoever lost a race hears that setup is done, not that their link is spent.
        if (await em.count(Member, { role: Role.COORDINATOR })) throw setupClosed();
        const link = await findUsableLink(em, code, AccessLinkKind.SETUP, { lock: true });
        if (await em.count(Member, { email })) throw badInput('coordinatorEmail', 'coordinatorEmail is already in use');
        let agency = await em.findOne(Organization, { name: agencyName });
        if (agency && agency.kind !== OrganizationKind.AGENCY) {
          throw badInput('agencyName', `agencyName: ${agencyName} is already an organization of kind ${agency.kind}`);
        }
        agency ??= em.create(Organization, { name: agencyName, kind: OrganizationKind.AGENCY });
        const now = new Date();
        const settings = await em.findOne(PartnershipSettings, { id: 1 });
        const values = { name: partnershipName, timeZone, language, setupCompletedAt: now, updatedAt: now };
        if (settings) Object.assign(settings, values);
        else em.create(PartnershipSettings, values);
        const coordinator = em.create(Member, {
          name: coordinatorName,
          email,
          role: Role.COORDINATOR,
          organization: agency,
          passwordHash,
        });
        link.usedAt = now;
        await em.nativeUpdate(AccessLink, { kind: AccessLinkKind.SETUP, usedAt: null }, { usedAt: now });
        await em.flush();
        record({
          kind: ActivityKind.SETUP_COMPLETED,
          visibility: ActivityVisibility.COORDINATORS,
          summary: `${coordinatorName} set up ${partnershipName}, with ${agencyName} as its police agency`,
          actor: coordinator.pk,
          actorOrganization: agency.pk,
          snapshot: () => ({}),
        });
        return coordinator;
      });
    } catch (error) {
      // A setup that committed in between (same email, or the partnership row): closed.
      if (error instanceof UniqueConstraintViolationException) throw setupClosed();
      throw error;
    }
    const { token, expiresAt } = await this.tokens.sign(member.pk, passwordHash);
    return { token, expiresAt, member };
  }
}
