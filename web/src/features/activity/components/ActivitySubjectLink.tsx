import { Link } from 'react-router';
import type { ActivityEntryData } from '../graphql/fragments/activityEntry.fragment.js';

interface ActivitySubjectLinkProps {
  entry: ActivityEntryData;
  signedIn: boolean;
}

/**
 * A link to what changed: the issue on the board (members only: the public has no issue page)
 * or the event's page.
 */
export function ActivitySubjectLink({ entry, signedIn }: ActivitySubjectLinkProps) {
  if (entry.issue && signedIn) {
    return (
      <>
        {' · '}
        <Link
          to={`/board/issues/${encodeURIComponent(entry.issue.id)}`}
          aria-label={`View issue: ${entry.issue.title}`}
        >
          View issue
        </Link>
      </>
    );
  }
  if (entry.event) {
    return (
      <>
        {' · '}
        <Link to={`/events/${encodeURIComponent(entry.event.id)}`} aria-label={`View event: ${entry.event.title}`}>
          View event
        </Link>
      </>
    );
  }
  return null;
}
