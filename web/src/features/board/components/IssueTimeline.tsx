import { formatDateTime } from '../../../shared/time.js';
import { STATUS_LABEL } from '../board.statuses.js';
import type { BoardTimelineEntry } from '../graphql/fragments/boardTimelineEntry.fragment.js';
import { useTimeZone } from '../../partnership/partnership.js';

interface IssueTimelineProps {
  updates: readonly BoardTimelineEntry[];
}

const KIND_LABEL: Record<BoardTimelineEntry['kind'], string> = {
  COMMENT: 'Comment',
  STATUS_CHANGE: 'Status change',
  ASSIGNMENT: 'Assignment',
};

/** Updates and status changes, oldest first; internal (PARTNERS) notes are marked as such. */
export function IssueTimeline({ updates }: IssueTimelineProps) {
  const timeZone = useTimeZone();
  return (
    <section className="drawer__section" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {updates.length === 0 ? (
        <p className="drawer__hint">Nothing yet. Add the first update below.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {updates.map((update) => {
            const who = [update.author?.name, update.organization?.name].filter(Boolean).join(', ') || 'A resident';
            const move =
              update.fromStatus && update.toStatus
                ? `${STATUS_LABEL[update.fromStatus]} → ${STATUS_LABEL[update.toStatus]}`
                : null;
            const internal = update.visibility === 'PARTNERS';
            return (
              <li
                key={update.id}
                className={`timeline__entry timeline__entry--${update.kind.toLowerCase()}${internal ? ' timeline__entry--internal' : ''}`}
              >
                <p className="timeline__meta">
                  <span className="timeline__kind">{KIND_LABEL[update.kind]}</span>
                  {internal && <span className="timeline__internal">Internal</span>}
                  <span>{who}</span>
                  <time dateTime={update.createdAt}>{formatDateTime(update.createdAt, timeZone)}</time>
                </p>
                {move && <p className="timeline__move">{move}</p>}
                {update.body !== move && <p className="timeline__body">{update.body}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
