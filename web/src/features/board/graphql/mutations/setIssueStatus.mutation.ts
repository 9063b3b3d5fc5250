import { graphql } from '../../../../graphql/generated/index.js';

/** Moves an issue; a stale `expectedVersion` is refused with CONFLICT and changes nothing. */
export const BOARD_SET_ISSUE_STATUS_MUTATION = graphql(`
  mutation BoardSetIssueStatus($id: ID!, $status: IssueStatus!, $note: String, $expectedVersion: Int!) {
    setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {
      ...BoardIssue
    }
  }
`);
