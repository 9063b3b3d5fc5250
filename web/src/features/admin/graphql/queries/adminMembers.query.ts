import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminMembersQuery } from '../../../../graphql/generated/graphql.js';

export type AdminOrganizationOption = AdminMembersQuery['organizations'][number];

/** Every member, deactivated ones included, and the organizations they may belong to. */
export const ADMIN_MEMBERS_QUERY = graphql(`
  query AdminMembers {
    members {
      ...AdminMember
    }
    organizations {
      id
      name
      kind
    }
  }
`);
