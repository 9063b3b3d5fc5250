import { graphql } from '../../../../graphql/generated/index.js';

/** Stops new reports in a neighborhood; its issues stay. */
export const RETIRE_NEIGHBORHOOD_MUTATION = graphql(`
  mutation AdminRetireNeighborhood($id: ID!) {
    retireNeighborhood(id: $id) {
      ...AdminNeighborhood
    }
  }
`);
