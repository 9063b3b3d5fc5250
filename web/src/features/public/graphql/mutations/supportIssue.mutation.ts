import { graphql } from '../../../../graphql/generated/index.js';

/** "Me too": adds one supporter and returns the new count. */
export const SUPPORT_ISSUE_MUTATION = graphql(`
  mutation PublicSupportIssue($id: ID!) {
    supportIssue(id: $id) {
      id
      supportersCount
      version
    }
  }
`);
