import { useCallback, useEffect, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { IssueStatus } from '../../graphql/generated/graphql.js';
import { describeChangeError, sentence } from './board.errors.js';
import { STATUS_LABEL } from './board.statuses.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';
import { BOARD_SET_ISSUE_STATUS_MUTATION } from './graphql/mutations/setIssueStatus.mutation.js';
import { refreshIssue } from './refreshIssue.js';

export interface Announcement {
  text: string;
  /** Increases with every announcement, so the same words said twice are announced twice. */
  id: number;
}

export interface MoveAlert {
  issueId: string;
  conflict: boolean;
  text: string;
}

export interface MoveIssue {
  /** Moves the card at once (optimistically); resolves to whether the server accepted it. */
  move: (issue: BoardIssue, status: IssueStatus) => Promise<boolean>;
  /** The last successful move, for the aria-live region (cleared after a few seconds). */
  announcement: Announcement | null;
  /** Why the last move was refused, for a role="alert" message; cleared by the next move. */
  alert: MoveAlert | null;
  dismissAlert: () => void;
}

let announcements = 0;

/** How long the announcement stays on screen (it has been read out long before). */
const ANNOUNCEMENT_MS = 8_000;

/**
 * Moving cards: `setIssueStatus` with the card's version as `expectedVersion` and an optimistic
 * response, so the card moves at once. When the server refuses (someone changed the issue first:
 * CONFLICT), Apollo drops the optimistic layer so the card goes back, the alert says who changed
 * what, and the issue is fetched again so the card shows the current state.
 */
export function useMoveIssue(
  /** Called with the issue as saved: a person's own move is not an unread update for them. */
  onMoved?: (saved: BoardIssue) => void,
): MoveIssue {
  const client = useApolloClient();
  const [setStatus] = useMutation(BOARD_SET_ISSUE_STATUS_MUTATION);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [alert, setAlert] = useState<MoveAlert | null>(null);

  const move = useCallback(
    async (issue: BoardIssue, status: IssueStatus): Promise<boolean> => {
      setAlert(null);
      const label = STATUS_LABEL[status];
      try {
        const { data } = await setStatus({
          variables: { id: issue.id, status, expectedVersion: issue.version },
          optimisticResponse: {
            // `issue` comes from the cache, so it carries the __typename normalization needs.
            setIssueStatus: { ...issue, status, version: issue.version + 1 },
          },
        });
        if (data) onMoved?.(data.setIssueStatus);
        setAnnouncement({ text: `Moved “${issue.title}” to ${label}`, id: ++announcements });
        return true;
      } catch (error) {
        const problem = describeChangeError(error);
        setAlert({
          issueId: issue.id,
          conflict: problem.conflict,
          text: problem.conflict
            ? `“${issue.title}” was not moved to ${label}. ${sentence(problem.message)} The card shows the issue as it is now.`
            : `“${issue.title}” was not moved to ${label}. ${sentence(problem.message)}`,
        });
        if (problem.conflict) refreshIssue(client, issue.id);
        return false;
      }
    },
    [client, setStatus, onMoved],
  );

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(null), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  const dismissAlert = useCallback(() => setAlert(null), []);
  return { move, announcement, alert, dismissAlert };
}
