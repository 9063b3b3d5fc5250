import { graphql } from '../../../../graphql/generated/index.js';

/** One event (null when it does not exist or is members-only for the public). */
export const EVENT_DETAIL_QUERY = graphql(`
  query EventDetail($id: ID!) {
    latestSeq
    event(id: $id) {
      ...EventCard
    }
  }
`);
