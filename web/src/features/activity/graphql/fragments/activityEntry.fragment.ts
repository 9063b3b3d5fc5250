import { graphql } from '../../../../graphql/generated/index.js';
import type { ActivityEntryFragment } from '../../../../graphql/generated/graphql.js';

/** One line of the feed. `actor` is null for the public; `actorOrganization` is public. */
export type ActivityEntryData = ActivityEntryFragment;

export const ACTIVITY_ENTRY_FRAGMENT = graphql(`
  fragment ActivityEntry on Activity {
    id
    seq
    at
    kind
    summary
    actor {
      id
      name
    }
    actorOrganization {
      id
      name
    }
    issue {
      id
      title
    }
    event {
      id
      title
    }
  }
`);
