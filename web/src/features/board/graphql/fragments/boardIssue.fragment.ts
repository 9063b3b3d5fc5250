import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardIssueFragment } from '../../../../graphql/generated/graphql.js';

/**
 * What a card on the board shows. `version` lets live changes be reconciled in order;
 * `updateCount` drives the unread badge.
 */
export type BoardIssue = BoardIssueFragment;

export const BOARD_ISSUE_FRAGMENT = graphql(`
  fragment BoardIssue on CommunityIssue {
    id
    title
    status
    category
    neighborhood {
      id
      name
    }
    organizations {
      id
      name
    }
    supportersCount
    updateCount
    reportedAt
    version
  }
`);
