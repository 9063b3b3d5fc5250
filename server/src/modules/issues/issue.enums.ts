import { registerEnumType } from 'type-graphql';

export enum IssueStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(IssueStatus, {
  name: 'IssueStatus',
  description: 'OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED; CLOSED (declined, duplicate) from any state.',
});

export enum IssueCategory {
  SAFETY = 'SAFETY',
  TRAFFIC = 'TRAFFIC',
  NOISE = 'NOISE',
  LIGHTING = 'LIGHTING',
  GRAFFITI = 'GRAFFITI',
  YOUTH = 'YOUTH',
  HOUSING = 'HOUSING',
  HEALTH = 'HEALTH',
  ENVIRONMENT = 'ENVIRONMENT',
  OTHER = 'OTHER',
}
registerEnumType(IssueCategory, { name: 'IssueCategory' });

export enum IssuePriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(IssuePriority, { name: 'IssuePriority' });

/** Sort rank stored beside the priority so `PRIORITY_DESC` orders by urgency, not by name. */
export const PRIORITY_RANK: Record<IssuePriority, number> = {
  LOW: 1,
  NORMAL: 2,
  HIGH: 3,
  URGENT: 4,
};

export enum UpdateVisibility {
  PUBLIC = 'PUBLIC',
  PARTNERS = 'PARTNERS',
}
registerEnumType(UpdateVisibility, {
  name: 'UpdateVisibility',
  description: 'PUBLIC: anyone. PARTNERS: signed-in members only (internal).',
});

export enum IssueUpdateKind {
  COMMENT = 'COMMENT',
  STATUS_CHANGE = 'STATUS_CHANGE',
  ASSIGNMENT = 'ASSIGNMENT',
}
registerEnumType(IssueUpdateKind, { name: 'IssueUpdateKind' });

/**
 * Allowed moves. Forward steps may skip (an officer can resolve an open pothole at once);
 * IN_PROGRESS may step back to ACKNOWLEDGED; RESOLVED and CLOSED may be reopened.
 */
export const STATUS_TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  OPEN: [IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED, IssueStatus.CLOSED],
  ACKNOWLEDGED: [IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED, IssueStatus.CLOSED],
  IN_PROGRESS: [IssueStatus.ACKNOWLEDGED, IssueStatus.RESOLVED, IssueStatus.CLOSED],
  RESOLVED: [IssueStatus.OPEN, IssueStatus.IN_PROGRESS, IssueStatus.CLOSED],
  CLOSED: [IssueStatus.OPEN],
};

export const STATUS_LABEL: Record<IssueStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};
