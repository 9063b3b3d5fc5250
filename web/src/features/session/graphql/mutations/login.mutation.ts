import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../../../graphql/schema.types.js';

export interface LoginData {
  login: {
    __typename: 'AuthPayload';
    token: string;
    member: { __typename: 'Member'; id: string; name: string; role: Role };
  };
}

export interface LoginVariables {
  email: string;
  password: string;
}

/** Signs a member in; the token goes to session storage and into a new Apollo session. */
export const LOGIN_MUTATION: TypedDocumentNode<LoginData, LoginVariables> = gql`
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
`;
