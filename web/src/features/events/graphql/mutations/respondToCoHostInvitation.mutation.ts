import { graphql } from '../../../../graphql/generated/index.js';

/** Accepts or declines an invitation to co-host, as the invited organization. */
export const RESPOND_TO_CO_HOST_INVITATION_MUTATION = graphql(`
  mutation RespondToCoHostInvitation($id: ID!, $accept: Boolean!) {
    respondToCoHostInvitation(id: $id, accept: $accept) {
      id
      status
      event {
        ...EventCard
      }
    }
  }
`);
