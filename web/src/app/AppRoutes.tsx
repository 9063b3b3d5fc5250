import { Navigate, Route, Routes } from 'react-router';
import { Board } from '../features/board/components/Board.js';
import { EventsPage } from '../features/events/components/EventsPage.js';
import { ActivityPage } from '../features/activity/components/ActivityPage.js';
import { PublicHome } from '../features/public/components/PublicHome.js';
import { ReportPage } from '../features/public/components/ReportPage.js';

interface AppRoutesProps {
  signedIn: boolean;
}

/**
 * Every page has its own URL so views and filters can be shared as links.
 * Members land on the board; residents on the public page.
 */
export function AppRoutes({ signedIn }: AppRoutesProps) {
  return (
    <Routes>
      <Route path="/" element={signedIn ? <Navigate to="/board" replace /> : <PublicHome />} />
      <Route path="/board/*" element={signedIn ? <Board /> : <Navigate to="/" replace />} />
      <Route path="/events/*" element={<EventsPage />} />
      <Route path="/activity" element={<ActivityPage />} />
      <Route path="/report" element={<ReportPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
