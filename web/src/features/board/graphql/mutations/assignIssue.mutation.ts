import { graphql } from '../../../../graphql/generated/index.js';

/** Replaces the organizations an issue is shared with / assigned to. */
export const BOARD_ASSIGN_ISSUE_MUTATION = graphql(`
  mutation BoardAssignIssue($id: ID!, $organizationIds: [ID!]!, $expectedVersion: Int!) {
    assignIssue(id: $id, organizationIds: $organizationIds, expectedVersion: $expectedVersion) {
      ...BoardIssue
    }
  }
`);
