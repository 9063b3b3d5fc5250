import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { AdminInviteMemberMutation, Role } from '../../../graphql/generated/graphql.js';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { toFormProblem, useFormatDate, type FormProblem } from '../adminForm.js';
import { ROLE_LABELS, rolesFor } from '../adminLabels.js';
import { INVITE_MEMBER_MUTATION } from '../graphql/mutations/inviteMember.mutation.js';
import { ADMIN_INVITATIONS_QUERY } from '../graphql/queries/adminInvitations.query.js';
import type { AdminOrganizationOption } from '../graphql/queries/adminMembers.query.js';
import { AdminField } from './AdminField.js';
import { CopyField } from './CopyField.js';

interface Values {
  email: string;
  name: string;
  role: Role;
  organizationId: string;
}

const EMPTY: Values = { email: '', name: '', role: 'PARTNER', organizationId: '' };

/**
 * Invites someone by email: the answer is a one-time link to pass on (and, with a mail server,
 * emailed). The roles offered follow the organization: officers in the agency, partners elsewhere.
 */
export function InviteForm({ organizations }: { organizations: readonly AdminOrganizationOption[] }) {
  const id = useId();
  const formatDate = useFormatDate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [sent, setSent] = useState<AdminInviteMemberMutation['inviteMember'] | null>(null);
  const [invite, { loading }] = useMutation(INVITE_MEMBER_MUTATION, {
    refetchQueries: [{ query: ADMIN_INVITATIONS_QUERY }],
  });
  const organization = organizations.find((o) => o.id === values.organizationId);
  const roles = rolesFor(organization?.kind);
  const fields = problem?.fields ?? {};

  const chooseOrganization = (organizationId: string) => {
    const kind = organizations.find((o) => o.id === organizationId)?.kind;
    const fitting = rolesFor(kind);
    setValues((v) => ({ ...v, organizationId, role: fitting.includes(v.role) ? v.role : fitting[0] }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!values.email.trim()) local.email = 'Enter their email address.';
    if (!values.name.trim()) local.name = 'Enter their name.';
    if (!values.organizationId) local.organizationId = 'Choose their organization.';
    if (Object.keys(local).length > 0) {
      setProblem({ message: 'Some fields need a fix; see the messages next to them.', fields: local });
      return;
    }
    setProblem(null);
    setSent(null);
    try {
      const { data } = await invite({
        variables: { input: { ...values, email: values.email.trim(), name: values.name.trim() } },
      });
      if (data) {
        setSent(data.inviteMember);
        setValues(EMPTY);
      }
    } catch (caught) {
      setProblem(toFormProblem(caught, { email: 'Email', name: 'Name', role: 'Role', organizationId: 'Organization' }));
    }
  };

  return (
    <div className="admin-panel">
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Invite someone</legend>
          <div className="field-row">
            <AdminField id={`${id}-email`} label="Email" error={fields.email}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  autoComplete="off"
                  value={values.email}
                  onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
                />
              )}
            </AdminField>
            <AdminField id={`${id}-name`} label="Name" error={fields.name}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={values.name}
                  onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
                />
              )}
            </AdminField>
          </div>
          <div className="field-row">
            <AdminField id={`${id}-organizationId`} label="Organization" error={fields.organizationId}>
              {(p) => (
                <select {...p} value={values.organizationId} onChange={(e) => chooseOrganization(e.target.value)}>
                  <option value="">Choose an organization</option>
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </AdminField>
            <AdminField
              id={`${id}-role`}
              label="Role"
              error={fields.role}
              hint="Officers belong to the police agency, partners to the other organizations; coordinators to any."
            >
              {(p) => (
                <select
                  {...p}
                  value={values.role}
                  onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as Role }))}
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              )}
            </AdminField>
          </div>
          <div className="admin-form__buttons">
            <button type="submit" disabled={loading}>
              {loading ? 'Inviting…' : 'Invite'}
            </button>
          </div>
          <FormOutcome error={problem?.message ?? null} done={null} />
        </fieldset>
      </form>
      {sent && (
        <div className="one-time">
          <p role="status">
            <strong>
              {sent.invitation.name} ({sent.invitation.email}) is invited as {ROLE_LABELS[sent.invitation.role]} of{' '}
              {sent.invitation.organization.name}.
            </strong>{' '}
            {sent.emailed
              ? `The link was emailed to ${sent.invitation.email}.`
              : 'It was not emailed (no mail server is set up): copy the link and send it to them yourself.'}{' '}
            It works once, until {formatDate(sent.invitation.expiresAt)}.
          </p>
          <CopyField label="Invitation link" value={sent.inviteUrl} />
        </div>
      )}
    </div>
  );
}
