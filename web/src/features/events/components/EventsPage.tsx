import { Route, Routes } from 'react-router';
import { CreateEventPage } from './CreateEventPage.js';
import { EditEventPage } from './EditEventPage.js';
import { EventDetailPage } from './EventDetailPage.js';
import { EventsOverview } from './EventsOverview.js';
import '../events.css';

/** Everything under /events: the overview, one event, and the create and edit forms. */
export function EventsPage() {
  return (
    <Routes>
      <Route index element={<EventsOverview />} />
      <Route path="new" element={<CreateEventPage />} />
      <Route path=":eventId" element={<EventDetailPage />} />
      <Route path=":eventId/edit" element={<EditEventPage />} />
    </Routes>
  );
}
