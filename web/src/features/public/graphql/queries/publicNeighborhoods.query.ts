import { graphql } from '../../../../graphql/generated/index.js';
import type { PublicNeighborhoodsQuery } from '../../../../graphql/generated/graphql.js';

export type PublicNeighborhood = PublicNeighborhoodsQuery['neighborhoods'][number];

/** The neighborhoods with their boundaries (GeoJSON Polygon or MultiPolygon text), for filters and the map. */
export const PUBLIC_NEIGHBORHOODS_QUERY = graphql(`
  query PublicNeighborhoods {
    neighborhoods {
      id
      name
      centerLat
      centerLng
      boundary
    }
  }
`);
