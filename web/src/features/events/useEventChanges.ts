import { useEffect, useMemo, useRef, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import { coalesce } from '../../shared/coalesce.js';
import { EVENT_CHANGED_SUBSCRIPTION } from './graphql/subscriptions/eventChanged.subscription.js';
import type { EventCardData } from './graphql/fragments/eventCard.fragment.js';
import { reconcileEvent } from './reconcileEvent.js';

/**
 * Keeps cached events live from `eventChanged`, starting after the `latestSeq` read with the
 * page (the first one seen: later refetches do not restart the stream). graphql-ws re-subscribes
 * with the same `after` after a reconnect, so what the socket missed is replayed; versions make
 * the replay harmless. Changes are written by id when newer than the cache (an echo of the
 * viewer's own mutation is ignored); a new event that may belong to the page, or one whose time
 * moved (it may have left the page, or changed places in it), calls `refetch`,
 * coalesced so a burst of changes costs at most two refetches.
 */
export function useEventChanges(
  latestSeq: number | undefined,
  refetch: () => Promise<unknown>,
  /** Whether a new or moved event may belong to the page; changes elsewhere cost no refetch. */
  mayBelong: (event: EventCardData) => boolean = () => true,
): void {
  const mayBelongRef = useRef(mayBelong);
  useEffect(() => {
    mayBelongRef.current = mayBelong;
  }, [mayBelong]);
  const [after, setAfter] = useState<number | null>(null);
  useEffect(() => {
    if (after == null && latestSeq != null) setAfter(latestSeq);
  }, [after, latestSeq]);

  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  }, [refetch]);
  const requestRefetch = useMemo(() => coalesce(() => refetchRef.current()), []);

  useSubscription(EVENT_CHANGED_SUBSCRIPTION, {
    variables: { after },
    skip: after == null,
    // Written by reconcileEvent instead, so that versions decide what the cache keeps.
    fetchPolicy: 'no-cache',
    onData: ({ client, data: result }) => {
      const event = result.data?.eventChanged.event;
      if (!event) return;
      const outcome = reconcileEvent(client.cache, event);
      if (outcome === 'moved' || (outcome === 'unknown' && mayBelongRef.current(event))) requestRefetch();
    },
  });
}
