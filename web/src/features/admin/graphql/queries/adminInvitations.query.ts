import { graphql } from '../../../../graphql/generated/index.js';

/** Every invitation, newest first: pending, accepted, expired and revoked. */
export const ADMIN_INVITATIONS_QUERY = graphql(`
  query AdminInvitations {
    invitations {
      ...AdminInvitation
    }
  }
`);
