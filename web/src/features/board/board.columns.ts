import type { IssueStatus } from '../../graphql/generated/graphql.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';
import { STATUS_LABEL } from './board.statuses.js';

export interface BoardColumnSpec {
  status: IssueStatus;
  title: string;
}

/** The board's columns, in the order work flows. CLOSED issues are not on the board. */
export const BOARD_COLUMNS: readonly BoardColumnSpec[] = (
  ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'] as const
).map((status) => ({ status, title: STATUS_LABEL[status] }));

export const BOARD_STATUSES: IssueStatus[] = BOARD_COLUMNS.map((column) => column.status);

/** How many issues the board loads (the server's largest page); filters narrow the rest. */
export const BOARD_PAGE_SIZE = 100;

export function isOnBoard(status: IssueStatus): boolean {
  return BOARD_STATUSES.includes(status);
}

/** Issues per column status, keeping the order they came in (newest first). */
export function groupByStatus(issues: readonly BoardIssue[]): Map<IssueStatus, BoardIssue[]> {
  const groups = new Map<IssueStatus, BoardIssue[]>(BOARD_STATUSES.map((status) => [status, []]));
  for (const issue of issues) groups.get(issue.status)?.push(issue);
  return groups;
}
