import { useId, type DragEvent } from 'react';
import { Link } from 'react-router';
import type { IssueStatus } from '../../../graphql/generated/graphql.js';
import { humanizeEnum } from '../../../shared/humanize.js';
import { formatAge, formatDateTime } from '../../../shared/time.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { MoveMenu } from './MoveMenu.js';
import { useTimeZone } from '../../partnership/partnership.js';

interface IssueCardProps {
  issue: BoardIssue;
  /** The current time (ms), for the card's age. */
  now: number;
  /** Updates the viewer has not seen yet. */
  unread: number;
  /** Where the title links to: the issue drawer, keeping the board's filters. */
  href: string;
  /** Present when the viewer may move this issue; absent cards are neither draggable nor movable. */
  onMove?: (status: IssueStatus) => void;
  onDragStart?: () => void;
  onDragEnd?: () => void;
  moveButtonRef?: (button: HTMLButtonElement | null) => void;
}

/** A card: title, category, neighborhood, age, organizations, supporters and unread updates. */
export function IssueCard({ issue, now, unread, href, onMove, onDragStart, onDragEnd, moveButtonRef }: IssueCardProps) {
  const timeZone = useTimeZone();
  const titleId = useId();
  const movable = Boolean(onMove);
  const organizations = issue.organizations.map((o) => o.name).join(', ');

  const startDrag = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', issue.id);
    onDragStart?.();
  };

  return (
    <article
      className={`issue-card${movable ? ' issue-card--movable' : ''}`}
      aria-labelledby={titleId}
      data-issue-id={issue.id}
      data-version={issue.version}
      draggable={movable}
      onDragStart={movable ? startDrag : undefined}
      onDragEnd={movable ? onDragEnd : undefined}
    >
      <div className="issue-card__top">
        <h4 className="issue-card__title" id={titleId}>
          <Link to={href} draggable={false}>
            {issue.title}
          </Link>
        </h4>
        {unread > 0 && (
          <span className="issue-card__badge">
            {unread} new<span className="visually-hidden"> {unread === 1 ? 'update' : 'updates'}</span>
          </span>
        )}
      </div>
      <dl className="issue-card__tags">
        <div>
          <dt className="visually-hidden">Category</dt>
          <dd>{humanizeEnum(issue.category)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">Neighborhood</dt>
          <dd>{issue.neighborhood.name}</dd>
        </div>
      </dl>
      <dl className="issue-card__meta">
        <div>
          <dt>Organizations</dt>
          <dd>{organizations || 'None assigned'}</dd>
        </div>
      </dl>
      <div className="issue-card__footer">
        <dl className="issue-card__meta">
          <div>
            <dt>Age</dt>
            <dd>
              <time dateTime={issue.reportedAt} title={`Reported ${formatDateTime(issue.reportedAt, timeZone)}`}>
                {formatAge(issue.reportedAt, now)}
              </time>
            </dd>
          </div>
          <div>
            <dt>Supporters</dt>
            <dd>{issue.supportersCount}</dd>
          </div>
        </dl>
        {onMove && (
          <MoveMenu issueTitle={issue.title} status={issue.status} onMove={onMove} buttonRef={moveButtonRef} />
        )}
      </div>
    </article>
  );
}
