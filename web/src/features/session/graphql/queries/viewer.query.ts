import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../../../graphql/schema.types.js';

export interface ViewerData {
  viewer: {
    __typename: 'Member';
    id: string;
    name: string;
    role: Role;
    organization: { __typename: 'Organization'; id: string; name: string };
  } | null;
}

/** Who is signed in (null for the public). */
export const VIEWER_QUERY: TypedDocumentNode<ViewerData, Record<string, never>> = gql`
  query Viewer {
    viewer {
      id
      name
      role
      organization {
        id
        name
      }
    }
  }
`;
