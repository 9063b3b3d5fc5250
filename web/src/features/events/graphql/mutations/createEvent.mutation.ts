import { graphql } from '../../../../graphql/generated/index.js';

/** A member creates an event, hosted by their organization unless a coordinator picks another. */
export const CREATE_EVENT_MUTATION = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      ...EventCard
    }
  }
`);
