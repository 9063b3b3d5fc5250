import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminApiTokenFragment } from '../../../../graphql/generated/graphql.js';

export type AdminApiToken = AdminApiTokenFragment;

/** An API token in the list: never its secret, only the hint. */
export const ADMIN_API_TOKEN_FRAGMENT = graphql(`
  fragment AdminApiToken on ApiToken {
    id
    name
    hint
    scopes
    createdAt
    lastUsedAt
    revokedAt
    organization {
      id
      name
    }
    createdBy {
      id
      name
    }
  }
`);
