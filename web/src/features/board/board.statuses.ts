import type { IssueStatus, Role } from '../../graphql/generated/graphql.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';

/** How a status reads in the board's columns, menus and announcements. */
export const STATUS_LABEL: Record<IssueStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

/**
 * The moves the server allows (its STATUS_TRANSITIONS), in the order the menu offers them.
 * Forward steps may skip; IN_PROGRESS may step back; CLOSED from anywhere; RESOLVED and CLOSED
 * may be reopened. The server stays the judge: a refused move comes back as an error.
 */
export const STATUS_TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  OPEN: ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['ACKNOWLEDGED', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'IN_PROGRESS', 'CLOSED'],
  CLOSED: ['OPEN'],
};

export function canMove(from: IssueStatus, to: IssueStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** The signed-in member, as far as the board's permissions go. */
export interface BoardViewer {
  id: string;
  role: Role;
  organizationId: string;
}

/**
 * Officers and coordinators triage every issue; partners only issues shared with their
 * organization (the server's rule, mirrored so the board offers only what will work).
 */
export function canTriage(viewer: BoardViewer, issue: Pick<BoardIssue, 'organizations'>): boolean {
  if (viewer.role !== 'PARTNER') return true;
  return issue.organizations.some((organization) => organization.id === viewer.organizationId);
}
