import type { AdminMember } from '../graphql/fragments/adminMember.fragment.js';
import type { AdminOrganizationOption } from '../graphql/queries/adminMembers.query.js';
import { MemberRow } from './MemberRow.js';

interface MembersTableProps {
  members: readonly AdminMember[];
  organizations: readonly AdminOrganizationOption[];
  viewerId: string | null;
}

/** Every member; deactivated ones are greyed and say so in words. */
export function MembersTable({ members, organizations, viewerId }: MembersTableProps) {
  return (
    <table className="admin-table">
      <caption>Members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Organization</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <MemberRow key={member.id} member={member} organizations={organizations} isViewer={member.id === viewerId} />
        ))}
      </tbody>
    </table>
  );
}
