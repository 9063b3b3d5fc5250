import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { describeChangeError, sentence } from '../board.errors.js';
import type { BoardViewer } from '../board.statuses.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';
import { BOARD_ASSIGN_ISSUE_MUTATION } from '../graphql/mutations/assignIssue.mutation.js';
import { refreshIssue } from '../refreshIssue.js';
import { FormOutcome } from './FormOutcome.js';

interface AssignFormProps {
  issue: BoardIssue;
  organizations: readonly { id: string; name: string }[];
  viewer: BoardViewer;
}

/** The organizations the issue is shared with / assigned to, as checkboxes. */
export function AssignForm({ issue, organizations, viewer }: AssignFormProps) {
  const id = useId();
  const client = useApolloClient();
  const assigned = issue.organizations.map((o) => o.id);
  const [chosen, setChosen] = useState<string[]>(assigned);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(BOARD_ASSIGN_ISSUE_MUTATION);

  // Someone else (or this form) changed the assignment: start again from what is saved.
  const assignedKey = assigned.join(',');
  useEffect(() => setChosen(assignedKey ? assignedKey.split(',') : []), [assignedKey]);

  const changed = chosen.length !== assigned.length || chosen.some((o) => !assigned.includes(o));
  // The server refuses a partner removing their own organization (only an officer may).
  const locked = (organizationId: string) =>
    viewer.role === 'PARTNER' && organizationId === viewer.organizationId && assigned.includes(organizationId);

  const toggle = (organizationId: string, on: boolean) =>
    setChosen((current) => (on ? [...current, organizationId] : current.filter((o) => o !== organizationId)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      await assign({ variables: { id: issue.id, organizationIds: chosen, expectedVersion: issue.version } });
      setDone('Assignment saved.');
    } catch (e) {
      const problem = describeChangeError(e);
      setError(`The assignment was not saved. ${sentence(problem.message)}`);
      if (problem.conflict) refreshIssue(client, issue.id);
    }
  };

  return (
    <form className="drawer__section drawer-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Organizations</h3>
      <fieldset className="drawer-form__choices drawer-form__choices--grid">
        <legend>Shared with and assigned to</legend>
        {organizations.map((organization) => (
          <label key={organization.id}>
            <input
              type="checkbox"
              checked={chosen.includes(organization.id)}
              disabled={locked(organization.id)}
              onChange={(e) => toggle(organization.id, e.target.checked)}
            />{' '}
            {organization.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={loading || !changed}>
        {loading ? 'Saving…' : 'Save assignment'}
      </button>
      <FormOutcome error={error} done={done} />
    </form>
  );
}
