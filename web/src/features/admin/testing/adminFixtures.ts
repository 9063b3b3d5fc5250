import type {
  AdminApiTokenFragment,
  AdminInvitationFragment,
  AdminMemberFragment,
  AdminNeighborhoodFragment,
  AdminOrganizationFragment,
} from '../../../graphql/generated/graphql.js';

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

export function buildOrganization(overrides: Partial<AdminOrganizationFragment> = {}): AdminOrganizationFragment {
  return { ...YOUTH, neighborhoods: [], ...overrides };
}

export function buildMember(overrides: Partial<AdminMemberFragment> = {}): AdminMemberFragment {
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

export function buildInvitation(overrides: Partial<AdminInvitationFragment> = {}): AdminInvitationFragment {
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
    organization: { __typename: 'Organization', id: YOUTH.id, name: YOUTH.name },
    invitedBy: { __typename: 'Member', id: 'TWVtYmVyOjE', name: 'Casey Coordinator' },
    ...overrides,
  };
}

export function buildNeighborhood(overrides: Partial<AdminNeighborhoodFragment> = {}): AdminNeighborhoodFragment {
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

export function buildApiToken(overrides: Partial<AdminApiTokenFragment> = {}): AdminApiTokenFragment {
  return {
    __typename: 'ApiToken',
    id: 'QXBpVG9rZW46MQ',
    name: 'Dispatch sync',
    hint: 'bbt_Xy3k',
    scopes: ['ISSUES_READ'],
    createdAt: '2026-11-20T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    organization: { __typename: 'Organization', id: AGENCY.id, name: AGENCY.name },
    createdBy: { __typename: 'Member', id: 'TWVtYmVyOjE', name: 'Casey Coordinator' },
    ...overrides,
  };
}
