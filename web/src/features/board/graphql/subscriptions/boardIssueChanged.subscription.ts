import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardIssueChangedSubscriptionVariables } from '../../../../graphql/generated/graphql.js';

export type BoardIssueChangedVariables = BoardIssueChangedSubscriptionVariables;

/**
 * Changes to issues matching the board's filter, resumed after the page's `latestSeq`. The server
 * matches the filter before or after the change, so an issue leaving the board is delivered too.
 */
export const BOARD_ISSUE_CHANGED_SUBSCRIPTION = graphql(`
  subscription BoardIssueChanged($filter: IssueFilter!, $after: Int!) {
    issueChanged(filter: $filter, after: $after) {
      seq
      kind
      issue {
        ...BoardIssue
      }
    }
  }
`);
