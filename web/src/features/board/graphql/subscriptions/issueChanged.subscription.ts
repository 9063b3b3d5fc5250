import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActivityKind, IssueStatus } from '../../../../graphql/schema.types.js';
import { BOARD_ISSUE_FRAGMENT, type BoardIssue } from '../fragments/boardIssue.fragment.js';

export interface IssueChangedData {
  issueChanged: {
    __typename: 'IssueChange';
    seq: number;
    kind: ActivityKind;
    issue: BoardIssue;
  };
}

export interface IssueChangedVariables {
  statuses: IssueStatus[];
}

/**
 * Changes to issues in the board's columns. The server matches the filter before or after
 * the change, so an issue leaving the board (e.g. CLOSED) is delivered too.
 */
export const ISSUE_CHANGED_SUBSCRIPTION: TypedDocumentNode<IssueChangedData, IssueChangedVariables> = gql`
  subscription IssueChanged($statuses: [IssueStatus!]!) {
    issueChanged(filter: { status: $statuses }) {
      seq
      kind
      issue {
        ...BoardIssue
      }
    }
  }
  ${BOARD_ISSUE_FRAGMENT}
`;
