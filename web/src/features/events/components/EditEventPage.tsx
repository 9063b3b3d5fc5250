import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { EVENT_DETAIL_QUERY } from '../graphql/queries/eventDetail.query.js';
import { EVENT_FORM_OPTIONS_QUERY } from '../graphql/queries/eventFormOptions.query.js';
import { useEventChanges } from '../useEventChanges.js';
import { useViewer } from '../useViewer.js';
import { EditEventForm } from './EditEventForm.js';

/** /events/:eventId/edit — for the host, co-hosts, officers and coordinators. */
export function EditEventPage() {
  const { eventId = '' } = useParams();
  const { viewer, loading: viewerLoading } = useViewer();
  const detail = useQuery(EVENT_DETAIL_QUERY, { variables: { id: eventId }, fetchPolicy: 'cache-and-network' });
  const options = useQuery(EVENT_FORM_OPTIONS_QUERY);
  // Live while editing, so "Load the latest version" after a conflict has it.
  useEventChanges(detail.data?.latestSeq, detail.refetch);

  const event = detail.data?.event;
  if (viewerLoading || (!detail.data && detail.loading) || (!options.data && options.loading)) {
    return <p role="status">Loading the event…</p>;
  }
  if (detail.error && !detail.data) {
    return (
      <p className="form-error" role="alert">
        The event could not be loaded: {detail.error.message}. Reload the page to try again.
      </p>
    );
  }
  if (!event || !options.data) {
    return (
      <section className="page events" aria-labelledby="edit-event-title">
        <h2 id="edit-event-title">Event not found</h2>
        <p>It may have been removed, or it is for members only.</p>
        <Link to="/events">Back to events</Link>
      </section>
    );
  }
  if (!viewer || !event.viewerCanEdit || event.status === 'CANCELLED') {
    return (
      <section className="page events" aria-labelledby="edit-event-title">
        <h2 id="edit-event-title">Edit {event.title}</h2>
        <p>
          {event.status === 'CANCELLED'
            ? 'This event is cancelled and can no longer be edited.'
            : 'Only members of the host and co-host organizations, officers and coordinators can edit this event.'}
        </p>
        <Link to={`/events/${encodeURIComponent(event.id)}`}>Back to the event</Link>
      </section>
    );
  }
  return <EditEventForm event={event} viewer={viewer} options={options.data} />;
}
