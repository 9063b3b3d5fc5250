import { graphql } from '../../../../graphql/generated/index.js';
import type { EventsListQueryVariables } from '../../../../graphql/generated/graphql.js';

export type EventsListVariables = EventsListQueryVariables;

/**
 * Events by start time, with the feed position they were read at: subscribing to
 * `eventChanged(after: latestSeq)` then misses nothing that happened in between.
 */
export const EVENTS_LIST_QUERY = graphql(`
  query EventsList($filter: EventFilter, $first: Int, $after: String) {
    latestSeq
    events(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...EventCard
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
