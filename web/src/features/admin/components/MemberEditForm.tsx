import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { Role, UpdateMemberInput } from '../../../graphql/generated/graphql.js';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { toFormProblem, type FormProblem } from '../adminForm.js';
import { ROLE_LABELS, rolesFor } from '../adminLabels.js';
import type { AdminMember } from '../graphql/fragments/adminMember.fragment.js';
import { UPDATE_MEMBER_MUTATION } from '../graphql/mutations/updateMember.mutation.js';
import type { AdminOrganizationOption } from '../graphql/queries/adminMembers.query.js';
import { AdminField } from './AdminField.js';

interface MemberEditFormProps {
  member: AdminMember;
  organizations: readonly AdminOrganizationOption[];
  onDone: (saying: string) => void;
  onCancel: () => void;
}

/**
 * A member's role and organization. Moving someone to an organization of another kind switches
 * the role to one that fits it (an officer cannot join a youth program as an officer).
 */
export function MemberEditForm({ member, organizations, onDone, onCancel }: MemberEditFormProps) {
  const id = useId();
  const [organizationId, setOrganizationId] = useState(member.organization.id);
  const [role, setRole] = useState<Role>(member.role);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [update, { loading }] = useMutation(UPDATE_MEMBER_MUTATION);
  const roles = rolesFor(organizations.find((o) => o.id === organizationId)?.kind);

  const chooseOrganization = (next: string) => {
    setOrganizationId(next);
    const fitting = rolesFor(organizations.find((o) => o.id === next)?.kind);
    if (!fitting.includes(role)) setRole(fitting[0]);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input: UpdateMemberInput = {};
    if (role !== member.role) input.role = role;
    if (organizationId !== member.organization.id) input.organizationId = organizationId;
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    setProblem(null);
    try {
      await update({ variables: { id: member.id, input } });
      onDone(
        `${member.name} is now ${ROLE_LABELS[role]} of ${organizations.find((o) => o.id === organizationId)?.name}.`,
      );
    } catch (caught) {
      setProblem(toFormProblem(caught, { role: 'Role', organizationId: 'Organization' }));
    }
  };

  const fields = problem?.fields ?? {};
  return (
    <form className="admin-form admin-form--inline" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Role and organization of {member.name}</legend>
        <div className="field-row">
          <AdminField id={`${id}-organizationId`} label="Organization" error={fields.organizationId}>
            {(p) => (
              <select {...p} autoFocus value={organizationId} onChange={(e) => chooseOrganization(e.target.value)}>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
          <AdminField id={`${id}-role`} label="Role" error={fields.role}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        </div>
        <p className="field-hint">They are signed out everywhere and sign in again with the new role.</p>
        <div className="admin-form__buttons">
          <button type="submit" disabled={loading}>
            {loading ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
        <FormOutcome error={problem?.message ?? null} done={null} />
      </fieldset>
    </form>
  );
}
