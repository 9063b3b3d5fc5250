import { graphql } from '../../../../graphql/generated/index.js';

/** The newest page of the feed and the seq it ends at, to subscribe from without a gap. */
export const ACTIVITY_FEED_QUERY = graphql(`
  query ActivityFeed($first: Int!) {
    latestSeq
    activities(first: $first) {
      ...ActivityEntry
    }
  }
`);
