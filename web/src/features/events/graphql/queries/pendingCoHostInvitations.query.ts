import { graphql } from '../../../../graphql/generated/index.js';

/** Invitations to co-host that the viewer's organization has not answered yet. */
export const PENDING_CO_HOST_INVITATIONS_QUERY = graphql(`
  query PendingCoHostInvitations {
    coHostInvitations(status: [PENDING]) {
      id
      viewerCanRespond
      event {
        id
        title
        status
        startsAt
        endsAt
        host {
          id
          name
        }
      }
    }
  }
`);
