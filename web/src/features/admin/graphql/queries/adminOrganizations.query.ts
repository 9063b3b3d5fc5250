import { graphql } from '../../../../graphql/generated/index.js';

/** Every organization, and every neighborhood (retired too) for the "serves" checkboxes. */
export const ADMIN_ORGANIZATIONS_QUERY = graphql(`
  query AdminOrganizations {
    organizations {
      ...AdminOrganization
    }
    neighborhoods(includeRetired: true) {
      id
      name
      retired
    }
  }
`);
