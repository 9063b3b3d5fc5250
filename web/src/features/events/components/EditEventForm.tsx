import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { EVENT_FIELD_LABELS, toUpdateInput, valuesFromEvent, type EventFormValues } from '../eventForm.js';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { UPDATE_EVENT_MUTATION } from '../graphql/mutations/updateEvent.mutation.js';
import type { Viewer } from '../useViewer.js';
import { summarizeFields, toUserError, type UserError } from '../userError.js';
import { EventForm } from './EventForm.js';

interface EditEventFormProps {
  event: EventCardData;
  viewer: Viewer;
  options: { neighborhoods: { id: string; name: string }[]; organizations: { id: string; name: string }[] };
}

/** The form, started from the version on screen; that version goes back as `expectedVersion`. */
export function EditEventForm({ event, viewer, options }: EditEventFormProps) {
  const navigate = useNavigate();
  const [base, setBase] = useState(() => ({ version: event.version, values: valuesFromEvent(event) }));
  const [problem, setProblem] = useState<UserError | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const [update, { loading }] = useMutation(UPDATE_EVENT_MUTATION);
  const detailPath = `/events/${encodeURIComponent(event.id)}`;

  const submit = async (values: EventFormValues) => {
    setProblem(null);
    const input = toUpdateInput(values, base.values);
    setNothingChanged(Object.keys(input).length === 0);
    if (Object.keys(input).length === 0) return;
    try {
      await update({ variables: { id: event.id, input, expectedVersion: base.version } });
      navigate(detailPath, { state: { saved: 'updated' } });
    } catch (caught) {
      setProblem(toUserError(caught));
    }
  };

  const reload = () => {
    setProblem(null);
    setBase({ version: event.version, values: valuesFromEvent(event) });
  };

  const conflict = problem?.code === 'CONFLICT';
  const error = conflict ? (
    <>
      <p>
        <strong>Your changes were not saved.</strong> {problem.message}.
      </p>
      <button type="button" onClick={reload}>
        Load the latest version
      </button>{' '}
      <span>then make your change again.</span>
    </>
  ) : nothingChanged ? (
    'Nothing changed yet: edit a field, then save.'
  ) : problem && Object.keys(problem.fields).length > 0 ? (
    summarizeFields(problem.fields, EVENT_FIELD_LABELS)
  ) : (
    problem?.message
  );

  const isHost = event.host.id === viewer.organization.id;
  return (
    <section className="page events" aria-labelledby="edit-event-title">
      <h2 id="edit-event-title">Edit {event.title}</h2>
      <p className="page__lead">
        Hosted by <strong>{event.host.name}</strong>. Everyone watching the events page sees your changes at once.
      </p>
      <EventForm
        key={base.version}
        initial={base.values}
        neighborhoods={options.neighborhoods}
        organizations={options.organizations}
        canChooseHost={false}
        pendingCoHostIds={event.coHostInvitations.map((invitation) => invitation.organization.id)}
        coHostsLockedReason={
          viewer.role === 'PARTNER' && !isHost
            ? 'Only the host organization (or officers) may change the co-hosts.'
            : undefined
        }
        submitLabel="Save changes"
        busy={loading}
        error={error}
        fields={conflict ? {} : (problem?.fields ?? {})}
        onSubmit={(values) => void submit(values)}
        onCancel={() => navigate(detailPath)}
      />
    </section>
  );
}
