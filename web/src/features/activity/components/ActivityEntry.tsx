import type { ActivityEntryData } from '../graphql/fragments/activityEntry.fragment.js';
import { ACTIVITY_KIND_LABELS } from '../activityKinds.js';
import { absoluteTime, relativeTime } from '../relativeTime.js';
import { whoDidIt } from '../whoDidIt.js';
import { ActivitySubjectLink } from './ActivitySubjectLink.js';
import { useTimeZone } from '../../partnership/partnership.js';

interface ActivityEntryProps {
  entry: ActivityEntryData;
  /** Members see who did it and open issues on the board; the public sees organizations. */
  signedIn: boolean;
  now: Date;
  /** Arrived live since the page loaded. */
  isNew?: boolean;
}

/** One change: what happened, who did it, when, and a link to the issue or event. */
export function ActivityEntry({ entry, signedIn, now, isNew = false }: ActivityEntryProps) {
  const timeZone = useTimeZone();
  return (
    <article className={`activity-entry${isNew ? ' activity-entry--new' : ''}`} data-seq={entry.seq}>
      <p className="activity-entry__summary">
        <span className={`activity-entry__kind activity-entry__kind--${entry.kind.toLowerCase()}`}>
          {ACTIVITY_KIND_LABELS[entry.kind]}
        </span>{' '}
        {entry.summary}
        {isNew && <span className="activity-entry__new"> New</span>}
      </p>
      <p className="activity-entry__meta">
        <span className="activity-entry__who">{whoDidIt(entry, signedIn)}</span>
        {' · '}
        <time dateTime={entry.at} title={absoluteTime(entry.at, timeZone)}>
          {relativeTime(entry.at, now)}
        </time>
        <ActivitySubjectLink entry={entry} signedIn={signedIn} />
      </p>
    </article>
  );
}
