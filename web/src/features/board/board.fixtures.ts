import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';

/**
 * Test data for the board's component tests: a card as the server returns it (with the
 * __typename fields Apollo's cache adds to every selection), overridden per test.
 */
export function buildBoardIssue(overrides: Partial<BoardIssue> = {}): BoardIssue {
  return {
    __typename: 'CommunityIssue',
    id: 'Q29tbXVuaXR5SXNzdWU6MQ',
    title: 'Streetlight out on Alder & 12th',
    status: 'OPEN',
    category: 'LIGHTING',
    neighborhood: { __typename: 'Neighborhood', id: 'TmVpZ2hib3Job29kOjE', name: 'Eastside' },
    organizations: [],
    supportersCount: 4,
    updateCount: 2,
    reportedAt: '2026-11-20T12:00:00.000Z',
    version: 3,
    ...overrides,
  } as BoardIssue;
}

export const EASTSIDE_YOUTH = { __typename: 'Organization', id: 'T3JnYW5pemF0aW9uOjI', name: 'Eastside Youth League' };
export const CITY_POLICE = { __typename: 'Organization', id: 'T3JnYW5pemF0aW9uOjE', name: 'City Police Department' };
