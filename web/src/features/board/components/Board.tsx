import { useMemo } from 'react';
import { BOARD_COLUMNS, groupByStatus } from '../board.columns.js';
import { useBoardIssues } from '../useBoardIssues.js';
import { BoardColumn } from './BoardColumn.js';

/** The live board: the newest issues in four columns by status. */
export function Board() {
  const { issues, totalCount, loading, error } = useBoardIssues();
  const groups = useMemo(() => groupByStatus(issues), [issues]);

  if (loading && issues.length === 0) {
    return (
      <p className="board__message" role="status">
        Loading the board…
      </p>
    );
  }
  if (error && issues.length === 0) {
    return (
      <p className="board__message board__message--error" role="alert">
        The board could not be loaded: {error.message}
      </p>
    );
  }

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board__header">
        <h2 id="board-title">Community issues</h2>
        <p className="board__count">
          {issues.length < totalCount
            ? `Showing the newest ${issues.length} of ${totalCount}`
            : `${totalCount} ${totalCount === 1 ? 'issue' : 'issues'}`}
        </p>
      </div>
      <div className="board__columns">
        {BOARD_COLUMNS.map((column) => (
          <BoardColumn key={column.status} column={column} issues={groups.get(column.status) ?? []} />
        ))}
      </div>
    </section>
  );
}
