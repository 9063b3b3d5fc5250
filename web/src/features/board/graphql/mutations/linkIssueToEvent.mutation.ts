import { graphql } from '../../../../graphql/generated/index.js';

/** Sets the issues an event addresses (the existing ones plus the new one). */
export const BOARD_LINK_ISSUE_TO_EVENT_MUTATION = graphql(`
  mutation BoardLinkIssueToEvent($id: ID!, $issueIds: [ID!]!, $expectedVersion: Int!) {
    updateEvent(id: $id, input: { issueIds: $issueIds }, expectedVersion: $expectedVersion) {
      id
      version
      issues {
        id
      }
    }
  }
`);
