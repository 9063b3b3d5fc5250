import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { EVENT_DETAIL_QUERY } from '../graphql/queries/eventDetail.query.js';
import { useEventChanges } from '../useEventChanges.js';
import { useViewer } from '../useViewer.js';
import { EventActions } from './EventActions.js';
import { EventCard } from './EventCard.js';
import { CoHostInvitationsNotice } from './CoHostInvitationsNotice.js';

const SAVED_MESSAGES: Record<string, string> = {
  created: 'Event created. Partners and residents (for a public event) see it now.',
  updated: 'Changes saved.',
};

/** /events/:eventId — one event, live, with what the viewer may do with it. */
export function EventDetailPage() {
  const { eventId = '' } = useParams();
  const location = useLocation();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(EVENT_DETAIL_QUERY, {
    variables: { id: eventId },
    fetchPolicy: 'cache-and-network',
  });
  useEventChanges(data?.latestSeq, refetch);

  const navigate = useNavigate();
  // Shown once: the browser keeps history state across reloads, so it is taken out of the entry.
  const [saved] = useState(() => (location.state as { saved?: string } | null)?.saved);
  useEffect(() => {
    if (location.state) navigate(location.pathname + location.search, { replace: true, state: null });
  }, [location, navigate]);
  const back = (
    <p className="page__back">
      <Link to="/events">← All events</Link>
    </p>
  );

  if (loading && !data) return <p role="status">Loading the event…</p>;
  if (error && !data) {
    return (
      <section className="page events">
        {back}
        <p className="form-error" role="alert">
          The event could not be loaded: {error.message}.{' '}
          <button type="button" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      </section>
    );
  }
  const event = data?.event;
  if (!event) {
    return (
      <section className="page events" aria-labelledby="event-missing-title">
        {back}
        <h2 id="event-missing-title">Event not found</h2>
        <p>It may have been removed{viewer ? '' : ', or it is for members only: sign in to see it'}.</p>
      </section>
    );
  }
  return (
    <section className="page events">
      {back}
      {saved && SAVED_MESSAGES[saved] && (
        <p className="notice-inline" role="status">
          {SAVED_MESSAGES[saved]}
        </p>
      )}
      <EventCard event={event} headingLevel={2}>
        <CoHostInvitationsNotice event={event} />
        <EventActions event={event} viewer={viewer} />
      </EventCard>
    </section>
  );
}
