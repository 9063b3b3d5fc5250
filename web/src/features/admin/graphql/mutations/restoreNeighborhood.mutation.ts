import { graphql } from '../../../../graphql/generated/index.js';

/** Brings a retired neighborhood back. */
export const RESTORE_NEIGHBORHOOD_MUTATION = graphql(`
  mutation AdminRestoreNeighborhood($id: ID!) {
    restoreNeighborhood(id: $id) {
      ...AdminNeighborhood
    }
  }
`);
