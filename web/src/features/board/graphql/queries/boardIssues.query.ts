import { gql, type TypedDocumentNode } from '@apollo/client';
import type { IssueStatus } from '../../../../graphql/schema.types.js';
import { BOARD_ISSUE_FRAGMENT, type BoardIssue } from '../fragments/boardIssue.fragment.js';

export interface BoardIssuesData {
  issues: {
    __typename: 'IssueConnection';
    totalCount: number;
    edges: { __typename: 'IssueEdge'; cursor: string; node: BoardIssue }[];
    pageInfo: { __typename: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
  };
}

export interface BoardIssuesVariables {
  statuses: IssueStatus[];
  first: number;
}

/** The newest issues in the board's columns. */
export const BOARD_ISSUES_QUERY: TypedDocumentNode<BoardIssuesData, BoardIssuesVariables> = gql`
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
  ${BOARD_ISSUE_FRAGMENT}
`;
