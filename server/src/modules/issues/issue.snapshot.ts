import type { IssueSnapshot } from '../../realtime/envelope.js';
import type { CommunityIssue } from './issue.entity.js';
import type { IssueStatus } from './issue.enums.js';

/** Routing snapshot of an issue whose organizations collection is loaded. */
export function issueSnapshot(
  issue: CommunityIssue,
  previous: { status?: IssueStatus; organizations?: number[] } = {},
): IssueSnapshot {
  return {
    status: issue.status,
    category: issue.category,
    neighborhood: issue.neighborhood.unwrap().pk,
    organizations: issue.organizations.getItems().map((o) => o.pk),
    ...(previous.status ? { previousStatus: previous.status } : {}),
    ...(previous.organizations ? { previousOrganizations: previous.organizations } : {}),
  };
}
