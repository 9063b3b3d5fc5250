import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { COMMIT_STAFF_MUTATION } from '../graphql/mutations/commitStaff.mutation.js';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { toUserError } from '../userError.js';
import { FieldError } from './FieldError.js';

interface StaffFormProps {
  event: EventCardData;
  organization: { id: string; name: string };
  onDone: () => void;
}

/** How many people the member's organization commits to the event; 0 withdraws. */
export function StaffForm({ event, organization, onDone }: StaffFormProps) {
  const id = useId();
  const current = event.staff.find((s) => s.organization.id === organization.id);
  const [count, setCount] = useState(String(current?.count ?? 1));
  const [note, setNote] = useState(current?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [commit, { loading }] = useMutation(COMMIT_STAFF_MUTATION);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setFields({});
    const value = Number(count);
    if (count.trim() === '' || !Number.isInteger(value) || value < 0) {
      setFields({ count: 'Enter a whole number of people (0 withdraws your commitment).' });
      return;
    }
    try {
      await commit({ variables: { eventId: event.id, count: value, note: note.trim() || null } });
      onDone();
    } catch (caught) {
      const problem = toUserError(caught);
      setError(problem.message);
      setFields(problem.fields);
    }
  };

  return (
    <form className="inline-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`} className="inline-form__title">
        Staff from {organization.name}
      </h4>
      <div className="field field--narrow">
        <label htmlFor={`${id}-count`}>People committed</label>
        <input
          id={`${id}-count`}
          type="number"
          min={0}
          max={500}
          value={count}
          onChange={(e) => setCount(e.target.value)}
          aria-invalid={Boolean(fields.count) || undefined}
          aria-describedby={`${id}-count-hint${fields.count ? ` ${id}-count-error` : ''}`}
        />
        <p id={`${id}-count-hint`} className="field-hint">
          0 withdraws your organization&rsquo;s commitment.
        </p>
        <FieldError id={`${id}-count-error`} message={fields.count} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(fields.note) || undefined}
        />
        <FieldError id={`${id}-note-error`} message={fields.note} />
      </div>
      <div className="inline-form__buttons">
        <button type="submit" disabled={loading}>
          {loading ? 'Saving…' : 'Save staff commitment'}
        </button>
        <button type="button" className="button--secondary" onClick={onDone}>
          Close
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
