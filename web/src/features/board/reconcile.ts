import type { ApolloCache } from '@apollo/client';
import { BOARD_ISSUE_FRAGMENT, type BoardIssue } from './graphql/fragments/boardIssue.fragment.js';

/**
 * - `applied`: the change was newer than the cached card and replaced it;
 * - `stale`: the cache already holds this version or a newer one (a late or repeated delivery);
 * - `unknown`: the issue was not in the cache; it was written, but no list refers to it yet.
 */
export type ReconcileOutcome = 'applied' | 'stale' | 'unknown';

/**
 * Writes a live change into the cache by id, only if its `version` is newer than what the cache
 * holds, so an out-of-order or repeated delivery can never roll a card back.
 */
export function reconcileIssue(cache: ApolloCache, incoming: BoardIssue): ReconcileOutcome {
  const id = cache.identify({ __typename: 'CommunityIssue', id: incoming.id });
  if (!id) return 'unknown';
  const cached = cache.readFragment({ id, fragment: BOARD_ISSUE_FRAGMENT });
  if (cached && cached.version >= incoming.version) return 'stale';
  cache.writeFragment({ id, fragment: BOARD_ISSUE_FRAGMENT, data: incoming });
  return cached ? 'applied' : 'unknown';
}
