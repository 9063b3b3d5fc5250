import { graphql } from '../../../../graphql/generated/index.js';
import type { BoardPresenceSubscription } from '../../../../graphql/generated/graphql.js';

export type BoardPresence = BoardPresenceSubscription['presence'];
export type PresentMember = BoardPresence['members'][number];

/**
 * Who has the board open: how many, and the first few by name. The current state at once, then
 * again when it changed (the server sends at most one update every couple of seconds).
 */
export const BOARD_PRESENCE_SUBSCRIPTION = graphql(`
  subscription BoardPresence($share: Boolean!) {
    presence(share: $share) {
      count
      members {
        id
        name
        organizationName
      }
    }
  }
`);
