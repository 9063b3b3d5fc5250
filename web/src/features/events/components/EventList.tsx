import { useState } from 'react';
import { useEventsList } from '../useEventsList.js';
import type { Viewer } from '../useViewer.js';
import { EventActions } from './EventActions.js';
import { EventCard } from './EventCard.js';

const PAGE_SIZE = 20;

interface EventListProps {
  viewer: Viewer | null;
}

/** Upcoming events (and cancelled ones, so nobody turns up in vain), soonest first. */
export function EventList({ viewer }: EventListProps) {
  // Fixed for the life of the list: a moving `from` would refetch on every render.
  const [from] = useState(() => new Date().toISOString());
  const list = useEventsList({
    filter: { from, status: ['PLANNED', 'CONFIRMED', 'CANCELLED'] },
    first: PAGE_SIZE,
  });

  if (list.loading) {
    return (
      <p className="events__message" role="status">
        Loading upcoming events…
      </p>
    );
  }
  if (list.error && list.events.length === 0) {
    return (
      <div className="events__message events__message--error" role="alert">
        <p>Events could not be loaded: {list.error.message}</p>
        <button type="button" onClick={list.retry}>
          Try again
        </button>
      </div>
    );
  }
  if (list.events.length === 0) {
    return (
      <p className="events__message">
        No upcoming events yet.{' '}
        {viewer
          ? 'Plan one with “New event”: partners can co-host and commit staff.'
          : 'Check back soon, or report an issue you would like discussed at a town hall.'}
      </p>
    );
  }
  return (
    <>
      <p className="events__count">
        {list.totalCount} upcoming {list.totalCount === 1 ? 'event' : 'events'}
      </p>
      <ul className="event-list">
        {list.events.map((event) => (
          <li key={event.id}>
            <EventCard event={event} href={`/events/${encodeURIComponent(event.id)}`}>
              <EventActions event={event} viewer={viewer} />
            </EventCard>
          </li>
        ))}
      </ul>
      {list.hasMore && (
        <button type="button" className="load-more" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : 'Load more events'}
        </button>
      )}
    </>
  );
}
