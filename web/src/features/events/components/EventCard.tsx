import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { humanizeEnum } from '../../../shared/humanize.js';
import { useTimeZone } from '../../partnership/partnership.js';
import { formatEventTime, formatClock, sameDay } from '../eventTime.js';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';

interface EventCardProps {
  event: EventCardData;
  /** The card's heading level: 2 on the event's own page, 3 in a list, 4 inside a week day. */
  headingLevel?: 2 | 3 | 4;
  /** Where the title links to (the event's own page); plain text when absent. */
  href?: string;
  /** For the week view's narrow columns: no description, and only the clock time of a one-day event. */
  compact?: boolean;
  /** Actions shown under the details (RSVP, staff, edit, cancel). */
  children?: ReactNode;
}

/** A shared event: what, when, where, who hosts it, who is coming and who staffs it. */
export function EventCard({ event, headingLevel = 3, href, compact = false, children }: EventCardProps) {
  const titleId = useId();
  const timeZone = useTimeZone();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  const cancelled = event.status === 'CANCELLED';
  const placesLeft = event.capacity != null ? Math.max(0, event.capacity - event.rsvpCount) : null;
  return (
    <article
      className={`event-card${cancelled ? ' event-card--cancelled' : ''}${compact ? ' event-card--compact' : ''}`}
      aria-labelledby={titleId}
      data-event-id={event.id}
      data-version={event.version}
    >
      <header className="event-card__header">
        <Heading id={titleId} className="event-card__title">
          {href ? <Link to={href}>{event.title}</Link> : event.title}
        </Heading>
        <p className="event-card__badges">
          <span className="badge">{humanizeEnum(event.kind)}</span>
          <span className={`badge badge--${event.status.toLowerCase()}`}>{humanizeEnum(event.status)}</span>
          {!event.isPublic && <span className="badge badge--private">Members only</span>}
        </p>
      </header>
      {cancelled && event.cancelReason && (
        <p className="event-card__cancelled">
          <strong>Cancelled:</strong> {event.cancelReason}
        </p>
      )}
      <dl className="event-card__meta">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={event.startsAt}>
              {compact && sameDay(new Date(event.startsAt), new Date(event.endsAt), timeZone)
                ? `${formatClock(event.startsAt, timeZone)} – ${formatClock(event.endsAt, timeZone)}`
                : formatEventTime(event.startsAt, event.endsAt, timeZone)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {event.locationName}
            {event.neighborhood && `, ${event.neighborhood.name}`}
          </dd>
        </div>
        <div>
          <dt>Host</dt>
          <dd>{event.host.name}</dd>
        </div>
        {event.coHosts.length > 0 && (
          <div>
            <dt>Co-hosts</dt>
            <dd>{event.coHosts.map((org) => org.name).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>RSVPs</dt>
          <dd>
            {event.capacity != null ? `${event.rsvpCount} / ${event.capacity}` : `${event.rsvpCount}`} coming
            {placesLeft === 0 && !cancelled && <span className="event-card__full"> (full)</span>}
          </dd>
        </div>
        <div>
          <dt>Staff</dt>
          <dd>
            {event.staffCount === 0 ? (
              'None committed yet'
            ) : (
              <>
                {event.staffCount} committed
                <ul className="event-card__staff" aria-label="Staff committed per organization">
                  {event.staff.map((s) => (
                    <li key={s.organization.id}>
                      {s.organization.name}: {s.count}
                      {s.note && <span className="event-card__note"> — {s.note}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </dd>
        </div>
      </dl>
      {event.description && !compact && <p className="event-card__description">{event.description}</p>}
      {children && <div className="event-card__actions">{children}</div>}
    </article>
  );
}
