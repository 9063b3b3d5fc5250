import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { toFormProblem, type FormProblem } from '../adminForm.js';
import { kindLabel } from '../adminLabels.js';
import type { AdminOrganization } from '../graphql/fragments/adminOrganization.fragment.js';
import { CREATE_ORGANIZATION_MUTATION } from '../graphql/mutations/createOrganization.mutation.js';
import { UPDATE_ORGANIZATION_MUTATION } from '../graphql/mutations/updateOrganization.mutation.js';
import { ADMIN_ORGANIZATIONS_QUERY } from '../graphql/queries/adminOrganizations.query.js';
import { OrganizationForm, type OrganizationValues } from './OrganizationForm.js';

const ORGANIZATION_LABELS = { name: 'Name', kind: 'Kind', neighborhoodIds: 'Neighborhoods served' };
const EMPTY: OrganizationValues = { name: '', kind: 'YOUTH', neighborhoodIds: [] };

/** /admin/organizations: the agency and every partner, with what they serve; add and edit. */
export function OrganizationsPage() {
  const { data, loading, error } = useQuery(ADMIN_ORGANIZATIONS_QUERY);
  const [create, creating] = useMutation(CREATE_ORGANIZATION_MUTATION, {
    refetchQueries: [{ query: ADMIN_ORGANIZATIONS_QUERY }],
    awaitRefetchQueries: true,
  });
  const [update, updating] = useMutation(UPDATE_ORGANIZATION_MUTATION);
  const [createProblem, setCreateProblem] = useState<FormProblem | null>(null);
  const [editProblem, setEditProblem] = useState<FormProblem | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Remounting the create form empties it after a success.
  const [createKey, setCreateKey] = useState(0);
  const id = useId();
  // When an edit form closes, focus goes back to its Edit button rather than being lost.
  const lastEdited = useRef<string | null>(null);
  useEffect(() => {
    if (editing) lastEdited.current = editing;
    else if (lastEdited.current) document.getElementById(`${id}-edit-${lastEdited.current}`)?.focus();
  }, [editing, id]);

  if (loading && !data) return <p role="status">Loading the organizations…</p>;
  if (!data) {
    return (
      <p className="form-error" role="alert">
        The organizations could not be loaded: {error?.message}
      </p>
    );
  }

  const submitCreate = async (values: OrganizationValues) => {
    setCreateProblem(null);
    setDone(null);
    try {
      await create({ variables: { input: values } });
      setDone(`${values.name} was added.`);
      setCreateKey((k) => k + 1);
    } catch (caught) {
      setCreateProblem(toFormProblem(caught, ORGANIZATION_LABELS));
    }
  };

  const submitEdit = async (org: AdminOrganization, values: OrganizationValues) => {
    setEditProblem(null);
    setDone(null);
    try {
      await update({ variables: { id: org.id, input: values } });
      setEditing(null);
      setDone(`${values.name} was saved.`);
    } catch (caught) {
      setEditProblem(toFormProblem(caught, ORGANIZATION_LABELS));
    }
  };

  return (
    <section aria-labelledby="admin-orgs-title">
      <h3 id="admin-orgs-title">Organizations</h3>
      <p className="admin__status" role="status">
        {done}
      </p>
      <table className="admin-table">
        <caption className="visually-hidden">Organizations</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Neighborhoods served</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.organizations.map((org) => (
            <Fragment key={org.id}>
              <tr>
                <th scope="row">{org.name}</th>
                <td>{kindLabel(org.kind)}</td>
                <td>{org.neighborhoods.map((n) => n.name).join(', ') || 'None'}</td>
                <td>
                  <button
                    type="button"
                    id={`${id}-edit-${org.id}`}
                    className="button--quiet"
                    aria-expanded={editing === org.id}
                    onClick={() => {
                      setEditProblem(null);
                      setEditing(editing === org.id ? null : org.id);
                    }}
                  >
                    Edit<span className="visually-hidden"> {org.name}</span>
                  </button>
                </td>
              </tr>
              {editing === org.id && (
                <tr className="admin-table__detail">
                  <td colSpan={4}>
                    <OrganizationForm
                      legend={`Edit ${org.name}`}
                      initial={{ name: org.name, kind: org.kind, neighborhoodIds: org.neighborhoods.map((n) => n.id) }}
                      neighborhoods={data.neighborhoods}
                      submitLabel="Save"
                      busy={updating.loading}
                      error={editProblem?.message ?? null}
                      fields={editProblem?.fields ?? {}}
                      onSubmit={(values) => void submitEdit(org, values)}
                      onCancel={() => setEditing(null)}
                      autoFocus
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <OrganizationForm
        key={createKey}
        legend="Add an organization"
        initial={EMPTY}
        neighborhoods={data.neighborhoods}
        submitLabel="Add organization"
        busy={creating.loading}
        error={createProblem?.message ?? null}
        fields={createProblem?.fields ?? {}}
        onSubmit={(values) => void submitCreate(values)}
      />
    </section>
  );
}
