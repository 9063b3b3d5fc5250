import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { EVENT_FIELD_LABELS, emptyEventForm, toCreateInput, type EventFormValues } from '../eventForm.js';
import { CREATE_EVENT_MUTATION } from '../graphql/mutations/createEvent.mutation.js';
import { EVENT_FORM_OPTIONS_QUERY } from '../graphql/queries/eventFormOptions.query.js';
import { useViewer } from '../useViewer.js';
import { summarizeFields, toUserError, type UserError } from '../userError.js';
import { EventForm } from './EventForm.js';
import { useIdempotencyKey } from '../../../shared/idempotencyKey.js';

/** /events/new: a member plans an event, hosted by their organization. */
export function CreateEventPage() {
  const navigate = useNavigate();
  const { viewer, loading: viewerLoading } = useViewer();
  const options = useQuery(EVENT_FORM_OPTIONS_QUERY);
  const [create, { loading }] = useMutation(CREATE_EVENT_MUTATION);
  const idempotency = useIdempotencyKey();
  const [problem, setProblem] = useState<UserError | null>(null);

  if (viewerLoading || (options.loading && !options.data)) {
    return <p role="status">Loading the event form…</p>;
  }
  if (!viewer) {
    return (
      <section className="page events" aria-labelledby="create-event-title">
        <h2 id="create-event-title">New event</h2>
        <p>Sign in as a member (with the form at the top of the page) to create events.</p>
        <Link to="/events">Back to events</Link>
      </section>
    );
  }
  if (!options.data) {
    return (
      <p className="form-error" role="alert">
        The form could not be loaded: {options.error?.message}. Reload the page to try again.
      </p>
    );
  }

  const canChooseHost = viewer.role === 'COORDINATOR';
  const submit = async (values: EventFormValues) => {
    setProblem(null);
    try {
      const input = toCreateInput(values, canChooseHost);
      const { data } = await create({ variables: { input: { ...input, idempotencyKey: idempotency.keyFor(input) } } });
      if (data) idempotency.done();
      if (data) navigate(`/events/${encodeURIComponent(data.createEvent.id)}`, { state: { saved: 'created' } });
    } catch (caught) {
      setProblem(toUserError(caught));
    }
  };

  return (
    <section className="page events" aria-labelledby="create-event-title">
      <h2 id="create-event-title">New event</h2>
      <p className="page__lead">
        Hosted by <strong>{viewer.organization.name}</strong>
        {canChooseHost ? ' unless you choose another organization' : ''}. Co-hosts can edit it too.
      </p>
      <EventForm
        initial={emptyEventForm(viewer.organization.id)}
        neighborhoods={options.data.neighborhoods}
        organizations={options.data.organizations}
        canChooseHost={canChooseHost}
        submitLabel="Create event"
        busy={loading}
        error={
          problem && Object.keys(problem.fields).length > 0
            ? summarizeFields(problem.fields, EVENT_FIELD_LABELS)
            : problem?.message
        }
        fields={problem?.fields ?? {}}
        onSubmit={(values) => void submit(values)}
        onCancel={() => navigate('/events')}
      />
    </section>
  );
}
