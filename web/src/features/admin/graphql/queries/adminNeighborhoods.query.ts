import { graphql } from '../../../../graphql/generated/index.js';

/** Every neighborhood with its shape, retired ones included. */
export const ADMIN_NEIGHBORHOODS_QUERY = graphql(`
  query AdminNeighborhoods {
    neighborhoods(includeRetired: true) {
      ...AdminNeighborhood
    }
  }
`);
