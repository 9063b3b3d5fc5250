import { useState } from 'react';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { CoHostAnswered, CoHostInvitationAnswer } from './CoHostInvitationAnswer.js';

/**
 * On the event's page: the pending invitations to co-host. The invited organization's members
 * may answer theirs; the host (and officers) see whom they are waiting for. The server sends each
 * viewer only the invitations they may see, so the public and other partners see nothing here.
 */
export function CoHostInvitationsNotice({ event }: { event: EventCardData }) {
  // An answered invitation leaves the event's pending list (the answer updates the cached event),
  // so the answer is kept here to confirm it.
  const [answer, setAnswer] = useState<boolean | null>(null);
  const mine = event.coHostInvitations.filter((invitation) => invitation.viewerCanRespond);
  const waiting = event.coHostInvitations.filter((invitation) => !invitation.viewerCanRespond);
  const title = <strong>{event.title}</strong>;
  if (answer == null && mine.length === 0 && waiting.length === 0) return null;
  return (
    <div className="co-host-notice">
      {answer != null && <CoHostAnswered accepted={answer} hostName={event.host.name} event={title} />}
      {answer == null &&
        mine.map((invitation) => (
          <CoHostInvitationAnswer
            key={invitation.id}
            invitationId={invitation.id}
            hostName={event.host.name}
            event={title}
            onAnswered={setAnswer}
          />
        ))}
      {waiting.length > 0 && (
        <p className="field-hint">
          Invited, waiting for {waiting.map((invitation) => invitation.organization.name).join(', ')} to accept.
        </p>
      )}
    </div>
  );
}
