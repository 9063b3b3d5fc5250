import { gql, type TypedDocumentNode } from '@apollo/client';
import type { IssueCategory, IssueStatus } from '../../../../graphql/schema.types.js';

/** What a card on the board shows. `version` lets live changes be reconciled in order. */
export interface BoardIssue {
  __typename: 'CommunityIssue';
  id: string;
  title: string;
  status: IssueStatus;
  category: IssueCategory;
  neighborhood: { __typename: 'Neighborhood'; id: string; name: string };
  supportersCount: number;
  version: number;
}

export const BOARD_ISSUE_FRAGMENT: TypedDocumentNode<BoardIssue> = gql`
  fragment BoardIssue on CommunityIssue {
    id
    title
    status
    category
    neighborhood {
      id
      name
    }
    supportersCount
    version
  }
`;
