import { useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { RESPOND_TO_CO_HOST_INVITATION_MUTATION } from '../graphql/mutations/respondToCoHostInvitation.mutation.js';
import { toUserError } from '../userError.js';

interface CoHostInvitationAnswerProps {
  invitationId: string;
  hostName: string;
  /** The event's title, or a link to it. */
  event: ReactNode;
  /** Called once the answer is saved. */
  onAnswered?: (accepted: boolean) => void;
}

/** "<host> invites you to co-host <event>", with Accept and Decline for the invited organization. */
export function CoHostInvitationAnswer({ invitationId, hostName, event, onAnswered }: CoHostInvitationAnswerProps) {
  // The answer returns the event, so the cache shows the new co-host at once; the answer stays on
  // screen until the viewer moves on (the events page fetches its list again on each visit).
  const [respond, { loading }] = useMutation(RESPOND_TO_CO_HOST_INVITATION_MUTATION);
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (accept: boolean) => {
    setProblem(null);
    try {
      await respond({ variables: { id: invitationId, accept } });
      setAnswer(accept ? 'accepted' : 'declined');
      onAnswered?.(accept);
    } catch (caught) {
      setProblem(toUserError(caught).message);
    }
  };

  if (answer) return <CoHostAnswered accepted={answer === 'accepted'} hostName={hostName} event={event} />;
  return (
    <div className="co-host-invitation">
      <p>
        <strong>{hostName}</strong> invites you to co-host {event}.
      </p>
      <p className="co-host-invitation__actions">
        <button type="button" disabled={loading} onClick={() => void send(true)}>
          Accept
        </button>{' '}
        <button type="button" disabled={loading} onClick={() => void send(false)}>
          Decline
        </button>
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** What the invited organization is told once its answer is saved. */
export function CoHostAnswered({
  accepted,
  hostName,
  event,
}: {
  accepted: boolean;
  hostName: string;
  event: ReactNode;
}) {
  return (
    <p className="co-host-invitation" role="status">
      {accepted ? (
        <>
          You co-host {event} with {hostName} now: your organization may edit it.
        </>
      ) : (
        <>You declined to co-host {event}.</>
      )}
    </p>
  );
}
