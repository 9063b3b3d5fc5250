import { graphql } from '../../../../graphql/generated/index.js';

/** Ends a token at once. */
export const REVOKE_API_TOKEN_MUTATION = graphql(`
  mutation AdminRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...AdminApiToken
    }
  }
`);
