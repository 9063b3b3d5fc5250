import { graphql } from '../../../../graphql/generated/index.js';

/** Makes a pending invitation's link stop working. */
export const REVOKE_INVITATION_MUTATION = graphql(`
  mutation AdminRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      ...AdminInvitation
    }
  }
`);
