import { graphql } from '../../../../graphql/generated/index.js';

/** Signs a member in; the token goes to session storage and into a new Apollo session. */
export const LOGIN_MUTATION = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      member {
        id
        name
        role
      }
    }
  }
`);
