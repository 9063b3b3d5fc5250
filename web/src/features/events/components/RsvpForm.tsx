import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { RSVP_EVENT_MUTATION } from '../graphql/mutations/rsvpEvent.mutation.js';
import { toUserError } from '../userError.js';
import { FieldError } from './FieldError.js';
import { useIdempotencyKey } from '../../../shared/idempotencyKey.js';

interface RsvpFormProps {
  eventId: string;
  eventTitle: string;
}

/** A resident says they are coming: a name, an optional email for reminders, and how many people. */
export function RsvpForm({ eventId, eventTitle }: RsvpFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [partySize, setPartySize] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [rsvp, { loading }] = useMutation(RSVP_EVENT_MUTATION);
  const idempotency = useIdempotencyKey();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setFields({});
    if (name.trim() === '') {
      setFields({ name: 'Enter your name so the hosts know who is coming.' });
      return;
    }
    try {
      const size = Number(partySize) || 1;
      const input = { name: name.trim(), email: email.trim() || null, partySize: size };
      const { data } = await rsvp({
        variables: { id: eventId, input: { ...input, idempotencyKey: idempotency.keyFor([eventId, input]) } },
      });
      idempotency.done();
      const coming = data?.rsvpEvent.rsvpCount;
      setDone(
        `Thank you, ${name.trim()}! ${size === 1 ? 'Your place is' : `${size} places are`} saved` +
          (coming != null ? ` (${coming} coming).` : '.'),
      );
    } catch (caught) {
      const problem = toUserError(caught);
      setError(problem.message);
      setFields(problem.fields);
    }
  };

  if (done) {
    return (
      <p className="rsvp-form__done" role="status">
        {done}
      </p>
    );
  }

  return (
    <form className="rsvp-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`} className="rsvp-form__title">
        RSVP to {eventTitle}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(fields.name) || undefined}
          aria-describedby={fields.name ? `${id}-name-error` : undefined}
        />
        <FieldError id={`${id}-name-error`} message={fields.name} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email (optional, for reminders)</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(fields.email) || undefined}
          aria-describedby={fields.email ? `${id}-email-error` : undefined}
        />
        <FieldError id={`${id}-email-error`} message={fields.email} />
      </div>
      <div className="field field--narrow">
        <label htmlFor={`${id}-party`}>People coming</label>
        <input
          id={`${id}-party`}
          type="number"
          min={1}
          max={20}
          required
          value={partySize}
          onChange={(e) => setPartySize(e.target.value)}
          aria-invalid={Boolean(fields.partySize) || undefined}
        />
      </div>
      <button type="submit" disabled={loading}>
        {loading ? 'Sending…' : 'RSVP'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
