import { graphql } from '../../../../graphql/generated/index.js';

/** Creates a token; the secret is in this answer and nowhere else. */
export const CREATE_API_TOKEN_MUTATION = graphql(`
  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...AdminApiToken
      }
    }
  }
`);
