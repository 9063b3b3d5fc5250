import { useEffect, useMemo, useRef } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { useConnectionState } from '../../app/connection.js';
import { coalesce } from '../../shared/coalesce.js';
import { BOARD_PAGE_SIZE, BOARD_STATUSES, isOnBoard } from './board.columns.js';
import type { BoardIssue } from './graphql/fragments/boardIssue.fragment.js';
import { BOARD_ISSUES_QUERY, type BoardIssuesVariables } from './graphql/queries/boardIssues.query.js';
import {
  ISSUE_CHANGED_SUBSCRIPTION,
  type IssueChangedVariables,
} from './graphql/subscriptions/issueChanged.subscription.js';
import { reconcileIssue } from './reconcile.js';

const QUERY_VARIABLES: BoardIssuesVariables = { statuses: BOARD_STATUSES, first: BOARD_PAGE_SIZE };
const SUBSCRIPTION_VARIABLES: IssueChangedVariables = { statuses: BOARD_STATUSES };

export interface BoardIssues {
  issues: BoardIssue[];
  /** All issues in the board's statuses, of which `issues` holds the newest page. */
  totalCount: number;
  loading: boolean;
  error: ErrorLike | undefined;
}

/**
 * The board's issues, kept live: changes to a card already on the board are written into the
 * cache by id when their version is newer; a change that adds an issue to the board or takes one
 * off it refetches the page (bursts of changes cost at most two refetches).
 */
export function useBoardIssues(): BoardIssues {
  const { data, loading, error, refetch } = useQuery(BOARD_ISSUES_QUERY, { variables: QUERY_VARIABLES });

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

  useSubscription(ISSUE_CHANGED_SUBSCRIPTION, {
    variables: SUBSCRIPTION_VARIABLES,
    // Written by reconcileIssue instead, so that versions decide what the cache keeps.
    fetchPolicy: 'no-cache',
    onData: ({ client, data: result }) => {
      const issue = result.data?.issueChanged.issue;
      if (!issue) return;
      if (reconcileIssue(client.cache, issue) === 'stale') return;
      // A card already listed updated in place; the page changes only when an issue enters or leaves.
      if (listedIds.current.has(issue.id) !== isOnBoard(issue.status)) requestRefetch();
    },
  });

  // The subscription starts without `after`, so whatever changed before the socket was (re)acknowledged
  // may have been missed: fetch the page again on every connection, the first one included.
  const { connections } = useConnectionState();
  useEffect(() => {
    if (connections > 0) requestRefetch();
  }, [connections, requestRefetch]);

  return { issues, totalCount: data?.issues.totalCount ?? 0, loading, error };
}
