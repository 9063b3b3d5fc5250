import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Services } from '../../context.js';
import { hashPassword } from '../../auth/password.js';
import type { Viewer } from '../../auth/viewer.js';
import { Role } from '../../auth/roles.js';
import { toGlobalId } from '../../common/relay.js';
import { Neighborhood } from '../../modules/neighborhoods/neighborhood.entity.js';
import { Organization } from '../../modules/organizations/organization.entity.js';
import { Member } from '../../modules/members/member.entity.js';
import { PartnershipSettings } from '../../modules/partnership/partnership.entity.js';
import { CommunityIssue } from '../../modules/issues/issue.entity.js';
import { SharedEvent } from '../../modules/events/event.entity.js';
import { EventStatus } from '../../modules/events/event.enums.js';
import { CoHostInvitationStatus, EventCoHostInvitation } from '../../modules/events/cohost-invitation.entity.js';
import { IssueStatus, UpdateVisibility } from '../../modules/issues/issue.enums.js';
import { DEMO_PASSWORD, EVENTS, ISSUES, MEMBERS, NEIGHBORHOODS, ORGANIZATIONS, RESIDENT_NAMES } from './demo-data.js';

const PATH: Record<IssueStatus, IssueStatus[]> = {
  OPEN: [],
  ACKNOWLEDGED: [IssueStatus.ACKNOWLEDGED],
  IN_PROGRESS: [IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS],
  RESOLVED: [IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED],
  CLOSED: [IssueStatus.CLOSED],
};
const DAY = 24 * 3600_000;

/** True when the database has no organizations yet (a fresh install). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(Organization, {})) === 0;
}

/**
 * Seeds the demo city: neighborhoods, the agency and partners, the demo logins, 30+ issues in
 * every status and category and a dozen events. Changes go through the services, so the
 * activity feed tells the city's story. Only for `pnpm demo` and tests; never `pnpm start`.
 */
export async function seedDemo(services: Services): Promise<void> {
  const { orm } = services;
  const em = orm.em.fork();
  const neighborhoods = new Map(NEIGHBORHOODS.map((n) => [n.name, em.create(Neighborhood, n)]));
  const orgs = new Map(
    ORGANIZATIONS.map((o) => {
      const org = em.create(Organization, { name: o.name, kind: o.kind });
      org.neighborhoods.set(o.serves.map((n) => neighborhoods.get(n)!));
      return [o.name, org];
    }),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const members = MEMBERS.map((m) =>
    em.create(Member, {
      name: m.name,
      email: m.email,
      role: m.role as Role,
      organization: orgs.get(m.org)!,
      passwordHash,
    }),
  );
  seedPartnership(em, [...neighborhoods.values()]);
  await em.flush();

  const viewers = new Map<string, Viewer>(
    members.map((m) => [
      m.email,
      {
        kind: 'member' as const,
        memberPk: m.pk,
        name: m.name,
        role: m.role,
        organizationPk: m.organization.unwrap().pk,
        organizationName: m.organization.getEntity().name,
      },
    ]),
  );
  const officer = viewers.get('officer@demo.test')!;
  const coordinator = viewers.get('coordinator@demo.test')!;
  const viewerOfOrg = (org: string) =>
    [...viewers.values()].find((v) => v.organizationPk === orgs.get(org)!.pk && v.role === Role.PARTNER) ?? officer;
  const orgId = (name: string) => toGlobalId('Organization', orgs.get(name)!.pk);

  let i = 0;
  for (const spec of ISSUES) {
    i++;
    const neighborhood = neighborhoods.get(spec.neighborhood)!;
    const anonymous = i % 4 === 0;
    const issue = await services.issues.report(null, {
      title: spec.title,
      description: spec.description,
      category: spec.category,
      neighborhoodId: toGlobalId('Neighborhood', neighborhood.pk),
      location: {
        lat: neighborhood.centerLat + (((i * 37) % 17) - 8) * 0.0011,
        lng: neighborhood.centerLng + (((i * 53) % 19) - 9) * 0.0014,
        address: `${100 + i * 7} ${spec.neighborhood} Ave`,
      },
      anonymous,
      contact: anonymous ? null : `resident${i}@example.org`,
    });
    const id = toGlobalId('CommunityIssue', issue.pk);
    for (let s = 0; s < (i * 7) % 6; s++) await services.issues.support(null, id);
    if (spec.assign.length) await services.issues.assign(officer, id, spec.assign.map(orgId), null);
    for (const status of PATH[spec.status]) {
      const actor =
        status === IssueStatus.ACKNOWLEDGED || spec.assign.length === 0 ? officer : viewerOfOrg(spec.assign[0]);
      await services.issues.setStatus(
        actor,
        id,
        status,
        status === IssueStatus.CLOSED ? 'Duplicate of an earlier report' : null,
        null,
      );
    }
    if (i % 3 === 0) {
      await services.issues.addUpdate(
        officer,
        id,
        'An officer will check this on the next patrol.',
        UpdateVisibility.PUBLIC,
        null,
      );
    }
    if (spec.assign.length && i % 2 === 0) {
      await services.issues.addUpdate(
        viewerOfOrg(spec.assign[0]),
        id,
        'Internal: we know the family involved; handle with care.',
        UpdateVisibility.PARTNERS,
        null,
      );
    }
    // Spread the history over the past weeks so ages and trust metrics look real.
    const reportedAt = new Date(Date.now() - spec.daysAgo * DAY - (i % 10) * 3600_000);
    await orm.em.fork().nativeUpdate(
      CommunityIssue,
      { pk: issue.pk },
      {
        reportedAt,
        ...(spec.status !== IssueStatus.OPEN && spec.status !== IssueStatus.CLOSED
          ? { acknowledgedAt: new Date(reportedAt.getTime() + ((i % 5) + 1) * 3600_000) }
          : {}),
        ...(spec.status === IssueStatus.RESOLVED
          ? { resolvedAt: new Date(reportedAt.getTime() + Math.max(1, spec.daysAgo - 3) * DAY) }
          : {}),
      },
    );
  }

  let e = 0;
  for (const spec of EVENTS) {
    e++;
    const partner = viewerOfOrg(spec.host);
    const host = partner.role === Role.PARTNER ? partner : coordinator;
    const start = new Date(Math.ceil((Date.now() + Math.abs(spec.inDays) * DAY) / 3600_000) * 3600_000);
    // Daytime and early evening in the demo city (UTC−8): 9 am, 11 am, 1 pm, 5 pm.
    start.setUTCHours([17, 19, 21, 1][e % 4]);
    const event = await services.events.create(host, {
      title: spec.title,
      description: spec.description,
      kind: spec.kind,
      startsAt: start,
      endsAt: new Date(start.getTime() + spec.hours * 3600_000),
      locationName: spec.locationName,
      location: null,
      neighborhoodId: toGlobalId('Neighborhood', neighborhoods.get(spec.neighborhood)!.pk),
      hostOrganizationId: orgId(spec.host),
      coHostOrganizationIds: spec.coHosts.map(orgId),
      capacity: spec.capacity,
      isPublic: spec.kind !== 'MEETING',
      issueIds: null,
    });
    const id = toGlobalId('SharedEvent', event.pk);
    // Co-hosts are invited; in the demo they have accepted, except the youth program's invitation
    // to the forum weeks away, left for partner@demo.test to answer.
    for (const name of spec.coHosts) {
      if (name === 'Eastside Youth Alliance' && spec.inDays >= 10) continue;
      await acceptInDemo(services, viewerOfOrg(name), event.pk, orgs.get(name)!);
    }
    for (const s of spec.staff) await services.events.commitStaff(coordinator, id, s.count, orgId(s.org), null, null);
    for (let r = 0; r < spec.rsvps; r++) {
      await services.events.rsvp(null, id, {
        name: RESIDENT_NAMES[(e + r) % RESIDENT_NAMES.length],
        email: null,
        partySize: 1 + (r % 3),
      });
    }
    if (spec.inDays < 0) {
      const startsAt = new Date(Date.now() + spec.inDays * DAY);
      await orm.em
        .fork()
        .nativeUpdate(
          SharedEvent,
          { pk: event.pk },
          { startsAt, endsAt: new Date(startsAt.getTime() + spec.hours * 3600_000), status: EventStatus.DONE },
        );
    } else if (e % 2 === 0) {
      await services.events.update(host, id, { status: EventStatus.CONFIRMED }, null);
    }
  }
}

/**
 * Accepts an organization's invitation to co-host a demo event: through the service as one of
 * its members, or, for the demo organizations that have no member, straight in the database
 * (an agreement made before the board, with no activity entry).
 */
async function acceptInDemo(services: Services, member: Viewer, eventPk: number, organization: Organization) {
  const em = services.orm.em.fork();
  const invitation = await em.findOne(
    EventCoHostInvitation,
    { event: eventPk, organization: organization.pk, status: CoHostInvitationStatus.PENDING },
    { populate: ['event.coHosts'] },
  );
  // Naming one's own organization (the coordinator hosting for a partner) is accepted already.
  if (!invitation) return;
  if (member.organizationPk === organization.pk) {
    await services.events.coHosts.respond(member, invitation.id, true);
    return;
  }
  invitation.status = CoHostInvitationStatus.ACCEPTED;
  invitation.respondedAt = new Date();
  invitation.event.getEntity().coHosts.add(em.getReference(Organization, organization.pk));
  await em.flush();
}

/** The demo city's settings, as setup would write them; the map is centred on its neighborhoods. */
function seedPartnership(em: EntityManager, neighborhoods: Neighborhood[]): void {
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e5) / 1e5;
  em.create(PartnershipSettings, {
    name: 'Demo City Partnership',
    timeZone: 'America/Los_Angeles',
    language: 'en',
    mapCenterLat: mean(neighborhoods.map((n) => n.centerLat)),
    mapCenterLng: mean(neighborhoods.map((n) => n.centerLng)),
    setupCompletedAt: new Date(),
  });
}

export { DEMO_PASSWORD, MEMBERS as DEMO_MEMBERS };
