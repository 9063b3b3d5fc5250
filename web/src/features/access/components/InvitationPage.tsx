import { useMutation } from '@apollo/client/react';
import { useSession } from '../../../app/sessionContext.js';
import { formatDateTime } from '../../../shared/time.js';
import { useTimeZone } from '../../partnership/partnership.js';
import { ACCEPT_INVITATION_MUTATION } from '../graphql/mutations/acceptInvitation.mutation.js';
import { roleWithArticle } from '../passwords.js';
import { useCheckedLink } from '../useCheckedLink.js';
import { LinkGate } from './LinkGate.js';
import { SetPasswordForm } from './SetPasswordForm.js';
import '../../events/events.css';
import '../access.css';

/**
 * /invitation?code=… — someone a coordinator invited chooses their name and password, and is
 * signed in to the board.
 */
export function InvitationPage() {
  const link = useCheckedLink('INVITATION');
  const { signIn } = useSession();
  const timeZone = useTimeZone();
  const [accept, { loading }] = useMutation(ACCEPT_INVITATION_MUTATION);

  return (
    // `report`: the resident-facing pages' form kit (events.css) applies here too.
    <section className="page report access" aria-labelledby="invitation-title">
      <h2 id="invitation-title">Join the board</h2>
      <LinkGate
        page="invitation"
        link={link}
        missing={
          <p>Open the invitation link you received (it ends with ?code=…). A coordinator can send you a new one.</p>
        }
      >
        {(code, info) => (
          <>
            <p className="page__lead">
              You are invited to join <strong>{info.organizationName ?? 'the partnership'}</strong> as{' '}
              {roleWithArticle(info.role)}. You will sign in as <strong>{info.email}</strong>.
            </p>
            <p className="field-hint">This invitation works once, until {formatDateTime(info.expiresAt, timeZone)}.</p>
            <SetPasswordForm
              page="invitation"
              email={info.email}
              askName
              initialName={info.name ?? ''}
              submitLabel="Join and sign in"
              busy={loading}
              onSubmit={async ({ name, password }) => {
                const { data } = await accept({ variables: { code, password, name } });
                if (data) signIn(data.acceptInvitation.token, '/board');
              }}
            />
          </>
        )}
      </LinkGate>
    </section>
  );
}
