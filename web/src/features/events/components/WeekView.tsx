import { useMemo } from 'react';
import { useEventsList } from '../useEventsList.js';
import { useTimeZone } from '../../partnership/partnership.js';
import { zonedFormat } from '../../../shared/timeZone.js';
import { addDays, calendarDate, startOfWeek, weekRange } from '../week.js';
import { WeekGrid } from './WeekGrid.js';

const RANGE_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

interface WeekViewProps {
  /** The Monday shown, `YYYY-MM-DD` in the partnership's zone. */
  weekStart: string;
  onWeekChange: (weekStart: string) => void;
}

/** One week of events, Monday to Sunday, with buttons to move between weeks. */
export function WeekView({ weekStart, onWeekChange }: WeekViewProps) {
  const timeZone = useTimeZone();
  const filter = useMemo(() => {
    const { from, to } = weekRange(weekStart, timeZone);
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  }, [weekStart, timeZone]);
  const list = useEventsList({ filter, first: 100 });
  const thisWeek = startOfWeek(Date.now(), timeZone);

  return (
    <div className="week-view">
      <div className="week-view__nav">
        <button type="button" className="button--secondary" onClick={() => onWeekChange(addDays(weekStart, -7))}>
          ← Previous week
        </button>
        <h3 className="week-view__title" aria-live="polite">
          {zonedFormat('UTC', RANGE_OPTIONS).formatRange(calendarDate(weekStart), calendarDate(addDays(weekStart, 6)))}
        </h3>
        <button
          type="button"
          className="button--secondary"
          onClick={() => onWeekChange(thisWeek)}
          disabled={thisWeek === weekStart}
        >
          This week
        </button>
        <button type="button" className="button--secondary" onClick={() => onWeekChange(addDays(weekStart, 7))}>
          Next week →
        </button>
      </div>
      {list.loading ? (
        <p className="events__message" role="status">
          Loading the week…
        </p>
      ) : list.error && list.events.length === 0 ? (
        <div className="events__message events__message--error" role="alert">
          <p>This week could not be loaded: {list.error.message}</p>
          <button type="button" onClick={list.retry}>
            Try again
          </button>
        </div>
      ) : (
        <>
          {list.events.length === 0 && (
            <p className="events__message">
              Nothing planned this week. Try the next week, or the list of all upcoming events.
            </p>
          )}
          <WeekGrid events={list.events} weekStart={weekStart} />
        </>
      )}
    </div>
  );
}
