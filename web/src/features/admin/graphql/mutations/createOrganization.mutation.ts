import { graphql } from '../../../../graphql/generated/index.js';

/** Adds the agency or a partner organization. */
export const CREATE_ORGANIZATION_MUTATION = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...AdminOrganization
    }
  }
`);
