import { useQuery } from '@apollo/client/react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useViewer } from '../../events/useViewer.js';
import { TimeZoneContext } from '../adminForm.js';
import { ADMIN_TIME_ZONE_QUERY } from '../graphql/queries/adminTimeZone.query.js';
import { ApiTokensPage } from './ApiTokensPage.js';
import { MembersPage } from './MembersPage.js';
import { NeighborhoodsPage } from './NeighborhoodsPage.js';
import { OrganizationsPage } from './OrganizationsPage.js';
import { SettingsPage } from './SettingsPage.js';
import '../admin.css';

/** The admin area's sub-pages, in the order of its navigation. */
export const ADMIN_SECTIONS = [
  { path: 'settings', label: 'Settings' },
  { path: 'organizations', label: 'Organizations' },
  { path: 'members', label: 'Members and invitations' },
  { path: 'neighborhoods', label: 'Neighborhoods' },
  { path: 'api-tokens', label: 'API tokens' },
] as const;

/** /admin/*: the coordinators' area, one URL per sub-page. Everyone else is told it is not for them. */
export function AdminPage() {
  const { viewer, loading } = useViewer();

  if (loading) {
    return (
      <p className="page-loading" role="status">
        Loading…
      </p>
    );
  }
  if (viewer?.role !== 'COORDINATOR') {
    return (
      <section className="page admin" aria-labelledby="admin-title">
        <h2 id="admin-title">Admin</h2>
        <p className="admin__refused">Only coordinators can open the admin area.</p>
      </section>
    );
  }
  return <CoordinatorArea />;
}

function CoordinatorArea() {
  // Every date in the admin area is shown in the partnership's time zone.
  const { data } = useQuery(ADMIN_TIME_ZONE_QUERY);
  return (
    <TimeZoneContext.Provider value={data?.partnership.timeZone}>
      <section className="page admin" aria-labelledby="admin-title">
        <h2 id="admin-title">Admin</h2>
        <nav className="admin__nav" aria-label="Admin">
          {ADMIN_SECTIONS.map((section) => (
            <NavLink key={section.path} to={`/admin/${section.path}`}>
              {section.label}
            </NavLink>
          ))}
        </nav>
        <div className="admin__body">
          <Routes>
            <Route index element={<Navigate to="settings" replace />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="organizations" element={<OrganizationsPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="neighborhoods" element={<NeighborhoodsPage />} />
            <Route path="api-tokens" element={<ApiTokensPage />} />
            <Route path="*" element={<Navigate to="settings" replace />} />
          </Routes>
        </div>
      </section>
    </TimeZoneContext.Provider>
  );
}
