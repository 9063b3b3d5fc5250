import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';

// Each page is its own chunk: a resident opening the report form does not download the board.
const Board = lazy(() => import('../features/board/components/Board.js').then((m) => ({ default: m.Board })));
const EventsPage = lazy(() =>
  import('../features/events/components/EventsPage.js').then((m) => ({ default: m.EventsPage })),
);
const ActivityPage = lazy(() =>
  import('../features/activity/components/ActivityPage.js').then((m) => ({ default: m.ActivityPage })),
);
const PublicHome = lazy(() =>
  import('../features/public/components/PublicHome.js').then((m) => ({ default: m.PublicHome })),
);
const ReportPage = lazy(() =>
  import('../features/public/components/ReportPage.js').then((m) => ({ default: m.ReportPage })),
);
const SetupPage = lazy(() =>
  import('../features/setup/components/SetupPage.js').then((m) => ({ default: m.SetupPage })),
);
const InvitationPage = lazy(() =>
  import('../features/access/components/InvitationPage.js').then((m) => ({ default: m.InvitationPage })),
);
const PasswordPage = lazy(() =>
  import('../features/access/components/PasswordPage.js').then((m) => ({ default: m.PasswordPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/access/components/ForgotPasswordPage.js').then((m) => ({ default: m.ForgotPasswordPage })),
);
const AdminPage = lazy(() =>
  import('../features/admin/components/AdminPage.js').then((m) => ({ default: m.AdminPage })),
);

interface AppRoutesProps {
  signedIn: boolean;
}

/**
 * Every page has its own URL so views and filters can be shared as links.
 * Members land on the board; residents on the public page.
 */
export function AppRoutes({ signedIn }: AppRoutesProps) {
  return (
    <Suspense
      fallback={
        <p className="page-loading" role="status">
          Loading…
        </p>
      }
    >
      <Routes>
        <Route path="/" element={signedIn ? <Navigate to="/board" replace /> : <PublicHome />} />
        <Route path="/board/*" element={signedIn ? <Board /> : <Navigate to="/" replace />} />
        <Route path="/events/*" element={<EventsPage />} />
        <Route path="/activity" element={<ActivityPage />} />
        <Route path="/report" element={<ReportPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/password" element={<PasswordPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/admin/*" element={<AdminPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
