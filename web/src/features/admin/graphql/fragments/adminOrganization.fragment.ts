import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminOrganizationFragment } from '../../../../graphql/generated/graphql.js';

export type AdminOrganization = AdminOrganizationFragment;

/** An organization as the admin list and form show it. */
export const ADMIN_ORGANIZATION_FRAGMENT = graphql(`
  fragment AdminOrganization on Organization {
    id
    name
    kind
    neighborhoods {
      id
      name
    }
  }
`);
