import { useEffect, useMemo, useRef } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import type { IssueFilter } from '../../graphql/generated/graphql.js';
import { useConnectionState } from '../../app/connection.js';
import { coalesce } from '../../shared/coalesce.js';
import { useRetryWhile } from '../../shared/useRetry.js';
import { BOARD_PAGE_SIZE } from './board.columns.js';
import { matchesFilters } from './board.filters.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';
import { BOARD_ISSUES_QUERY } from './graphql/queries/boardIssues.query.js';
import { BOARD_ISSUE_CHANGED_SUBSCRIPTION } from './graphql/subscriptions/boardIssueChanged.subscription.js';
import { reconcileIssue } from './reconcile.js';

export interface BoardIssues {
  issues: BoardIssue[];
  /** All issues matching the filter, of which `issues` holds the newest page. */
  totalCount: number;
  /** True until the first page for this filter has arrived. */
  loading: boolean;
  error: ErrorLike | undefined;
}

/**
 * The board's issues for a filter, kept live and never stale:
 *
 * - the page is read together with `latestSeq`, and `issueChanged` resumes `after` it, so no
 *   change between the page and the subscription is lost; each refetch moves `after` forward;
 * - a change to a card already listed is written into the cache by id only when its version is
 *   newer (reconcile.ts), so late, repeated or echoed deliveries never roll a card back;
 * - a change that adds an issue to the board or takes one off refetches the page (bursts cost at
 *   most two refetches), and so does every reconnection of the socket.
 */
export function useBoardIssues(filter: IssueFilter): BoardIssues {
  const variables = useMemo(() => ({ filter, first: BOARD_PAGE_SIZE }), [filter]);
  // A filter seen before shows its cached page at once and is refreshed (moving `after` forward).
  const { data, loading, error, refetch } = useQuery(BOARD_ISSUES_QUERY, {
    variables,
    fetchPolicy: 'cache-and-network',
  });

  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  }, [refetch]);
  const requestRefetch = useMemo(() => coalesce(() => refetchRef.current()), []);

  const issues = useMemo(() => data?.issues.edges.map((edge) => edge.node) ?? [], [data]);
  const listedIds = useRef(new Set<string>());
  useEffect(() => {
    listedIds.current = new Set(issues.map((issue) => issue.id));
  }, [issues]);

  const after = data?.latestSeq;
  const live = useSubscription(BOARD_ISSUE_CHANGED_SUBSCRIPTION, {
    variables: { filter, after: after ?? 0 },
    skip: after === undefined,
    // Written by reconcileIssue instead, so that versions decide what the cache keeps.
    fetchPolicy: 'no-cache',
    onData: ({ client, data: result }) => {
      const issue = result.data?.issueChanged.issue;
      if (!issue) return;
      if (reconcileIssue(client.cache, issue) === 'stale') return;
      // A listed card updated in place; the page changes only when an issue enters or leaves.
      if (listedIds.current.has(issue.id) !== matchesFilters(issue, filter)) requestRefetch();
    },
  });

  // graphql-ws gives up on a socket closed as fatal (e.g. 1011) and the subscription ends with an
  // error: start it again (and bring the page up to date) until it holds.
  useRetryWhile(Boolean(live.error), () => {
    live.restart();
    requestRefetch();
  });

  // After a reconnect graphql-ws resubscribes with the first `after`, which replays what was missed;
  // refetching as well brings the page itself up to date and moves `after` to its latestSeq, so the
  // board never shows stale state even if a replay is cut short. (The first connection after the
  // page was read needs nothing: `after` covers it.)
  const { connections } = useConnectionState();
  const connectionsSeen = useRef(connections);
  useEffect(() => {
    if (connections <= connectionsSeen.current) return;
    connectionsSeen.current = connections;
    if (connections > 1) requestRefetch();
  }, [connections, requestRefetch]);

  // No page at all because the server was unreachable: keep trying until one arrives. (A refusal,
  // such as a malformed filter in a pasted link, would only be refused again.)
  useRetryWhile(Boolean(error) && !data && !CombinedGraphQLErrors.is(error), requestRefetch);

  return { issues, totalCount: data?.issues.totalCount ?? 0, loading: loading && !data, error };
}
