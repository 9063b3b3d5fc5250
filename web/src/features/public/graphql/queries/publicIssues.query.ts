import { graphql } from '../../../../graphql/generated/index.js';
import type { PublicIssuesQueryVariables } from '../../../../graphql/generated/graphql.js';

export type PublicIssuesVariables = PublicIssuesQueryVariables;

/** Public issues, newest first, a page at a time ("Load more" passes `endCursor` as `after`). */
export const PUBLIC_ISSUES_QUERY = graphql(`
  query PublicIssues($filter: IssueFilter, $first: Int!, $after: String) {
    issues(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...PublicIssue
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
