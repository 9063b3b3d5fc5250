import { graphql } from '../../../../graphql/generated/index.js';

/**
 * A comment on an issue: PUBLIC for everyone, PARTNERS for members only. No expectedVersion: a
 * comment overwrites nothing, so the server adds it to whatever version is current. The
 * idempotency key makes a retried post add it once.
 */
export const BOARD_ADD_ISSUE_UPDATE_MUTATION = graphql(`
  mutation BoardAddIssueUpdate($issueId: ID!, $body: String!, $visibility: UpdateVisibility!, $idempotencyKey: String) {
    addIssueUpdate(issueId: $issueId, body: $body, visibility: $visibility, idempotencyKey: $idempotencyKey) {
      ...BoardTimelineEntry
    }
  }
`);
