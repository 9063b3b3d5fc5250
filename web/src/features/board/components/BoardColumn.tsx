import { useId } from 'react';
import type { BoardColumnSpec } from '../board.columns.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { IssueCard } from './IssueCard.js';

interface BoardColumnProps {
  column: BoardColumnSpec;
  issues: BoardIssue[];
}

/** One status column: a heading with its count and the issues as a list. */
export function BoardColumn({ column, issues }: BoardColumnProps) {
  const headingId = useId();
  return (
    <section className={`board-column board-column--${column.status.toLowerCase()}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="board-column__title">
        {column.title} <span className="board-column__count">{issues.length}</span>
      </h3>
      {issues.length === 0 ? (
        <p className="board-column__empty">No issues</p>
      ) : (
        <ul className="board-column__list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <IssueCard issue={issue} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
