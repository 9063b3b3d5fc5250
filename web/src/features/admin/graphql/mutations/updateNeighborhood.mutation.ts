import { graphql } from '../../../../graphql/generated/index.js';

/** Renames a neighborhood or replaces its shape. */
export const UPDATE_NEIGHBORHOOD_MUTATION = graphql(`
  mutation AdminUpdateNeighborhood($id: ID!, $input: UpdateNeighborhoodInput!) {
    updateNeighborhood(id: $id, input: $input) {
      ...AdminNeighborhood
    }
  }
`);
