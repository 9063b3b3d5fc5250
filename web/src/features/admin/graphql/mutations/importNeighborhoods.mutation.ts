import { graphql } from '../../../../graphql/generated/index.js';

/**
 * Imports a GeoJSON FeatureCollection, matched by name; refused features come back as errors.
 * Only names come back: the page refetches the list with the new shapes.
 */
export const IMPORT_NEIGHBORHOODS_MUTATION = graphql(`
  mutation AdminImportNeighborhoods($geojson: String!, $nameProperty: String!, $retireMissing: Boolean!) {
    importNeighborhoods(geojson: $geojson, nameProperty: $nameProperty, retireMissing: $retireMissing) {
      created {
        id
        name
      }
      updated {
        id
        name
      }
      unchanged {
        id
        name
      }
      retired {
        id
        name
      }
      deleted
      errors {
        index
        name
        message
      }
    }
  }
`);
