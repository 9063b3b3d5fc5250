import { humanizeEnum } from '../../../shared/humanize.js';
import { formatDateTime } from '../../../shared/time.js';
import { STATUS_LABEL } from '../board.statuses.js';
import type { BoardIssueDetail } from '../graphql/fragments/boardIssueDetail.fragment.js';
import { useTimeZone } from '../../partnership/partnership.js';

interface IssueFactsProps {
  issue: BoardIssueDetail;
}

/** The issue's description and facts. The contact appears only when the server shares it. */
export function IssueFacts({ issue }: IssueFactsProps) {
  const timeZone = useTimeZone();
  const reporter = issue.anonymous ? 'Anonymous (no identity stored)' : (issue.reporter?.name ?? 'A resident');
  return (
    <section className="drawer__section" aria-label="Details">
      {issue.description ? (
        <p className="drawer__description">{issue.description}</p>
      ) : (
        <p className="drawer__hint">No description was given.</p>
      )}
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABEL[issue.status]}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{humanizeEnum(issue.category)}</dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{humanizeEnum(issue.priority)}</dd>
        </div>
        <div>
          <dt>Neighborhood</dt>
          <dd>{issue.neighborhood.name}</dd>
        </div>
        <div>
          <dt>Reported</dt>
          <dd>
            <time dateTime={issue.reportedAt}>{formatDateTime(issue.reportedAt, timeZone)}</time>
          </dd>
        </div>
        {issue.acknowledgedAt && (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              <time dateTime={issue.acknowledgedAt}>{formatDateTime(issue.acknowledgedAt, timeZone)}</time>
            </dd>
          </div>
        )}
        {issue.resolvedAt && (
          <div>
            <dt>Resolved</dt>
            <dd>
              <time dateTime={issue.resolvedAt}>{formatDateTime(issue.resolvedAt, timeZone)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>Reported by</dt>
          <dd>{reporter}</dd>
        </div>
        {issue.contact && (
          <div>
            <dt>Contact</dt>
            <dd>{issue.contact}</dd>
          </div>
        )}
        <div>
          <dt>Supporters</dt>
          <dd>{issue.supportersCount}</dd>
        </div>
        <div>
          <dt>Organizations</dt>
          <dd>{issue.organizations.map((o) => o.name).join(', ') || 'None assigned'}</dd>
        </div>
      </dl>
      {!issue.contact && !issue.anonymous && (
        <p className="drawer__hint">The resident&apos;s contact is shown only to the organizations assigned.</p>
      )}
    </section>
  );
}
