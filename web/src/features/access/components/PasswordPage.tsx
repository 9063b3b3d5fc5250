import { useMutation } from '@apollo/client/react';
import { useSession } from '../../../app/sessionContext.js';
import { formatDateTime } from '../../../shared/time.js';
import { useTimeZone } from '../../partnership/partnership.js';
import { RESET_PASSWORD_MUTATION } from '../graphql/mutations/resetPassword.mutation.js';
import { useCheckedLink } from '../useCheckedLink.js';
import { LinkGate } from './LinkGate.js';
import { SetPasswordForm } from './SetPasswordForm.js';
import '../../events/events.css';
import '../access.css';

/**
 * /password?code=… — a member sets a new password with a one-time link (a coordinator's reset,
 * one asked for by email, or the sign-in link `pnpm admin` prints), and is signed in.
 */
export function PasswordPage() {
  const link = useCheckedLink('PASSWORD');
  const { signIn } = useSession();
  const timeZone = useTimeZone();
  const [reset, { loading }] = useMutation(RESET_PASSWORD_MUTATION);

  return (
    // `report`: the resident-facing pages' form kit (events.css) applies here too.
    <section className="page report access" aria-labelledby="password-title">
      <h2 id="password-title">Set your password</h2>
      <LinkGate
        page="password"
        link={link}
        missing={<p>Open the link you received to set your password (it ends with ?code=…).</p>}
      >
        {(code, info) => (
          <>
            <p className="page__lead">
              A new password for <strong>{info.name}</strong> ({info.email}
              {info.organizationName ? `, ${info.organizationName}` : ''}). Your other sessions end when you save it.
            </p>
            <p className="field-hint">This link works once, until {formatDateTime(info.expiresAt, timeZone)}.</p>
            <SetPasswordForm
              page="password"
              email={info.email}
              submitLabel="Save password and sign in"
              busy={loading}
              onSubmit={async ({ password }) => {
                const { data } = await reset({ variables: { code, password } });
                if (data) signIn(data.resetPassword.token, '/board');
              }}
            />
          </>
        )}
      </LinkGate>
    </section>
  );
}
