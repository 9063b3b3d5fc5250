import { graphql } from '../../../../graphql/generated/index.js';

/** Everything the viewer may see after `after`, in seq order (replayed once after a reconnect). */
export const ACTIVITY_FEED_SUBSCRIPTION = graphql(`
  subscription ActivityFeedLive($after: Int) {
    activity(after: $after) {
      ...ActivityEntry
    }
  }
`);
