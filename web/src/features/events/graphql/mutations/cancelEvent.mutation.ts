import { graphql } from '../../../../graphql/generated/index.js';

/** Cancels an event with a reason everyone sees. */
export const CANCEL_EVENT_MUTATION = graphql(`
  mutation CancelEvent($id: ID!, $reason: String!, $expectedVersion: Int) {
    cancelEvent(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...EventCard
    }
  }
`);
