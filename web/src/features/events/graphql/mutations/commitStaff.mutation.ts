import { graphql } from '../../../../graphql/generated/index.js';

/** How many people the viewer's organization commits to an event (0 withdraws). */
export const COMMIT_STAFF_MUTATION = graphql(`
  mutation CommitStaff($eventId: ID!, $count: Int!, $note: String) {
    commitStaff(eventId: $eventId, count: $count, note: $note) {
      ...EventCard
    }
  }
`);
