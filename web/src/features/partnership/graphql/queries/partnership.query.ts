import { graphql } from '../../../../graphql/generated/index.js';

/** The partnership's name, zone and public settings: public, loaded once by the shell. */
export const PARTNERSHIP_QUERY = graphql(`
  query Partnership {
    partnership {
      name
      timeZone
      language
      welcomeText
      setupRequired
      passwordResetByEmail
      mapCenter {
        lat
        lng
      }
      mapZoom
      tileUrl
    }
  }
`);
