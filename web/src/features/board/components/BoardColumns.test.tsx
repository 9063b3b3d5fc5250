import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { InMemoryCache } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import { BOARD_PAGE_SIZE } from '../board.columns.js';
import { buildBoardIssue, EASTSIDE_YOUTH } from '../board.fixtures.js';
import type { BoardViewer } from '../board.statuses.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { BOARD_SET_ISSUE_STATUS_MUTATION } from '../graphql/mutations/setIssueStatus.mutation.js';
import { BOARD_ISSUE_CARD_QUERY } from '../graphql/queries/boardIssueCard.query.js';
import { BOARD_ISSUES_QUERY } from '../graphql/queries/boardIssues.query.js';
import { BoardColumns } from './BoardColumns.js';

afterEach(cleanup);

const OFFICER: BoardViewer = { id: 'TWVtYmVyOjI', role: 'OFFICER', organizationId: 'T3JnYW5pemF0aW9uOjE' };
const PARTNER: BoardViewer = { id: 'TWVtYmVyOjM', role: 'PARTNER', organizationId: EASTSIDE_YOUTH.id };
const TITLE = 'Streetlight out on Alder & 12th';
const VARIABLES = { filter: { status: ['OPEN' as const] }, first: BOARD_PAGE_SIZE };

/** The board's page, as it is in the cache: the columns read their cards from it, as on the board. */
function Harness({ viewer }: { viewer: BoardViewer }) {
  const { data } = useQuery(BOARD_ISSUES_QUERY, { variables: VARIABLES, fetchPolicy: 'cache-only' });
  const issues = data?.issues.edges.map((edge) => edge.node) ?? [];
  return <BoardColumns issues={issues} viewer={viewer} seen={{}} markRead={() => undefined} search="" />;
}

function renderBoard(issues: BoardIssue[], mocks: MockLink.MockedResponse[], viewer: BoardViewer = OFFICER) {
  const cache = new InMemoryCache();
  cache.writeQuery({
    query: BOARD_ISSUES_QUERY,
    variables: VARIABLES,
    data: {
      __typename: 'Query',
      latestSeq: 10,
      issues: {
        __typename: 'IssueConnection',
        totalCount: issues.length,
        edges: issues.map((node) => ({ __typename: 'IssueEdge', cursor: node.id, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    } as never,
  });
  render(
    <MockedProvider mocks={mocks} cache={cache}>
      <MemoryRouter>
        <Harness viewer={viewer} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const column = (name: string) => screen.getByRole('region', { name });

describe('BoardColumns: moving a card', () => {
  it('moves with setIssueStatus and the card’s version as expectedVersion, and announces it', async () => {
    const issue = buildBoardIssue({ version: 3 });
    const saved = vi.fn(() => ({
      data: { setIssueStatus: { ...issue, status: 'IN_PROGRESS', version: 4, updateCount: 3 } },
    }));
    renderBoard(
      [issue],
      [
        {
          request: {
            query: BOARD_SET_ISSUE_STATUS_MUTATION,
            variables: { id: issue.id, status: 'IN_PROGRESS', expectedVersion: 3 },
          },
          result: saved,
          delay: 150,
        },
      ],
    );
    expect(within(column('Open')).getByText(TITLE)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: `Move ${TITLE}` }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'In progress' }));

    // Optimistic: in its new column before the server has answered.
    expect(within(column('In progress')).getByText(TITLE)).toBeTruthy();
    expect(within(column('Open')).queryByText(TITLE)).toBeNull();
    expect(screen.queryByText(/^Moved/)).toBeNull(); // not confirmed yet

    expect(await screen.findByText(`Moved “${TITLE}” to In progress`)).toBeTruthy();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(screen.getByText(`Moved “${TITLE}” to In progress`).closest('[aria-live="polite"]')).toBeTruthy();
    // Focus stays with the card, on its Move button in the new column.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(column('In progress')).getByRole('button', { name: `Move ${TITLE}` })),
    );
  });

  it('on CONFLICT puts the card back, says who changed what, and fetches the issue again', async () => {
    const issue = buildBoardIssue({ version: 3 });
    const message =
      'This issue was just changed by Officer Luis Ortega (Streetlight out on Alder & 12th: Open → Acknowledged); it is now at version 4';
    const refetched = vi.fn(() => ({ data: { issue: { ...issue, status: 'ACKNOWLEDGED', version: 4 } } }));
    renderBoard(
      [issue],
      [
        {
          request: {
            query: BOARD_SET_ISSUE_STATUS_MUTATION,
            variables: { id: issue.id, status: 'RESOLVED', expectedVersion: 3 },
          },
          result: {
            errors: [
              {
                message,
                extensions: {
                  code: 'CONFLICT',
                  currentVersion: 4,
                  changedBy: 'Officer Luis Ortega',
                  change: 'Streetlight out on Alder & 12th: Open → Acknowledged',
                },
              },
            ],
          },
          delay: 20,
        },
        { request: { query: BOARD_ISSUE_CARD_QUERY, variables: { id: issue.id } }, result: refetched, delay: 20 },
      ],
    );

    await userEvent.click(screen.getByRole('button', { name: `Move ${TITLE}` }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Resolved' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`“${TITLE}” was not moved to Resolved.`);
    expect(alert.textContent).toContain('changed by Officer Luis Ortega');
    expect(alert.textContent).toContain('Open → Acknowledged');
    expect(within(column('Resolved')).queryByText(TITLE)).toBeNull();

    // The issue as it is now: Acknowledged, where the other person put it.
    await waitFor(() => expect(within(column('Acknowledged')).getByText(TITLE)).toBeTruthy());
    expect(refetched).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/^Moved/)).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no Move button to a partner for an issue not shared with their organization', () => {
    const shared = buildBoardIssue({ id: 'Q29tbXVuaXR5SXNzdWU6Mg', title: 'Shared', organizations: [EASTSIDE_YOUTH] });
    renderBoard([buildBoardIssue(), shared], [], PARTNER);
    expect(screen.queryByRole('button', { name: `Move ${TITLE}` })).toBeNull();
    expect(screen.getByRole('button', { name: 'Move Shared' })).toBeTruthy();
  });

  it('moves by drag and drop onto a column the issue may move to, and nowhere else', async () => {
    const issue = buildBoardIssue({ status: 'IN_PROGRESS', version: 7 });
    const saved = vi.fn(() => ({ data: { setIssueStatus: { ...issue, status: 'RESOLVED', version: 8 } } }));
    renderBoard(
      [issue],
      [
        {
          request: {
            query: BOARD_SET_ISSUE_STATUS_MUTATION,
            variables: { id: issue.id, status: 'RESOLVED', expectedVersion: 7 },
          },
          result: saved,
        },
      ],
    );
    const dataTransfer = { setData: vi.fn(), effectAllowed: '', dropEffect: '' };
    const card = screen.getByRole('article', { name: TITLE });

    // IN_PROGRESS may not go back to OPEN: that column does not accept the drop.
    fireEvent.dragStart(card, { dataTransfer });
    expect(fireEvent.dragOver(column('Open'), { dataTransfer })).toBe(true); // not cancelled: no drop
    fireEvent.drop(column('Open'), { dataTransfer });
    fireEvent.dragEnd(card, { dataTransfer });
    expect(within(column('In progress')).getByText(TITLE)).toBeTruthy();

    fireEvent.dragStart(card, { dataTransfer });
    expect(fireEvent.dragOver(column('Resolved'), { dataTransfer })).toBe(false); // cancelled: drop allowed
    fireEvent.drop(column('Resolved'), { dataTransfer });
    expect(await within(column('Resolved')).findByText(TITLE)).toBeTruthy();
    expect(await screen.findByText(`Moved “${TITLE}” to Resolved`)).toBeTruthy();
    expect(saved).toHaveBeenCalledTimes(1);
  });
});
