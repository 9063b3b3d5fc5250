import { Link } from 'react-router';
import { useSession } from '../../../app/sessionContext.js';
import { usePartnership } from '../../partnership/partnership.js';
import { SetupWithLink } from './SetupWithLink.js';
import '../../events/events.css';
import '../../access/access.css';

/**
 * /setup?code=… — the first run: whoever started the server opens the link it printed, names the
 * partnership and becomes its first coordinator, signed in and sent to the admin area.
 */
export function SetupPage() {
  const { known, setupRequired } = usePartnership();
  const { signedIn } = useSession();
  return (
    // `report`: the resident-facing pages' form kit (events.css) applies here too.
    <section className="page report access" aria-labelledby="setup-title">
      <h2 id="setup-title">Set up Bridgeboard</h2>
      {known && !setupRequired ? (
        <div className="link-missing" role="status">
          {signedIn ? (
            <p>
              Setup is complete. Change the partnership’s settings in the <Link to="/admin">admin area</Link>.
            </p>
          ) : (
            <p>Setup is complete: sign in with the form at the top of the page.</p>
          )}
        </div>
      ) : (
        <SetupWithLink />
      )}
    </section>
  );
}
