import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardIssuesQueryVariables } from '../../../../graphql/generated/graphql.js';

export type BoardIssuesVariables = BoardIssuesQueryVariables;

/**
 * The newest issues in the board's columns, and the feed position they were read at:
 * `latestSeq` comes first so that the page is at least as new as it, and subscribing with
 * `after: latestSeq` misses nothing (a change in between arrives twice and is reconciled by version).
 */
export const BOARD_ISSUES_QUERY = graphql(`
  query BoardIssues($filter: IssueFilter!, $first: Int!) {
    latestSeq
    issues(filter: $filter, first: $first) {
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
