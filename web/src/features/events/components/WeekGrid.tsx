import { useId } from 'react';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { dateKey, groupByDay } from '../week.js';
import { EventCard } from './EventCard.js';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });

interface WeekGridProps {
  events: readonly EventCardData[];
  /** Local midnight of the week's Monday. */
  weekStart: Date;
  /** Today's date, to mark its column. */
  today?: Date;
}

/** Seven days side by side, each listing the events taking place that day. */
export function WeekGrid({ events, weekStart, today = new Date() }: WeekGridProps) {
  const id = useId();
  const days = groupByDay(events, weekStart);
  const todayKey = dateKey(today);
  return (
    <ol className="week-grid">
      {days.map((day) => (
        <li key={day.key} className={`week-day${day.key === todayKey ? ' week-day--today' : ''}`}>
          <section aria-labelledby={`${id}-${day.key}`} data-day={day.key}>
            <h3 id={`${id}-${day.key}`} className="week-day__title">
              {dayFormat.format(day.date)}
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
