import type {
  AdminApiTokenFragment,
  AdminInvitationFragment,
  AdminMemberFragment,
  AdminNeighborhoodFragment,
  AdminOrganizationFragment,
} from '../../../graphql/generated/graphql.js';

/** A fragment as the server answers it, with the __typename the generated types leave out. */
export type Typed<T> = T & { __typename: string };

/** A closed square ring as GeoJSON positions. */
export function squareRing(lng: number, lat: number, size: number): [number, number][] {
  return [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
}

export const AGENCY = {
  __typename: 'Organization' as const,
  id: 'T3JnYW5pemF0aW9uOjE',
  name: 'Riverside PD',
  kind: 'AGENCY' as const,
};
export const YOUTH = {
  __typename: 'Organization' as const,
  id: 'T3JnYW5pemF0aW9uOjI',
  name: 'Eastside Youth Alliance',
  kind: 'YOUTH' as const,
};

// Nested objects carry __typename as the server sends it (the generated types leave it out).
const AGENCY_REF = { __typename: 'Organization' as const, id: AGENCY.id, name: AGENCY.name };
const YOUTH_REF = { __typename: 'Organization' as const, id: YOUTH.id, name: YOUTH.name };
const CASEY_REF = { __typename: 'Member' as const, id: 'TWVtYmVyOjE', name: 'Casey Coordinator' };

export function buildOrganization(
  overrides: Partial<AdminOrganizationFragment> = {},
): Typed<AdminOrganizationFragment> {
  return { ...YOUTH, neighborhoods: [], ...overrides };
}

export function buildMember(overrides: Partial<AdminMemberFragment> = {}): Typed<AdminMemberFragment> {
  return {
    __typename: 'Member',
    id: 'TWVtYmVyOjM',
    name: 'Sam Rivera',
    email: 'sam@youth.test',
    role: 'PARTNER',
    active: true,
    deactivatedAt: null,
    organization: YOUTH,
    ...overrides,
  };
}

export function buildInvitation(overrides: Partial<AdminInvitationFragment> = {}): Typed<AdminInvitationFragment> {
  return {
    __typename: 'Invitation',
    id: 'SW52aXRhdGlvbjox',
    email: 'ana@health.test',
    name: 'Ana Cruz',
    role: 'PARTNER',
    status: 'PENDING',
    createdAt: '2026-12-01T08:00:00.000Z',
    expiresAt: '2026-12-08T08:00:00.000Z',
    acceptedAt: null,
    organization: YOUTH_REF,
    invitedBy: CASEY_REF,
    ...overrides,
  };
}

export function buildNeighborhood(
  overrides: Partial<AdminNeighborhoodFragment> = {},
): Typed<AdminNeighborhoodFragment> {
  return {
    __typename: 'Neighborhood',
    id: 'TmVpZ2hib3Job29kOjE',
    name: 'Eastside',
    boundary: JSON.stringify({ type: 'Polygon', coordinates: [squareRing(-87.7, 41.8, 0.02)] }),
    centerLat: 41.81,
    centerLng: -87.69,
    retired: false,
    retiredAt: null,
    ...overrides,
  };
}

export function buildApiToken(overrides: Partial<AdminApiTokenFragment> = {}): Typed<AdminApiTokenFragment> {
  return {
    __typename: 'ApiToken',
    id: 'QXBpVG9rZW46MQ',
    name: 'Dispatch sync',
    hint: 'bbt_Xy3k',
    scopes: ['ISSUES_READ'],
    createdAt: '2026-11-20T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    organization: AGENCY_REF,
    createdBy: CASEY_REF,
    ...overrides,
  };
}
