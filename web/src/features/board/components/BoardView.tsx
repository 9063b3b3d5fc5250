import { useMemo } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useConnectionState } from '../../../app/connection.js';
import { hasFilters, toIssueFilter } from '../board.filters.js';
import type { BoardViewer } from '../board.statuses.js';
import { BOARD_FILTER_OPTIONS_QUERY } from '../graphql/queries/boardFilterOptions.query.js';
import { useSeenUpdates } from '../seenUpdates.js';
import { useBoardFilters } from '../useBoardFilters.js';
import { useBoardIssues } from '../useBoardIssues.js';
import { BoardColumns } from './BoardColumns.js';
import { BoardFilterBar } from './BoardFilterBar.js';
import { PresenceList } from './PresenceList.js';

interface BoardViewProps {
  viewer: BoardViewer;
  viewerOrganizationName: string;
}

/** The live board: header with presence, filters, and the issues in four columns by status. */
export function BoardView({ viewer, viewerOrganizationName }: BoardViewProps) {
  const { filters, update, clear, search } = useBoardFilters();
  const filter = useMemo(() => toIssueFilter(filters, viewer.organizationId), [filters, viewer.organizationId]);
  const { issues, totalCount, loading, error } = useBoardIssues(filter);
  const { seen, markRead } = useSeenUpdates(viewer.id, issues);
  const options = useQuery(BOARD_FILTER_OPTIONS_QUERY);
  const { status } = useConnectionState();
  const filtered = hasFilters(filters);

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board__header">
        <div className="board__heading">
          <h2 id="board-title">Community issues</h2>
          {!loading && !error && (
            <p className="board__count">
              {issues.length < totalCount
                ? `Showing the newest ${issues.length} of ${totalCount}; filter to see the others`
                : `${totalCount} ${totalCount === 1 ? 'issue' : 'issues'}${filtered ? ' match these filters' : ''}`}
            </p>
          )}
        </div>
        <PresenceList viewerId={viewer.id} />
      </div>

      <BoardFilterBar
        filters={filters}
        neighborhoods={options.data?.neighborhoods ?? []}
        organizations={options.data?.organizations ?? []}
        viewerOrganizationName={viewerOrganizationName}
        onChange={update}
        onClear={clear}
      />

      {status === 'offline' && issues.length > 0 && (
        <p className="board__banner" role="status">
          Can&apos;t reach the server — retrying. The board shows what it last knew and catches up when it is Live
          again.
        </p>
      )}

      {loading ? (
        <p className="board__message" role="status">
          Loading the board…
        </p>
      ) : error && issues.length === 0 ? (
        <p className="board__message board__message--error" role="alert">
          {CombinedGraphQLErrors.is(error) ? (
            <>
              The board could not be loaded: {error.message}{' '}
              <button type="button" className="button--link" onClick={clear}>
                Clear filters
              </button>
            </>
          ) : (
            "Can't reach the server — retrying. The board appears as soon as it answers."
          )}
        </p>
      ) : issues.length === 0 ? (
        <p className="board__message board__empty" role="status">
          {filtered ? (
            <>
              No issues match these filters —{' '}
              <Link to="/board" replace>
                clear filters
              </Link>
            </>
          ) : (
            'No open issues right now. New reports from residents appear here as they arrive.'
          )}
        </p>
      ) : (
        <BoardColumns issues={issues} viewer={viewer} seen={seen} markRead={markRead} search={search} />
      )}
    </section>
  );
}
