import { graphql } from '../../../../graphql/generated/index.js';

/** Renames an organization, changes its kind or the neighborhoods it serves. */
export const UPDATE_ORGANIZATION_MUTATION = graphql(`
  mutation AdminUpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      ...AdminOrganization
    }
  }
`);
