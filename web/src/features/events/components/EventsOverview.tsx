import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../useViewer.js';
import { dateKey, parseWeekParam } from '../week.js';
import { EventList } from './EventList.js';
import { PendingCoHostInvitations } from './PendingCoHostInvitations.js';
import { WeekView } from './WeekView.js';

type View = 'list' | 'week';

/**
 * /events — upcoming events as a list or a week. The view and the week live in the URL
 * (`?view=week&week=2026-11-23`) so they survive a reload and can be shared as a link.
 */
export function EventsOverview() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'list';
  const weekStart = parseWeekParam(params.get('week'));

  const showView = (next: View) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next === 'list') {
        updated.delete('view');
        updated.delete('week');
      } else updated.set('view', 'week');
      return updated;
    });
  const showWeek = (start: Date) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('view', 'week');
      updated.set('week', dateKey(start));
      return updated;
    });

  return (
    <section className="page events" aria-labelledby="events-title">
      <div className="events__header">
        <h2 id="events-title">Shared events</h2>
        <div className="view-toggle" role="group" aria-label="Show events as">
          <button type="button" aria-pressed={view === 'list'} onClick={() => showView('list')}>
            List
          </button>
          <button type="button" aria-pressed={view === 'week'} onClick={() => showView('week')}>
            Week
          </button>
        </div>
        {viewer && (
          <Link className="button-link events__new" to="/events/new">
            New event
          </Link>
        )}
      </div>
      <p className="page__lead">
        {viewer
          ? 'Town halls, youth programs, health fairs and walks the partnership plans together. Changes appear as they happen.'
          : 'Town halls, youth programs, health fairs and community walks near you. Reserve a place, no account needed.'}
      </p>
      {viewer && <PendingCoHostInvitations />}
      {view === 'week' ? <WeekView weekStart={weekStart} onWeekChange={showWeek} /> : <EventList viewer={viewer} />}
    </section>
  );
}
