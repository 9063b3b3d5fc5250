import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { toFormProblem, useFormatDate } from '../adminForm.js';
import { API_SCOPES } from '../adminLabels.js';
import { REVOKE_API_TOKEN_MUTATION } from '../graphql/mutations/revokeApiToken.mutation.js';
import { ADMIN_API_TOKENS_QUERY } from '../graphql/queries/adminApiTokens.query.js';
import { ConfirmAction } from './ConfirmAction.js';
import { CreateApiTokenForm } from './CreateApiTokenForm.js';

/** /admin/api-tokens: keys for other tools; each secret is shown once, when it is made. */
export function ApiTokensPage() {
  const formatDate = useFormatDate();
  const { data, loading, error } = useQuery(ADMIN_API_TOKENS_QUERY);
  const [revoke, revoking] = useMutation(REVOKE_API_TOKEN_MUTATION);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const revokeOne = async (id: string, name: string) => {
    setMessage(null);
    try {
      await revoke({ variables: { id } });
      setMessage({ error: false, text: `${name} is revoked: every call with it is refused from now on.` });
    } catch (caught) {
      setMessage({ error: true, text: toFormProblem(caught).message });
    }
  };

  return (
    <section aria-labelledby="admin-tokens-title">
      <h3 id="admin-tokens-title">API tokens</h3>
      <p className="page__lead">
        Another tool (dispatch, a city dashboard) calls the API with a token that acts as one organization, limited to
        its scopes.
      </p>
      {loading && !data ? (
        <p role="status">Loading the tokens…</p>
      ) : !data ? (
        <p className="form-error" role="alert">
          The tokens could not be loaded: {error?.message}
        </p>
      ) : (
        <>
          <CreateApiTokenForm organizations={data.organizations} />
          <p className="admin__status" role="status">
            {message && !message.error ? message.text : ''}
          </p>
          {message?.error && (
            <p className="drawer-form__error" role="alert">
              {message.text}
            </p>
          )}
          {data.apiTokens.length === 0 ? (
            <p>No tokens yet.</p>
          ) : (
            <table className="admin-table">
              <caption>Tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Acts as</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiTokens.map((token) => (
                  <tr key={token.id} className={token.revokedAt ? 'is-deactivated' : undefined}>
                    <th scope="row">{token.name}</th>
                    <td>
                      <code>{token.hint}</code>
                    </td>
                    <td>{token.scopes.map((scope) => API_SCOPES[scope].name).join(', ')}</td>
                    <td>{token.organization.name}</td>
                    <td>
                      {formatDate(token.createdAt)}
                      {token.createdBy && ` by ${token.createdBy.name}`}
                    </td>
                    <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
                    <td>{token.revokedAt ? `Revoked ${formatDate(token.revokedAt)}` : 'Active'}</td>
                    <td>
                      {!token.revokedAt && (
                        <ConfirmAction
                          label="Revoke"
                          danger
                          question={`Revoke ${token.name}? The tool using it stops working at once.`}
                          confirmLabel="Yes, revoke"
                          busy={revoking.loading}
                          onConfirm={() => revokeOne(token.id, token.name)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
