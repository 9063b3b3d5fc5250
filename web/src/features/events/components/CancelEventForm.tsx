import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { CANCEL_EVENT_MUTATION } from '../graphql/mutations/cancelEvent.mutation.js';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { toUserError } from '../userError.js';
import { FieldError } from './FieldError.js';

interface CancelEventFormProps {
  event: EventCardData;
  onDone: () => void;
}

/**
 * Cancels the event with a reason everyone sees. It sends the version on screen, so a change
 * someone else made that the viewer has not seen yet is a CONFLICT naming who made it.
 */
export function CancelEventForm({ event, onDone }: CancelEventFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [cancel, { loading }] = useMutation(CANCEL_EVENT_MUTATION);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setFields({});
    if (reason.trim().length < 3) {
      setFields({ reason: 'Say why in a few words: attendees will see it.' });
      return;
    }
    try {
      await cancel({ variables: { id: event.id, reason: reason.trim(), expectedVersion: event.version } });
      onDone();
    } catch (caught) {
      const problem = toUserError(caught);
      setError(problem.code === 'CONFLICT' ? `${problem.message}. Check the event and try again.` : problem.message);
      setFields(problem.fields);
    }
  };

  return (
    <form className="inline-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`} className="inline-form__title">
        Cancel {event.title}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for cancelling</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(fields.reason) || undefined}
          aria-describedby={fields.reason ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} message={fields.reason} />
      </div>
      <div className="inline-form__buttons">
        <button type="submit" className="button--danger" disabled={loading}>
          {loading ? 'Cancelling…' : 'Confirm cancellation'}
        </button>
        <button type="button" className="button--secondary" onClick={onDone}>
          Keep the event
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
