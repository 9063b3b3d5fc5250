import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import type { EventCardData } from './graphql/fragments/eventCard.fragment.js';
import { EVENTS_LIST_QUERY, type EventsListVariables } from './graphql/queries/eventsList.query.js';
import { useEventChanges } from './useEventChanges.js';

export interface EventsList {
  events: EventCardData[];
  totalCount: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ErrorLike | undefined;
  loadMore: () => Promise<void>;
  retry: () => void;
}

/** A page of events by start time, kept live (see useEventChanges), with "Load more". */
export function useEventsList(variables: EventsListVariables): EventsList {
  const { data, loading, error, refetch, fetchMore } = useQuery(EVENTS_LIST_QUERY, {
    variables,
    // Revalidate on every visit: events created or changed while the list was not shown.
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const filter = variables.filter;
  const mayBelong = useCallback(
    (event: EventCardData) =>
      (!filter?.status || filter.status.includes(event.status)) &&
      (!filter?.from || Date.parse(event.endsAt) >= Date.parse(String(filter.from))) &&
      (!filter?.to || Date.parse(event.startsAt) < Date.parse(String(filter.to))),
    [filter],
  );
  useEventChanges(data?.latestSeq, refetch, mayBelong);

  const pageInfo = data?.events.pageInfo;
  const loadMore = async () => {
    if (!pageInfo?.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { ...variables, after: pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          events: {
            ...fetchMoreResult.events,
            edges: [...(previous.events?.edges ?? []), ...fetchMoreResult.events.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    events: data?.events.edges.map((edge) => edge.node) ?? [],
    totalCount: data?.events.totalCount ?? 0,
    hasMore: Boolean(pageInfo?.hasNextPage),
    loading: loading && !data,
    loadingMore,
    error,
    loadMore,
    retry: () => void refetch().catch(() => undefined),
  };
}
