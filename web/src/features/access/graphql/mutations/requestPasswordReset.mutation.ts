import { graphql } from '../../../../graphql/generated/index.js';

/** Asks for a reset link by email; the answer never says whether the address has an account. */
export const REQUEST_PASSWORD_RESET_MUTATION = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
