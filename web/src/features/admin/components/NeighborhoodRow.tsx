import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { toFormProblem, useFormatDate } from '../adminForm.js';
import type { AdminNeighborhood } from '../graphql/fragments/adminNeighborhood.fragment.js';
import { RESTORE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/restoreNeighborhood.mutation.js';
import { RETIRE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/retireNeighborhood.mutation.js';
import { UPDATE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/updateNeighborhood.mutation.js';
import { AdminField } from './AdminField.js';
import { ConfirmAction } from './ConfirmAction.js';
import { useReturnFocus } from '../useReturnFocus.js';

/** One neighborhood: rename it in place, retire it (asked first) or restore it. */
export function NeighborhoodRow({ neighborhood }: { neighborhood: AdminNeighborhood }) {
  const id = useId();
  const formatDate = useFormatDate();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useReturnFocus<HTMLButtonElement>(renaming);
  const [name, setName] = useState(neighborhood.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [update, updating] = useMutation(UPDATE_NEIGHBORHOOD_MUTATION);
  const [retire, retiring] = useMutation(RETIRE_NEIGHBORHOOD_MUTATION);
  const [restore, restoring] = useMutation(RESTORE_NEIGHBORHOOD_MUTATION);

  const rename = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = name.trim();
    if (!next) {
      setNameError('Enter a name.');
      return;
    }
    setNameError(undefined);
    setDone(null);
    try {
      await update({ variables: { id: neighborhood.id, input: { name: next } } });
      setRenaming(false);
      setDone(`Renamed to ${next}.`);
    } catch (caught) {
      const found = toFormProblem(caught, { name: 'Name' });
      setNameError(found.fields.name ?? found.message);
    }
  };

  const toggleRetired = async () => {
    setProblem(null);
    setDone(null);
    try {
      if (neighborhood.retired) {
        await restore({ variables: { id: neighborhood.id } });
        setDone(`${neighborhood.name} is active again.`);
      } else {
        await retire({ variables: { id: neighborhood.id } });
        setDone(`${neighborhood.name} is retired.`);
      }
    } catch (caught) {
      setProblem(toFormProblem(caught).message);
    }
  };

  return (
    <tr className={neighborhood.retired ? 'is-deactivated' : undefined}>
      <th scope="row">
        {renaming ? (
          <form className="admin-form admin-form--row" onSubmit={(e) => void rename(e)} noValidate>
            <AdminField id={`${id}-name`} label={`New name for ${neighborhood.name}`} error={nameError}>
              {(p) => <input {...p} type="text" autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
            </AdminField>
            <button type="submit" disabled={updating.loading}>
              {updating.loading ? 'Saving…' : 'Save'}
            </button>{' '}
            <button
              type="button"
              className="button--quiet"
              onClick={() => {
                setRenaming(false);
                setName(neighborhood.name);
                setNameError(undefined);
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          neighborhood.name
        )}
      </th>
      <td>{neighborhood.retired ? `Retired ${formatDate(neighborhood.retiredAt)}` : 'Active'}</td>
      <td>
        <div className="admin-table__actions">
          {!renaming && (
            <button type="button" ref={renameButton} className="button--quiet" onClick={() => setRenaming(true)}>
              Rename<span className="visually-hidden"> {neighborhood.name}</span>
            </button>
          )}
          <ConfirmAction
            label={neighborhood.retired ? 'Restore' : 'Retire'}
            danger={!neighborhood.retired}
            question={
              neighborhood.retired
                ? `Restore ${neighborhood.name}? Residents can report issues in it again.`
                : `Retire ${neighborhood.name}? No new reports can be placed in it; its issues and events stay.`
            }
            confirmLabel={neighborhood.retired ? 'Yes, restore' : 'Yes, retire'}
            busy={retiring.loading || restoring.loading}
            onConfirm={toggleRetired}
          />
          {problem && (
            <p className="drawer-form__error" role="alert">
              {problem}
            </p>
          )}
          <span className="admin__status" role="status">
            {done}
          </span>
        </div>
      </td>
    </tr>
  );
}
