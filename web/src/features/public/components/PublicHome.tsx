import { Link } from 'react-router';
import { usePartnership } from '../../partnership/partnership.js';
import { PublicIssues } from './PublicIssues.js';
import { SetupNeeded } from './SetupNeeded.js';
import { UpcomingPublicEvents } from './UpcomingPublicEvents.js';
import '../../events/events.css';
import '../public.css';

/** / for residents: report an issue, see what neighbors reported, support it, and come to events. */
export function PublicHome() {
  const { known, setupRequired, welcomeText } = usePartnership();
  if (known && setupRequired) return <SetupNeeded />;
  const welcome = welcomeText?.trim();
  return (
    <div className="public">
      <section className="public__hero" aria-labelledby="public-hero-title">
        <h2 id="public-hero-title">Your city, working together</h2>
        {welcome ? (
          <p className="public__welcome">{welcome}</p>
        ) : (
          <p>
            The police and community organizations work on the issues residents report, in the open. See what your
            neighbors reported, add your support, and join the next town hall or community walk.
          </p>
        )}
        <p className="public__cta">
          <Link className="button-link button-link--large" to="/report">
            Report an issue
          </Link>
          <span className="public__hero-note">No account needed. You can stay anonymous.</span>
        </p>
      </section>
      <div className="public__columns">
        <PublicIssues />
        <UpcomingPublicEvents />
      </div>
    </div>
  );
}
