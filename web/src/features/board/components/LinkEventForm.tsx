import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime } from '../../../shared/time.js';
import { describeChangeError, sentence } from '../board.errors.js';
import { BOARD_LINK_ISSUE_TO_EVENT_MUTATION } from '../graphql/mutations/linkIssueToEvent.mutation.js';
import { BOARD_LINKABLE_EVENTS_QUERY } from '../graphql/queries/boardLinkableEvents.query.js';
import { FormOutcome } from './FormOutcome.js';
import { useTimeZone } from '../../partnership/partnership.js';

interface LinkEventFormProps {
  issueId: string;
}

/** From the start of the current hour, so the query's variables (and cache entry) stay put. */
function startOfHour(): string {
  const now = new Date();
  now.setMinutes(0, 0, 0);
  return now.toISOString();
}

/** Links the issue to an upcoming shared event the viewer may edit (the event addresses the issue). */
export function LinkEventForm({ issueId }: LinkEventFormProps) {
  const timeZone = useTimeZone();
  const id = useId();
  const [from] = useState(startOfHour);
  const { data, loading, refetch } = useQuery(BOARD_LINKABLE_EVENTS_QUERY, { variables: { from } });
  const [eventId, setEventId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [link, { loading: saving }] = useMutation(BOARD_LINK_ISSUE_TO_EVENT_MUTATION);

  const events = data?.events.edges.map((edge) => edge.node) ?? [];
  const linked = events.filter((event) => event.issues.some((issue) => issue.id === issueId));
  const linkable = events.filter((event) => event.viewerCanEdit && !linked.includes(event));

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setError(null);
    setDone(null);
    const event = linkable.find((e) => e.id === eventId);
    if (!event) {
      setError('Choose an event first.');
      return;
    }
    try {
      await link({
        variables: {
          id: event.id,
          issueIds: [...event.issues.map((issue) => issue.id), issueId],
          expectedVersion: event.version,
        },
      });
      setEventId('');
      setDone(`Linked to “${event.title}”.`);
    } catch (e) {
      const problem = describeChangeError(e);
      setError(`The issue was not linked. ${sentence(problem.message)}`);
      if (problem.conflict) void refetch().catch(() => undefined);
    }
  };

  return (
    <form className="drawer__section drawer-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Events</h3>
      {linked.length > 0 ? (
        <ul className="drawer__list" aria-label="Linked events">
          {linked.map((event) => (
            <li key={event.id}>
              {event.title} <span className="drawer__muted">({formatDateTime(event.startsAt, timeZone)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="drawer__hint">Not linked to any upcoming event.</p>
      )}
      {loading && !data ? (
        <p className="drawer__hint">Loading upcoming events…</p>
      ) : linkable.length === 0 ? (
        <p className="drawer__hint">There is no other upcoming event you can edit.</p>
      ) : (
        <>
          <label htmlFor={`${id}-event`}>Link to an upcoming event</label>
          <select id={`${id}-event`} value={eventId} onChange={(e) => setEventId(e.target.value)}>
            <option value="">Choose an event…</option>
            {linkable.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title} — {formatDateTime(event.startsAt, timeZone)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={saving || eventId === ''}>
            {saving ? 'Linking…' : 'Link to event'}
          </button>
        </>
      )}
      <FormOutcome error={error} done={done} />
    </form>
  );
}
