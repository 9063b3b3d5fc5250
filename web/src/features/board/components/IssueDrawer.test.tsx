import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { buildBoardIssue, CITY_POLICE, EASTSIDE_YOUTH } from '../board.fixtures.js';
import type { BoardViewer } from '../board.statuses.js';
import { BOARD_ADD_ISSUE_UPDATE_MUTATION } from '../graphql/mutations/addIssueUpdate.mutation.js';
import { BOARD_ISSUE_DRAWER_QUERY } from '../graphql/queries/boardIssueDrawer.query.js';
import { BOARD_LINKABLE_EVENTS_QUERY } from '../graphql/queries/boardLinkableEvents.query.js';
import { IssueDrawer } from './IssueDrawer.js';
import { withIdempotencyKey } from '../../../shared/idempotencyKey.testing.js';

afterEach(cleanup);

const PARTNER: BoardViewer = { id: 'TWVtYmVyOjM', role: 'PARTNER', organizationId: EASTSIDE_YOUTH.id };
const ISSUE_ID = 'Q29tbXVuaXR5SXNzdWU6MQ';

function drawerIssue(overrides: Record<string, unknown> = {}) {
  return {
    ...buildBoardIssue({ organizations: [EASTSIDE_YOUTH], updateCount: 1 }),
    description: 'Dark since Tuesday.',
    priority: 'NORMAL',
    anonymous: false,
    contact: 'resident@example.test',
    acknowledgedAt: null,
    resolvedAt: null,
    reporter: null,
    location: { __typename: 'Location', lat: 45.5, lng: -122.6, precise: true, address: '12 Alder St' },
    neighborhood: {
      __typename: 'Neighborhood',
      id: 'TmVpZ2hib3Job29kOjE',
      name: 'Eastside',
      boundary: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-122.61, 45.49],
            [-122.59, 45.49],
            [-122.59, 45.51],
            [-122.61, 45.51],
            [-122.61, 45.49],
          ],
        ],
      }),
      centerLat: 45.5,
      centerLng: -122.6,
    },
    updates: [
      {
        __typename: 'IssueUpdate',
        id: 'SXNzdWVVcGRhdGU6MQ',
        kind: 'STATUS_CHANGE',
        body: 'Open → Acknowledged',
        visibility: 'PUBLIC',
        createdAt: '2026-11-21T10:00:00.000Z',
        author: { __typename: 'Member', id: 'TWVtYmVyOjI', name: 'Officer Luis Ortega' },
        organization: CITY_POLICE,
        fromStatus: 'OPEN',
        toStatus: 'ACKNOWLEDGED',
      },
    ],
    ...overrides,
  };
}

function drawerMock(issue: ReturnType<typeof drawerIssue>): MockLink.MockedResponse {
  return {
    request: { query: BOARD_ISSUE_DRAWER_QUERY, variables: { id: ISSUE_ID } },
    result: { data: { issue, organizations: [CITY_POLICE, EASTSIDE_YOUTH] } },
    maxUsageCount: 5,
  };
}

const noEvents: MockLink.MockedResponse = {
  request: { query: BOARD_LINKABLE_EVENTS_QUERY, variables: () => true },
  result: { data: { events: { __typename: 'SharedEventConnection', edges: [] } } },
  maxUsageCount: 5,
};

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function renderDrawer(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[`/board/issues/${ISSUE_ID}?category=LIGHTING`]}>
        <Routes>
          <Route path="/board/issues/:issueId" element={<IssueDrawer viewer={PARTNER} />} />
          <Route path="*" element={null} />
        </Routes>
        <Where />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('IssueDrawer', () => {
  it('shows the issue: details, contact when the server shares it, map and timeline', async () => {
    renderDrawer([drawerMock(drawerIssue()), noEvents]);
    const drawer = await screen.findByRole('dialog', { name: 'Streetlight out on Alder & 12th' });
    expect(within(drawer).getByText('Dark since Tuesday.')).toBeTruthy();
    expect(within(drawer).getByText('resident@example.test')).toBeTruthy();
    expect(within(drawer).getByRole('img', { name: 'Map of Eastside with the reported location' })).toBeTruthy();
    const timeline = within(drawer).getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByText('Open → Acknowledged')).toBeTruthy();
    expect(within(timeline).getByText('Officer Luis Ortega, City Police Department')).toBeTruthy();
  });

  it('says nothing of a contact the viewer may not see', async () => {
    renderDrawer([drawerMock(drawerIssue({ contact: null })), noEvents]);
    await screen.findByRole('dialog', { name: 'Streetlight out on Alder & 12th' });
    expect(screen.queryByText('resident@example.test')).toBeNull();
    expect(screen.getByText(/contact is shown only to the organizations assigned/)).toBeTruthy();
  });

  it('posts an internal (PARTNERS) update', async () => {
    const posted = vi.fn(() => ({
      data: {
        addIssueUpdate: {
          ...drawerIssue().updates[0],
          id: 'SXNzdWVVcGRhdGU6Mg',
          kind: 'COMMENT',
          body: 'Family known to us.',
          visibility: 'PARTNERS',
          fromStatus: null,
          toStatus: null,
        },
      },
    }));
    renderDrawer([
      drawerMock(drawerIssue()),
      noEvents,
      {
        request: {
          query: BOARD_ADD_ISSUE_UPDATE_MUTATION,
          variables: withIdempotencyKey({ issueId: ISSUE_ID, body: 'Family known to us.', visibility: 'PARTNERS' }),
        },
        result: posted,
      },
    ]);
    const drawer = await screen.findByRole('dialog', { name: 'Streetlight out on Alder & 12th' });
    const user = userEvent.setup();
    await user.type(within(drawer).getByRole('textbox', { name: 'Update' }), 'Family known to us.');
    await user.click(within(drawer).getByRole('radio', { name: /Internal/ }));
    await user.click(within(drawer).getByRole('button', { name: 'Post update' }));
    expect(await within(drawer).findByText('Internal note posted (members only).')).toBeTruthy();
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('closes back to the board with the same filters', async () => {
    renderDrawer([drawerMock(drawerIssue()), noEvents]);
    await screen.findByRole('dialog', { name: 'Streetlight out on Alder & 12th' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Close issue' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/board?category=LIGHTING'));
  });
});
