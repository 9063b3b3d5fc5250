import { graphql } from '../../../../graphql/generated/index.js';

/** A member sets a new password with a PASSWORD link; the answer signs them in like `login`. */
export const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($code: String!, $password: String!) {
    resetPassword(code: $code, password: $password) {
      token
      member {
        id
        role
      }
    }
  }
`);
