import type { MikroORM } from '@mikro-orm/core';
import { hashPassword } from '../../server/src/auth/password.js';
import { Role } from '../../server/src/auth/roles.js';
import { toGlobalId } from '../../server/src/common/relay.js';
import { Neighborhood } from '../../server/src/modules/neighborhoods/neighborhood.entity.js';
import { Organization, OrganizationKind } from '../../server/src/modules/organizations/organization.entity.js';
import { Member } from '../../server/src/modules/members/member.entity.js';
import { checkGeometry } from '../../server/src/modules/neighborhoods/neighborhood.geometry.js';

export interface Basics {
  neighborhoods: { east: string; west: string };
  orgs: { agency: string; youth: string; health: string };
  emails: { coordinator: string; officer: string; partner: string; otherPartner: string };
}

export const TEST_PASSWORD = 'correct horse battery';

/** The river between Westside and Eastside, north to south: the border they share. */
export const RIVER: [number, number][] = [
  [-122.668, 45.545],
  [-122.672, 45.535],
  [-122.666, 45.525],
  [-122.671, 45.515],
  [-122.667, 45.5],
];
/** West of the river, from lng -122.73 (GeoJSON Polygon). */
export const WESTSIDE_BOUNDARY = {
  type: 'Polygon' as const,
  coordinates: [[[-122.73, 45.5], ...[...RIVER].reverse(), [-122.73, 45.545], [-122.73, 45.5]]],
};
/** East of the river, to lng -122.61. */
export const EASTSIDE_BOUNDARY = {
  type: 'Polygon' as const,
  coordinates: [[[-122.61, 45.5], [-122.61, 45.545], ...RIVER, [-122.61, 45.5]]],
};
const area = (geometry: unknown) => {
  const { text, bbox } = checkGeometry(geometry);
  return { boundary: text, ...bbox };
};

/** Two neighborhoods, the agency and two partners, one member per role (password TEST_PASSWORD). */
export async function seedBasics(orm: MikroORM): Promise<Basics> {
  const em = orm.em.fork();
  const east = em.create(Neighborhood, {
    name: 'Eastside',
    centerLat: 45.523,
    centerLng: -122.642,
    ...area(EASTSIDE_BOUNDARY),
  });
  const west = em.create(Neighborhood, {
    name: 'Westside',
    centerLat: 45.52,
    centerLng: -122.7,
    ...area(WESTSIDE_BOUNDARY),
  });
  const agency = em.create(Organization, { name: 'City Police', kind: OrganizationKind.AGENCY });
  const youth = em.create(Organization, { name: 'Youth Alliance', kind: OrganizationKind.YOUTH });
  const health = em.create(Organization, { name: 'Community Health', kind: OrganizationKind.HEALTH });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const member = (name: string, email: string, role: Role, organization: Organization) =>
    em.create(Member, { name, email, role, organization, passwordHash });
  member('Cora Coordinator', 'coordinator@test.local', Role.COORDINATOR, agency);
  member('Oscar Officer', 'officer@test.local', Role.OFFICER, agency);
  member('Paula Partner', 'partner@test.local', Role.PARTNER, youth);
  member('Hank Health', 'health@test.local', Role.PARTNER, health);
  await em.flush();
  return {
    neighborhoods: { east: toGlobalId('Neighborhood', east.pk), west: toGlobalId('Neighborhood', west.pk) },
    orgs: {
      agency: toGlobalId('Organization', agency.pk),
      youth: toGlobalId('Organization', youth.pk),
      health: toGlobalId('Organization', health.pk),
    },
    emails: {
      coordinator: 'coordinator@test.local',
      officer: 'officer@test.local',
      partner: 'partner@test.local',
      otherPartner: 'health@test.local',
    },
  };
}
