import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { IssueStatus } from '../../../graphql/generated/graphql.js';
import { describeChangeError, sentence } from '../board.errors.js';
import { STATUS_LABEL, STATUS_TRANSITIONS } from '../board.statuses.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { BOARD_SET_ISSUE_STATUS_MUTATION } from '../graphql/mutations/setIssueStatus.mutation.js';
import { refreshIssue } from '../refreshIssue.js';
import { FormOutcome } from './FormOutcome.js';

interface ChangeStatusFormProps {
  issue: BoardIssue;
}

/** Changes the status with an optional note (the note becomes the timeline entry's text). */
export function ChangeStatusForm({ issue }: ChangeStatusFormProps) {
  const id = useId();
  const client = useApolloClient();
  const targets = STATUS_TRANSITIONS[issue.status];
  const [status, setStatus] = useState<IssueStatus>(targets[0]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading }] = useMutation(BOARD_SET_ISSUE_STATUS_MUTATION);

  // The issue moved (here or live): offer the moves from where it is now.
  useEffect(() => setStatus(STATUS_TRANSITIONS[issue.status][0]), [issue.status]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      await save({
        variables: { id: issue.id, status, note: note.trim() || null, expectedVersion: issue.version },
      });
      setNote('');
      setDone(`Status changed to ${STATUS_LABEL[status]}.`);
    } catch (e) {
      const problem = describeChangeError(e);
      setError(`The status was not changed. ${sentence(problem.message)}`);
      if (problem.conflict) refreshIssue(client, issue.id);
    }
  };

  return (
    <form className="drawer__section drawer-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Change status</h3>
      <p className="drawer-form__current">
        Now: <strong>{STATUS_LABEL[issue.status]}</strong>
      </p>
      <label htmlFor={`${id}-status`}>New status</label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(targets.find((t) => t === e.target.value) ?? targets[0])}
      >
        {targets.map((target) => (
          <option key={target} value={target}>
            {STATUS_LABEL[target]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>Note (optional, public)</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={loading}>
        {loading ? 'Saving…' : 'Change status'}
      </button>
      <FormOutcome error={error} done={done} />
    </form>
  );
}
