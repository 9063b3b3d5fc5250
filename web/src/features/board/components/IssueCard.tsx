import { humanizeEnum } from '../../../shared/humanize.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';

interface IssueCardProps {
  issue: BoardIssue;
}

/** A card: title, category, neighborhood and how many people support it. */
export function IssueCard({ issue }: IssueCardProps) {
  return (
    <article className="issue-card" data-issue-id={issue.id} data-version={issue.version}>
      <h4 className="issue-card__title">{issue.title}</h4>
      <dl className="issue-card__meta">
        <div>
          <dt>Category</dt>
          <dd>{humanizeEnum(issue.category)}</dd>
        </div>
        <div>
          <dt>Neighborhood</dt>
          <dd>{issue.neighborhood.name}</dd>
        </div>
        <div>
          <dt>Supporters</dt>
          <dd>{issue.supportersCount}</dd>
        </div>
      </dl>
    </article>
  );
}
