import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardIssuesQueryVariables } from '../../../../graphql/generated/graphql.js';

export type BoardIssuesVariables = BoardIssuesQueryVariables;

/** The newest issues in the board's columns. */
export const BOARD_ISSUES_QUERY = graphql(`
  query BoardIssues($statuses: [IssueStatus!]!, $first: Int!) {
    issues(filter: { status: $statuses }, first: $first) {
      totalCount
      edges {
        cursor
        node {
          ...BoardIssue
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
