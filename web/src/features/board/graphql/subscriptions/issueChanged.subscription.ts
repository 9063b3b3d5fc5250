import { graphql } from '../../../../graphql/generated/index.js';
import type { IssueChangedSubscriptionVariables } from '../../../../graphql/generated/graphql.js';

export type IssueChangedVariables = IssueChangedSubscriptionVariables;

/**
 * Changes to issues in the board's columns. The server matches the filter before or after
 * the change, so an issue leaving the board (e.g. CLOSED) is delivered too.
 */
export const ISSUE_CHANGED_SUBSCRIPTION = graphql(`
  subscription IssueChanged($statuses: [IssueStatus!]!) {
    issueChanged(filter: { status: $statuses }) {
      seq
      kind
      issue {
        ...BoardIssue
      }
    }
  }
`);
