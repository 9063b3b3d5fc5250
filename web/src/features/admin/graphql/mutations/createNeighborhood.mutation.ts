import { graphql } from '../../../../graphql/generated/index.js';

/** Adds one neighborhood from a GeoJSON Polygon, MultiPolygon or Feature. */
export const CREATE_NEIGHBORHOOD_MUTATION = graphql(`
  mutation AdminCreateNeighborhood($input: CreateNeighborhoodInput!) {
    createNeighborhood(input: $input) {
      ...AdminNeighborhood
    }
  }
`);
