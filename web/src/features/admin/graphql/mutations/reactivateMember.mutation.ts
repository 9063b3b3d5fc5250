import { graphql } from '../../../../graphql/generated/index.js';

/** Lets a deactivated member sign in again. */
export const REACTIVATE_MEMBER_MUTATION = graphql(`
  mutation AdminReactivateMember($id: ID!) {
    reactivateMember(id: $id) {
      ...AdminMember
    }
  }
`);
