import { graphql } from '../../../../graphql/generated/index.js';

/** Anyone RSVPs to a public event; a full event is refused with BAD_USER_INPUT on partySize. */
export const RSVP_EVENT_MUTATION = graphql(`
  mutation RsvpEvent($id: ID!, $input: RsvpInput!) {
    rsvpEvent(id: $id, input: $input) {
      id
      rsvpCount
      capacity
      version
    }
  }
`);
