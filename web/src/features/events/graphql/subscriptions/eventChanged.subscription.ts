import { graphql } from '../../../../graphql/generated/index.js';

/** Every change to an event the viewer may see, in seq order, replayed from `after`. */
export const EVENT_CHANGED_SUBSCRIPTION = graphql(`
  subscription EventChanged($after: Int) {
    eventChanged(after: $after) {
      seq
      kind
      event {
        ...EventCard
      }
    }
  }
`);
