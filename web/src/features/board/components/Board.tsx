import { useQuery } from '@apollo/client/react';
import { Route, Routes } from 'react-router';
import { useRetryWhile } from '../../../shared/useRetry.js';
import { VIEWER_QUERY } from '../../session/graphql/queries/viewer.query.js';
import type { BoardViewer } from '../board.statuses.js';
import { BoardView } from './BoardView.js';
import { IssueDrawer } from './IssueDrawer.js';

/**
 * The board for officers and partners at /board, with the issue drawer at /board/issues/:id
 * over it (the board's filters stay in the URL while the drawer is open).
 */
export function Board() {
  const { data, loading, error, refetch } = useQuery(VIEWER_QUERY);
  const member = data?.viewer;
  useRetryWhile(Boolean(error) && !data, refetch);

  if (!member) {
    if (loading) {
      return (
        <p className="board__message" role="status">
          Loading the board…
        </p>
      );
    }
    return (
      <p className="board__message board__message--error" role="alert">
        {error
          ? "Can't reach the server — retrying. The board appears as soon as it answers."
          : 'Sign in to see the board.'}
      </p>
    );
  }

  const viewer: BoardViewer = { id: member.id, role: member.role, organizationId: member.organization.id };
  return (
    <>
      <BoardView viewer={viewer} viewerOrganizationName={member.organization.name} />
      <Routes>
        <Route path="issues/:issueId" element={<IssueDrawer viewer={viewer} />} />
      </Routes>
    </>
  );
}
