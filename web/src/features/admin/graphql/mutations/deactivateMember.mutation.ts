import { graphql } from '../../../../graphql/generated/index.js';

/** Ends a member's sessions at once and refuses their sign-ins; their history stays. */
export const DEACTIVATE_MEMBER_MUTATION = graphql(`
  mutation AdminDeactivateMember($id: ID!) {
    deactivateMember(id: $id) {
      ...AdminMember
    }
  }
`);
