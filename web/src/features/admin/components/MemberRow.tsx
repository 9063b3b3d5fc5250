import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { AdminCreatePasswordResetLinkMutation } from '../../../graphql/generated/graphql.js';
import { toFormProblem, useFormatDate } from '../adminForm.js';
import { ROLE_LABELS } from '../adminLabels.js';
import type { AdminMember } from '../graphql/fragments/adminMember.fragment.js';
import { CREATE_PASSWORD_RESET_LINK_MUTATION } from '../graphql/mutations/createPasswordResetLink.mutation.js';
import { DEACTIVATE_MEMBER_MUTATION } from '../graphql/mutations/deactivateMember.mutation.js';
import { REACTIVATE_MEMBER_MUTATION } from '../graphql/mutations/reactivateMember.mutation.js';
import type { AdminOrganizationOption } from '../graphql/queries/adminMembers.query.js';
import { ConfirmAction } from './ConfirmAction.js';
import { CopyField } from './CopyField.js';
import { MemberEditForm } from './MemberEditForm.js';
import { useReturnFocus } from '../useReturnFocus.js';

interface MemberRowProps {
  member: AdminMember;
  organizations: readonly AdminOrganizationOption[];
  isViewer: boolean;
}

type Reset = AdminCreatePasswordResetLinkMutation['createPasswordResetLink'];

/** One member with their actions; what an action answers (a link, an error) opens below the row. */
export function MemberRow({ member, organizations, isViewer }: MemberRowProps) {
  const formatDate = useFormatDate();
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus<HTMLButtonElement>(editing);
  const [reset, setReset] = useState<Reset | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [createReset, resetting] = useMutation(CREATE_PASSWORD_RESET_LINK_MUTATION);
  const [deactivate, deactivating] = useMutation(DEACTIVATE_MEMBER_MUTATION);
  const [reactivate, reactivating] = useMutation(REACTIVATE_MEMBER_MUTATION);

  const run = async (work: () => Promise<unknown>, saying: string) => {
    setProblem(null);
    setDone(null);
    try {
      await work();
      setDone(saying);
    } catch (caught) {
      setProblem(toFormProblem(caught).message);
    }
  };

  const issueReset = async () => {
    setReset(null);
    setProblem(null);
    setDone(null);
    try {
      const { data } = await createReset({ variables: { memberId: member.id } });
      if (data) setReset(data.createPasswordResetLink);
    } catch (caught) {
      setProblem(toFormProblem(caught).message);
    }
  };

  const open = editing || reset || problem || done;
  return (
    <>
      <tr className={member.active ? undefined : 'is-deactivated'}>
        <th scope="row">
          {member.name}
          {isViewer && <span className="admin-table__you"> (you)</span>}
        </th>
        <td>{member.email}</td>
        <td>{ROLE_LABELS[member.role]}</td>
        <td>{member.organization.name}</td>
        <td>{member.active ? 'Active' : `Deactivated ${formatDate(member.deactivatedAt)}`}</td>
        <td>
          <div className="admin-table__actions">
            {member.active && (
              <>
                <button
                  type="button"
                  ref={editButton}
                  className="button--quiet"
                  aria-expanded={editing}
                  onClick={() => setEditing(!editing)}
                >
                  Change role<span className="visually-hidden"> of {member.name}</span>
                </button>
                <button
                  type="button"
                  className="button--quiet"
                  disabled={resetting.loading}
                  onClick={() => void issueReset()}
                >
                  Reset link<span className="visually-hidden"> for {member.name}</span>
                </button>
              </>
            )}
            {!isViewer && (
              // One button for both, so focus stays on it when it turns from one into the other.
              <ConfirmAction
                label={member.active ? 'Deactivate' : 'Reactivate'}
                danger={member.active}
                question={
                  member.active
                    ? `Deactivate ${member.name}? They are signed out at once and cannot sign in; their history stays.`
                    : `Reactivate ${member.name}? They can sign in again with their password.`
                }
                confirmLabel={member.active ? 'Yes, deactivate' : 'Yes, reactivate'}
                busy={deactivating.loading || reactivating.loading}
                onConfirm={() =>
                  member.active
                    ? run(() => deactivate({ variables: { id: member.id } }), `${member.name} is deactivated.`)
                    : run(() => reactivate({ variables: { id: member.id } }), `${member.name} is active again.`)
                }
              />
            )}
          </div>
        </td>
      </tr>
      {open && (
        <tr className="admin-table__detail">
          <td colSpan={6}>
            {editing && (
              <MemberEditForm
                member={member}
                organizations={organizations}
                onDone={(saying) => {
                  setEditing(false);
                  setDone(saying);
                }}
                onCancel={() => setEditing(false)}
              />
            )}
            {reset && (
              <div className="one-time">
                <p role="status">
                  A password link for {member.name} is ready.{' '}
                  {reset.emailed
                    ? `It was emailed to ${member.email}.`
                    : 'It was not emailed (no mail server is set up): pass it on yourself.'}{' '}
                  It works once, for 24 hours.
                </p>
                <CopyField label={`Password link for ${member.name}`} value={reset.resetUrl} />
                <button type="button" className="button--quiet" onClick={() => setReset(null)}>
                  Done
                </button>
              </div>
            )}
            {problem && (
              <p className="drawer-form__error" role="alert">
                {problem}
              </p>
            )}
            {done && (
              <p className="drawer-form__done" role="status">
                {done}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
