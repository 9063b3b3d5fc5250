import { useMemo } from 'react';
import { useEventsList } from '../useEventsList.js';
import { addDays, startOfWeek } from '../week.js';
import { WeekGrid } from './WeekGrid.js';

const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

interface WeekViewProps {
  /** Local midnight of the Monday shown. */
  weekStart: Date;
  onWeekChange: (weekStart: Date) => void;
}

/** One week of events, Monday to Sunday, with buttons to move between weeks. */
export function WeekView({ weekStart, onWeekChange }: WeekViewProps) {
  const weekEnd = useMemo(() => addDays(weekStart, 7), [weekStart]);
  const list = useEventsList({
    filter: { from: weekStart.toISOString(), to: weekEnd.toISOString() },
    first: 100,
  });
  const isThisWeek = startOfWeek(new Date()).getTime() === weekStart.getTime();

  return (
    <div className="week-view">
      <div className="week-view__nav">
        <button type="button" className="button--secondary" onClick={() => onWeekChange(addDays(weekStart, -7))}>
          ← Previous week
        </button>
        <h3 className="week-view__title" aria-live="polite">
          {rangeFormat.formatRange(weekStart, addDays(weekStart, 6))}
        </h3>
        <button
          type="button"
          className="button--secondary"
          onClick={() => onWeekChange(startOfWeek(new Date()))}
          disabled={isThisWeek}
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
