import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { hashPassword } from '../../auth/password.js';
import { Role } from '../../auth/roles.js';
import { badInput } from '../../common/errors.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { AccessLinkKind } from '../access-links/access-link.entity.js';
import type { LinkIssuer } from '../access-links/access-link.codes.js';
import { addPasswordLink } from '../access-links/access-link.service.js';
import { Member } from '../members/member.entity.js';
import { Organization, OrganizationKind } from '../organizations/organization.entity.js';
import { checkDisplayName } from '../partnership/partnership.rules.js';
import { checkEmail } from './setup.service.js';

/** What the command-line tool needs: the database, somewhere to announce changes, the link builder. */
export interface AdminDeps {
  orm: MikroORM;
  bus: ActivityBus;
  links: LinkIssuer;
}

export interface SignInLink {
  name: string;
  url: string;
}

// Written by the command line: no member acted, so the entries carry no actor.
const adminEntry = (kind: ActivityKind, summary: string, actorOrganization: number | null) => ({
  kind,
  visibility: ActivityVisibility.COORDINATORS,
  summary,
  actor: null,
  actorOrganization,
  snapshot: () => ({}),
});

/**
 * `pnpm admin create-coordinator`: a COORDINATOR of `organization` (an AGENCY organization is
 * created when none has that name) whose password is the hash of a random secret nobody knows,
 * and a PASSWORD link (24 h) for them to choose their own. Closes first-run setup for good.
 */
export async function createCoordinator(
  { orm, bus, links }: AdminDeps,
  input: { email: string; name: string; organization: string },
): Promise<SignInLink> {
  const email = checkEmail('--email', input.email);
  const name = checkDisplayName('--name', input.name);
  const organizationName = checkDisplayName('--organization', input.organization);
  const taken = () => badInput('email', `${email} is already in use; run sign-in-link --email ${email} for a new link`);
  // Nobody knows this secret: the member chooses their password through the link.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  try {
    return await runChange(orm, bus, async (em, record) => {
      if (await em.count(Member, { email })) throw taken();
      let organization = await em.findOne(Organization, { name: organizationName });
      const created = !organization;
      organization ??= em.create(Organization, { name: organizationName, kind: OrganizationKind.AGENCY });
      const member = em.create(Member, { name, email, role: Role.COORDINATOR, organization, passwordHash });
      const { code } = addPasswordLink(em, member);
      await em.flush();
      if (created) {
        record(
          adminEntry(
            ActivityKind.ORGANIZATION_CREATED,
            `${organizationName} (AGENCY) was added from the command line`,
            organization.pk,
          ),
        );
      }
      record(
        adminEntry(
          ActivityKind.MEMBER_CREATED,
          `${name} was added as a coordinator of ${organizationName} from the command line`,
          organization.pk,
        ),
      );
      return { name, url: links.url(AccessLinkKind.PASSWORD, code) };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
}

/** `pnpm admin sign-in-link`: a fresh PASSWORD link (24 h) for an existing, active member. */
export async function signInLink({ orm, bus, links }: AdminDeps, rawEmail: string): Promise<SignInLink> {
  const email = checkEmail('--email', rawEmail);
  return runChange(orm, bus, async (em, record) => {
    const member = await em.findOne(Member, { email }, { populate: ['organization'] });
    if (!member) throw badInput('email', `No member has the email ${email}`);
    if (member.deactivatedAt) {
      throw badInput('email', `${member.name} is deactivated; a coordinator must reactivate them first`);
    }
    const { code } = addPasswordLink(em, member);
    record(
      adminEntry(
        ActivityKind.PASSWORD_RESET_ISSUED,
        `A sign-in link for ${member.name} was issued from the command line`,
        member.organization.unwrap().pk,
      ),
    );
    return { name: member.name, url: links.url(AccessLinkKind.PASSWORD, code) };
  });
}
