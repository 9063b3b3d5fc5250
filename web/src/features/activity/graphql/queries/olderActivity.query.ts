import { graphql } from '../../../../graphql/generated/index.js';

/** The page of the feed just before `before` (the oldest seq shown), for "Show older activity". */
export const OLDER_ACTIVITY_QUERY = graphql(`
  query OlderActivity($before: Int!, $first: Int!) {
    activities(before: $before, first: $first) {
      ...ActivityEntry
    }
  }
`);
