import type { ApolloCache } from '@apollo/client';
import { EVENT_CARD_FRAGMENT, type EventCardData } from './graphql/fragments/eventCard.fragment.js';

/**
 * - `stale`: the cache already holds this version or a newer one (an echo of the viewer's own
 *   change, or a repeated delivery after a reconnect): nothing changes;
 * - `applied`: a newer version of an event already cached replaced it in place;
 * - `moved`: like `applied`, but its time changed, so lists ordered or windowed by time are off;
 * - `unknown`: the event was not cached (new, or not loaded yet); lists must be fetched again.
 */
export type EventReconcileOutcome = 'stale' | 'applied' | 'moved' | 'unknown';

/** Writes a live change into the cache by id, only when its `version` is newer than the cached one. */
export function reconcileEvent(cache: ApolloCache, incoming: EventCardData): EventReconcileOutcome {
  const id = cache.identify({ __typename: 'SharedEvent', id: incoming.id });
  if (!id) return 'unknown';
  const cached = cache.readFragment({ id, fragment: EVENT_CARD_FRAGMENT, fragmentName: 'EventCard' });
  if (cached && cached.version >= incoming.version) return 'stale';
  cache.writeFragment({ id, fragment: EVENT_CARD_FRAGMENT, fragmentName: 'EventCard', data: incoming });
  if (!cached) return 'unknown';
  return cached.startsAt !== incoming.startsAt || cached.endsAt !== incoming.endsAt ? 'moved' : 'applied';
}
