import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardPresenceSubscription } from '../../../../graphql/generated/graphql.js';

export type PresentMember = BoardPresenceSubscription['presence']['members'][number];

/** Who has the board open: the whole list at once, then again on every change. */
export const BOARD_PRESENCE_SUBSCRIPTION = graphql(`
  subscription BoardPresence($share: Boolean!) {
    presence(share: $share) {
      members {
        id
        name
        organizationName
      }
    }
  }
`);
