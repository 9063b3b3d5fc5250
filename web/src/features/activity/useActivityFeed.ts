import { useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import type { ActivityEntryData } from './graphql/fragments/activityEntry.fragment.js';
import { ACTIVITY_FEED_QUERY } from './graphql/queries/activityFeed.query.js';
import { OLDER_ACTIVITY_QUERY } from './graphql/queries/olderActivity.query.js';
import { ACTIVITY_FEED_SUBSCRIPTION } from './graphql/subscriptions/activityFeed.subscription.js';
import { mergeEntries } from './mergeEntries.js';

/** How many entries the feed starts with, and adds per "Show older activity". */
export const FEED_PAGE_SIZE = 50;
/** Live entries kept on a page left open for hours; older ones drop off the end. */
const MAX_LIVE = 500;

export interface ActivityFeed {
  entries: ActivityEntryData[];
  /** Seqs that arrived live since the page loaded, to highlight them. */
  liveSeqs: ReadonlySet<number>;
  loading: boolean;
  error: ErrorLike | undefined;
  retry: () => void;
  /** Whether older entries may exist (the last page came back full). */
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  loadOlder: () => Promise<void>;
}

/**
 * The newest entries, then every new one as it commits. The page and `latestSeq` are read
 * together, and the subscription starts `after` that seq: nothing in between is missed, and
 * after a reconnect graphql-ws resubscribes with the same `after`, so the replay fills the gap
 * (repeats are dropped by seq).
 */
export function useActivityFeed(): ActivityFeed {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(ACTIVITY_FEED_QUERY, {
    variables: { first: FEED_PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  const [after, setAfter] = useState<number | null>(null);
  const [live, setLive] = useState<ActivityEntryData[]>([]);
  const [older, setOlder] = useState<{ entries: ActivityEntryData[]; full: boolean }>({ entries: [], full: true });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  useEffect(() => {
    if (after == null && data) setAfter(data.latestSeq);
  }, [after, data]);

  useSubscription(ACTIVITY_FEED_SUBSCRIPTION, {
    variables: { after },
    skip: after == null,
    fetchPolicy: 'no-cache',
    onData: ({ data: result }) => {
      const entry = result.data?.activity;
      if (entry) setLive((current) => mergeEntries(current, [entry]).slice(0, MAX_LIVE));
    },
  });

  const page = data?.activities;
  const entries = useMemo(
    () => mergeEntries(mergeEntries(live, page ?? []), older.entries),
    [live, page, older.entries],
  );
  const liveSeqs = useMemo(() => new Set(live.map((entry) => entry.seq)), [live]);
  const hasOlder = (page?.length ?? 0) === FEED_PAGE_SIZE && older.full;

  const loadOlder = async () => {
    const oldest = entries[entries.length - 1];
    if (!oldest || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const result = await client.query({
        query: OLDER_ACTIVITY_QUERY,
        variables: { before: oldest.seq, first: FEED_PAGE_SIZE },
        fetchPolicy: 'network-only',
      });
      const more = result.data?.activities ?? [];
      setOlder((current) => ({ entries: mergeEntries(current.entries, more), full: more.length === FEED_PAGE_SIZE }));
    } catch (caught) {
      setOlderError(caught instanceof Error ? caught.message : 'Older activity could not be loaded.');
    } finally {
      setLoadingOlder(false);
    }
  };

  return {
    entries,
    liveSeqs,
    loading: loading && !data,
    error,
    retry: () => void refetch().catch(() => undefined),
    hasOlder,
    loadingOlder,
    olderError,
    loadOlder,
  };
}
