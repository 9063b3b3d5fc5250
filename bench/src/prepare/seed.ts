/**
 * Child process: fills an empty database before the measured server starts. The demo city
 * (through its services, so the activity feed is real), then `issues` more issues and
 * `members` more members written straight through the ORM, and `pool` OPEN issues in one
 * neighborhood that the drivers toggle. Writes what it made as JSON to the file named by
 * argv[3]. Usage: seed.ts <spec-json> <out-file>
 */
import fs from 'node:fs';
import { bootstrap } from '../../../server/src/app.js';
import { loadConfig, parseDatabaseUrl } from '../../../server/src/config.js';
import { hashPassword } from '../../../server/src/auth/password.js';
import { Role } from '../../../server/src/auth/roles.js';
import { toGlobalId } from '../../../server/src/common/relay.js';
import { DEMO_PASSWORD, seedDemo } from '../../../server/src/db/seeders/demo.seeder.js';
import { CommunityIssue } from '../../../server/src/modules/issues/issue.entity.js';
import { IssueCategory } from '../../../server/src/modules/issues/issue.enums.js';
import { Member } from '../../../server/src/modules/members/member.entity.js';
import { Neighborhood } from '../../../server/src/modules/neighborhoods/neighborhood.entity.js';
import { Organization, OrganizationKind } from '../../../server/src/modules/organizations/organization.entity.js';
import type { SeedResult, SeedSpec } from './seed.types.js';

const spec = JSON.parse(process.argv[2]) as SeedSpec;
const out = process.argv[3];

const app = await bootstrap({
  config: {
    ...loadConfig({}),
    port: 0,
    database: parseDatabaseUrl(spec.databaseUrl),
    redisUrl: null,
    webDist: null,
    production: true,
    rateLimits: null,
  },
  announceSetup: false,
});
try {
  await seedDemo(app.services);
  const em = app.orm.em.fork();
  const hoods = await em.find(Neighborhood, {}, { orderBy: { pk: 'asc' } });
  const orgs = await em.find(Organization, {}, { orderBy: { pk: 'asc' } });
  const agency = orgs.find((o) => o.kind === OrganizationKind.AGENCY)!;
  const partners = orgs.filter((o) => o !== agency);
  const poolHood = hoods[0];
  const poolOrg = partners[0];

  // A city's backlog: issues in every category and neighborhood, shared round-robin.
  const categories = Object.values(IssueCategory);
  for (let i = 0; i < spec.issues; i++) {
    const issue = em.create(CommunityIssue, {
      title: `Bench issue ${i}`,
      description: 'Generated for the benchmark',
      category: categories[i % categories.length],
      neighborhood: hoods[i % hoods.length],
      lat: 45.5 + (i % 100) / 1000,
      lng: -122.6 - (i % 100) / 1000,
    });
    issue.organizations.set([orgs[i % orgs.length]]);
    if (i % 500 === 499) await em.flush();
  }
  // The issues the drivers change: OPEN, public, in one neighborhood, shared with one partner.
  const pool: CommunityIssue[] = [];
  for (let i = 0; i < spec.pool; i++) {
    const issue = em.create(CommunityIssue, {
      title: `Streetlight out on block ${100 + i}`,
      description: 'The light at the corner has been out for a week; the crossing is dark at night.',
      category: IssueCategory.LIGHTING,
      neighborhood: poolHood,
      lat: poolHood.centerLat,
      lng: poolHood.centerLng,
    });
    issue.organizations.set([poolOrg]);
    pool.push(issue);
  }

  // More people than the demo's five: officers, partners of every partner organization, coordinators.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const members: SeedResult['members'] = [];
  const add = (role: Role, org: Organization, n: number) => {
    const email = `bench-${role.toLowerCase()}-${n}@bench.test`;
    em.create(Member, { name: `Bench ${role.toLowerCase()} ${n}`, email, role, organization: org, passwordHash });
    members.push({ email, role, organizationId: toGlobalId('Organization', org.pk) });
  };
  for (let n = 0; n < spec.members.coordinators; n++) add(Role.COORDINATOR, agency, n);
  for (let n = 0; n < spec.members.officers; n++) add(Role.OFFICER, agency, n);
  for (let n = 0; n < spec.members.partners; n++) add(Role.PARTNER, partners[n % partners.length], n);
  await em.flush();

  const result: SeedResult = {
    password: DEMO_PASSWORD,
    members,
    poolIssueIds: pool.map((issue) => toGlobalId('CommunityIssue', issue.pk)),
    poolNeighborhoodId: toGlobalId('Neighborhood', poolHood.pk),
    poolOrganizationId: toGlobalId('Organization', poolOrg.pk),
    agencyId: toGlobalId('Organization', agency.pk),
    partnerOrganizationIds: partners.map((o) => toGlobalId('Organization', o.pk)),
  };
  fs.writeFileSync(out, JSON.stringify(result));
} finally {
  await app.close();
}
