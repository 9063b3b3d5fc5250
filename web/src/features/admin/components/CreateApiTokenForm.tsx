import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ApiScope } from '../../../graphql/generated/graphql.js';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { toFormProblem, type FormProblem } from '../adminForm.js';
import { API_SCOPES, API_SCOPE_ORDER } from '../adminLabels.js';
import { CREATE_API_TOKEN_MUTATION } from '../graphql/mutations/createApiToken.mutation.js';
import { ADMIN_API_TOKENS_QUERY } from '../graphql/queries/adminApiTokens.query.js';
import { AdminField } from './AdminField.js';
import { CopyField } from './CopyField.js';

interface Created {
  name: string;
  secret: string;
}

/**
 * A new token: name, scopes (each with what it allows) and the organization it acts as. Its
 * secret is shown here once; the server keeps only a hash, so nobody can show it again.
 */
export function CreateApiTokenForm({ organizations }: { organizations: readonly { id: string; name: string }[] }) {
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [organizationId, setOrganizationId] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [create, { loading }] = useMutation(CREATE_API_TOKEN_MUTATION, {
    refetchQueries: [{ query: ADMIN_API_TOKENS_QUERY }],
  });

  const toggle = (scope: ApiScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Enter what the token is for.';
    if (scopes.length === 0) local.scopes = 'Choose at least one scope.';
    if (Object.keys(local).length > 0) {
      setProblem({ message: 'Some fields need a fix; see the messages next to them.', fields: local });
      return;
    }
    setProblem(null);
    setCreated(null);
    try {
      const ordered = API_SCOPE_ORDER.filter((s) => scopes.includes(s));
      const { data } = await create({
        variables: { input: { name: name.trim(), scopes: ordered, organizationId: organizationId || null } },
      });
      if (data) {
        setCreated({ name: data.createApiToken.apiToken.name, secret: data.createApiToken.token });
        setName('');
        setScopes([]);
        setOrganizationId('');
      }
    } catch (caught) {
      setProblem(toFormProblem(caught, { name: 'Name', scopes: 'Scopes', organizationId: 'Acts as' }));
    }
  };

  const fields = problem?.fields ?? {};
  return (
    <div className="admin-panel">
      {created && (
        <div className="one-time one-time--secret">
          <p role="status">
            <strong>{created.name} is created.</strong> Copy its secret now and store it in the tool’s secrets: it is
            shown only this once and cannot be shown again.
          </p>
          <CopyField label={`Secret for ${created.name}`} value={created.secret} />
          <button type="button" className="button--quiet" onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </div>
      )}
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Create a token</legend>
          <div className="field-row">
            <AdminField id={`${id}-name`} label="Name" error={fields.name} hint="What it is for, e.g. Dispatch sync.">
              {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
            </AdminField>
            <AdminField id={`${id}-organizationId`} label="Acts as" error={fields.organizationId}>
              {(p) => (
                <select {...p} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
                  <option value="">Your organization</option>
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </AdminField>
          </div>
          <fieldset className="admin-form__choices" aria-describedby={fields.scopes ? `${id}-scopes-error` : undefined}>
            <legend>Scopes</legend>
            {API_SCOPE_ORDER.map((scope) => (
              <div key={scope} className="admin-form__scope">
                <input
                  id={`${id}-${scope}`}
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  aria-describedby={`${id}-${scope}-description`}
                  onChange={(e) => toggle(scope, e.target.checked)}
                />
                <label htmlFor={`${id}-${scope}`}>
                  <code>{API_SCOPES[scope].name}</code>
                </label>
                <p id={`${id}-${scope}-description`} className="field-hint">
                  {API_SCOPES[scope].description}
                </p>
              </div>
            ))}
            {fields.scopes && (
              <p id={`${id}-scopes-error`} className="field-error">
                {fields.scopes}
              </p>
            )}
          </fieldset>
          <div className="admin-form__buttons">
            <button type="submit" disabled={loading}>
              {loading ? 'Creating…' : 'Create token'}
            </button>
          </div>
          <FormOutcome error={problem?.message ?? null} done={null} />
        </fieldset>
      </form>
    </div>
  );
}
