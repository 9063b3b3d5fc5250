import { graphql } from '../../../../graphql/generated/index.js';

/** The invitee sets their name and password; the answer signs them in like `login`. */
export const ACCEPT_INVITATION_MUTATION = graphql(`
  mutation AcceptInvitation($code: String!, $password: String!, $name: String) {
    acceptInvitation(code: $code, password: $password, name: $name) {
      token
      member {
        id
        role
      }
    }
  }
`);
