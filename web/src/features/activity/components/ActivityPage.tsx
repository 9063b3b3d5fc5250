import { useActivityFeed } from '../useActivityFeed.js';
import { useNow } from '../useNow.js';
import { useViewer } from '../../events/useViewer.js';
import { ActivityEntry } from './ActivityEntry.js';
import '../../events/events.css';
import '../activity.css';

/** /activity — what changed, by whom, newest first; new entries appear at the top as they happen. */
export function ActivityPage() {
  const { viewer } = useViewer();
  const feed = useActivityFeed();
  const now = useNow();
  const signedIn = Boolean(viewer);

  return (
    <section className="page activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <p className="page__lead">
        {signedIn
          ? 'Every change to issues and events you can see, newest first. New changes appear at the top as they happen.'
          : 'Public changes to community issues and events, newest first. New changes appear at the top as they happen.'}
      </p>
      {feed.loading ? (
        <p className="activity__message" role="status">
          Loading recent activity…
        </p>
      ) : feed.error && feed.entries.length === 0 ? (
        <div className="activity__message activity__message--error" role="alert">
          <p>The activity feed could not be loaded: {feed.error.message}</p>
          <button type="button" onClick={feed.retry}>
            Try again
          </button>
        </div>
      ) : feed.entries.length === 0 ? (
        <p className="activity__message">
          Nothing has happened yet. Reports, status changes, comments and events will show up here as they happen.
        </p>
      ) : (
        <ol className="activity__list" aria-label="Recent activity" aria-live="polite" aria-relevant="additions">
          {feed.entries.map((entry) => (
            <li key={entry.seq}>
              <ActivityEntry entry={entry} signedIn={signedIn} now={now} isNew={feed.liveSeqs.has(entry.seq)} />
            </li>
          ))}
        </ol>
      )}
      {feed.hasOlder && !feed.loading && feed.entries.length > 0 && (
        <p className="activity__older">
          <button type="button" onClick={() => void feed.loadOlder()} disabled={feed.loadingOlder}>
            {feed.loadingOlder ? 'Loading…' : 'Show older activity'}
          </button>
        </p>
      )}
      {feed.olderError && (
        <p className="form-error" role="alert">
          Older activity could not be loaded: {feed.olderError}
        </p>
      )}
    </section>
  );
}
