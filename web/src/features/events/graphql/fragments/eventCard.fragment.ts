import { graphql } from '../../../../graphql/generated/index.js';
import type { EventCardFragment } from '../../../../graphql/generated/graphql.js';

/** What an event card shows. `version` lets live changes be reconciled in order. */
export type EventCardData = EventCardFragment;

export const EVENT_CARD_FRAGMENT = graphql(`
  fragment EventCard on SharedEvent {
    id
    title
    description
    kind
    status
    cancelReason
    startsAt
    endsAt
    locationName
    neighborhood {
      id
      name
    }
    host {
      id
      name
    }
    coHosts {
      id
      name
    }
    coHostInvitations(status: [PENDING]) {
      id
      viewerCanRespond
      organization {
        id
        name
      }
    }
    isPublic
    capacity
    rsvpCount
    staffCount
    staff {
      count
      note
      organization {
        id
        name
      }
    }
    viewerCanEdit
    version
  }
`);
