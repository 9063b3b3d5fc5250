import type { IssueStatus } from '../../graphql/generated/graphql.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';

export interface BoardColumnSpec {
  status: IssueStatus;
  title: string;
}

/** The board's columns, in the order work flows. CLOSED issues are not on the board. */
export const BOARD_COLUMNS: readonly BoardColumnSpec[] = [
  { status: 'OPEN', title: 'Open' },
  { status: 'ACKNOWLEDGED', title: 'Acknowledged' },
  { status: 'IN_PROGRESS', title: 'In progress' },
  { status: 'RESOLVED', title: 'Resolved' },
];

export const BOARD_STATUSES: IssueStatus[] = BOARD_COLUMNS.map((column) => column.status);

/** How many issues the board loads; the full board pages through the rest. */
export const BOARD_PAGE_SIZE = 50;

export function isOnBoard(status: IssueStatus): boolean {
  return BOARD_STATUSES.includes(status);
}

/** Issues per column status, keeping the order they came in (newest first). */
export function groupByStatus(issues: readonly BoardIssue[]): Map<IssueStatus, BoardIssue[]> {
  const groups = new Map<IssueStatus, BoardIssue[]>(BOARD_STATUSES.map((status) => [status, []]));
  for (const issue of issues) groups.get(issue.status)?.push(issue);
  return groups;
}
