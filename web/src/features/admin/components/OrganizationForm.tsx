import { useId, useState, type FormEvent } from 'react';
import type { OrganizationKind } from '../../../graphql/generated/graphql.js';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { ORGANIZATION_KINDS } from '../adminLabels.js';
import { AdminField } from './AdminField.js';

export interface OrganizationValues {
  name: string;
  kind: OrganizationKind;
  neighborhoodIds: string[];
}

interface NeighborhoodOption {
  id: string;
  name: string;
  retired: boolean;
}

interface OrganizationFormProps {
  legend: string;
  initial: OrganizationValues;
  neighborhoods: readonly NeighborhoodOption[];
  submitLabel: string;
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  onSubmit: (values: OrganizationValues) => void;
  onCancel?: () => void;
  /** Editing in place: the name box takes the focus when the form opens. */
  autoFocus?: boolean;
}

/** Name, kind and the neighborhoods served (checkboxes), for creating or editing an organization. */
export function OrganizationForm(props: OrganizationFormProps) {
  const { initial, neighborhoods, fields, busy } = props;
  const id = useId();
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<string | null>(null);
  // A retired neighborhood is offered only to organizations that already serve it, so it can be let go.
  const offered = neighborhoods.filter((n) => !n.retired || initial.neighborhoodIds.includes(n.id));

  const toggle = (neighborhoodId: string, on: boolean) =>
    setValues((v) => ({
      ...v,
      neighborhoodIds: on
        ? [...v.neighborhoodIds, neighborhoodId]
        : v.neighborhoodIds.filter((n) => n !== neighborhoodId),
    }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!values.name.trim()) {
      setLocal('Enter the organization’s name.');
      return;
    }
    setLocal(null);
    props.onSubmit({ ...values, name: values.name.trim() });
  };

  const neighborhoodsError = fields.neighborhoodIds;
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{props.legend}</legend>
        <div className="field-row">
          <AdminField id={`${id}-name`} label="Name" error={local ?? fields.name}>
            {(p) => (
              <input
                {...p}
                type="text"
                autoFocus={props.autoFocus}
                value={values.name}
                onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
              />
            )}
          </AdminField>
          <AdminField id={`${id}-kind`} label="Kind" error={fields.kind}>
            {(p) => (
              <select
                {...p}
                value={values.kind}
                onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as OrganizationKind }))}
              >
                {ORGANIZATION_KINDS.map((kind) => (
                  <option key={kind.value} value={kind.value}>
                    {kind.label}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        </div>
        <fieldset
          className="admin-form__choices"
          aria-invalid={neighborhoodsError ? true : undefined}
          aria-describedby={neighborhoodsError ? `${id}-neighborhoods-error` : undefined}
        >
          <legend>Neighborhoods served</legend>
          {offered.length === 0 && <p className="field-hint">No neighborhoods yet.</p>}
          {offered.map((n) => (
            <label key={n.id} className="field--check">
              <input
                type="checkbox"
                checked={values.neighborhoodIds.includes(n.id)}
                onChange={(e) => toggle(n.id, e.target.checked)}
              />
              {n.name}
              {n.retired ? ' (retired)' : ''}
            </label>
          ))}
          {neighborhoodsError && (
            <p id={`${id}-neighborhoods-error`} className="field-error">
              {neighborhoodsError}
            </p>
          )}
        </fieldset>
        <div className="admin-form__buttons">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : props.submitLabel}
          </button>
          {props.onCancel && (
            <button type="button" className="button--quiet" onClick={props.onCancel}>
              Cancel
            </button>
          )}
        </div>
        <FormOutcome error={props.error} done={null} />
      </fieldset>
    </form>
  );
}
