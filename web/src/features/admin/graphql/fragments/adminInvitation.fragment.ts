import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminInvitationFragment } from '../../../../graphql/generated/graphql.js';

export type AdminInvitation = AdminInvitationFragment;

/** An invitation in the list, whatever its status. */
export const ADMIN_INVITATION_FRAGMENT = graphql(`
  fragment AdminInvitation on Invitation {
    id
    email
    name
    role
    status
    createdAt
    expiresAt
    acceptedAt
    organization {
      id
      name
    }
    invitedBy {
      id
      name
    }
  }
`);
