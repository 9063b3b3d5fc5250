import { graphql } from '../../../../graphql/generated/index.js';

/** The partnership's time zone, which every date in the admin area is shown in. */
export const ADMIN_TIME_ZONE_QUERY = graphql(`
  query AdminTimeZone {
    partnership {
      timeZone
    }
  }
`);
