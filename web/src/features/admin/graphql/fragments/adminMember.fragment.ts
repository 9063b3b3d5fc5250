import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminMemberFragment } from '../../../../graphql/generated/graphql.js';

export type AdminMember = AdminMemberFragment;

/** A member row: who, their role and organization, and whether they may still sign in. */
export const ADMIN_MEMBER_FRAGMENT = graphql(`
  fragment AdminMember on Member {
    id
    name
    email
    role
    active
    deactivatedAt
    organization {
      id
      name
      kind
    }
  }
`);
