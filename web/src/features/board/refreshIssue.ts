import type { ApolloClient } from '@apollo/client';
import { BOARD_ISSUE_CARD_QUERY } from './graphql/queries/boardIssueCard.query.js';

/**
 * Fetches one issue's card as the server has it now and writes it into the cache, after a change
 * was refused as a CONFLICT (the refusal names the current version, not the current state).
 * Failures are ignored: the live stream or the next reconnect refetch brings it up to date.
 */
export function refreshIssue(client: ApolloClient, id: string): void {
  void client
    .query({ query: BOARD_ISSUE_CARD_QUERY, variables: { id }, fetchPolicy: 'network-only' })
    .catch(() => undefined);
}
