import { useQuery } from '@apollo/client/react';
import { useViewer } from '../../events/useViewer.js';
import { ADMIN_MEMBERS_QUERY } from '../graphql/queries/adminMembers.query.js';
import { InvitationsList } from './InvitationsList.js';
import { InviteForm } from './InviteForm.js';
import { MembersTable } from './MembersTable.js';

/** /admin/members: members (role, organization, deactivation, reset links) and invitations. */
export function MembersPage() {
  const { viewer } = useViewer();
  const { data, loading, error } = useQuery(ADMIN_MEMBERS_QUERY);

  return (
    <section aria-labelledby="admin-members-title">
      <h3 id="admin-members-title">Members and invitations</h3>
      {loading && !data ? (
        <p role="status">Loading the members…</p>
      ) : !data ? (
        <p className="form-error" role="alert">
          The members could not be loaded: {error?.message}
        </p>
      ) : (
        <>
          <InviteForm organizations={data.organizations} />
          <MembersTable members={data.members} organizations={data.organizations} viewerId={viewer?.id ?? null} />
        </>
      )}
      <InvitationsList />
    </section>
  );
}
