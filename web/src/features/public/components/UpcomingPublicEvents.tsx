import { useState } from 'react';
import { Link } from 'react-router';
import { EventActions } from '../../events/components/EventActions.js';
import { EventCard } from '../../events/components/EventCard.js';
import { useEventsList } from '../../events/useEventsList.js';

const SHOWN = 4;

/** The next public events, kept live, each with a way to reserve a place. */
export function UpcomingPublicEvents() {
  const [from] = useState(() => new Date().toISOString());
  const list = useEventsList({ filter: { from, status: ['PLANNED', 'CONFIRMED'] }, first: SHOWN });

  let body;
  if (list.loading) {
    body = (
      <p className="public__message" role="status">
        Loading upcoming events…
      </p>
    );
  } else if (list.error && list.events.length === 0) {
    body = (
      <div className="public__message public__message--error" role="alert">
        <p>Events could not be loaded: {list.error.message}</p>
        <button type="button" onClick={list.retry}>
          Try again
        </button>
      </div>
    );
  } else if (list.events.length === 0) {
    body = <p className="public__message">No events are planned yet. Check back soon.</p>;
  } else {
    body = (
      <ul className="public-event-list">
        {list.events.map((event) => (
          <li key={event.id}>
            <EventCard event={event} headingLevel={4} href={`/events/${encodeURIComponent(event.id)}`}>
              <EventActions event={event} viewer={null} />
            </EventCard>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="public__events" aria-labelledby="public-events-title">
      <h3 id="public-events-title">Upcoming events</h3>
      {body}
      {list.totalCount > list.events.length && (
        <p>
          <Link to="/events">See all {list.totalCount} upcoming events</Link>
        </p>
      )}
    </section>
  );
}
