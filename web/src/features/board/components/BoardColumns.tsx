import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IssueStatus } from '../../../graphql/generated/graphql.js';
import { useNow } from '../../../shared/time.js';
import { BOARD_COLUMNS, groupByStatus } from '../board.columns.js';
import { canMove, canTriage, type BoardViewer } from '../board.statuses.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { unreadCount, type SeenCounts } from '../seenUpdates.js';
import { useMoveIssue } from '../useMoveIssue.js';
import { BoardAlert } from './BoardAlert.js';
import { BoardColumn } from './BoardColumn.js';
import { IssueCard } from './IssueCard.js';

interface BoardColumnsProps {
  issues: readonly BoardIssue[];
  viewer: BoardViewer;
  seen: SeenCounts;
  /** Marks an issue's updates as read (the viewer's own moves add one). */
  markRead: (issueId: string, updateCount: number) => void;
  /** The board's search string ("?…"), carried into the drawer's links. */
  search: string;
}

/**
 * The four status columns and everything that moves cards between them: drag and drop, the
 * per-card Move menu, the aria-live announcement of a move and the alert when one is refused.
 */
export function BoardColumns({ issues, viewer, seen, markRead, search }: BoardColumnsProps) {
  const now = useNow();
  const groups = useMemo(() => groupByStatus(issues), [issues]);
  const onMoved = useCallback((saved: BoardIssue) => markRead(saved.id, saved.updateCount), [markRead]);
  const { move, announcement, alert, dismissAlert } = useMoveIssue(onMoved);
  const [dragged, setDragged] = useState<BoardIssue | null>(null);

  // After a move from the menu the card is re-rendered in its new column: give focus back to its
  // Move button there, so a keyboard user keeps their place.
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    moveButtons.current.get(focusAfterMove)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, issues]);

  const moveFromMenu = useCallback(
    (issue: BoardIssue, status: IssueStatus) => {
      setFocusAfterMove(issue.id);
      void move(issue, status).then(() => setFocusAfterMove(issue.id));
    },
    [move],
  );

  const dropOn = (status: IssueStatus) => {
    const issue = dragged;
    setDragged(null);
    if (issue && canMove(issue.status, status)) void move(issue, status);
  };

  return (
    <>
      <p className="board__announcer" role="status" aria-live="polite">
        {announcement && <span key={announcement.id}>{announcement.text}</span>}
      </p>
      {alert && <BoardAlert text={alert.text} onDismiss={dismissAlert} />}
      <div className="board__columns">
        {BOARD_COLUMNS.map((column) => {
          const cards = groups.get(column.status) ?? [];
          return (
            <BoardColumn
              key={column.status}
              column={column}
              count={cards.length}
              dropAllowed={dragged !== null && canMove(dragged.status, column.status)}
              onDrop={() => dropOn(column.status)}
            >
              {cards.map((issue) => {
                const movable = canTriage(viewer, issue);
                return (
                  <li key={issue.id}>
                    <IssueCard
                      issue={issue}
                      now={now}
                      unread={unreadCount(seen, issue)}
                      href={`/board/issues/${encodeURIComponent(issue.id)}${search}`}
                      onMove={movable ? (status) => moveFromMenu(issue, status) : undefined}
                      onDragStart={() => setDragged(issue)}
                      onDragEnd={() => setDragged(null)}
                      moveButtonRef={(button) => {
                        if (button) moveButtons.current.set(issue.id, button);
                        else moveButtons.current.delete(issue.id);
                      }}
                    />
                  </li>
                );
              })}
            </BoardColumn>
          );
        })}
      </div>
    </>
  );
}
