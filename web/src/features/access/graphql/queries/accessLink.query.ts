import { graphql } from '../../../../graphql/generated/index.js';

/** What a one-time link is for, before it is used: the page shows it (public). */
export const ACCESS_LINK_QUERY = graphql(`
  query AccessLink($code: String!) {
    accessLink(code: $code) {
      kind
      email
      name
      role
      organizationName
      expiresAt
    }
  }
`);
