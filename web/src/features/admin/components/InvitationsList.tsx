import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { toFormProblem, useFormatDate } from '../adminForm.js';
import { INVITATION_STATUS_LABELS, ROLE_LABELS } from '../adminLabels.js';
import { REVOKE_INVITATION_MUTATION } from '../graphql/mutations/revokeInvitation.mutation.js';
import { ADMIN_INVITATIONS_QUERY } from '../graphql/queries/adminInvitations.query.js';
import { ConfirmAction } from './ConfirmAction.js';

/** Every invitation, newest first; a pending one can be revoked (its link stops working). */
export function InvitationsList() {
  const formatDate = useFormatDate();
  const { data, loading, error } = useQuery(ADMIN_INVITATIONS_QUERY);
  const [revoke, revoking] = useMutation(REVOKE_INVITATION_MUTATION);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const revokeOne = async (id: string, email: string) => {
    setMessage(null);
    try {
      await revoke({ variables: { id } });
      setMessage({ error: false, text: `The invitation for ${email} is revoked; its link no longer works.` });
    } catch (caught) {
      setMessage({ error: true, text: toFormProblem(caught).message });
    }
  };

  return (
    <section className="admin-panel" aria-labelledby="admin-invitations-title">
      <h4 id="admin-invitations-title">Invitations</h4>
      <p className="admin__status" role="status">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <p className="drawer-form__error" role="alert">
          {message.text}
        </p>
      )}
      {loading && !data ? (
        <p role="status">Loading the invitations…</p>
      ) : !data ? (
        <p className="form-error" role="alert">
          The invitations could not be loaded: {error?.message}
        </p>
      ) : data.invitations.length === 0 ? (
        <p>No invitations yet.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Invitations</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Organization</th>
              <th scope="col">Status</th>
              <th scope="col">Invited</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.invitations.map((invitation) => (
              <tr key={invitation.id} className={invitation.status === 'PENDING' ? undefined : 'is-done'}>
                <th scope="row">{invitation.email}</th>
                <td>{invitation.name}</td>
                <td>{ROLE_LABELS[invitation.role]}</td>
                <td>{invitation.organization.name}</td>
                <td>
                  {INVITATION_STATUS_LABELS[invitation.status]}
                  {invitation.status === 'PENDING' && `, until ${formatDate(invitation.expiresAt)}`}
                  {invitation.status === 'ACCEPTED' && invitation.acceptedAt && ` ${formatDate(invitation.acceptedAt)}`}
                </td>
                <td>
                  {formatDate(invitation.createdAt)}
                  {invitation.invitedBy && ` by ${invitation.invitedBy.name}`}
                </td>
                <td>
                  {invitation.status === 'PENDING' && (
                    <ConfirmAction
                      label="Revoke"
                      danger
                      question={`Revoke the invitation for ${invitation.email}?`}
                      confirmLabel="Yes, revoke"
                      busy={revoking.loading}
                      onConfirm={() => revokeOne(invitation.id, invitation.email)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
