import { graphql } from '../../../../graphql/generated/index.js';
import type { PublicIssueFragment } from '../../../../graphql/generated/graphql.js';

/** What a resident sees of an issue in the public list. */
export type PublicIssueData = PublicIssueFragment;

export const PUBLIC_ISSUE_FRAGMENT = graphql(`
  fragment PublicIssue on CommunityIssue {
    id
    title
    description
    category
    status
    reportedAt
    neighborhood {
      id
      name
    }
    supportersCount
    version
  }
`);
