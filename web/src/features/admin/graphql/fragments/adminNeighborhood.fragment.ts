import { graphql } from '../../../../graphql/generated/index.js';
import type { AdminNeighborhoodFragment } from '../../../../graphql/generated/graphql.js';

export type AdminNeighborhood = AdminNeighborhoodFragment;

/** A neighborhood with its shape (GeoJSON text) and whether it is retired. */
export const ADMIN_NEIGHBORHOOD_FRAGMENT = graphql(`
  fragment AdminNeighborhood on Neighborhood {
    id
    name
    boundary
    centerLat
    centerLng
    retired
    retiredAt
  }
`);
