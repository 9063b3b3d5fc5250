import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardIssueDetailFragment } from '../../../../graphql/generated/graphql.js';

/** Everything the issue drawer shows. Contact and address are null when the viewer may not see them. */
export type BoardIssueDetail = BoardIssueDetailFragment;

export const BOARD_ISSUE_DETAIL_FRAGMENT = graphql(`
  fragment BoardIssueDetail on CommunityIssue {
    ...BoardIssue
    description
    priority
    anonymous
    contact
    acknowledgedAt
    resolvedAt
    reporter {
      id
      name
    }
    location {
      lat
      lng
      precise
      address
    }
    neighborhood {
      id
      name
      boundary
      centerLat
      centerLng
    }
    updates {
      ...BoardTimelineEntry
    }
  }
`);
