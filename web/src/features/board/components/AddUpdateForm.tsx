import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { UpdateVisibility } from '../../../graphql/generated/graphql.js';
import { describeChangeError } from '../board.errors.js';
import { BOARD_ADD_ISSUE_UPDATE_MUTATION } from '../graphql/mutations/addIssueUpdate.mutation.js';
import { FormOutcome } from './FormOutcome.js';
import { useIdempotencyKey } from '../../../shared/idempotencyKey.js';

interface AddUpdateFormProps {
  issueId: string;
  /** Internal notes are triage: partners add them only to issues shared with their organization. */
  canPostInternal: boolean;
  onPosted: () => void;
}

/** A comment on the issue, public (residents see it) or internal (members only). */
export function AddUpdateForm({ issueId, canPostInternal, onPosted }: AddUpdateFormProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<UpdateVisibility>('PUBLIC');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [post, { loading }] = useMutation(BOARD_ADD_ISSUE_UPDATE_MUTATION);
  const idempotency = useIdempotencyKey();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (body.trim() === '') {
      setError('Write the update first.');
      return;
    }
    try {
      const update = { issueId, body: body.trim(), visibility };
      await post({ variables: { ...update, idempotencyKey: idempotency.keyFor(update) } });
      idempotency.done();
      setBody('');
      setDone(visibility === 'PUBLIC' ? 'Update posted publicly.' : 'Internal note posted (members only).');
      onPosted();
    } catch (e) {
      setError(describeChangeError(e).message);
    }
  };

  return (
    <form className="drawer__section drawer-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Add an update</h3>
      <label htmlFor={`${id}-body`}>Update</label>
      <textarea id={`${id}-body`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      <fieldset className="drawer-form__choices">
        <legend>Who can see it</legend>
        <label>
          <input
            type="radio"
            name={`${id}-visibility`}
            value="PUBLIC"
            checked={visibility === 'PUBLIC'}
            onChange={() => setVisibility('PUBLIC')}
          />{' '}
          Public (residents too)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-visibility`}
            value="PARTNERS"
            checked={visibility === 'PARTNERS'}
            disabled={!canPostInternal}
            onChange={() => setVisibility('PARTNERS')}
          />{' '}
          Internal (partners and officers only)
        </label>
      </fieldset>
      <button type="submit" disabled={loading}>
        {loading ? 'Posting…' : 'Post update'}
      </button>
      <FormOutcome error={error} done={done} />
    </form>
  );
}
