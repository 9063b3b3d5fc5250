import { useCallback, useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { canTriage, type BoardViewer } from '../board.statuses.js';
import { BOARD_ISSUE_DRAWER_QUERY } from '../graphql/queries/boardIssueDrawer.query.js';
import { useSeenUpdates } from '../seenUpdates.js';
import { AddUpdateForm } from './AddUpdateForm.js';
import { AssignForm } from './AssignForm.js';
import { ChangeStatusForm } from './ChangeStatusForm.js';
import { IssueFacts } from './IssueFacts.js';
import { IssueMap } from './IssueMap.js';
import { IssueTimeline } from './IssueTimeline.js';
import { LinkEventForm } from './LinkEventForm.js';

interface IssueDrawerProps {
  viewer: BoardViewer;
}

/**
 * One issue in full, beside the board (/board/issues/:id): details, map, timeline, and what the
 * viewer may do with it. Escape or "Close issue" goes back to the board with the same filters and
 * returns focus to the card. Opening it marks the issue's updates as read.
 */
export function IssueDrawer({ viewer }: IssueDrawerProps) {
  const { issueId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, loading, error, refetch } = useQuery(BOARD_ISSUE_DRAWER_QUERY, {
    variables: { id: issueId },
    fetchPolicy: 'cache-and-network',
  });
  const issue = data?.issue;
  const { markRead } = useSeenUpdates(viewer.id, []);

  const close = useCallback(() => {
    navigate(`/board${search}`);
    // The card's title link, once the board is shown without the drawer.
    requestAnimationFrame(() => {
      const quoted = issueId.replace(/["\\]/g, '\\$&');
      const card = document.querySelector<HTMLElement>(`[data-issue-id="${quoted}"] a`);
      card?.focus();
    });
  }, [navigate, search, issueId]);

  useEffect(() => {
    heading.current?.focus();
  }, [issueId, Boolean(issue)]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  // Whatever arrives while the drawer is open is read too.
  useEffect(() => {
    if (issue) markRead(issue.id, issue.updateCount);
  }, [issue?.id, issue?.updateCount, markRead]);

  // Live changes update the card's fields (status, organizations, updateCount) in the cache, but not
  // the timeline: when the counts disagree, fetch the timeline again (once per new count).
  const refetchedFor = useRef<number | null>(null);
  const updateCount = issue?.updateCount;
  const timelineLength = issue?.updates.length;
  useEffect(() => {
    if (updateCount === undefined || updateCount === timelineLength || refetchedFor.current === updateCount) return;
    refetchedFor.current = updateCount;
    void refetch().catch(() => undefined);
  }, [updateCount, timelineLength, refetch]);

  const triage = issue ? canTriage(viewer, issue) : false;

  return (
    <aside className="drawer" role="dialog" aria-labelledby="drawer-title">
      <div className="drawer__bar">
        <h2 id="drawer-title" ref={heading} tabIndex={-1} className="drawer__title">
          {issue ? issue.title : 'Issue'}
        </h2>
        <button type="button" className="button--quiet" onClick={close}>
          Close issue
        </button>
      </div>
      {!issue ? (
        loading ? (
          <p role="status">Loading the issue…</p>
        ) : (
          <p role="alert">
            {error
              ? "Can't reach the server — try again in a moment."
              : 'This issue does not exist, or you may not see it. Close the drawer to return to the board.'}
          </p>
        )
      ) : (
        <div className="drawer__body">
          <IssueFacts issue={issue} />
          <IssueMap neighborhood={issue.neighborhood} location={issue.location} />
          {triage ? (
            <ChangeStatusForm issue={issue} />
          ) : (
            <p className="drawer__hint">
              Only officers and the organizations this issue is shared with can change its status or assignment.
            </p>
          )}
          {triage && <AssignForm issue={issue} organizations={data.organizations} viewer={viewer} />}
          <LinkEventForm issueId={issue.id} />
          <IssueTimeline updates={issue.updates} />
          <AddUpdateForm issueId={issue.id} canPostInternal={triage} onPosted={() => void refetch()} />
        </div>
      )}
    </aside>
  );
}
