import { graphql } from '../../../../graphql/generated/index.js';

/** Upcoming events (not cancelled, not done) an issue may be linked to, with who may edit them. */
export const BOARD_LINKABLE_EVENTS_QUERY = graphql(`
  query BoardLinkableEvents($from: DateTime!) {
    events(filter: { from: $from, status: [PLANNED, CONFIRMED] }, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          viewerCanEdit
          version
          issues {
            id
          }
        }
      }
    }
  }
`);
