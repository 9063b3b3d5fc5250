import { graphql } from '../../../../graphql/generated/index.js';

/** The partnership's settings, as the settings form edits them. */
export const ADMIN_PARTNERSHIP_FRAGMENT = graphql(`
  fragment AdminPartnership on Partnership {
    name
    timeZone
    language
    mapCenter {
      lat
      lng
    }
    mapZoom
    tileUrl
    welcomeText
  }
`);
