import { graphql } from '../../../../graphql/generated/index.js';

/** Edits an event; a stale `expectedVersion` is refused with a CONFLICT naming who changed it. */
export const UPDATE_EVENT_MUTATION = graphql(`
  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {
    updateEvent(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...EventCard
    }
  }
`);
