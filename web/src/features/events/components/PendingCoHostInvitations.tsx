import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PENDING_CO_HOST_INVITATIONS_QUERY } from '../graphql/queries/pendingCoHostInvitations.query.js';
import { CoHostInvitationAnswer } from './CoHostInvitationAnswer.js';

/**
 * The invitations to co-host that the viewer's organization has not answered, at the top of the
 * events page. Invitations to events that are over or cancelled are left out: there is nothing
 * left to co-host. Nothing is shown when there are none.
 */
export function PendingCoHostInvitations({ now = () => Date.now() }: { now?: () => number }) {
  const { data } = useQuery(PENDING_CO_HOST_INVITATIONS_QUERY, { fetchPolicy: 'cache-and-network' });
  const open = (data?.coHostInvitations ?? []).filter(
    (invitation) =>
      invitation.viewerCanRespond &&
      invitation.event.status !== 'CANCELLED' &&
      invitation.event.status !== 'DONE' &&
      Date.parse(invitation.event.endsAt) > now(),
  );
  if (open.length === 0) return null;
  return (
    <section className="co-host-invitations" aria-labelledby="co-host-invitations-title">
      <h3 id="co-host-invitations-title">Invitations to co-host</h3>
      <ul>
        {open.map((invitation) => (
          <li key={invitation.id}>
            <CoHostInvitationAnswer
              invitationId={invitation.id}
              hostName={invitation.event.host.name}
              event={<Link to={`/events/${encodeURIComponent(invitation.event.id)}`}>{invitation.event.title}</Link>}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
