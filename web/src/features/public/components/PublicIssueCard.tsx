import { useId } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { relativeTime } from '../../activity/relativeTime.js';
import type { PublicIssueData } from '../graphql/fragments/publicIssue.fragment.js';
import { MeTooButton } from './MeTooButton.js';

interface PublicIssueCardProps {
  issue: PublicIssueData;
  now: Date;
}

/** An issue as residents see it, with its support count and a "Me too" button. */
export function PublicIssueCard({ issue, now }: PublicIssueCardProps) {
  const id = useId();
  return (
    <article className="public-issue" aria-labelledby={`${id}-title`} data-issue-id={issue.id}>
      <header className="public-issue__header">
        <h4 id={`${id}-title`} className="public-issue__title">
          {issue.title}
        </h4>
        <span className={`badge badge--status-${issue.status.toLowerCase()}`}>{humanizeEnum(issue.status)}</span>
      </header>
      <p className="public-issue__meta">
        {humanizeEnum(issue.category)} · {issue.neighborhood.name} · reported{' '}
        <time dateTime={issue.reportedAt}>{relativeTime(issue.reportedAt, now)}</time>
      </p>
      {issue.description && <p className="public-issue__description">{issue.description}</p>}
      <footer className="public-issue__footer">
        <span className="public-issue__supporters">
          {issue.supportersCount} {issue.supportersCount === 1 ? 'supporter' : 'supporters'}
        </span>
        <MeTooButton issueId={issue.id} disabled={issue.status === 'CLOSED'} />
      </footer>
    </article>
  );
}
