import { useId } from 'react';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { useTimeZone } from '../../partnership/partnership.js';
import { dateKeyIn, zonedFormat } from '../../../shared/timeZone.js';
import { calendarDate, groupByDay } from '../week.js';
import { EventCard } from './EventCard.js';

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'short' };

interface WeekGridProps {
  events: readonly EventCardData[];
  /** The week's Monday, `YYYY-MM-DD` in the partnership's zone. */
  weekStart: string;
  /** Now, to mark today's column (today in the partnership's zone). */
  today?: Date;
}

/** Seven days side by side, each listing the events taking place that day. */
export function WeekGrid({ events, weekStart, today = new Date() }: WeekGridProps) {
  const id = useId();
  const timeZone = useTimeZone();
  const days = groupByDay(events, weekStart, timeZone);
  const todayKey = dateKeyIn(today, timeZone);
  return (
    <ol className="week-grid">
      {days.map((day) => (
        <li key={day.key} className={`week-day${day.key === todayKey ? ' week-day--today' : ''}`}>
          <section aria-labelledby={`${id}-${day.key}`} data-day={day.key}>
            <h3 id={`${id}-${day.key}`} className="week-day__title">
              {zonedFormat('UTC', DAY_OPTIONS).format(calendarDate(day.key))}
              {day.key === todayKey && <span className="week-day__today"> (today)</span>}
            </h3>
            {day.events.length === 0 ? (
              <p className="week-day__empty">Nothing planned</p>
            ) : (
              <ul className="week-day__events">
                {day.events.map((event) => (
                  <li key={event.id}>
                    <EventCard
                      event={event}
                      headingLevel={4}
                      href={`/events/${encodeURIComponent(event.id)}`}
                      compact
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </li>
      ))}
    </ol>
  );
}
