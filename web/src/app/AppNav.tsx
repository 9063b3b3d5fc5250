import { NavLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { VIEWER_QUERY } from '../features/session/graphql/queries/viewer.query.js';

interface AppNavProps {
  signedIn: boolean;
}

/** The main navigation; the current page is marked for screen readers by NavLink. */
export function AppNav({ signedIn }: AppNavProps) {
  // The header's cached Viewer query; residents have no role to ask about.
  const { data } = useQuery(VIEWER_QUERY, { skip: !signedIn });
  return (
    <nav className="app-nav" aria-label="Main">
      {signedIn ? <NavLink to="/board">Board</NavLink> : <NavLink to="/">Issues</NavLink>}
      <NavLink to="/events">Events</NavLink>
      <NavLink to="/activity">Activity</NavLink>
      <NavLink to="/report">Report an issue</NavLink>
      {data?.viewer?.role === 'COORDINATOR' && <NavLink to="/admin">Admin</NavLink>}
    </nav>
  );
}
