import { graphql } from '../../../../graphql/generated/index.js';

/** Changes a member's role or organization. */
export const UPDATE_MEMBER_MUTATION = graphql(`
  mutation AdminUpdateMember($id: ID!, $input: UpdateMemberInput!) {
    updateMember(id: $id, input: $input) {
      ...AdminMember
    }
  }
`);
