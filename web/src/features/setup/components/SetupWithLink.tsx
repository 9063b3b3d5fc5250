import { useMutation } from '@apollo/client/react';
import { useSession } from '../../../app/sessionContext.js';
import { LinkGate } from '../../access/components/LinkGate.js';
import { useCheckedLink } from '../../access/useCheckedLink.js';
import { COMPLETE_SETUP_MUTATION } from '../graphql/mutations/completeSetup.mutation.js';
import { toSetupInput } from '../setupForm.js';
import { SetupForm } from './SetupForm.js';

/** The setup form behind a checked setup link; a refused or missing link says what to do. */
export function SetupWithLink() {
  const link = useCheckedLink('SETUP');
  const { signIn } = useSession();
  const [complete, { loading }] = useMutation(COMPLETE_SETUP_MUTATION);
  return (
    <LinkGate
      page="setup"
      link={link}
      missing={
        <>
          <p>
            <strong>Open the setup link printed in the server’s log when it started.</strong>
          </p>
          <p>
            It is on a line starting with “Set up Bridgeboard: open”, and ends with <code>/setup?code=</code> and a
            43-character code. It is valid for 24 hours; each restart prints a new one until setup is done.
          </p>
        </>
      }
    >
      {(code) => (
        <>
          <p className="page__lead">
            Name the partnership and create the first coordinator account: yours. You can invite officers and partners
            and import the neighborhoods next.
          </p>
          <SetupForm
            busy={loading}
            onSubmit={async (values) => {
              const { data } = await complete({ variables: { code, input: toSetupInput(values) } });
              if (data) signIn(data.completeSetup.token, '/admin');
            }}
          />
        </>
      )}
    </LinkGate>
  );
}
