import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardTimelineEntryFragment } from '../../../../graphql/generated/graphql.js';

/** One entry of an issue's timeline: a comment, a status change or an assignment. */
export type BoardTimelineEntry = BoardTimelineEntryFragment;

export const BOARD_TIMELINE_ENTRY_FRAGMENT = graphql(`
  fragment BoardTimelineEntry on IssueUpdate {
    id
    kind
    body
    visibility
    createdAt
    author {
      id
      name
    }
    organization {
      id
      name
    }
    fromStatus
    toStatus
  }
`);
